// The Amazon Shipping crosswalk: v2 getTracking summary Status, EventCode and
// DetailCodes → canonical state and reason.
//
//   AmazonShippingStatus s = MapAmazonShippingStatus("AwaitingCustomerPickup");  //
//   AVAILABLE_FOR_PICKUP
//
// Sources: the Status, EventCode and DetailCodes enums of shippingV2.json
// (amzn/selling-partner-api-models, with their descriptions), the PackageReceivedByCarrier event
// added 2025-08-01 (Amazon Shipping changelog), and reference/upstream-apis.md §1.4, whose
// crosswalk puts Lost, Undeliverable and Rejected in LOST
// ("lost, damaged, or undeliverable"). Event codes outside the enum (karrio's
// hand-written PickedUp, InTransit, ArrivedAtDeliveryStation) are read by
// name; anything else is IN_TRANSIT.
// Returns: events on the RETURNS leg are RETURNING, and RETURNED once
// delivered back (ReturnInitiated starts that leg).
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::amazon_shipping {

struct AmazonShippingStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// summary.status. UNSPECIFIED state for values outside the enum.
AmazonShippingStatus MapAmazonShippingStatus(absl::string_view status);

// eventHistory[].eventCode on the FORWARD leg.
AmazonShippingStatus MapAmazonShippingEvent(absl::string_view event_code);

// The same for an event of the RETURNS leg: RETURNED when delivered back,
// else RETURNING.
AmazonShippingStatus MapAmazonShippingReturnEvent(absl::string_view event_code);

// A trackingDetailCodes entry as a reason (STATE_REASON_UNSPECIFIED when it
// is proof of delivery rather than a problem, e.g. Signed, DeliveredToPorch).
v1::StateReason AmazonShippingDetailReason(absl::string_view detail_code);

}  // namespace trackenrich::adapters::amazon_shipping

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_STATUS_MAP_H_
