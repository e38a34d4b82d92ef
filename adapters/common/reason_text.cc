#include "adapters/common/reason_text.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace trackenrich::adapters {
namespace {

struct Keyword {
  absl::string_view text;  // lower case
  v1::StateReason reason;
};

// Phrases from the carriers' published descriptions (FedEx exception texts in
// the Track API samples, USPS Pub 199 event names, DHL and DPD descriptions).
constexpr Keyword kKeywords[] = {
    {"duties", v1::STATE_REASON_CUSTOMS_DUTIES_UNPAID},
    {"customs", v1::STATE_REASON_CUSTOMS},
    {"clearance", v1::STATE_REASON_CUSTOMS},
    {"not available", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"business closed", v1::STATE_REASON_BUSINESS_CLOSED},
    {"business was closed", v1::STATE_REASON_BUSINESS_CLOSED},
    {"unavailable", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"not home", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"not at home", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"no authorized recipient", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"notice left", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"refused", v1::STATE_REASON_REFUSED},
    {"rejected", v1::STATE_REASON_REFUSED},
    {"insufficient address", v1::STATE_REASON_ADDRESS_ISSUE},
    {"incorrect address", v1::STATE_REASON_ADDRESS_ISSUE},
    {"address", v1::STATE_REASON_ADDRESS_ISSUE},
    {"no such number", v1::STATE_REASON_ADDRESS_ISSUE},
    {"customer moved", v1::STATE_REASON_ADDRESS_ISSUE},
    {"weather", v1::STATE_REASON_WEATHER},
    {"natural disaster", v1::STATE_REASON_FORCE_MAJEURE},
    {"damaged", v1::STATE_REASON_DAMAGED},
    {"damage", v1::STATE_REASON_DAMAGED},
    {"missort", v1::STATE_REASON_MISSORTED},
    {"missent", v1::STATE_REASON_MISSORTED},
    {"mis-sent", v1::STATE_REASON_MISSORTED},
    {"lost", v1::STATE_REASON_LOST},
    {"no access", v1::STATE_REASON_ACCESS_RESTRICTED},
    {"access", v1::STATE_REASON_ACCESS_RESTRICTED},
    {"secure location", v1::STATE_REASON_ACCESS_RESTRICTED},
    {"identification", v1::STATE_REASON_ID_VERIFICATION_FAILED},
    {"id verification", v1::STATE_REASON_ID_VERIFICATION_FAILED},
    {"rescheduled", v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"recipient requested", v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"prohibited", v1::STATE_REASON_PROHIBITED_ITEM},
    {"security", v1::STATE_REASON_SECURITY_HOLD},
    {"investigat", v1::STATE_REASON_UNDER_INVESTIGATION},
    {"return to sender", v1::STATE_REASON_RETURN_TO_SENDER},
    {"returned to sender", v1::STATE_REASON_RETURN_TO_SENDER},
    {"return to shipper", v1::STATE_REASON_RETURN_TO_SENDER},
    {"returning to sender", v1::STATE_REASON_RETURN_TO_SENDER},
    {"pickup", v1::STATE_REASON_HELD_FOR_PICKUP},
    {"pick up", v1::STATE_REASON_HELD_FOR_PICKUP},
    {"delay", v1::STATE_REASON_CARRIER_DELAY},
    {"running late", v1::STATE_REASON_CARRIER_DELAY},
    {"arriving late", v1::STATE_REASON_CARRIER_DELAY},
};

}  // namespace

v1::StateReason ReasonFromText(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(text);
  for (const Keyword& keyword : kKeywords) {
    if (absl::StrContains(lower, keyword.text)) return keyword.reason;
  }
  return v1::STATE_REASON_UNSPECIFIED;
}

v1::StateReason ReasonOr(absl::string_view text, v1::StateReason fallback) {
  const v1::StateReason reason = ReasonFromText(text);
  return reason == v1::STATE_REASON_UNSPECIFIED ? fallback : reason;
}

}  // namespace trackenrich::adapters
