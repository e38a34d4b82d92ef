// Crosswalk: a carrier's published status codes and what each one means in
// the canonical model (state and reason), kept as data. Because the mapping
// is a table rather than branches, tests compare it with the carrier's whole
// published code list (both ways: no code missing, none invented), and the
// user-facing table (adapters/CROSSWALKS.md) is printed from it.
//
//   constexpr CrosswalkRow kRows[] = {
//       {"OD", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}, "On FedEx vehicle for delivery"},
//   };
//   const Crosswalk& FedexEventCrosswalk() {
//     static const Crosswalk kTable{"FedEx", "scanEvents[].eventType",
//                                   "https://developer.fedex.com/...", kRows};
//     return kTable;
//   }
//   const CrosswalkRow* row = FedexEventCrosswalk().Find("OD");
//
// Codes whose meaning depends on a second field are written as pairs joined
// by '/': "X/RP" (UPS status type X, code RP), "DE/060G" (FedEx delivery
// exception with exception code 060G).
#ifndef TRACKENRICH_ADAPTERS_COMMON_CROSSWALK_H_
#define TRACKENRICH_ADAPTERS_COMMON_CROSSWALK_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters {

struct CrosswalkRow {
  // The code as the carrier publishes it (case as published).
  absl::string_view code;
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
  // The carrier's own short description of the code.
  absl::string_view meaning;
};

struct Crosswalk {
  // Who publishes the codes ("UPS").
  absl::string_view carrier;
  // Which field of the carrier's payload holds them ("activity status type/code").
  absl::string_view field;
  // Where the carrier publishes the list (a URL or document name).
  absl::string_view source;
  absl::Span<const CrosswalkRow> rows;

  // The row for `code` (exact match), or null.
  const CrosswalkRow* Find(absl::string_view code) const;
};

// "A/B": the key of a code that depends on a second field.
std::string CrosswalkPair(absl::string_view first, absl::string_view second);

// Every crosswalk the adapters use, in the order adapters/CROSSWALKS.md
// lists them (adapters/crosswalks.cc).
std::vector<const Crosswalk*> AllCrosswalks();

// adapters/CROSSWALKS.md: one Markdown table per crosswalk (code, meaning,
// state, reason), headed by its carrier, field and source.
std::string CrosswalkMarkdown(absl::Span<const Crosswalk* const> crosswalks);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_CROSSWALK_H_
