#include "adapters/usps/usps_parser.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/usps/usps_request.h"
#include "adapters/usps/usps_status_map.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::usps {
namespace {

using testing::CheckShipment;
using testing::Response;
using testing::StatusIs;
using testing::UtcString;
using Expectation = testing::ShipmentExpectation;

absl::StatusOr<v1::Shipment> Parse(const std::string& file, int status = 200) {
  return ParseUspsTrackResponse(Response(status, testing::ReadFile(testing::TestData(file))),
                                "9400100000000000000009");
}

TEST_CASE("USPS parser: the project's own USPS payloads", "[usps]") {
  const std::vector<Expectation> table = {
      // "Delivered, To Original Sender" is the end of a return, not a delivery.
      {"usps/returned-to-sender.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNED,
       v1::STATE_REASON_RETURN_TO_SENDER, "", 3},
      {"usps/arriving-late.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELAYED,
       v1::STATE_REASON_CARRIER_DELAY, "", 2},
      {"usps/notice-left-no-gmt.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE, "", 2},
      {"usps/label-only.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_LABEL_CREATED,
       v1::STATE_REASON_UNSPECIFIED, "", 1},
      {"usps/could-not-locate.json", 200, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {"usps/error-invalid-number.json", 400, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {"usps/error-bad-request.json", 400, absl::StatusCode::kInternal, {}, {}, "", 0},
      {"usps/error-unauthorized.json", 401, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {"usps/error-bad-request.json", 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0},
      {"usps/error-bad-request.json", 404, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {"usps/truncated.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"usps/truncated.json", 503, absl::StatusCode::kUnavailable, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    auto shipment = Parse(expected.file, expected.http_status);
    CheckShipment(expected, shipment);
    if (!shipment.ok()) continue;
    CHECK(shipment->carrier() == v1::CARRIER_USPS);
    CHECK(shipment->tracking_number() == "9400100000000000000009");
  }
}

// Issue 16's USPS cases: "12: A status update is not yet available" (HTTP 400)
// is a label USPS has not scanned yet, a shipment with no carrier record (not
// INTERNAL); "Moving Through Network" is a status category.
TEST_CASE("USPS parser: no status yet, and Moving Through Network", "[usps][crosswalk]") {
  const std::vector<Expectation> table = {
      {"usps/error-12-no-status-yet.json", 400, absl::StatusCode::kOk, v1::SHIPMENT_STATE_NOT_FOUND,
       v1::STATE_REASON_UNSPECIFIED, "", 0},
      {"usps/moving-through-network.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED, "", 2},
  };
  for (const Expectation& expected : table) {
    CheckShipment(expected, Parse(expected.file, expected.http_status));
  }

  auto pending = Parse("usps/error-12-no-status-yet.json", 400);
  REQUIRE(pending.ok());
  CHECK(pending->carrier() == v1::CARRIER_USPS);
  CHECK(pending->tracking_number() == "9400100000000000000009");
  CHECK(pending->carrier_status_code() == "12");
  CHECK(pending->carrier_status_text().rfind("A status update is not yet available", 0) == 0);
  CHECK_FALSE(pending->has_first_scan_at());
  // The same error in the errors[] form.
  auto listed = ParseUspsTrackResponse(
      Response(400, R"({"apiVersion":"3.0.0","error":{"code":"400","message":"Bad Request",)"
                    R"("errors":[{"status":"400","code":"12","title":"Status Not Available",)"
                    R"("detail":"A status update is not yet available on your package."}]}})"),
      "9400100000000000000009");
  REQUIRE(listed.ok());
  CHECK(listed->state() == v1::SHIPMENT_STATE_NOT_FOUND);
  // Another 400 is still the service's own bad request.
  CHECK_THAT(Parse("usps/error-bad-request.json", 400).status(),
             StatusIs(absl::StatusCode::kInternal));

  auto moving = Parse("usps/moving-through-network.json");
  REQUIRE(moving.ok());
  CHECK(moving->carrier_status_code() == "Moving Through Network");
}

TEST_CASE("USPS parser: GMT fields, one-digit offsets and local times", "[usps]") {
  auto returned = Parse("usps/returned-to-sender.json");
  REQUIRE(returned.ok());
  CHECK(returned->service_name() == "Priority Mail");
  const v1::TrackingEvent& back_home = returned->events(2);
  CHECK(UtcString(back_home.time()) == "2026-01-20T15:12:00Z");
  CHECK(back_home.utc_offset_seconds() == -5 * 3600);
  CHECK(back_home.offset_known());
  CHECK(back_home.state() == v1::SHIPMENT_STATE_RETURNED);
  // No delivered time and no proof of delivery for a package that went back.
  CHECK_FALSE(returned->has_delivered_at());
  CHECK(returned->proof_of_delivery().delivery_location().empty());

  auto attempted = Parse("usps/notice-left-no-gmt.json");
  REQUIRE(attempted.ok());
  // "-7:00" with only the local wall time: 14:22 at -07:00.
  const v1::TrackingEvent& notice = attempted->events(1);
  CHECK(notice.carrier_code() == "02");
  CHECK(UtcString(notice.time()) == "2026-03-04T21:22:00Z");
  CHECK(notice.utc_offset_seconds() == -7 * 3600);
  CHECK(notice.offset_known());
  // A "Z" on eventTimestamp is the local wall time, offset unknown.
  const v1::TrackingEvent& out = attempted->events(0);
  CHECK(UtcString(out.time()) == "2026-03-04T07:10:00Z");
  CHECK_FALSE(out.offset_known());

  auto late = Parse("usps/arriving-late.json");
  REQUIRE(late.ok());
  REQUIRE(late->has_estimated_delivery());
  CHECK(UtcString(late->estimated_delivery().end()) == "2026-02-11T20:00:00Z");
  CHECK(late->carrier_status_code() == "In Transit");
  CHECK(late->carrier_status_text() == "In Transit, Arriving Late");
}

TEST_CASE("USPS token response", "[usps]") {
  const absl::Time now = absl::FromUnixSeconds(1'767'225'600);
  auto token = ParseUspsTokenResponse(
      Response(200, testing::ReadFile(testing::TestData("usps/token.json"))), now);
  REQUIRE(token.ok());
  CHECK(token->access_token == "usps-tok-1");
  CHECK(token->expires_at == now + absl::Seconds(28799));
  CHECK_THAT(ParseUspsTokenResponse(Response(401, "{\"error\":\"invalid_client\"}"), now).status(),
             StatusIs(absl::StatusCode::kFailedPrecondition, "invalid_client"));
}

TEST_CASE("USPS requests: token scope, credentials in the body, bearer on the track call",
          "[usps]") {
  const http::HttpRequest token = BuildUspsTokenRequest("id", "p@ss");
  CHECK(token.method == "POST");
  CHECK(token.target == "/oauth2/v3/token");
  CHECK(token.body ==
        "grant_type=client_credentials&client_id=id&client_secret=p%40ss&scope=tracking");
  const http::HttpRequest track = BuildUspsTrackRequest("9400111899223790000014", "tok");
  CHECK(track.method == "GET");
  CHECK(track.target == "/tracking/v3/tracking/9400111899223790000014?expand=DETAIL");
  CHECK(track.Header("Authorization") == "Bearer tok");
  CHECK(track.target.find("tok") == std::string::npos);
}

TEST_CASE("USPS status crosswalk", "[usps]") {
  CHECK(MapUspsStatusCategory("Delivered", "Delivered, In/At Mailbox").state ==
        v1::SHIPMENT_STATE_DELIVERED);
  CHECK(MapUspsStatusCategory("Delivered", "Delivered, To Original Sender").state ==
        v1::SHIPMENT_STATE_RETURNED);
  CHECK(MapUspsStatusCategory("Accepted", "").state == v1::SHIPMENT_STATE_PICKED_UP);
  CHECK(MapUspsStatusCategory("Pre-Shipment", "").state == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(MapUspsStatusCategory("Available for Pickup", "").state ==
        v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP);
  const UspsStatus alert = MapUspsStatusCategory("Alert", "Insufficient Address");
  CHECK(alert.state == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(alert.reason == v1::STATE_REASON_ADDRESS_ISSUE);
  CHECK(MapUspsStatusCategory("Alert", "Something new").reason == v1::STATE_REASON_OTHER);
  CHECK(MapUspsStatusCategory("Unheard Of", "").state == v1::SHIPMENT_STATE_UNSPECIFIED);

  CHECK(MapUspsEvent("OF", "Out for Delivery").state == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(MapUspsEvent("GX", "Shipping Label Created").state == v1::SHIPMENT_STATE_LABEL_CREATED);
  const UspsStatus refused = MapUspsEvent("04", "Refused");
  CHECK(refused.state == v1::SHIPMENT_STATE_RETURNING);
  CHECK(refused.reason == v1::STATE_REASON_REFUSED);
  const UspsStatus notice = MapUspsEvent("02", "Notice Left (Business Closed)");
  CHECK(notice.state == v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED);
  CHECK(notice.reason == v1::STATE_REASON_BUSINESS_CLOSED);
  // An unknown code is read from its text, else in transit.
  CHECK(MapUspsEvent("ZZ", "Available for Pickup").state ==
        v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP);
  CHECK(MapUspsEvent("ZZ", "Processing").state == v1::SHIPMENT_STATE_IN_TRANSIT);
}

}  // namespace
}  // namespace trackenrich::adapters::usps
