// Each risk flag is raised exactly when it should be and not otherwise, at a
// fixed clock (kNow), one table row per situation.
#include "services/enrichment/risk_flags.h"

#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "tests/services/enrichment/enrichment_test_util.h"

namespace trackenrich::enrichment {
namespace {

using testing::FbaOrder;
using testing::FbmOrder;
using testing::Kinds;
using testing::kNow;
using testing::Package;

constexpr auto H = [](int hours) { return absl::Hours(hours); };

struct FlagRow {
  const char* situation;
  v1::Shipment shipment;
  std::optional<v1::Order> order;
  std::vector<std::string> expected;
};

std::vector<std::string> Names(std::initializer_list<v1::RiskFlagKind> kinds) {
  std::vector<std::string> names;
  for (auto kind : kinds) names.push_back(v1::RiskFlagKind_Name(kind));
  std::sort(names.begin(), names.end());
  return names;
}

constexpr auto kLate = v1::RISK_FLAG_KIND_LATE;
constexpr auto kShipByMissed = v1::RISK_FLAG_KIND_SHIP_BY_MISSED;
constexpr auto kStalled = v1::RISK_FLAG_KIND_STALLED;
constexpr auto kException = v1::RISK_FLAG_KIND_EXCEPTION;
constexpr auto kInvalid = v1::RISK_FLAG_KIND_INVALID_TRACKING;
constexpr auto kUnsigned = v1::RISK_FLAG_KIND_DELIVERED_UNSIGNED;

std::vector<FlagRow> ShipmentRows() {
  using S = v1::ShipmentState;
  const S kInTransit = v1::SHIPMENT_STATE_IN_TRANSIT;
  return {
      {"in transit, scanned 6 h ago", Package(kInTransit).Trail(H(6)).Build(), {}, {}},
      {"UPS in transit, 47 h without a scan (threshold 48 h)",
       Package(kInTransit).Trail(H(47)).Build(),
       {},
       {}},
      {"UPS in transit, 49 h without a scan",
       Package(kInTransit).Trail(H(49)).Build(),
       {},
       Names({kStalled})},
      {"USPS in transit, 60 h without a scan (threshold 72 h)",
       Package(kInTransit, testing::kUspsNumber, v1::CARRIER_USPS, "USPS").Trail(H(60)).Build(),
       {},
       {}},
      {"USPS in transit, 73 h without a scan",
       Package(kInTransit, testing::kUspsNumber, v1::CARRIER_USPS, "USPS").Trail(H(73)).Build(),
       {},
       Names({kStalled})},
      {"label created 50 h ago, never picked up",
       Package(v1::SHIPMENT_STATE_LABEL_CREATED).Trail(H(50)).Build(),
       {},
       Names({kStalled})},
      {"label created 10 h ago",
       Package(v1::SHIPMENT_STATE_LABEL_CREATED).Trail(H(10)).Build(),
       {},
       {}},
      {"out for delivery",
       Package(v1::SHIPMENT_STATE_OUT_FOR_DELIVERY).Trail(H(3)).Build(),
       {},
       {}},
      {"waiting at a pickup point for 100 h (not stalled)",
       Package(v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP).Trail(H(100)).Build(),
       {},
       {}},
      {"delayed by weather",
       Package(v1::SHIPMENT_STATE_DELAYED).Reason(v1::STATE_REASON_WEATHER).Trail(H(7)).Build(),
       {},
       Names({kException})},
      {"exception: address",
       Package(v1::SHIPMENT_STATE_EXCEPTION)
           .Reason(v1::STATE_REASON_ADDRESS_ISSUE)
           .Trail(H(5))
           .Build(),
       {},
       Names({kException})},
      {"exception, and no scan for 60 h",
       Package(v1::SHIPMENT_STATE_EXCEPTION).Trail(H(60)).Build(),
       {},
       Names({kException, kStalled})},
      {"delivery attempted",
       Package(v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED).Trail(H(3)).Build(),
       {},
       Names({kException})},
      {"returning to the sender",
       Package(v1::SHIPMENT_STATE_RETURNING).Trail(H(4)).Build(),
       {},
       Names({kException})},
      {"returned 200 h ago (finished, not stalled)",
       Package(v1::SHIPMENT_STATE_RETURNED).Trail(H(200)).Build(),
       {},
       Names({kException})},
      {"lost", Package(v1::SHIPMENT_STATE_LOST).Trail(H(30)).Build(), {}, Names({kException})},
      {"delivered, signed",
       Package(v1::SHIPMENT_STATE_DELIVERED).Trail(H(2)).Signature().Build(),
       {},
       {}},
      {"delivered with a photo",
       Package(v1::SHIPMENT_STATE_DELIVERED).Trail(H(2)).Photo().Build(),
       {},
       {}},
      {"delivered, no signature or photo",
       Package(v1::SHIPMENT_STATE_DELIVERED).Trail(H(2)).Build(),
       {},
       Names({kUnsigned})},
      {"tracking number fails its check digit",
       Package(kInTransit, testing::kUpsBadCheckDigit).Trail(H(6)).Build(),
       {},
       Names({kInvalid})},
      {"no record, no order to date the shipment",
       Package(v1::SHIPMENT_STATE_NOT_FOUND).Build(),
       {},
       {}},
      {"no record 80 h after ship-by", Package(v1::SHIPMENT_STATE_NOT_FOUND).Build(),
       FbmOrder().ShipBy(-H(80)).Build(), Names({kInvalid, kShipByMissed})},
      {"no record 24 h after ship-by (below 72 h)", Package(v1::SHIPMENT_STATE_NOT_FOUND).Build(),
       FbmOrder().ShipBy(-H(24)).Build(), Names({kShipByMissed})},
      {"no record 80 h after the label's event",
       Package(v1::SHIPMENT_STATE_NOT_FOUND).Event(H(80), v1::SHIPMENT_STATE_LABEL_CREATED).Build(),
       {},
       Names({kInvalid})},
      {"FBM: first scan before ship-by",
       Package(kInTransit).Trail(H(6)).Build(),
       FbmOrder().ShipBy(-H(5)).DeliverBy(H(48)).Build(),
       {}},
      {"FBM: first scan 3 h after ship-by", Package(kInTransit).Trail(H(6)).Build(),
       FbmOrder().ShipBy(-H(12)).DeliverBy(H(48)).Build(), Names({kShipByMissed})},
      {"FBM: only a label by ship-by",
       Package(v1::SHIPMENT_STATE_LABEL_CREATED).Trail(H(10)).Build(),
       FbmOrder().ShipBy(-H(2)).DeliverBy(H(48)).Build(), Names({kShipByMissed})},
      {"FBA: Amazon shipped after ship-by (not the seller's)",
       Package(kInTransit).Trail(H(6)).Build(),
       FbaOrder().ShipBy(-H(12)).DeliverBy(H(48)).Build(),
       {}},
      {"MCF: Amazon ships, no late-shipment flag",
       Package(kInTransit).Trail(H(6)).Build(),
       testing::OrderBuilder(v1::FULFILLMENT_MCF, v1::ORDER_STATUS_SHIPPED)
           .ShipBy(-H(12))
           .DeliverBy(H(48))
           .Build(),
       {}},
      {"past deliver-by, still in transit", Package(kInTransit).Trail(H(6)).Build(),
       FbmOrder().ShipBy(-H(8)).DeliverBy(-H(2)).Build(), Names({kLate})},
      {"FBA past deliver-by, in transit", Package(kInTransit).Trail(H(6)).Build(),
       FbaOrder().ShipBy(-H(40)).DeliverBy(-H(2)).Build(), Names({kLate})},
      {"past deliver-by but delivered (signed)",
       Package(v1::SHIPMENT_STATE_DELIVERED).Trail(H(1)).Signature().Build(),
       FbmOrder().ShipBy(-H(3)).DeliverBy(-H(2)).Build(),
       {}},
      {"deliver-by in 10 h, in transit",
       Package(kInTransit).Trail(H(6)).Build(),
       FbmOrder().ShipBy(-H(8)).DeliverBy(H(10)).Build(),
       {}},
      {"cancelled order: nothing to flag",
       Package(v1::SHIPMENT_STATE_EXCEPTION).Trail(H(60)).Build(),
       FbmOrder(v1::ORDER_STATUS_CANCELLED).ShipBy(-H(80)).DeliverBy(-H(10)).Build(),
       {}},
  };
}

TEST_CASE("risk flags: each raised exactly when it should be", "[enrichment]") {
  const EnrichmentSettings settings;
  for (const FlagRow& row : ShipmentRows()) {
    INFO(row.situation);
    const v1::Order* order = row.order.has_value() ? &*row.order : nullptr;
    const std::vector<v1::RiskFlag> flags = ShipmentRiskFlags(row.shipment, order, settings, kNow);
    CHECK(Kinds(flags) == row.expected);
    for (const v1::RiskFlag& flag : flags) {
      INFO(flag.reason());
      CHECK(flag.tracking_number() == row.shipment.tracking_number());
      CHECK(flag.order_id() == (order != nullptr ? order->order_id() : ""));
      CHECK(flag.reason().size() > 20);
    }
  }
}

TEST_CASE("risk flags: order-level flags for unshipped and undelivered orders", "[enrichment]") {
  const EnrichmentSettings settings;
  struct Row {
    const char* situation;
    v1::Order order;
    std::vector<std::string> expected;
  };
  const Row rows[] = {
      {"unshipped, ship-by ended 3 h ago",
       FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(-H(3)).DeliverBy(H(48)).Build(),
       Names({kShipByMissed})},
      {"unshipped, ship-by in 5 h",
       FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(H(5)).DeliverBy(H(48)).Build(),
       {}},
      {"unshipped, past ship-by and deliver-by",
       FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(-H(60)).DeliverBy(-H(1)).Build(),
       Names({kShipByMissed, kLate})},
      {"partly shipped past ship-by: the shipped package was on time",
       FbmOrder(v1::ORDER_STATUS_PARTIALLY_SHIPPED)
           .ShipBy(-H(2))
           .DeliverBy(H(48))
           .With(Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Build())
           .Build(),
       Names({kShipByMissed})},
      {"FBA unshipped past ship-by and deliver-by: only LATE",
       FbaOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(-H(60)).DeliverBy(-H(1)).Build(),
       Names({kLate})},
      {"shipped, package stalled and late",
       FbmOrder()
           .ShipBy(-H(62))
           .DeliverBy(-H(1))
           .With(Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(60)).Build())
           .Build(),
       Names({kLate, kStalled})},
      {"delivered order, no promise passed",
       FbmOrder(v1::ORDER_STATUS_DELIVERED)
           .ShipBy(-H(22))
           .DeliverBy(-H(1))
           .With(Package(v1::SHIPMENT_STATE_DELIVERED).Trail(H(20)).Signature().Build())
           .Build(),
       {}},
      {"cancelled",
       FbmOrder(v1::ORDER_STATUS_CANCELLED).ShipBy(-H(60)).DeliverBy(-H(1)).Build(),
       {}},
  };
  for (const Row& row : rows) {
    INFO(row.situation);
    const auto flags = OrderRiskFlags(row.order, settings, kNow);
    CHECK(Kinds(flags) == row.expected);
    for (const auto& flag : flags) CHECK(flag.order_id() == row.order.order_id());
  }
}

TEST_CASE("risk flags: thresholds come from the settings", "[enrichment]") {
  const v1::Shipment slow_ups = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(30)).Build();
  const v1::Order late = FbmOrder().ShipBy(-H(8)).DeliverBy(-H(2)).Build();
  EnrichmentSettings settings;
  CHECK(Kinds(ShipmentRiskFlags(slow_ups, nullptr, settings, kNow)).empty());
  settings.stalled_after_by_carrier[v1::CARRIER_UPS] = H(24);
  CHECK(Kinds(ShipmentRiskFlags(slow_ups, nullptr, settings, kNow)) == Names({kStalled}));

