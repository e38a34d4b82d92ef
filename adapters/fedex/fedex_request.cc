#include "adapters/fedex/fedex_request.h"

#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/form_encoding.h"

namespace trackenrich::adapters::fedex {

namespace json = boost::json;

http::HttpRequest BuildFedexTokenRequest(absl::string_view client_id,
                                         absl::string_view client_secret) {
  http::HttpRequest request;
  request.method = "POST";
  request.target = std::string(kFedexTokenPath);
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  request.headers.emplace_back("Accept", "application/json");
  request.body = FormBody({{"grant_type", "client_credentials"},
                           {"client_id", client_id},
                           {"client_secret", client_secret}});
  request.idempotent = true;
  return request;
}

http::HttpRequest BuildFedexTrackRequest(const std::vector<std::string>& tracking_numbers,
                                         absl::string_view access_token) {
  json::array tracking_info;
  for (const std::string& number : tracking_numbers) {
    tracking_info.push_back(
        json::object{{"trackingNumberInfo", json::object{{"trackingNumber", number}}}});
  }
  http::HttpRequest request;
  request.method = "POST";
  request.target = std::string(kFedexTrackPath);
  request.headers.emplace_back("Authorization", absl::StrCat("Bearer ", access_token));
  request.headers.emplace_back("Content-Type", "application/json");
  request.headers.emplace_back("Accept", "application/json");
  request.headers.emplace_back("X-locale", "en_US");
  request.body = json::serialize(
      json::object{{"includeDetailedScans", true}, {"trackingInfo", std::move(tracking_info)}});
  request.idempotent = true;
  return request;
}

}  // namespace trackenrich::adapters::fedex
