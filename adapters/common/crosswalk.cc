#include "adapters/common/crosswalk.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"

namespace trackenrich::adapters {
namespace {

// The enum value's name without its prefix, in lower case: "out_for_delivery".
std::string ShortName(const std::string& name, absl::string_view prefix) {
  return absl::AsciiStrToLower(absl::StripPrefix(name, prefix));
}

// A table cell: pipes escaped so they do not end the cell.
std::string Cell(absl::string_view text) { return absl::StrReplaceAll(text, {{"|", "\\|"}}); }

}  // namespace

const CrosswalkRow* Crosswalk::Find(absl::string_view code) const {
  for (const CrosswalkRow& row : rows) {
    if (row.code == code) return &row;
  }
  return nullptr;
}

std::string CrosswalkPair(absl::string_view first, absl::string_view second) {
  return absl::StrCat(first, "/", second);
}

std::string CrosswalkMarkdown(absl::Span<const Crosswalk* const> crosswalks,
                              absl::Span<const OrderStatusCrosswalk* const> order_crosswalks) {
  std::string out =
      "# Carrier codes and what they mean here\n\n"
      "Generated from the crosswalk tables in `adapters/<carrier>/` (checked by\n"
      "tests/adapters/common/crosswalk_test.cc); do not edit by hand. Each table lists\n"
      "every code the carrier publishes for that field, the carrier's own words for it,\n"
      "and the canonical state and reason a shipment gets from it. Pairs (`X/RP`) are\n"
      "codes read together with a second field. The raw code and text are always kept\n"
      "on the shipment as well.\n";
  for (const Crosswalk* crosswalk : crosswalks) {
    absl::StrAppend(&out, "\n## ", crosswalk->carrier, ": ", crosswalk->field, "\n\n",
                    "Source: ", crosswalk->source, "\n\n", "| code | meaning | state | reason |\n",
                    "|---|---|---|---|\n");
    for (const CrosswalkRow& row : crosswalk->rows) {
      const std::string reason = row.reason == v1::STATE_REASON_UNSPECIFIED
                                     ? std::string()
                                     : ShortName(v1::StateReason_Name(row.reason), "STATE_REASON_");
      absl::StrAppend(&out, "| `", Cell(row.code), "` | ", Cell(row.meaning), " | ",
                      ShortName(v1::ShipmentState_Name(row.state), "SHIPMENT_STATE_"), " | ",
                      reason, " |\n");
    }
  }
  if (order_crosswalks.empty()) return out;
  absl::StrAppend(&out,
                  "\n# Order statuses\n\n"
                  "The order-level codes of each sales channel and the order status they give.\n");
  for (const OrderStatusCrosswalk* crosswalk : order_crosswalks) {
    absl::StrAppend(&out, "\n## ", crosswalk->channel, ": ", crosswalk->field, "\n\n",
                    "Source: ", crosswalk->source, "\n\n", "| code | meaning | order status |\n",
                    "|---|---|---|\n");
    for (const OrderStatusRow& row : crosswalk->rows) {
      absl::StrAppend(&out, "| `", Cell(row.code), "` | ", Cell(row.meaning), " | ",
                      ShortName(v1::OrderStatus_Name(row.status), "ORDER_STATUS_"), " |\n");
    }
  }
  return out;
}

}  // namespace trackenrich::adapters
