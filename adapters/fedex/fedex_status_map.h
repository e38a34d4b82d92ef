// The FedEx crosswalk: Track API codes → canonical state and reason, as
// Crosswalk tables (adapters/common/crosswalk.h, printed in adapters/CROSSWALKS.md).
//
//   FedexStatus s = MapFedexStatus("DE", "DL", "060G", "Returning package to shipper");
//   // RETURNING / RETURN_TO_SENDER: the exception code decides, not the derived DL
//
// Tables:
// - FedexEventCrosswalk(): scanEvents[].eventType and latestStatusDetail.code,
//   FedEx's tracking status code list;
// - FedexDeliveryExceptionCrosswalk(): "DE/<exceptionCode>" pairs: a delivery
//   exception means what its exception code says (scanEvents[].exceptionCode,
//   latestStatusDetail.ancillaryDetails[].reason);
// - FedexDerivedCrosswalk(): derivedStatusCode / latestStatusDetail.derivedCode.
// Rules: the event code wins, except where it only says "in transit" (FD "at
// destination facility" with derived RL "Running Late") and the derived code
// says more. A delivery exception never becomes DELIVERED through its derived
// code, and neither does an event code outside the table: only the event code
// DL, or a derived DL with no event code at all, delivers. Reasons for
// attempts, exceptions, delays and returns without one in the table come from
// FedEx's exception text (ReasonFromText).
#ifndef TRACKENRICH_ADAPTERS_FEDEX_FEDEX_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_FEDEX_FEDEX_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::fedex {

struct FedexStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

const Crosswalk& FedexEventCrosswalk();
const Crosswalk& FedexDeliveryExceptionCrosswalk();
const Crosswalk& FedexDerivedCrosswalk();

// `code`: eventType / latestStatusDetail.code; `derived_code`: the derived
// status code; `exception_code`: the exception code (a DE's meaning); `text`:
// exception or status description, read for a reason the tables leave open.
// Any may be empty. Unknown codes are IN_TRANSIT.
FedexStatus MapFedexStatus(absl::string_view code, absl::string_view derived_code,
                           absl::string_view exception_code, absl::string_view text);

// delayDetail{type, subType, status}: a "DELAYED" status turns a moving
// package (picked up, in transit) into DELAYED, with the reason from the type
// (WEATHER, CUSTOMS, ...). Other states are returned unchanged.
FedexStatus ApplyFedexDelay(FedexStatus status, absl::string_view delay_status,
                            absl::string_view delay_type);

}  // namespace trackenrich::adapters::fedex

#endif  // TRACKENRICH_ADAPTERS_FEDEX_FEDEX_STATUS_MAP_H_
