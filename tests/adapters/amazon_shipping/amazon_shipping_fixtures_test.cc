// Fixture conformance: Amazon Shipping v2 getTracking payloads published in
// the SP-API models (../shared/fixtures/sp-api/shippingV2.getTracking.*) and
// karrio's connector (../shared/fixtures/amazon-shipping), with the canonical
// values they must give.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/amazon_shipping/amazon_shipping_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::amazon_shipping {
namespace {

using Expectation = testing::ShipmentExpectation;

TEST_CASE("Amazon Shipping parser: every published getTracking payload in ../shared",
          "[amazon_shipping][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found, so the published Amazon Shipping payloads are not checked");
    return;
  }
  const auto example = [](int status) {
    return absl::StrCat("sp-api/shippingV2.getTracking.", status, ".example.json");
  };
  const std::vector<Expectation> table = {
      // Amazon's example: forward leg Undeliverable, then ReturnInitiated and
      // Delivered on the RETURNS leg, summary "Delivered": back at the seller,
      // rejected by the recipient (forward detail codes Rejected, Damaged).
      {example(200), 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNED,
       v1::STATE_REASON_REFUSED, "", 3},
      {example(400), 400, absl::StatusCode::kInternal, {}, {}, "", 0},
      {example(401), 401, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {example(403), 403, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {example(404), 404, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {example(413), 413, absl::StatusCode::kInternal, {}, {}, "", 0},
      {example(415), 415, absl::StatusCode::kInternal, {}, {}, "", 0},
      {example(429), 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0},
      {example(500), 500, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {example(503), 503, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      // karrio's connector payloads (hand-written by its test authors).
      {"amazon-shipping/amazon-shipping.v2.tracking.200.full-lifecycle-delivered.json", 200,
       absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED,
       "2024-01-17T14:30:00Z", 5},
      {"amazon-shipping/amazon-shipping.v2.tracking.error.invalid-tracking-id.json",
       400,
       absl::StatusCode::kNotFound,
       {},
       {},
       "",
       0},
  };
  for (const Expectation& expected : table) {
    testing::CheckShipment(
        expected, ParseAmazonShippingTrackResponse(
                      testing::Response(expected.http_status,
                                        testing::ReadFile(testing::SharedFixture(expected.file))),
                      "1578648261977"));
  }
  auto delivered = ParseAmazonShippingTrackResponse(
      testing::Response(
          200,
          testing::ReadFile(testing::SharedFixture(
              "amazon-shipping/amazon-shipping.v2.tracking.200.full-lifecycle-delivered.json"))),
      "1578648261977");
  REQUIRE(delivered.ok());
  CHECK(delivered->proof_of_delivery().signature_captured());
  CHECK(delivered->proof_of_delivery().signed_by() == "John Doe");
  auto returned = ParseAmazonShippingTrackResponse(
      testing::Response(200, testing::ReadFile(testing::SharedFixture(example(200)))),
      "23AA47DE2B3B6");
  REQUIRE(returned.ok());
  CHECK_FALSE(returned->has_delivered_at());
  CHECK(returned->events(2).state() == v1::SHIPMENT_STATE_RETURNED);
  // The forward leg's Undeliverable is the start of the way back, not a loss.
  CHECK(returned->events(0).state() == v1::SHIPMENT_STATE_RETURNING);
  CHECK(returned->events(0).reason() == v1::STATE_REASON_RETURN_TO_SENDER);
}

}  // namespace
}  // namespace trackenrich::adapters::amazon_shipping
