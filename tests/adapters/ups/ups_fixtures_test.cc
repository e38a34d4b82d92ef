// Fixture conformance: every published UPS payload in ../shared/fixtures/ups
// that the Track API can return, with the canonical values it must give.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/ups/ups_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::ups {
namespace {

using Expectation = testing::ShipmentExpectation;

void Check(const Expectation& expected, const std::string& body) {
  testing::CheckShipment(
      expected,
      ParseUpsTrackResponse(testing::Response(expected.http_status, body), "1ZREQUESTED"));
}

TEST_CASE("UPS parser: every published UPS track payload in ../shared", "[ups][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found, so the published UPS payloads are not checked");
    return;
  }
  const std::vector<Expectation> table = {
      // Local times without offset are read as UTC (offset_known = false).
      {"ups/ups.track.v1.details.200.delivered-readme-sample.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED, "2022-01-26T16:30:00Z", 2},
      {"ups/ups.track.v1.details.200.delivered-schema-sample.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED, "2022-01-26T16:30:00Z", 2},
      // One activity whose example values pair type X and code SR ("released
      // by the customs agency") with status code 003 (Order Processed: Ready
      // for UPS): the status code decides, and X/SR is no exception-table pair.
      {"ups/ups.track.v1.details.200.openapi-example-values.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED, "", 1},
      {"ups/ups.track.v1.details.200.not-found-warning-TW0001.json",
       200,
       absl::StatusCode::kNotFound,
       {},
       {},
       "",
       0},
      {"ups/ups.track.v1.error.invalid-inquiry-number-TV1002.json",
       400,
       absl::StatusCode::kNotFound,
       {},
       {},
       "",
       0},
      {"ups/ups.error.invalid-access-license-250003.json",
       401,
       absl::StatusCode::kFailedPrecondition,
       {},
       {},
       "",
       0},
      {"ups/ups.trackalert.subscription.500.json",
       500,
       absl::StatusCode::kUnavailable,
       {},
       {},
       "",
       0},
  };
  for (const auto& expected : table) {
    Check(expected, testing::ReadFile(testing::SharedFixture(expected.file)));
  }
}

}  // namespace
}  // namespace trackenrich::adapters::ups
