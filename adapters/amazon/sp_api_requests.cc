#include "adapters/amazon/sp_api_requests.h"

#include <string>

#include "absl/strings/str_cat.h"

#include "adapters/common/form_encoding.h"

namespace trackenrich::adapters::amazon {
namespace {

http::HttpRequest SpApiGet(std::string target, absl::string_view access_token) {
  http::HttpRequest request;
  request.method = "GET";
  request.target = std::move(target);
  request.headers.emplace_back("x-amz-access-token", std::string(access_token));
  request.headers.emplace_back("Accept", "application/json");
  // Amazon asks every client to identify itself and its language.
  request.headers.emplace_back("User-Agent", "trackenrich/0.1 (Language=C++)");
  return request;
}

}  // namespace

http::HttpRequest BuildGetOrderRequest(absl::string_view order_id, absl::string_view access_token) {
  return SpApiGet(
      absl::StrCat(kOrdersPath, PercentEncode(order_id), "?includedData=FULFILLMENT%2CPACKAGES"),
      access_token);
}

http::HttpRequest BuildGetOrderV0Request(absl::string_view order_id,
                                         absl::string_view access_token) {
  return SpApiGet(absl::StrCat(kOrdersV0Path, PercentEncode(order_id)), access_token);
}

http::HttpRequest BuildGetFulfillmentOrderRequest(absl::string_view seller_fulfillment_order_id,
                                                  absl::string_view access_token) {
  return SpApiGet(absl::StrCat(kFulfillmentOrdersPath, PercentEncode(seller_fulfillment_order_id)),
                  access_token);
}

http::HttpRequest BuildGetPackageTrackingRequest(absl::string_view package_number,
                                                 absl::string_view access_token) {
  return SpApiGet(
      absl::StrCat(kPackageTrackingPath, "?", FormBody({{"packageNumber", package_number}})),
      access_token);
}

}  // namespace trackenrich::adapters::amazon
