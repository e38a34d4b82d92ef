// The canonical reason a carrier's free text gives, for carriers whose codes
// say "exception" or "delivery failed" and leave the why to a sentence
// (FedEx exception descriptions, USPS event types, DHL descriptions, DPD).
//
//   ReasonFromText("Customer not available or business closed");  // RECIPIENT_UNAVAILABLE
//   ReasonFromText("Arrived at facility");                          // UNSPECIFIED
//
// English keywords, matched case-insensitively, first match wins; the table
// is ordered so specific phrases come before general ones ("duties" before
// "customs", "insufficient address" before "address"). The adapters ask the
// APIs for English text (locale en_US / language en).
#ifndef TRACKENRICH_ADAPTERS_COMMON_REASON_TEXT_H_
#define TRACKENRICH_ADAPTERS_COMMON_REASON_TEXT_H_

#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters {

// STATE_REASON_UNSPECIFIED when no keyword matches.
v1::StateReason ReasonFromText(absl::string_view text);

// ReasonFromText(text), or `fallback` when no keyword matches.
v1::StateReason ReasonOr(absl::string_view text, v1::StateReason fallback);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_REASON_TEXT_H_
