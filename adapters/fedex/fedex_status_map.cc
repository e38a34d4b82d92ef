#include "adapters/fedex/fedex_status_map.h"

#include <string>

#include "absl/strings/ascii.h"

#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::fedex {
namespace {

struct Entry {
  absl::string_view code;
  v1::ShipmentState state;
  v1::StateReason reason;
};

constexpr Entry kEventCodes[] = {
    // Label and pre-pickup.
    {"OC", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"OX", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"EP", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"AP", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    // Pickup.
    {"PU", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"PX", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    // Moving.
    {"IT", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"IX", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"AA", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"AC", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"AE", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"AF", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"AO", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"AR", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"AX", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"CC", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"CH", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"CP", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"DP", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"DS", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"EA", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"EO", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"FD", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"LO", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"OF", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"PF", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"PL", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"PM", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"SF", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"SP", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"TR", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    // Last mile.
    {"OD", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"ED", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"AD", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"DL", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"HL", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"HP", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    // Trouble: the reason comes from the exception text.
    {"DE", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"SE", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},
    {"CD", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CUSTOMS},
    {"DY", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"DD", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"PD", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"CA", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"RS", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"RT", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
};

constexpr Entry kDerivedCodes[] = {
    {"IN", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PU", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"IT", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"OD", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"DL", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DE", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"SE", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},
    {"DY", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"RL", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"HL", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"HP", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"CA", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"RS", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
};

template <size_t N>
const Entry* Find(const Entry (&table)[N], absl::string_view code) {
  for (const Entry& entry : table) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

bool TakesReasonFromText(v1::ShipmentState state) {
  return state == v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED || state == v1::SHIPMENT_STATE_EXCEPTION ||
         state == v1::SHIPMENT_STATE_DELAYED || state == v1::SHIPMENT_STATE_RETURNING;
}

}  // namespace

FedexStatus MapFedexStatus(absl::string_view code, absl::string_view derived_code,
                           absl::string_view text) {
  const std::string upper_code = absl::AsciiStrToUpper(code);
  const std::string upper_derived = absl::AsciiStrToUpper(derived_code);
  const Entry* event = Find(kEventCodes, upper_code);
  const Entry* derived = Find(kDerivedCodes, upper_derived);
  const Entry* chosen = event;
  if (chosen == nullptr || (chosen->state == v1::SHIPMENT_STATE_IN_TRANSIT && derived != nullptr)) {
    chosen = derived != nullptr ? derived : event;
  }
  if (chosen == nullptr) return {v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED};
  FedexStatus status{chosen->state, chosen->reason};
  if (TakesReasonFromText(status.state)) {
    const v1::StateReason from_text = ReasonFromText(text);
    if (from_text != v1::STATE_REASON_UNSPECIFIED) status.reason = from_text;
  }
  return status;
}

FedexStatus ApplyFedexDelay(FedexStatus status, absl::string_view delay_status,
                            absl::string_view delay_type) {
  if (absl::AsciiStrToUpper(delay_status) != "DELAYED") return status;
  if (status.state != v1::SHIPMENT_STATE_IN_TRANSIT &&
      status.state != v1::SHIPMENT_STATE_PICKED_UP && status.state != v1::SHIPMENT_STATE_DELAYED) {
    return status;
  }
  const std::string type = absl::AsciiStrToUpper(delay_type);
  v1::StateReason reason = v1::STATE_REASON_CARRIER_DELAY;
  if (type == "WEATHER") {
    reason = v1::STATE_REASON_WEATHER;
  } else if (type == "CUSTOMS" || type == "CLEARANCE") {
    reason = v1::STATE_REASON_CUSTOMS;
  } else if (status.state == v1::SHIPMENT_STATE_DELAYED &&
             status.reason != v1::STATE_REASON_UNSPECIFIED) {
    reason = status.reason;
  }
  return {v1::SHIPMENT_STATE_DELAYED, reason};
}

}  // namespace trackenrich::adapters::fedex
