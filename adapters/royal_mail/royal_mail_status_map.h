// The Royal Mail crosswalk: Tracking API v2 event codes (events[].eventCode,
// summary.lastEventCode) → canonical state and reason.
//
//   RoyalMailStatus s = MapRoyalMailEvent("EVKNA");
//   // DELIVERY_ATTEMPTED, RECIPIENT_UNAVAILABLE: nobody was in
//   const CrosswalkRow* row = RoyalMailEventCrosswalk().Find("EVKSP");  // DELIVERED
//
// Sources: the event codes with the text Royal Mail shows for each on its
// tracking pages, as listed by elliotjreed/royal-mail-tracking (README, "Event
// codes", MIT) and jampez77/RoyalMail (api.md, "Event Codes"), and the codes of
// the examples in Royal Mail's Tracking API V2 (REST) Technical User Guide
// (EVNMI "Forwarded - Mis-sort"). Royal Mail gives the API no state field per
// event: the code is the state. Codes ending RXS are redelivery requests the
// recipient made online.
#ifndef TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::royal_mail {

struct RoyalMailStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// eventCode, as Royal Mail spells it (upper case).
const Crosswalk& RoyalMailEventCrosswalk();

// The row's state and reason; an unknown code is IN_TRANSIT with no reason
// (Royal Mail adds codes for new network scans), an empty one UNSPECIFIED.
RoyalMailStatus MapRoyalMailEvent(absl::string_view event_code);

}  // namespace trackenrich::adapters::royal_mail

#endif  // TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_STATUS_MAP_H_