  const v1::Shipment on_way = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Build();
  CHECK(Kinds(ShipmentRiskFlags(on_way, &late, settings, kNow)) == Names({kLate}));
  settings.late_grace = H(24);
  CHECK(Kinds(ShipmentRiskFlags(on_way, &late, settings, kNow)).empty());

  // A carrier without its own value uses stalled_after.
  const v1::Shipment gls =
      Package(v1::SHIPMENT_STATE_IN_TRANSIT, "NPX7781A", v1::CARRIER_OTHER, "Nordic Post")
          .Trail(H(80))
          .Build();
  CHECK(Kinds(ShipmentRiskFlags(gls, nullptr, settings, kNow)) == Names({kStalled}));
  settings.stalled_after = H(96);
  CHECK(Kinds(ShipmentRiskFlags(gls, nullptr, settings, kNow)).empty());

  const v1::Order no_record_order = FbmOrder().ShipBy(-H(30)).Build();
  const v1::Shipment unknown = Package(v1::SHIPMENT_STATE_NOT_FOUND).Build();
  CHECK(Kinds(ShipmentRiskFlags(unknown, &no_record_order, settings, kNow)) ==
        Names({kShipByMissed}));
  settings.no_record_after = H(24);
  CHECK(Kinds(ShipmentRiskFlags(unknown, &no_record_order, settings, kNow)) ==
        Names({kInvalid, kShipByMissed}));
}

