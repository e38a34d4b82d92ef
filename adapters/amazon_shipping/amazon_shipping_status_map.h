// The Amazon Shipping crosswalk: v2 getTracking summary Status, EventCode and
// DetailCodes → canonical state and reason.
//
//   AmazonShippingStatus s = MapAmazonShippingStatus("AwaitingCustomerPickup");  //
//   AVAILABLE_FOR_PICKUP
//
//   const CrosswalkRow* row = AmazonShippingEventCrosswalk().Find("Rejected");
//   // RETURNING, REFUSED
//
// Sources: the Status, EventCode and DetailCodes enums of shippingV2.json
// (amzn/selling-partner-api-models, with their descriptions) and the
// PackageReceivedByCarrier event added 2025-08-01 (Amazon Shipping
// changelog). Rejected (refused by the recipient) and Undeliverable
// ("undeliverable and is returning to the seller") are RETURNING, not LOST:
// only Lost is lost. RecipientRequestedAlternateDeliveryTiming is the buyer
// moving the date: IN_TRANSIT, RESCHEDULED_BY_RECIPIENT. Event codes outside
// the enum are IN_TRANSIT, except three names third-party examples use for
// published codes (PickedUp, InTransit, ArrivedAtDeliveryStation).
// Returns: events on the RETURNS leg are RETURNING, and RETURNED once
// delivered back (ReturnInitiated starts that leg).
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::amazon_shipping {

struct AmazonShippingStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// summary.status, eventHistory[].eventCode (FORWARD leg) and
// summary.trackingDetailCodes, every published code of each.
const Crosswalk& AmazonShippingStatusCrosswalk();
const Crosswalk& AmazonShippingEventCrosswalk();
const Crosswalk& AmazonShippingDetailCrosswalk();

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
