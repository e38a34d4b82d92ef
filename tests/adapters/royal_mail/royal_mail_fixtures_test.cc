// Fixture conformance: Royal Mail's documented payloads (tests/data/royal_mail,
// SOURCES.md there) parsed against a table of the canonical values.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/royal_mail/royal_mail_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::royal_mail {
namespace {

using Expectation = testing::ShipmentExpectation;

absl::StatusOr<v1::Shipment> Parse(const Expectation& expected) {
  return ParseRoyalMailEventsResponse(
      testing::Response(expected.http_status, testing::ReadFile(testing::TestData(expected.file))),
      "FQ087430672GB");
}

TEST_CASE("Royal Mail parser: every payload of tests/data/royal_mail", "[royal_mail][fixtures]") {
  const std::vector<Expectation> table = {
      // The guide's example: forwarded after a mis-sort. Its signature block
      // is no proof of delivery for an item still in transit.
      {"royal_mail/events-guide-example.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_MISSORTED, "", 1},
      {"royal_mail/delivered-signed.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED,
       v1::STATE_REASON_UNSPECIFIED, "2024-01-10T19:10:11Z", 6},
      {"royal_mail/error-e1142-not-recognised.json",
       404,
       absl::StatusCode::kNotFound,
       {},
       {},
       "",
       0},
      {"royal_mail/error-client-id.json",
       401,
       absl::StatusCode::kFailedPrecondition,
       {},
       {},
       "",
       0},
      {"royal_mail/error-e0010-too-many.json",
       429,
       absl::StatusCode::kResourceExhausted,
       {},
       {},
       "",
       0},
      {"royal_mail/error-e1307-unavailable.json",
       503,
       absl::StatusCode::kUnavailable,
       {},
       {},
       "",
       0},
      {"royal_mail/error-e0004-schema.json", 400, absl::StatusCode::kInternal, {}, {}, "", 0},
      {"royal_mail/truncated.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) testing::CheckShipment(expected, Parse(expected));

  const auto example = Parse(table[0]);
  REQUIRE(example.ok());
  CHECK(example->service_name() == "Special Delivery Guaranteed");
  CHECK(example->carrier_status_code() == "EVNMI");
  CHECK(example->carrier_status_text() == "Forwarded - Mis-sort");
  const v1::TrackingEvent& event = example->events(0);
  CHECK(testing::UtcString(event.time()) == "2016-10-20T09:04:00Z");
  CHECK(event.utc_offset_seconds() == 3600);
  CHECK(event.location().facility() == "Stafford DO");
  CHECK(testing::UtcString(example->estimated_delivery().start()) == "2017-02-20T07:00:00Z");
  CHECK(testing::UtcString(example->estimated_delivery().end()) == "2017-02-20T10:00:00Z");
  CHECK_FALSE(example->has_proof_of_delivery());

  const auto delivered = Parse(table[1]);
  REQUIRE(delivered.ok());
  CHECK(delivered->events(0).carrier_code() == "EVPPA");
  CHECK(delivered->events(0).state() == v1::SHIPMENT_STATE_PICKED_UP);
  CHECK(delivered->events(5).carrier_code() == "EVKSP");
  CHECK(delivered->proof_of_delivery().signed_by() == "JONES");
  CHECK(delivered->service_name() == "Royal Mail Tracked 48");
}

}  // namespace
}  // namespace trackenrich::adapters::royal_mail
