#include "adapters/dhl/dhl_request.h"

#include "absl/strings/str_cat.h"

#include "adapters/common/form_encoding.h"

namespace trackenrich::adapters::dhl {

http::HttpRequest BuildDhlTrackRequest(absl::string_view tracking_number,
                                       absl::string_view api_key) {
  http::HttpRequest request;
  request.method = "GET";
  request.target = absl::StrCat(
      kDhlTrackPath, "?", FormBody({{"trackingNumber", tracking_number}, {"language", "en"}}));
  request.headers.emplace_back("DHL-API-Key", std::string(api_key));
  request.headers.emplace_back("Accept", "application/json");
  return request;
}

}  // namespace trackenrich::adapters::dhl
