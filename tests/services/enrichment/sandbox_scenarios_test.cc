// Flags and next actions over the UPS sandbox scenarios: each scenario's
// payload, built at a fixed clock and parsed by the UPS parser, judged at that
// clock and three days later.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/ups/sandbox/ups_scenarios.h"
#include "adapters/ups/ups_parser.h"
#include "services/enrichment/next_action.h"
#include "services/enrichment/risk_flags.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/services/enrichment/enrichment_test_util.h"

namespace trackenrich::enrichment {
namespace {

using testing::Kinds;
using testing::kNow;

struct ScenarioRow {
  const char* scenario;
  // Flags and next action at kNow, and three days later with no new scan.
  std::vector<std::string> flags_now;
  v1::NextActionKind action_now;
  std::vector<std::string> flags_later;
  v1::NextActionKind action_later;
};

std::vector<std::string> Names(std::initializer_list<v1::RiskFlagKind> kinds) {
  std::vector<std::string> names;
  for (auto kind : kinds) names.push_back(v1::RiskFlagKind_Name(kind));
  std::sort(names.begin(), names.end());
  return names;
}

TEST_CASE("sandbox scenarios: flags and next action at a fixed clock", "[enrichment]") {
  const auto kStalled = v1::RISK_FLAG_KIND_STALLED;
  const auto kException = v1::RISK_FLAG_KIND_EXCEPTION;
  const ScenarioRow rows[] = {
      {"delivered",
       {},
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       {},
       v1::NEXT_ACTION_KIND_SHARE_TRACKING},
      {"in_transit",
       {},
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       Names({kStalled}),
       v1::NEXT_ACTION_KIND_APOLOGIZE_AND_CONTACT_CARRIER},
      {"out_for_delivery",
       {},
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       Names({kStalled}),
       v1::NEXT_ACTION_KIND_APOLOGIZE_AND_CONTACT_CARRIER},
      {"exception", Names({kException}), v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO,
       Names({kException, kStalled}), v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO},
      {"delayed", Names({kException}), v1::NEXT_ACTION_KIND_APOLOGIZE_AND_CONTACT_CARRIER,
       Names({kException, kStalled}), v1::NEXT_ACTION_KIND_APOLOGIZE_AND_CONTACT_CARRIER},
      {"returned", Names({kException}), v1::NEXT_ACTION_KIND_OFFER_REPLACEMENT_OR_REFUND,
       Names({kException, kStalled}), v1::NEXT_ACTION_KIND_OFFER_REPLACEMENT_OR_REFUND},
      {"label_created",
       {},
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       Names({kStalled}),
       v1::NEXT_ACTION_KIND_SHIP_NOW},
  };
  const EnrichmentSettings settings;
  const absl::Time later = kNow + absl::Hours(72);
  for (const ScenarioRow& row : rows) {
    INFO(row.scenario);
    const std::string number = sandbox::SandboxUpstream::ScenarioNumber("ups", row.scenario);
    REQUIRE_FALSE(number.empty());
    auto shipment =
        adapters::ups::ParseUpsTrackResponse(sandbox::UpsTrackReply(number, kNow).response, number);
    REQUIRE(shipment.ok());
    const std::vector<v1::Shipment> shipments = {*shipment};

    const auto flags_now = ShipmentRiskFlags(*shipment, nullptr, settings, kNow);
    CHECK(Kinds(flags_now) == row.flags_now);
    CHECK(v1::NextActionKind_Name(
              SuggestNextAction(nullptr, shipments, flags_now, false).action.kind()) ==
          v1::NextActionKind_Name(row.action_now));

    const auto flags_later = ShipmentRiskFlags(*shipment, nullptr, settings, later);
    CHECK(Kinds(flags_later) == row.flags_later);
    CHECK(v1::NextActionKind_Name(
              SuggestNextAction(nullptr, shipments, flags_later, false).action.kind()) ==
          v1::NextActionKind_Name(row.action_later));
  }

  // The buyer's claim on the delivered scenario; signed for, so no claim risk.
  const std::string delivered = sandbox::SandboxUpstream::ScenarioNumber("ups", "delivered");
  auto shipment = adapters::ups::ParseUpsTrackResponse(
      sandbox::UpsTrackReply(delivered, kNow).response, delivered);
  REQUIRE(shipment.ok());
  const std::vector<v1::Shipment> shipments = {*shipment};
  CHECK(SuggestNextAction(nullptr, shipments, {}, true).action.kind() ==
        v1::NEXT_ACTION_KIND_CHECK_DELIVERY_PROOF);
}

}  // namespace
}  // namespace trackenrich::enrichment
