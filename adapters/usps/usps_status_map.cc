#include "adapters/usps/usps_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::usps {
namespace {

struct CodeEntry {
  absl::string_view code;
  v1::ShipmentState state;
  v1::StateReason reason;
};

constexpr CodeEntry kEventCodes[] = {
    {"01", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"02", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"03", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"04", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"05", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE},
    {"07", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"09", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"10", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"16", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"A1", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"T1", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"TL", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"SF", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"OF", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"GX", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"MA", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
};

bool Has(const std::string& lower, absl::string_view phrase) {
  return absl::StrContains(lower, phrase);
}

// "Delivered, To Original Sender": the package came back.
bool BackAtSender(const std::string& lower) {
  return Has(lower, "original sender") || Has(lower, "delivered to sender");
}

v1::StateReason ReasonOr(absl::string_view text, v1::StateReason fallback) {
  const v1::StateReason reason = ReasonFromText(text);
  return reason == v1::STATE_REASON_UNSPECIFIED ? fallback : reason;
}

}  // namespace

UspsStatus MapUspsText(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (lower.empty()) return {};
  if (BackAtSender(lower)) {
    return {v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER};
  }
  if (Has(lower, "out for delivery")) return {v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}};
  if (absl::StartsWith(lower, "delivered") || Has(lower, "was delivered") ||
      Has(lower, "been delivered")) {
    return {v1::SHIPMENT_STATE_DELIVERED, {}};
  }
  if (Has(lower, "available for pickup") || Has(lower, "ready for pickup")) {
    return {v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP};
  }
  if (Has(lower, "notice left") || Has(lower, "delivery attempt") || Has(lower, "attempted")) {
    return {v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
            ReasonOr(text, v1::STATE_REASON_RECIPIENT_UNAVAILABLE)};
  }
  if (Has(lower, "refused")) return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED};
  if (Has(lower, "return to sender") || Has(lower, "returned") || Has(lower, "being returned")) {
    return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER};
  }
  if (Has(lower, "undeliverable") || Has(lower, "insufficient address") ||
      Has(lower, "no such number") || Has(lower, "addressee unknown")) {
    return {v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE};
  }
  if (Has(lower, "label created") || Has(lower, "pre-shipment") || Has(lower, "awaiting item")) {
    return {v1::SHIPMENT_STATE_LABEL_CREATED, {}};
  }
  if (Has(lower, "in possession") || Has(lower, "accepted") || Has(lower, "acceptance") ||
      Has(lower, "picked up")) {
    return {v1::SHIPMENT_STATE_PICKED_UP, {}};
  }
  if (Has(lower, "arriving late") || Has(lower, "delay")) {
    return {v1::SHIPMENT_STATE_DELAYED, ReasonOr(text, v1::STATE_REASON_CARRIER_DELAY)};
  }
  if (Has(lower, "alert") || Has(lower, "held") || Has(lower, "hold") || Has(lower, "missent") ||
      Has(lower, "damaged")) {
    return {v1::SHIPMENT_STATE_EXCEPTION, ReasonOr(text, v1::STATE_REASON_OTHER)};
  }
  if (Has(lower, "in transit") || Has(lower, "arrived") || Has(lower, "departed") ||
      Has(lower, "processed") || Has(lower, "forwarded")) {
    return {v1::SHIPMENT_STATE_IN_TRANSIT, {}};
  }
  return {};
}

UspsStatus MapUspsEvent(absl::string_view event_code, absl::string_view event_text) {
  const UspsStatus from_text = MapUspsText(event_text);
  if (from_text.state == v1::SHIPMENT_STATE_RETURNED) return from_text;
  const std::string code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(event_code));
  for (const CodeEntry& entry : kEventCodes) {
    if (entry.code != code) continue;
    UspsStatus status{entry.state, entry.reason};
    // The text names the why more precisely than the code ("Notice Left (Business Closed)").
    if (status.state == from_text.state && from_text.reason != v1::STATE_REASON_UNSPECIFIED) {
      status.reason = from_text.reason;
    }
    return status;
  }
  if (from_text.state != v1::SHIPMENT_STATE_UNSPECIFIED) return from_text;
  return {v1::SHIPMENT_STATE_IN_TRANSIT, {}};
}

UspsStatus MapUspsStatusCategory(absl::string_view category, absl::string_view status_text) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(category));
  const UspsStatus from_text = MapUspsText(status_text);
  if (lower == "delivered") {
    if (from_text.state == v1::SHIPMENT_STATE_RETURNED) return from_text;
    return {v1::SHIPMENT_STATE_DELIVERED, {}};
  }
  if (lower == "out for delivery") return {v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}};
  if (lower == "available for pickup") {
    return {v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP};
  }
  if (lower == "delivery attempt") {
    return {v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
            ReasonOr(status_text, v1::STATE_REASON_RECIPIENT_UNAVAILABLE)};
  }
  if (lower == "accepted") return {v1::SHIPMENT_STATE_PICKED_UP, {}};
  if (lower == "pre-shipment") return {v1::SHIPMENT_STATE_LABEL_CREATED, {}};
  if (lower == "in transit") {
    if (from_text.state == v1::SHIPMENT_STATE_DELAYED) return from_text;
    return {v1::SHIPMENT_STATE_IN_TRANSIT, {}};
  }
  if (lower == "alert") {
    switch (from_text.state) {
      case v1::SHIPMENT_STATE_RETURNING:
      case v1::SHIPMENT_STATE_RETURNED:
      case v1::SHIPMENT_STATE_DELAYED:
      case v1::SHIPMENT_STATE_EXCEPTION:
      case v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP:
      case v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED:
        return from_text;
      default:
        return {v1::SHIPMENT_STATE_EXCEPTION, ReasonOr(status_text, v1::STATE_REASON_OTHER)};
    }
  }
  return {};
}

}  // namespace trackenrich::adapters::usps
