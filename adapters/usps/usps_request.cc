#include "adapters/usps/usps_request.h"

#include "absl/strings/str_cat.h"

#include "adapters/common/form_encoding.h"

namespace trackenrich::adapters::usps {

http::HttpRequest BuildUspsTokenRequest(absl::string_view client_id,
                                        absl::string_view client_secret) {
  http::HttpRequest request;
  request.method = "POST";
  request.target = std::string(kUspsTokenPath);
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  request.headers.emplace_back("Accept", "application/json");
  request.body = FormBody({{"grant_type", "client_credentials"},
                           {"client_id", client_id},
                           {"client_secret", client_secret},
                           {"scope", "tracking"}});
  request.idempotent = true;
  return request;
}

http::HttpRequest BuildUspsTrackRequest(absl::string_view tracking_number,
                                        absl::string_view access_token) {
  http::HttpRequest request;
  request.method = "GET";
  request.target = absl::StrCat(kUspsTrackPath, PercentEncode(tracking_number), "?expand=DETAIL");
  request.headers.emplace_back("Authorization", absl::StrCat("Bearer ", access_token));
  request.headers.emplace_back("Accept", "application/json");
  return request;
}

}  // namespace trackenrich::adapters::usps
