// Pure parsers for Fulfillment Outbound 2020-07-01 (Amazon Multi-Channel
// Fulfillment): getFulfillmentOrder → Order, getPackageTrackingDetails →
// Shipment. Bytes in, values out.
//
//   absl::StatusOr<v1::Order> order = ParseFulfillmentOrderResponse(response, "acme");
//   absl::StatusOr<v1::Shipment> package = ParsePackageTrackingResponse(response, "acme");
//
// What is read (fulfillmentOutbound_2020-07-01.json, fixtures
// ../shared/fixtures/sp-api/fbaOutbound.*; reference §3.4):
// - getFulfillmentOrder: payload.fulfillmentOrder {sellerFulfillmentOrderId,
//   marketplaceId, displayableOrderDate, shippingSpeedCategory,
//   fulfillmentOrderStatus} and payload.fulfillmentShipments[]
//   {fulfillmentShipmentStatus, estimatedArrivalDate,
//   fulfillmentShipmentPackage[] {packageNumber, carrierCode, trackingNumber,
//   estimatedArrivalDate}}: one Shipment per package, package_id the
//   packageNumber that getPackageTrackingDetails takes. The destination
//   address and notification e-mails are never read.
// - getPackageTrackingDetails: payload {packageNumber, trackingNumber,
//   carrierCode, customerTrackingLink (percent-encoded in Amazon's example),
//   estimatedArrivalDate, signedForBy, additionalLocationInfo, currentStatus,
//   currentStatusDescription, trackingEvents[] {eventDate, eventAddress,
//   eventCode, eventDescription}}; currentStatus and event codes mapped by
//   sp_api_status_map.h. Event dates are UTC ("...Z").
// Errors: SpApiError (sp_api_errors.h).
#ifndef TRACKENRICH_ADAPTERS_AMAZON_FULFILLMENT_OUTBOUND_PARSER_H_
#define TRACKENRICH_ADAPTERS_AMAZON_FULFILLMENT_OUTBOUND_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::amazon {

absl::StatusOr<v1::Order> ParseFulfillmentOrderResponse(const http::HttpResponse& response,
                                                        absl::string_view tenant);

absl::StatusOr<v1::Shipment> ParsePackageTrackingResponse(const http::HttpResponse& response,
                                                          absl::string_view tenant);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_FULFILLMENT_OUTBOUND_PARSER_H_
