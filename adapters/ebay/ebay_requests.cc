#include "adapters/ebay/ebay_requests.h"

#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

#include "adapters/common/form_encoding.h"

namespace trackenrich::adapters::ebay {
namespace {

http::HttpRequest FulfillmentGet(std::string target, absl::string_view access_token) {
  http::HttpRequest request;
  request.method = "GET";
  request.target = std::move(target);
  request.headers.emplace_back("Authorization", absl::StrCat("Bearer ", access_token));
  request.headers.emplace_back("Accept", "application/json");
  return request;
}

}  // namespace

http::HttpRequest BuildEbayTokenRequest(absl::string_view client_id,
                                        absl::string_view client_secret,
                                        absl::string_view refresh_token, absl::string_view scope) {
  http::HttpRequest request;
  request.method = "POST";
  request.target = std::string(kEbayTokenPath);
  request.headers.emplace_back(
      "Authorization",
      absl::StrCat("Basic ", absl::Base64Escape(absl::StrCat(client_id, ":", client_secret))));
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  request.headers.emplace_back("Accept", "application/json");
  request.body = FormBody(
      {{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}, {"scope", scope}});
  // Refreshing twice is harmless: the refresh token stays valid.
  request.idempotent = true;
  return request;
}

http::HttpRequest BuildEbayGetOrderRequest(absl::string_view order_id,
                                           absl::string_view access_token) {
  return FulfillmentGet(absl::StrCat(kEbayOrderPath, PercentEncode(order_id)), access_token);
}

http::HttpRequest BuildEbayGetShippingFulfillmentsRequest(absl::string_view order_id,
                                                          absl::string_view access_token) {
  return FulfillmentGet(
      absl::StrCat(kEbayOrderPath, PercentEncode(order_id), kEbayFulfillmentsSuffix), access_token);
}

}  // namespace trackenrich::adapters::ebay
