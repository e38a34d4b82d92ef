// The FedEx crosswalk: Track API status codes → canonical state and reason.
//
//   FedexStatus s = MapFedexStatus("FD", "RL", "At FedEx destination facility");  // DELAYED
//
// Sources:
// - event and status codes: FedEx Track API "tracking status codes"
//   (developer.fedex.com/api/en-us/guides/api-reference.html#trackingstatuscodes),
//   as grouped in reference/upstream-apis.md §4.2 (karrio's fedex units list,
//   which cites that page);
// - derived codes (latestStatusDetail.derivedCode, scanEvents[].derivedStatusCode):
//   the values the published Track responses carry (IN, PU, IT, DL, DE, DY,
//   RL "Running Late", ...; ../shared/fixtures/fedex).
// The event code wins, except where it only says "in transit" (FD "at
// destination facility" with derived RL "Running Late") and the derived code
// says more. Reasons for exceptions, delays and returns come from FedEx's
// exception texts (ReasonFromText), e.g. code 08 "Customer not available or
// business closed", "Refused by recipient".
#ifndef TRACKENRICH_ADAPTERS_FEDEX_FEDEX_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_FEDEX_FEDEX_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::fedex {

struct FedexStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// `code`: eventType / latestStatusDetail.code; `derived_code`: the derived
// status code (may be empty); `text`: exception or status description, read
// for the reason. Unknown codes are IN_TRANSIT.
FedexStatus MapFedexStatus(absl::string_view code, absl::string_view derived_code,
                           absl::string_view text);

// delayDetail{type, subType, status}: a "DELAYED" status turns a moving
// package (picked up, in transit) into DELAYED, with the reason from the type
// (WEATHER, CUSTOMS, ...). Other states are returned unchanged.
FedexStatus ApplyFedexDelay(FedexStatus status, absl::string_view delay_status,
                            absl::string_view delay_type);

}  // namespace trackenrich::adapters::fedex

#endif  // TRACKENRICH_ADAPTERS_FEDEX_FEDEX_STATUS_MAP_H_
