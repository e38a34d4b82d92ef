#include "adapters/ups/ups_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace trackenrich::adapters::ups {
namespace {

struct CodeEntry {
  absl::string_view code;
  v1::ShipmentState state;
  v1::StateReason reason;
};

// Activity codes with a fixed meaning, whatever their type.
constexpr CodeEntry kCodes[] = {
    {"FS", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"F4", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"KB", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"KM", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"OT", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"OF", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"MP", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PU", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"OR", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"SR", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"RS", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"RT", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"UR", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"RP", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"AC", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"DY", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
};

struct KeywordEntry {
  absl::string_view keyword;  // upper case
  v1::StateReason reason;
};

// Reasons read from the description of exception-type activities.
constexpr KeywordEntry kReasonKeywords[] = {
    {"ADDRESS", v1::STATE_REASON_ADDRESS_ISSUE},
    {"WEATHER", v1::STATE_REASON_WEATHER},
    {"CUSTOMS", v1::STATE_REASON_CUSTOMS},
    {"CLEARANCE", v1::STATE_REASON_CUSTOMS},
    {"DAMAGE", v1::STATE_REASON_DAMAGED},
    {"REFUSED", v1::STATE_REASON_REFUSED},
    {"CLOSED", v1::STATE_REASON_BUSINESS_CLOSED},
    {"NOT AVAILABLE", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"NOT HOME", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"RESCHEDULED", v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"MISSORT", v1::STATE_REASON_MISSORTED},
    {"LOST", v1::STATE_REASON_LOST},
    {"DELAY", v1::STATE_REASON_CARRIER_DELAY},
};

v1::StateReason ReasonFromText(const std::string& upper) {
  for (const auto& entry : kReasonKeywords) {
    if (absl::StrContains(upper, entry.keyword)) return entry.reason;
  }
  return v1::STATE_REASON_OTHER;
}

}  // namespace

UpsStatus MapUpsStatus(absl::string_view type, absl::string_view code,
                       absl::string_view status_code, absl::string_view description) {
  const std::string upper = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(description));
  const bool says_delivered = absl::StartsWith(upper, "DELIVERED");

  if (status_code == "011" || says_delivered) return {v1::SHIPMENT_STATE_DELIVERED, {}};
  if (absl::StrContains(upper, "DELIVERY ATTEMPT") || absl::StrContains(upper, "ATTEMPTED")) {
    return {v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, ReasonFromText(upper)};
  }
  for (const auto& entry : kCodes) {
    if (entry.code == code) {
      // A delivered code on an activity whose text says otherwise is not trusted.
      if (entry.state == v1::SHIPMENT_STATE_DELIVERED && !upper.empty() &&
          !absl::StrContains(upper, "DELIVER")) {
        break;
      }
      return {entry.state, entry.reason};
    }
  }
  if (type == "M") return {v1::SHIPMENT_STATE_LABEL_CREATED, {}};
  if (type == "MV") return {v1::SHIPMENT_STATE_CANCELLED, {}};
  if (type == "P") return {v1::SHIPMENT_STATE_PICKED_UP, {}};
  if (type == "D") return {v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}};
  if (type == "RS") return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER};
  if (type == "X") {
    if (absl::StrContains(upper, "RETURN")) {
      return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER};
    }
    const v1::StateReason reason = ReasonFromText(upper);
    if (reason == v1::STATE_REASON_CARRIER_DELAY || reason == v1::STATE_REASON_WEATHER) {
      return {v1::SHIPMENT_STATE_DELAYED, reason};
    }
    if (reason == v1::STATE_REASON_LOST) return {v1::SHIPMENT_STATE_LOST, reason};
    return {v1::SHIPMENT_STATE_EXCEPTION, reason};
  }
  // I (in progress), U (updated delivery date) and anything unknown.
  return {v1::SHIPMENT_STATE_IN_TRANSIT, {}};
}

}  // namespace trackenrich::adapters::ups
