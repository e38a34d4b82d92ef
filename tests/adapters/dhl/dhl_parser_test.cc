#include "adapters/dhl/dhl_parser.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/dhl/dhl_request.h"
#include "adapters/dhl/dhl_status_map.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::dhl {
namespace {

using testing::CheckShipment;
using testing::Response;
using testing::UtcString;
using Expectation = testing::ShipmentExpectation;

absl::StatusOr<v1::Shipment> Parse(const std::string& file, int status = 200,
                                   const std::string& number = "00340434161094000001") {
  return ParseDhlTrackResponse(Response(status, testing::ReadFile(testing::TestData(file))),
                               number);
}

TEST_CASE("DHL parser: the project's own DHL payloads", "[dhl]") {
  const std::vector<Expectation> table = {
      {"dhl/delivered-nanoseconds.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED,
       v1::STATE_REASON_UNSPECIFIED, "2026-02-12T10:04:09Z", 4},
      {"dhl/failure-attempt.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE, "", 1},
      {"dhl/transit-returning.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNING,
       v1::STATE_REASON_RETURN_TO_SENDER, "", 1},
      // statusCode "unknown" with status text "DELIVERED": the text never makes
      // a shipment delivered, and an unclassified event alone is no scan.
      {"dhl/text-says-delivered.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_LABEL_CREATED,
       v1::STATE_REASON_UNSPECIFIED, "", 1},
      {"dhl/unknown-label-only.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_LABEL_CREATED,
       v1::STATE_REASON_UNSPECIFIED, "", 1},
      {"dhl/unknown-then-transit.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
       v1::STATE_REASON_UNSPECIFIED, "", 3},
      {"dhl/empty-shipments.json", 200, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {"dhl/error-invalid-number.json", 400, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {"dhl/error-unauthorized.json", 400, absl::StatusCode::kInternal, {}, {}, "", 0},
      {"dhl/error-unauthorized.json", 401, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {"dhl/error-quota.json", 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0},
      {"dhl/truncated.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"dhl/truncated.json", 500, absl::StatusCode::kUnavailable, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    auto shipment = Parse(expected.file, expected.http_status);
    CheckShipment(expected, shipment);
    if (!shipment.ok()) continue;
    CHECK(shipment->carrier() == v1::CARRIER_DHL);
    CHECK(shipment->tracking_number() == "00340434161094000001");
  }
}

TEST_CASE("DHL parser: offsets, nanoseconds, towns and proof of delivery", "[dhl]") {
  auto shipment = Parse("dhl/delivered-nanoseconds.json");
  REQUIRE(shipment.ok());
  CHECK(shipment->events(3).time().nanos() == 331986369);
  // 22:10 without an offset takes its neighbours' +01:00.
  const v1::TrackingEvent& bare = shipment->events(1);
  CHECK(UtcString(bare.time()) == "2026-02-11T21:10:00Z");
  CHECK_FALSE(bare.offset_known());
  CHECK(bare.utc_offset_seconds() == 3600);
  CHECK(shipment->events(2).state() == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  // "Hauptstrasse 5, Hamburg": the town only, no street.
  CHECK(shipment->destination().city() == "Hamburg");
  CHECK(shipment->origin().city() == "Bonn");
  CHECK(shipment->service_name() == "DHL PAKET");
  CHECK(shipment->proof_of_delivery().signed_by() == "L. Becker");
  CHECK(shipment->proof_of_delivery().signature_captured());
  REQUIRE(shipment->proof_of_delivery().document_refs_size() == 1);
  CHECK(shipment->carrier_status_code() == "delivered");
}

// Issue 16: DHL "unknown" was IN_TRANSIT, so a label's electronic
// announcement counted as the first carrier scan and hid a missed ship-by.
TEST_CASE("DHL parser: an unknown (label) event is never the first carrier scan", "[dhl]") {
  auto label = Parse("dhl/unknown-label-only.json");
  REQUIRE(label.ok());
  CHECK(label->state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(label->events(0).state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK_FALSE(label->has_first_scan_at());
  CHECK(label->carrier_status_code() == "unknown");

  // Announced, scanned, then an unclassified notice: the scan is the first
  // scan, and the notice does not take the package back to a bare label.
  auto moving = Parse("dhl/unknown-then-transit.json");
  REQUIRE(moving.ok());
  REQUIRE(moving->has_first_scan_at());
  CHECK(UtcString(moving->first_scan_at()) == "2026-03-04T20:05:00Z");
  CHECK(moving->state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(moving->events(0).state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(moving->events(2).state() == v1::SHIPMENT_STATE_LABEL_CREATED);
}

TEST_CASE("DHL request: the API key travels in its header, never in the URL", "[dhl]") {
  const http::HttpRequest track = BuildDhlTrackRequest("00340434161094000001", "k3y");
  CHECK(track.method == "GET");
  CHECK(track.target == "/track/shipments?trackingNumber=00340434161094000001&language=en");
  CHECK(track.Header("DHL-API-Key") == "k3y");
  CHECK(track.target.find("k3y") == std::string::npos);
}

TEST_CASE("DHL status crosswalk: statusCode wins over the text", "[dhl]") {
  CHECK(MapDhlStatus("pre-transit", "DELIVERED | JESSICA").state ==
        v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(MapDhlStatus("delivered", "Delivered").state == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(MapDhlStatus("delivered", "The shipment has been returned and delivered to the sender")
            .state == v1::SHIPMENT_STATE_RETURNED);
  CHECK(MapDhlStatus("transit", "DELIVERED").state == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(MapDhlStatus("unknown", "delivered").state == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(MapDhlStatus("", "").state == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(MapDhlStatus("UNKNOWN", "The shipment is being returned to the sender").state ==
        v1::SHIPMENT_STATE_RETURNING);
  CHECK(MapDhlStatus("transit", "The shipment has been loaded onto the delivery vehicle").state ==
        v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(MapDhlStatus("transit", "Ready for pick-up at the Packstation").state ==
        v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP);
  const DhlStatus delayed = MapDhlStatus("transit", "Delayed due to bad weather");
  CHECK(delayed.state == v1::SHIPMENT_STATE_DELAYED);
  CHECK(delayed.reason == v1::STATE_REASON_WEATHER);
  const DhlStatus address = MapDhlStatus("failure", "The address is incomplete");
  CHECK(address.state == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(address.reason == v1::STATE_REASON_ADDRESS_ISSUE);
  CHECK(MapDhlStatus("failure", "The shipment is lost").state == v1::SHIPMENT_STATE_LOST);
  CHECK(MapDhlStatus("failure", "").reason == v1::STATE_REASON_OTHER);
}

}  // namespace
}  // namespace trackenrich::adapters::dhl
