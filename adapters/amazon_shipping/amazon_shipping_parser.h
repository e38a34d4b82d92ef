// Pure parser for Amazon Shipping API v2 getTracking: bytes in, canonical
// values out. No sockets, clocks or globals.
//
//   absl::StatusOr<v1::Shipment> shipment = ParseAmazonShippingTrackResponse(response, "TBA...");
//
// Quirks handled (sources: ../shared/fixtures/sp-api/shippingV2.getTracking.*,
// ../shared/fixtures/amazon-shipping, shippingV2.json):
// - the body is {"payload": GetTrackingResult} per the model, but the model's
//   own example is the bare GetTrackingResult: both are read;
// - a package that went back: Amazon's example has the forward leg
//   Undeliverable, then ReturnInitiated and Delivered on the RETURNS leg, with
//   summary.status "Delivered". That is RETURNED (delivered to the seller),
//   never DELIVERED, and the forward leg's detail codes give the reason
//   (Rejected → REFUSED);
// - eventTime is UTC ("...Z", with milliseconds): exact, offset 0;
// - alternateLegTrackingId may be the string "null";
// - proof of delivery: receivedBy, the Signed detail code, DeliveredToPorch
//   and friends (the place), deliveryImageURL (a photo reference).
// Errors: the SP-API error list {"errors":[{code, message}]}: 400
// InvalidTrackingId → NOT_FOUND; other 400, 413, 415 → INTERNAL (a request
// this service built wrong); 401/403 → FAILED_PRECONDITION (the seller's LWA
// authorization); 404 → NOT_FOUND; 429 → RESOURCE_EXHAUSTED; 5xx → UNAVAILABLE.
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_PARSER_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::amazon_shipping {

absl::StatusOr<v1::Shipment> ParseAmazonShippingTrackResponse(const http::HttpResponse& response,
                                                              absl::string_view requested_number);

}  // namespace trackenrich::adapters::amazon_shipping

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_PARSER_H_
