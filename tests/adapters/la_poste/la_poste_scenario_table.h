// What each La Poste sandbox scenario must answer, for the tests that read
// the scenarios back (through the parser alone, and through gRPC).
//   for (const LaPosteScenarioExpectation& row : kLaPosteScenarios) ...
#ifndef TRACKENRICH_TESTS_ADAPTERS_LA_POSTE_LA_POSTE_SCENARIO_TABLE_H_
#define TRACKENRICH_TESTS_ADAPTERS_LA_POSTE_LA_POSTE_SCENARIO_TABLE_H_

#include "absl/status/status.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::testing {

struct LaPosteScenarioExpectation {
  const char* scenario;
  absl::StatusCode code;
  v1::ShipmentState state;  // when code is OK
  v1::StateReason reason;
};

// The seven scenarios every carrier has, then La Poste's own.
inline constexpr LaPosteScenarioExpectation kLaPosteScenarios[] = {
    {"delivered", absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED,
     v1::STATE_REASON_UNSPECIFIED},
    {"in_transit", absl::StatusCode::kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
     v1::STATE_REASON_UNSPECIFIED},
    {"out_for_delivery", absl::StatusCode::kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
     v1::STATE_REASON_UNSPECIFIED},
    // ND1, "the address is incomplete".
    {"exception", absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_ADDRESS_ISSUE},
    // DI3, "retardé".
    {"delayed", absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    // RE1.
    {"returned", absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNING,
     v1::STATE_REASON_RETURN_TO_SENDER},
    // The published 400, returnCode 400.
    {"not_found", absl::StatusCode::kNotFound, {}, {}},
    // ND1 (absent), then AG1 at the post office.
    {"available_for_pickup", absl::StatusCode::kOk, v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
    // DI2: final and on step 5, but back with the sender.
    {"returned_to_sender", absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNED,
     v1::STATE_REASON_RETURN_TO_SENDER},
    // DO1 at the destination, outside the EU.
    {"customs", absl::StatusCode::kOk, v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_CUSTOMS},
    // 404, returnCode 104: no record yet, a shipment.
    {"not_yet_available", absl::StatusCode::kOk, v1::SHIPMENT_STATE_NOT_FOUND,
     v1::STATE_REASON_UNSPECIFIED},
};

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_ADAPTERS_LA_POSTE_LA_POSTE_SCENARIO_TABLE_H_
