// Pure builder for Amazon Shipping API v2 getTracking.
//
//   HttpRequest track = BuildAmazonShippingTrackRequest("TBA123456789012", "AMZN_US",
//                                                       access_token, "AmazonShipping_US");
//
// API (selling-partner-api-models shippingV2.json; reference §3.5):
// GET /shipping/v2/tracking?trackingId=...&carrierId=... with the LWA access
// token in x-amz-access-token and, optionally, the Amazon Shipping business
// in x-amzn-shipping-business-id (Amazon's default is AmazonShipping_UK).
// Usage plan: 80 requests per second, burst 100. Only labels bought through
// Amazon Shipping can be tracked this way.
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_REQUEST_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_REQUEST_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::amazon_shipping {

inline constexpr absl::string_view kAmazonShippingTrackPath = "/shipping/v2/tracking";

// `business_id` may be empty (header omitted).
http::HttpRequest BuildAmazonShippingTrackRequest(absl::string_view tracking_id,
                                                  absl::string_view carrier_id,
                                                  absl::string_view access_token,
                                                  absl::string_view business_id);

}  // namespace trackenrich::adapters::amazon_shipping

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_REQUEST_H_
