// Fixture conformance: every published USPS Tracking v3 payload in
// ../shared/fixtures/usps, with the canonical values it must give.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/usps/usps_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::usps {
namespace {

using Expectation = testing::ShipmentExpectation;

TEST_CASE("USPS parser: every published USPS payload in ../shared", "[usps][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found, so the published USPS payloads are not checked");
    return;
  }
  const std::string error = "usps/usps.error.openapi-example.json";
  const std::vector<Expectation> table = {
      // Delivered to a parcel locker; 12 events with GMT times.
      {"usps/usps.tracking.v3.200.delivered-parcel-locker.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED, "2024-11-22T18:58:40Z", 12},
      // statusCategory Accepted: USPS has the item.
      {"usps/usps.tracking.v3.200.detail-accepted-readme.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED, "", 1},
      // Placeholder values ("string") everywhere: no known status, in transit.
      {"usps/usps.tracking.v3.200.openapi-example-all-fields.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED, "", 1},
      // The expand=SUMMARY shape: no events, the state read from the summary.
      {"usps/usps.tracking.v3.200.summary-accepted-readme.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED, "", 0},
      // USPS's error body under each status it documents.
      {error, 400, absl::StatusCode::kInternal, {}, {}, "", 0},
      {error, 401, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {error, 403, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {error, 404, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {error, 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0},
      {error, 503, absl::StatusCode::kUnavailable, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    testing::CheckShipment(
        expected, ParseUspsTrackResponse(
                      testing::Response(expected.http_status,
                                        testing::ReadFile(testing::SharedFixture(expected.file))),
                      "9400109104250532908587"));
  }

  auto locker = ParseUspsTrackResponse(
      testing::Response(200, testing::ReadFile(testing::SharedFixture(
                                 "usps/usps.tracking.v3.200.delivered-parcel-locker.json"))),
      "9400109104250532908587");
  REQUIRE(locker.ok());
  CHECK(locker->proof_of_delivery().delivery_location() == "Parcel Locker");
  CHECK(locker->service_name() == "USPS Ground Advantage");
  CHECK(locker->origin().city() == "JAMAICA");

  // The OAuth error body.
  CHECK_THAT(ParseUspsTokenResponse(
                 testing::Response(401, testing::ReadFile(testing::SharedFixture(
                                            "usps/usps.oauth.error.invalid-client.json"))),
                 absl::Now())
                 .status(),
             testing::StatusIs(absl::StatusCode::kFailedPrecondition, "invalid_client"));
}

}  // namespace
}  // namespace trackenrich::adapters::usps
