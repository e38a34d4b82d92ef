// Pure parsers for the Orders API getOrder answers, 2026-01-01 and v0, into
// the canonical Order. Bytes in, values out: no sockets, clocks or globals.
//
//   absl::StatusOr<v1::Order> order = ParseGetOrderResponse(response, "acme");
//
// What is read (sources: orders_2026-01-01.json, ordersV0.json, the fixtures
// in ../shared/fixtures/sp-api/orders*.json; reference §3.1-§3.3):
// - 2026-01-01: orderId, createdTime, programs (PRIME), salesChannel
//   .marketplaceId, fulfillment {fulfillmentStatus, fulfilledBy
//   AMAZON|MERCHANT, fulfillmentServiceLevel, shipByWindow, deliverByWindow},
//   and packages[] (merchant-fulfilled only) {packageReferenceId, carrier,
//   trackingNumber, shippingService, shipTime, packageStatus{status,
//   detailedStatus}}: one Shipment each, Amazon's view of the package;
// - v0: AmazonOrderId, PurchaseDate, OrderStatus, FulfillmentChannel AFN|MFN,
//   MarketplaceId, ShipServiceLevel, IsPrime, Earliest/LatestShipDate,
//   Earliest/LatestDeliveryDate (v0 carries no tracking numbers).
// Buyer, recipient, address and price fields are never read, even when the
// payload has them, so nothing personal reaches the cache or the logs.
// Errors: SpApiError (sp_api_errors.h); a 200 without the order → UNAVAILABLE.
#ifndef TRACKENRICH_ADAPTERS_AMAZON_ORDERS_PARSER_H_
#define TRACKENRICH_ADAPTERS_AMAZON_ORDERS_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/order.pb.h"

namespace trackenrich::adapters::amazon {

absl::StatusOr<v1::Order> ParseGetOrderResponse(const http::HttpResponse& response,
                                                absl::string_view tenant);

absl::StatusOr<v1::Order> ParseGetOrderV0Response(const http::HttpResponse& response,
                                                  absl::string_view tenant);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_ORDERS_PARSER_H_
