#include "adapters/postnl/postnl_request.h"

#include <string>

#include "absl/strings/str_cat.h"

#include "adapters/common/form_encoding.h"

namespace trackenrich::adapters::postnl {

http::HttpRequest BuildPostnlTrackRequest(absl::string_view barcode, absl::string_view api_key) {
  http::HttpRequest request;
  request.method = "GET";
  request.target = absl::StrCat(kPostnlTrackPathPrefix, PercentEncode(barcode), "?",
                                FormBody({{"detail", "true"}, {"language", "EN"}}));
  request.headers.emplace_back("apikey", std::string(api_key));
  request.headers.emplace_back("Accept", "application/json");
  return request;
}

}  // namespace trackenrich::adapters::postnl
