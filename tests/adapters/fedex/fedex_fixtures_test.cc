// Fixture conformance: every published FedEx Track payload in
// ../shared/fixtures/fedex, with the canonical values it must give.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/fedex/fedex_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::fedex {
namespace {

using Expectation = testing::ShipmentExpectation;

struct Row {
  std::string number;
  Expectation expected;
};

TEST_CASE("FedEx parser: every published FedEx payload in ../shared", "[fedex][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found, so the published FedEx payloads are not checked");
    return;
  }
  const std::string docs =
      "fedex/fedex.track.v1.trackingnumbers.200.docs-sample-picked-up-plus-not-found.json";
  const std::string empty = "fedex/fedex.track.v1.error.tracking-number-empty.json";
  const std::vector<Row> table = {
      // FedEx's docs sample: picked up, with delayDetail DELAYED/WEATHER (and a
      // stray "error" next to the data, ignored); ACTUAL_DELIVERY on a package
      // that is not delivered is not a delivered time.
      {"123456789012",
       {docs, 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_WEATHER, "",
        1}},
      // The second number of the same 200: FedEx's per-number not-found.
      {"39936862321", {docs, 200, absl::StatusCode::kNotFound, {}, {}, "", 0}},
      // 17 scans, one pickup scan without an offset.
      {"738488882438",
       {"fedex/fedex.track.v1.trackingnumbers.200.delivered-ground-17-scans.json", 200,
        absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED,
        "2024-08-20T16:41:57Z", 17}},
      // Two trackResults for one number: the running-late one (newest scan
      // 2024-04-26 07:50 -07:00) and the delivered one (09:26 -07:00); the
      // newer answers.
      {"776094337676",
       {"fedex/fedex.track.v1.trackingnumbers.200.running-late-and-delivered-with-exceptions.json",
        200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED,
        "2024-04-26T16:26:00Z", 8}},
      // A trackingdocuments (proof of delivery) body is not a Track answer.
      {"123456789012",
       {"fedex/fedex.track.v1.trackingdocuments.200.spod-virtual-response.json",
        200,
        absl::StatusCode::kUnavailable,
        {},
        {},
        "",
        0}},
      // Error bodies: a request the service built wrong, credentials, quota, outage.
      {"123456789012", {empty, 400, absl::StatusCode::kInternal, {}, {}, "", 0}},
      {"123456789012", {empty, 401, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0}},
      {"123456789012", {empty, 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0}},
      {"123456789012", {empty, 503, absl::StatusCode::kUnavailable, {}, {}, "", 0}},
  };
  for (const Row& row : table) {
    INFO("number " << row.number);
    testing::CheckShipment(
        row.expected,
        ParseFedexTrackResponse(
            testing::Response(row.expected.http_status,
                              testing::ReadFile(testing::SharedFixture(row.expected.file))),
            row.number));
  }
}

}  // namespace
}  // namespace trackenrich::adapters::fedex
