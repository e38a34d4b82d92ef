#include "adapters/ups/ups_parser.h"

#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/common/time_util.h"
#include "adapters/ups/ups_request.h"
#include "adapters/ups/ups_status_map.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::ups {
namespace {

using testing::StatusIs;

using testing::CheckShipment;
using testing::Response;
using Expectation = testing::ShipmentExpectation;

void Check(const Expectation& expected, const std::string& body) {
  auto shipment = ParseUpsTrackResponse(Response(expected.http_status, body), "1ZREQUESTED");
  CheckShipment(expected, shipment);
  if (!shipment.ok()) return;
  CHECK(shipment->carrier() == v1::CARRIER_UPS);
  CHECK(shipment->tracking_number() == "1ZREQUESTED");
}

TEST_CASE("UPS parser: the project's own UPS payloads", "[ups]") {
  const std::vector<Expectation> table = {
      {"ups/in-transit-gmt.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
       v1::STATE_REASON_UNSPECIFIED, "", 3},
      // An arrival scan after the delivery scan does not undo DELIVERED.
      {"ups/delivered-then-late-scan.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED, "2026-02-05T19:30:00Z", 3},
      {"ups/exception-address.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_ADDRESS_ISSUE, "", 2},
      {"ups/returning.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNING,
       v1::STATE_REASON_RETURN_TO_SENDER, "", 1},
      {"ups/truncated.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"ups/not-json.html", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"ups/no-shipment.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"ups/error-TV1002-invalid-inquiry.json", 400, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {"ups/not-json.html", 502, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"ups/no-shipment.json", 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0},
      {"ups/no-shipment.json", 403, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
  };
  for (const auto& expected : table) {
    Check(expected, testing::ReadFile(testing::TestData(expected.file)));
  }
}

// Issue 16's UPS cases, each in UPS's Track API response shape: the code is
// read with its type (X/RP, X/AC, X/RS, X/DY, X/UR are exception-table codes),
// the three-digit statusCode decides, a pickup attempt is no delivery attempt,
// type NA is "not available".
TEST_CASE("UPS parser: status codes read with their type and the three-digit code",
          "[ups][crosswalk]") {
  constexpr auto kOk = absl::StatusCode::kOk;
  constexpr auto kNone = v1::STATE_REASON_UNSPECIFIED;
  const std::vector<Expectation> table = {
      {"ups/exception-government-release.json", 200, kOk, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_CUSTOMS, "", 3},
      {"ups/exception-wrong-city.json", 200, kOk, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_ADDRESS_ISSUE, "", 3},
      {"ups/exception-receiver-contacted.json", 200, kOk, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_CUSTOMS, "", 3},
      {"ups/exception-importer-contacted.json", 200, kOk, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_CUSTOMS, "", 3},
      {"ups/exception-unauthorized-hazmat.json", 200, kOk, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_PROHIBITED_ITEM, "", 3},
      {"ups/customs-clearance.json", 200, kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
       v1::STATE_REASON_CUSTOMS, "", 3},
      // "Delivered to UPS Access Point": waiting for the buyer, not delivered.
      {"ups/access-point.json", 200, kOk, v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
       v1::STATE_REASON_HELD_FOR_PICKUP, "", 4},
      // "Pickup Attempted": UPS still does not have the package.
      {"ups/pickup-attempted.json", 200, kOk, v1::SHIPMENT_STATE_LABEL_CREATED, kNone, "", 2},
      {"ups/returned-034.json", 200, kOk, v1::SHIPMENT_STATE_RETURNED,
       v1::STATE_REASON_RETURN_TO_SENDER, "", 3},
      // OR is 005 in one UPS source system and 013 in another: the status
      // code decides (an address exception here, not a pickup).
      {"ups/status-code-decides.json", 200, kOk, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_ADDRESS_ISSUE, "", 4},
      {"ups/attempted-060.json", 200, kOk, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
       v1::STATE_REASON_RECIPIENT_UNAVAILABLE, "", 3},
      {"ups/gmt-time-colons.json", 200, kOk, v1::SHIPMENT_STATE_IN_TRANSIT, kNone, "", 3},
      // Type NA: UPS has no status to give, not "in transit".
      {"ups/not-available.json", 200, kOk, v1::SHIPMENT_STATE_NOT_FOUND, kNone, "", 0},
      // Status 000 ("Status Not Available") after real scans: the newest
      // scan that says something decides, not "no record".
      {"ups/not-available-after-scans.json", 200, kOk, v1::SHIPMENT_STATE_IN_TRANSIT, kNone, "", 4},
  };
  for (const auto& expected : table) {
    Check(expected, testing::ReadFile(testing::TestData(expected.file)));
  }
  // A pickup attempt is not the first carrier scan.
  auto pickup = ParseUpsTrackResponse(
      Response(200, testing::ReadFile(testing::TestData("ups/pickup-attempted.json"))), "1ZX");
  REQUIRE(pickup.ok());
  CHECK_FALSE(pickup->has_first_scan_at());
}

TEST_CASE("UPS parser: times written HH:MM:SS read as their HHMMSS form, offset kept", "[ups]") {
  auto colons = ParseUpsTrackResponse(
      Response(200, testing::ReadFile(testing::TestData("ups/gmt-time-colons.json"))), "1ZX");
  auto compact = ParseUpsTrackResponse(
      Response(200, testing::ReadFile(testing::TestData("ups/in-transit-gmt.json"))), "1ZX");
  REQUIRE(colons.ok());
  REQUIRE(compact.ok());
  REQUIRE(colons->events_size() == compact->events_size());
  for (int i = 1; i < colons->events_size(); ++i) {  // the label event differs
    INFO("event " << i);
    CHECK(colons->events(i).time().seconds() == compact->events(i).time().seconds());
    CHECK(colons->events(i).utc_offset_seconds() == compact->events(i).utc_offset_seconds());
  }
  for (const v1::TrackingEvent& event : colons->events()) {
    CHECK(event.offset_known());
    CHECK(event.utc_offset_seconds() == -5 * 3600);
  }
}

TEST_CASE("UPS parser: GMT fields give the UTC instant and the original offset", "[ups]") {
  auto shipment = ParseUpsTrackResponse(
      Response(200, testing::ReadFile(testing::TestData("ups/in-transit-gmt.json"))), "1ZX");
  REQUIRE(shipment.ok());
  const v1::TrackingEvent& latest = shipment->events(2);
  CHECK(latest.carrier_code() == "AR");
  CHECK(latest.offset_known());
  CHECK(latest.utc_offset_seconds() == -5 * 3600);
  // gmtTime "31500" is 03:15:00 UTC.
  CHECK(absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", FromProto(latest.time()), absl::UTCTimeZone()) ==
        "2026-03-11T03:15:00Z");
  CHECK(latest.location().city() == "Secaucus");
  CHECK(latest.location().facility() == "0705");
  // The label event has no GMT fields: local time, offset unknown.
  CHECK_FALSE(shipment->events(0).offset_known());
  CHECK(shipment->events(0).state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  // The first carrier scan is the pickup, not the label.
  CHECK(shipment->first_scan_at().seconds() == shipment->events(1).time().seconds());
  CHECK(shipment->last_event_at().seconds() == latest.time().seconds());
  CHECK(shipment->service_name() == "UPS Ground");
  // The scheduled delivery day is read in the events' offset.
  REQUIRE(shipment->has_estimated_delivery());
  CHECK(absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", FromProto(shipment->estimated_delivery().start()),
                         absl::UTCTimeZone()) == "2026-03-12T14:00:00Z");
  CHECK(absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", FromProto(shipment->estimated_delivery().end()),
                         absl::UTCTimeZone()) == "2026-03-13T00:00:00Z");
}

TEST_CASE("UPS parser: proof of delivery", "[ups]") {
  auto shipment = ParseUpsTrackResponse(
      Response(200, testing::ReadFile(testing::TestData("ups/delivered-then-late-scan.json"))),
      "1ZX");
  REQUIRE(shipment.ok());
  CHECK(shipment->proof_of_delivery().delivery_location() == "Front Door");
  CHECK(shipment->proof_of_delivery().photo_captured());
  CHECK_FALSE(shipment->proof_of_delivery().signature_captured());
  CHECK(shipment->proof_of_delivery().signed_by().empty());
  // The raw status is the delivery scan's, not the later arrival scan's.
  CHECK(shipment->carrier_status_code() == "FS");
}

TEST_CASE("UPS token response", "[ups]") {
  const absl::Time now = absl::FromUnixSeconds(1'767'225'600);
  auto token = ParseUpsTokenResponse(
      Response(200, testing::ReadFile(testing::TestData("ups/token.json"))), now);
  REQUIRE(token.ok());
  CHECK(token->access_token == "tok-123");
  CHECK(token->expires_at == now + absl::Seconds(14399));
  CHECK_THAT(ParseUpsTokenResponse(Response(200, "{\"access_token\":\"x\"}"), now).status(),
             StatusIs(absl::StatusCode::kUnavailable, "expires_in"));
  CHECK_THAT(ParseUpsTokenResponse(Response(401, "{}"), now).status(),
             StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_CASE("UPS requests carry the required headers and no secret in the target", "[ups]") {
  const http::HttpRequest token = BuildUpsTokenRequest("id", "secret");
  CHECK(token.method == "POST");
  CHECK(token.target == "/security/v1/oauth/token");
  CHECK(token.Header("Authorization") == "Basic aWQ6c2VjcmV0");
  CHECK(token.body == "grant_type=client_credentials");

  const http::HttpRequest track = BuildUpsTrackRequest("1Z999AA10123456784", "tok", "t-1", "en_US");
  CHECK(track.method == "GET");
  CHECK(track.target.rfind("/api/track/v1/details/1Z999AA10123456784?locale=en_US", 0) == 0);
  CHECK(track.Header("Authorization") == "Bearer tok");
  CHECK(track.Header("transId") == "t-1");
  CHECK_FALSE(track.Header("transactionSrc").empty());
}

TEST_CASE("UPS status crosswalk", "[ups]") {
  CHECK(MapUpsStatus("D", "FS", "011", "Delivered").state == v1::SHIPMENT_STATE_DELIVERED);
  // Type D alone is "loaded on vehicle / out for delivery / delivered".
  CHECK(MapUpsStatus("D", "ZZ", "", "Loaded on Delivery Vehicle").state ==
        v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(MapUpsStatus("I", "OT", "021", "Out For Delivery Today").state ==
        v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(MapUpsStatus("M", "MP", "003", "Shipper created a label").state ==
        v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(MapUpsStatus("MV", "", "", "Shipment voided").state == v1::SHIPMENT_STATE_CANCELLED);
  const UpsStatus weather =
      MapUpsStatus("X", "WD", "", "A weather emergency has delayed delivery.");
  CHECK(weather.state == v1::SHIPMENT_STATE_DELAYED);
  CHECK(weather.reason == v1::STATE_REASON_WEATHER);
  const UpsStatus attempted = MapUpsStatus("X", "48", "",
                                           "The receiver was not available. A "
                                           "second delivery attempt will be made.");
  CHECK(attempted.state == v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED);
  CHECK(attempted.reason == v1::STATE_REASON_RECIPIENT_UNAVAILABLE);
  // A delivered code whose text says something else is not trusted.
  CHECK(MapUpsStatus("I", "KB", "", "Arrived at Facility").state == v1::SHIPMENT_STATE_IN_TRANSIT);
}

}  // namespace
}  // namespace trackenrich::adapters::ups
