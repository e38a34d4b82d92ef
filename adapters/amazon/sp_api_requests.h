// Pure builders for the Selling Partner API calls an order lookup makes.
// None asks for buyer or address data: no BUYER or RECIPIENT included data,
// no restricted data token.
//
//   HttpRequest get = BuildGetOrderRequest("114-3941689-8772232", access_token);
//
// APIs (selling-partner-api-models; reference/upstream-apis.md §3.1-§3.4):
// - Orders 2026-01-01 getOrder: GET /orders/2026-01-01/orders/{orderId}
//   ?includedData=FULFILLMENT,PACKAGES (usage plan 0.5 rps, burst 30);
// - Orders v0 getOrder: GET /orders/v0/orders/{orderId} (0.5 rps, burst 30);
// - Fulfillment Outbound 2020-07-01 getFulfillmentOrder:
//   GET /fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}
//   and getPackageTrackingDetails: GET /fba/outbound/2020-07-01/tracking
//   ?packageNumber= (2 rps, burst 30 each).
// The LWA access token travels in x-amz-access-token (no SigV4 since 2023).
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SP_API_REQUESTS_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SP_API_REQUESTS_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::amazon {

inline constexpr absl::string_view kOrdersPath = "/orders/2026-01-01/orders/";
inline constexpr absl::string_view kOrdersV0Path = "/orders/v0/orders/";
inline constexpr absl::string_view kFulfillmentOrdersPath =
    "/fba/outbound/2020-07-01/fulfillmentOrders/";
inline constexpr absl::string_view kPackageTrackingPath = "/fba/outbound/2020-07-01/tracking";

http::HttpRequest BuildGetOrderRequest(absl::string_view order_id, absl::string_view access_token);
http::HttpRequest BuildGetOrderV0Request(absl::string_view order_id,
                                         absl::string_view access_token);
http::HttpRequest BuildGetFulfillmentOrderRequest(absl::string_view seller_fulfillment_order_id,
                                                  absl::string_view access_token);
http::HttpRequest BuildGetPackageTrackingRequest(absl::string_view package_number,
                                                 absl::string_view access_token);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SP_API_REQUESTS_H_
