// The UPS crosswalk: activity status type and code → canonical state and reason.
//
//   UpsStatus s = MapUpsStatus("D", "FS", "Delivered");   // DELIVERED
//
// Sources (see reference/upstream-apis.md §1.1 and §4.1):
// - status types D, I, M, MV, U, X: UPS Track Alert API, UPSTrackAlert.yaml
//   (UPS-API/api-documentation), "activityStatus.type";
// - codes FS, F4, KB (delivered), OT (out for delivery), MP (label created),
//   SR (released by customs): UPS Track and Track Alert examples;
// - the remaining codes follow the UPS status lists carried by open-source
//   integrations (karrio's ups units, marked heuristic there) and are checked
//   against the description text before they are trusted.
// Type D covers "loaded on delivery vehicle, out for delivery, delivered", so
// a D activity counts as delivered only with a delivered code, descriptionCode
// 011, or a description that starts with "DELIVERED".
#ifndef TRACKENRICH_ADAPTERS_UPS_UPS_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_UPS_UPS_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::ups {

struct UpsStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// `status_code` is UPS's three-digit description code ("011"), may be empty.
UpsStatus MapUpsStatus(absl::string_view type, absl::string_view code,
                       absl::string_view status_code, absl::string_view description);

}  // namespace trackenrich::adapters::ups

#endif  // TRACKENRICH_ADAPTERS_UPS_UPS_STATUS_MAP_H_
