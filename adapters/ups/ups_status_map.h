// The UPS crosswalk: activity status type, code and three-digit status code →
// canonical state and reason, as Crosswalk tables (adapters/common/crosswalk.h,
// printed in adapters/CROSSWALKS.md).
//
//   UpsStatus s = MapUpsStatus("D", "FS", "011", "Delivered");               // DELIVERED
//   UpsStatus x = MapUpsStatus("X", "RP", "", "Government release pending");  // EXCEPTION/CUSTOMS
//
// Tables:
// - UpsStatusCodeCrosswalk(): status.statusCode, UPS's three-digit activity
//   status code (Tracking.yaml: "see API Codes for possible values");
// - UpsCodeCrosswalk(): status.code, UPS's two-character code; "X/RP" pairs
//   are codes read under status type X (UPS's exception table), where they
//   mean something else than the same letters elsewhere;
// - UpsTypeCrosswalk(): status.type, the last resort (UPS Track Alert FAQ:
//   M/MV manifest, X exception, I in progress, U update, D delivery
//   information; P pickup and NA not available from the Track API).
// Order, and why:
// 1. an X pair: under type X the letters are UPS's exception table and mean
//    something else than elsewhere (X/RP government release pending);
// 2. the three-digit statusCode: UPS's own resolution of the activity, one
//    meaning per code. The two-character code is not: UPS's table gives the
//    same letters different statuses in different source systems (OR: 013
//    exception or 005 in transit; OF: 013 or 021), and a response does not
//    say which system scanned, so the status code decides when it is known;
// 3. the two-character code, when no status code is known (older or partial
//    payloads). Its rows agree with the status each code carries in UPS's
//    table (a test holds the two tables to agree);
// 4. the description ("DELIVERED ...", a delivery attempt; "ATTEMPTED" on a
//    pickup is a pickup attempt), when neither code is known;
// 5. the type, the last resort. Type D covers "loaded on delivery vehicle,
//    out for delivery, delivered", so a D activity counts as delivered only
//    with a delivered code or text.
// Exceptions without a reason in the table (013, 029, ...) take it from the
// description (customs, address, weather, ...).
#ifndef TRACKENRICH_ADAPTERS_UPS_UPS_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_UPS_UPS_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::ups {

struct UpsStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

const Crosswalk& UpsStatusCodeCrosswalk();
const Crosswalk& UpsCodeCrosswalk();
const Crosswalk& UpsTypeCrosswalk();

// `status_code` is UPS's three-digit status code ("011"), may be empty.
UpsStatus MapUpsStatus(absl::string_view type, absl::string_view code,
                       absl::string_view status_code, absl::string_view description);

}  // namespace trackenrich::adapters::ups

#endif  // TRACKENRICH_ADAPTERS_UPS_UPS_STATUS_MAP_H_
