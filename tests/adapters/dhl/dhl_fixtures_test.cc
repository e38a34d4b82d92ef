// Fixture conformance: every published DHL tracking payload in
// ../shared/fixtures/dhl, with the canonical values the Unified adapter must give.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/dhl/dhl_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::dhl {
namespace {

using Expectation = testing::ShipmentExpectation;

TEST_CASE("DHL parser: every published DHL payload in ../shared", "[dhl][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found, so the published DHL payloads are not checked");
    return;
  }
  const std::string not_found = "dhl/dhl.unified.track.shipments.404.not-found.json";
  const std::vector<Expectation> table = {
      // DHL's docs sample: statusCode pre-transit while status says DELIVERED;
      // the statusCode wins, and the proof of delivery of a shipment that is
      // not delivered gives no delivered time.
      {"dhl/dhl.unified.track.shipments.200.docs-sample.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED, "", 1},
      {not_found, 404, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {not_found, 401, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {not_found, 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0},
      {not_found, 503, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      // MyDHL Express is another API: its body is rejected, not guessed at.
      {"dhl/dhl.mydhl-express.tracking.200.delivered.json",
       200,
       absl::StatusCode::kUnavailable,
       {},
       {},
       "",
       0},
      {"dhl/dhl.mydhl-express.tracking.404.not-found.json",
       404,
       absl::StatusCode::kNotFound,
       {},
       {},
       "",
       0},
  };
  for (const Expectation& expected : table) {
    testing::CheckShipment(
        expected, ParseDhlTrackResponse(
                      testing::Response(expected.http_status,
                                        testing::ReadFile(testing::SharedFixture(expected.file))),
                      "7777777770"));
  }
  auto sample = ParseDhlTrackResponse(
      testing::Response(200, testing::ReadFile(testing::SharedFixture(
                                 "dhl/dhl.unified.track.shipments.200.docs-sample.json"))),
      "7777777770");
  REQUIRE(sample.ok());
  CHECK(sample->carrier_status_code() == "pre-transit");
  CHECK(sample->carrier_status_text() == "JESSICA");
  // "Oderweg 2, AMSTERDAM": no street is kept.
  CHECK(sample->origin().city() == "AMSTERDAM");
  CHECK_FALSE(sample->has_proof_of_delivery());
  CHECK(testing::UtcString(sample->estimated_delivery().end()) == "2018-08-03T22:00:00Z");
}

}  // namespace
}  // namespace trackenrich::adapters::dhl
