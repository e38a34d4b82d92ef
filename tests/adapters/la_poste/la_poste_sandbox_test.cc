// The sandbox's La Poste scenarios read back by the adapter's own request
// builder and parser: each scenario answers in La Poste's wire format and
// gives the state it is named for.
#include <string>

#include <catch2/catch.hpp>

#include "absl/time/time.h"

#include "adapters/carrier.h"
#include "adapters/detection/check_digits.h"
#include "adapters/la_poste/la_poste_parser.h"
#include "adapters/la_poste/la_poste_request.h"
#include "adapters/la_poste/sandbox/la_poste_scenarios.h"
#include "tests/adapters/la_poste/la_poste_scenario_table.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::sandbox {
namespace {

using testing::kLaPosteScenarios;
using testing::LaPosteScenarioExpectation;
using testing::StatusIs;

http::HttpResponse Ask(const std::string& number, absl::string_view key, int* counted) {
  const http::HttpRequest request =
      adapters::la_poste::BuildLaPosteTrackRequest(number, key, "en_GB");
  auto reply =
      HandleLaPoste(request, absl::FromUnixSeconds(1780000000), [counted](absl::string_view route) {
        CHECK(route == "la_poste.track");
        ++*counted;
      });
  REQUIRE(reply.has_value());
  return reply->response;
}

TEST_CASE("La Poste sandbox: every scenario as the adapter reads it", "[la_poste]") {
  const auto scenarios = LaPosteScenarioList();
  REQUIRE(scenarios.size() == std::size(kLaPosteScenarios));
  int counted = 0;
  for (const LaPosteScenarioExpectation& expected : kLaPosteScenarios) {
    INFO(expected.scenario);
    const Scenario* scenario = nullptr;
    for (const Scenario& candidate : scenarios) {
      if (candidate.name == expected.scenario) scenario = &candidate;
    }
    REQUIRE(scenario != nullptr);
    CHECK(scenario->carrier == "la_poste");
    auto shipment = adapters::la_poste::ParseLaPosteTrackResponse(
        Ask(scenario->tracking_number, adapters::kSandboxApiKey, &counted),
        scenario->tracking_number);
    REQUIRE_THAT(shipment.status(), StatusIs(expected.code));
    if (!shipment.ok()) continue;
    CHECK(v1::ShipmentState_Name(shipment->state()) == v1::ShipmentState_Name(expected.state));
    CHECK(v1::StateReason_Name(shipment->reason()) == v1::StateReason_Name(expected.reason));
    CHECK(shipment->tracking_number() == scenario->tracking_number);
  }
  CHECK(counted == static_cast<int>(std::size(kLaPosteScenarios)));
}

TEST_CASE("La Poste sandbox: numbers, key and other routes", "[la_poste]") {
  for (const Scenario& scenario : LaPosteScenarioList()) {
    // S10: two letters, eight digits, the UPU check digit and La Poste's FR.
    const std::string& number = scenario.tracking_number;
    INFO(number);
    REQUIRE(number.size() == 13);
    CHECK(number.substr(11) == "FR");
    CHECK(number[10] - '0' == detection::S10CheckDigit(number.substr(2, 8)));
  }
  int counted = 0;
  const http::HttpResponse refused = Ask("EW990000010FR", "wrong-key", &counted);
  CHECK(refused.status == 401);
  CHECK_THAT(adapters::la_poste::ParseLaPosteTrackResponse(refused, "EW990000010FR").status(),
             StatusIs(absl::StatusCode::kFailedPrecondition));

  http::HttpRequest other;
  other.target = "/track/shipments?trackingNumber=6A99000000010";
  CHECK_FALSE(HandleLaPoste(other, absl::Now(), [](absl::string_view) {}).has_value());
}

}  // namespace
}  // namespace trackenrich::sandbox
