#include "adapters/dhl/dhl_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::dhl {
namespace {

bool Has(const std::string& lower, absl::string_view phrase) {
  return absl::StrContains(lower, phrase);
}

v1::StateReason ReasonOr(absl::string_view text, v1::StateReason fallback) {
  const v1::StateReason reason = ReasonFromText(text);
  return reason == v1::STATE_REASON_UNSPECIFIED ? fallback : reason;
}

bool SaysReturning(const std::string& lower) {
  return Has(lower, "return") && (Has(lower, "sender") || Has(lower, "shipper") ||
                                  Has(lower, "being returned") || Has(lower, "returned"));
}

// What the text says for a moving shipment; UNSPECIFIED when nothing particular.
DhlStatus FromTransitText(const std::string& lower, absl::string_view text) {
  if (SaysReturning(lower)) {
    return {v1::SHIPMENT_STATE_RETURNING, ReasonOr(text, v1::STATE_REASON_RETURN_TO_SENDER)};
  }
  if (Has(lower, "out for delivery") || Has(lower, "delivery vehicle") ||
      Has(lower, "with delivery courier") || Has(lower, "on its way to the recipient")) {
    return {v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}};
  }
  if (Has(lower, "ready for pick") || Has(lower, "available for pick") ||
      Has(lower, "awaiting collection") || Has(lower, "packstation") || Has(lower, "parcelshop") ||
      Has(lower, "service point")) {
    return {v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP};
  }
  if (Has(lower, "delay")) {
    return {v1::SHIPMENT_STATE_DELAYED, ReasonOr(text, v1::STATE_REASON_CARRIER_DELAY)};
  }
  if (Has(lower, "customs") && (Has(lower, "held") || Has(lower, "pending"))) {
    return {v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CUSTOMS};
  }
  return {};
}

DhlStatus FromFailureText(const std::string& lower, absl::string_view text) {
  if (SaysReturning(lower)) {
    return {v1::SHIPMENT_STATE_RETURNING, ReasonOr(text, v1::STATE_REASON_RETURN_TO_SENDER)};
  }
  if (Has(lower, "attempt") || Has(lower, "could not be delivered") ||
      Has(lower, "notification card")) {
    return {v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
            ReasonOr(text, v1::STATE_REASON_RECIPIENT_UNAVAILABLE)};
  }
  if (Has(lower, "lost")) return {v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST};
  return {v1::SHIPMENT_STATE_EXCEPTION, ReasonOr(text, v1::STATE_REASON_OTHER)};
}

}  // namespace

DhlStatus MapDhlStatus(absl::string_view status_code, absl::string_view text) {
  const std::string code = absl::AsciiStrToLower(absl::StripAsciiWhitespace(status_code));
  const std::string lower = absl::AsciiStrToLower(text);
  if (code == "pre-transit") return {v1::SHIPMENT_STATE_LABEL_CREATED, {}};
  if (code == "delivered") {
    // Delivered back to the sender is the end of a return, not a delivery.
    if (SaysReturning(lower) && (Has(lower, "sender") || Has(lower, "shipper"))) {
      return {v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER};
    }
    return {v1::SHIPMENT_STATE_DELIVERED, {}};
  }
  if (code == "failure") return FromFailureText(lower, text);
  const DhlStatus refined = FromTransitText(lower, text);
  if (refined.state != v1::SHIPMENT_STATE_UNSPECIFIED) return refined;
  return {v1::SHIPMENT_STATE_IN_TRANSIT, {}};
}

}  // namespace trackenrich::adapters::dhl