TEST_CASE("risk flags: reasons say what and since when", "[enrichment]") {
  const EnrichmentSettings settings;
  const auto stalled = ShipmentRiskFlags(
      Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(49)).Build(), nullptr, settings, kNow);
  REQUIRE(stalled.size() == 1);
  CHECK(absl::StrContains(stalled[0].reason(), "2 days 1 hour"));
  CHECK(absl::StrContains(stalled[0].reason(), "2026-01-28 11:00 UTC"));
  CHECK(absl::StrContains(stalled[0].reason(), "UPS"));

  const auto exception = ShipmentRiskFlags(Package(v1::SHIPMENT_STATE_EXCEPTION)
                                               .Reason(v1::STATE_REASON_ADDRESS_ISSUE)
                                               .Trail(H(5))
                                               .Build(),
                                           nullptr, settings, kNow);
  REQUIRE(exception.size() == 1);
  CHECK(absl::StrContains(exception[0].reason(), "address issue"));

  const auto invalid = ShipmentRiskFlags(
      Package(v1::SHIPMENT_STATE_IN_TRANSIT, testing::kUpsBadCheckDigit).Trail(H(5)).Build(),
      nullptr, settings, kNow);
  REQUIRE(invalid.size() == 1);
  CHECK(absl::StrContains(invalid[0].reason(), "UPS 1Z check digit"));

  CHECK(DescribeDuration(absl::Minutes(40)) == "40 minutes");
  CHECK(DescribeDuration(H(1)) == "1 hour");
  CHECK(DescribeDuration(H(49)) == "2 days 1 hour");
  CHECK(DescribeDuration(H(72)) == "3 days");
}

}  // namespace
}  // namespace trackenrich::enrichment
