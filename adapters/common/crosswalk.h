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

#include "trackenrich/v1/order.pb.h"
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

// A sales channel's order-level code and the canonical order status it gives.
struct OrderStatusRow {
  absl::string_view code;
  v1::OrderStatus status = v1::ORDER_STATUS_UNSPECIFIED;
  // The channel's own short description of the code.
  absl::string_view meaning;
};

// The crosswalk of a channel's order statuses (Amazon's OrderStatus, ...).
struct OrderStatusCrosswalk {
  // Who publishes the codes ("Amazon SP-API").
  absl::string_view channel;
  absl::string_view field;
  absl::string_view source;
  absl::Span<const OrderStatusRow> rows;
};

// "A/B": the key of a code that depends on a second field.
std::string CrosswalkPair(absl::string_view first, absl::string_view second);

// Every crosswalk the adapters use, in the order adapters/CROSSWALKS.md
// lists them (adapters/crosswalks.cc).
std::vector<const Crosswalk*> AllCrosswalks();
// Every order-status crosswalk of the order sources, likewise.
std::vector<const OrderStatusCrosswalk*> AllOrderStatusCrosswalks();

// adapters/CROSSWALKS.md: one Markdown table per crosswalk (code, meaning,
// state, reason), headed by its carrier, field and source; then one per
// order-status crosswalk (code, meaning, order status).
std::string CrosswalkMarkdown(absl::Span<const Crosswalk* const> crosswalks,
                              absl::Span<const OrderStatusCrosswalk* const> order_crosswalks = {});

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_CROSSWALK_H_
