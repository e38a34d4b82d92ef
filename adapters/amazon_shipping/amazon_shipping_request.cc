#include "adapters/amazon_shipping/amazon_shipping_request.h"

#include <string>

#include "absl/strings/str_cat.h"

#include "adapters/common/form_encoding.h"

namespace trackenrich::adapters::amazon_shipping {

http::HttpRequest BuildAmazonShippingTrackRequest(absl::string_view tracking_id,
                                                  absl::string_view carrier_id,
                                                  absl::string_view access_token,
                                                  absl::string_view business_id) {
  http::HttpRequest request;
  request.method = "GET";
  request.target = absl::StrCat(kAmazonShippingTrackPath, "?",
                                FormBody({{"trackingId", tracking_id}, {"carrierId", carrier_id}}));
  request.headers.emplace_back("x-amz-access-token", std::string(access_token));
  request.headers.emplace_back("Accept", "application/json");
  if (!business_id.empty()) {
    request.headers.emplace_back("x-amzn-shipping-business-id", std::string(business_id));
  }
  return request;
}

}  // namespace trackenrich::adapters::amazon_shipping
