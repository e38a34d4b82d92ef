// The USPS crosswalk: Tracking v3 statusCategory, event codes and event texts
// → canonical state and reason.
//
//   UspsStatus s = MapUspsStatusCategory("Delivered", "Delivered, Parcel Locker");  // DELIVERED
//   UspsStatus e = MapUspsEvent("OF", "Out for Delivery");                          //
//   OUT_FOR_DELIVERY
//
// Sources:
// - statusCategory values: USPS Publication 199 (IMpb) Appendix G-4/G-5, as
//   cited by the USPS Tracking 3.x OpenAPI (reference/upstream-apis.md §4.3):
//   Pre-Shipment, Accepted, In Transit, Out for Delivery, Delivered,
//   Available for Pickup, Delivery Attempt, Alert;
// - event codes: the Publication 199 event codes the published responses
//   carry (../shared/fixtures/usps: 01 delivered, 03 accepted, 07 arrived at
//   post office, 10 arrived at origin facility, A1/T1 regional facility,
//   TL in transit, SF departed post office, OF out for delivery, GX label
//   created) plus 02 notice left, 04 refused, 05 undeliverable as addressed,
//   09 return to sender, 16 available for pickup from the same appendix;
// - anything else is read from USPS's event text ("Delivered, ...",
//   "Out for Delivery", "Notice Left", "Return to Sender", "In Transit,
//   Arriving Late", ...), and unknown texts are IN_TRANSIT.
#ifndef TRACKENRICH_ADAPTERS_USPS_USPS_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_USPS_USPS_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::usps {

struct UspsStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// One tracking event: its eventCode and eventType text.
UspsStatus MapUspsEvent(absl::string_view event_code, absl::string_view event_text);

// The package's statusCategory with its status text. UNSPECIFIED state when
// the category is not one USPS documents (the caller then uses the newest event).
UspsStatus MapUspsStatusCategory(absl::string_view category, absl::string_view status_text);

// Any USPS status sentence alone ("USPS is now in possession of your item",
// the expand=SUMMARY answer): UNSPECIFIED state when nothing is recognized.
UspsStatus MapUspsText(absl::string_view text);

}  // namespace trackenrich::adapters::usps

#endif  // TRACKENRICH_ADAPTERS_USPS_USPS_STATUS_MAP_H_
