#include "adapters/amazon/lwa_request.h"

#include <string>

#include "adapters/common/form_encoding.h"

namespace trackenrich::adapters::amazon {

http::HttpRequest BuildLwaTokenRequest(absl::string_view client_id, absl::string_view client_secret,
                                       absl::string_view refresh_token) {
  http::HttpRequest request;
  request.method = "POST";
  request.target = std::string(kLwaTokenPath);
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
  request.headers.emplace_back("Accept", "application/json");
  request.body = FormBody({{"grant_type", "refresh_token"},
                           {"refresh_token", refresh_token},
                           {"client_id", client_id},
                           {"client_secret", client_secret}});
  // Exchanging the same refresh token twice is harmless.
  request.idempotent = true;
  return request;
}

}  // namespace trackenrich::adapters::amazon
