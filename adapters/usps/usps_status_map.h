// The USPS crosswalk: Tracking v3 statusCategory, event codes and event texts
// → canonical state and reason.
//
//   UspsStatus s = MapUspsStatusCategory("Delivered", "Delivered, Parcel Locker");  // DELIVERED
//   UspsStatus e = MapUspsEvent("OF", "Out for Delivery");                          //
//   OUT_FOR_DELIVERY
//
// Tables (adapters/common/crosswalk.h, printed in adapters/CROSSWALKS.md):
// - UspsStatusCategoryCrosswalk(): statusCategory, USPS Publication 199 (IMpb)
//   Appendix G-4/G-5 as cited by the USPS Tracking 3.x OpenAPI
//   (reference/upstream-apis.md section 4.3), with "Moving Through Network";
// - UspsEventCrosswalk(): trackingEvents[].eventCode, the Publication 199
//   event codes (return-to-sender family 09/21-31, attempted/notice-left
//   family 02/51-56, acceptance, processing, partner hand-offs, and the
//   regional facility codes A1/T1/TL the published responses carry).
// An event's text can say more than its code ("Delivered, To Original
// Sender" is RETURNED; "Notice Left (Business Closed)" names the reason);
// texts without a code are read alone, and unknown ones are IN_TRANSIT.
#ifndef TRACKENRICH_ADAPTERS_USPS_USPS_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_USPS_USPS_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::usps {

struct UspsStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

const Crosswalk& UspsStatusCategoryCrosswalk();
const Crosswalk& UspsEventCrosswalk();

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
