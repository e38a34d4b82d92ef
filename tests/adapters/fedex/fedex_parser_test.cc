#include "adapters/fedex/fedex_parser.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "boost/json.hpp"

#include "adapters/common/time_util.h"
#include "adapters/fedex/fedex_request.h"
#include "adapters/fedex/fedex_status_map.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::fedex {
namespace {

using testing::CheckShipment;
using testing::Response;
using testing::StatusIs;
using testing::UtcString;
using Expectation = testing::ShipmentExpectation;

struct Row {
  std::string number;
  Expectation expected;
};

TEST_CASE("FedEx parser: the project's own FedEx payloads", "[fedex]") {
  const std::vector<Row> table = {
      {"111111111117",
       {"fedex/batch-mixed.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED,
        v1::STATE_REASON_UNSPECIFIED, "2026-02-03T21:05:00Z", 3}},
      {"222222222224",
       {"fedex/batch-mixed.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
        v1::STATE_REASON_UNSPECIFIED, "", 2}},
      // Per-number errors inside a 200 answer only their own number.
      {"333333333330", {"fedex/batch-mixed.json", 200, absl::StatusCode::kNotFound, {}, {}, "", 0}},
      {"444444444442", {"fedex/batch-mixed.json", 200, absl::StatusCode::kNotFound, {}, {}, "", 0}},
      {"555555555559",
       {"fedex/batch-mixed.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0}},
      // Asked for but not answered.
      {"999999999994",
       {"fedex/batch-mixed.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0}},
      // An arrival scan after the delivery scan does not undo DELIVERED.
      {"666666666665",
       {"fedex/delivered-then-late-scan.json", 200, absl::StatusCode::kOk,
        v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED, "2026-03-02T10:15:00Z", 3}},
      {"777777777773",
       {"fedex/delivery-exception.json", 200, absl::StatusCode::kOk,
        v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE, "", 2}},
      {"888888888881",
       {"fedex/running-late.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELAYED,
        v1::STATE_REASON_CARRIER_DELAY, "", 1}},
      {"111111111117",
       {"fedex/error-unauthorized.json",
        401,
        absl::StatusCode::kFailedPrecondition,
        {},
        {},
        "",
        0}},
      {"111111111117",
       {"fedex/error-unauthorized.json", 200, absl::StatusCode::kInternal, {}, {}, "", 0}},
      {"111111111117",
       {"fedex/error-quota.json", 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0}},
      {"111111111117", {"fedex/error-quota.json", 404, absl::StatusCode::kInternal, {}, {}, "", 0}},
      {"111111111117",
       {"fedex/truncated.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0}},
      {"111111111117", {"fedex/not-json.html", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0}},
      {"111111111117", {"fedex/not-json.html", 502, absl::StatusCode::kUnavailable, {}, {}, "", 0}},
      {"111111111117",
       {"fedex/no-output.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0}},
  };
  for (const Row& row : table) {
    INFO("number " << row.number);
    auto shipment = ParseFedexTrackResponse(
        Response(row.expected.http_status, testing::ReadFile(testing::TestData(row.expected.file))),
        row.number);
    CheckShipment(row.expected, shipment);
    if (!shipment.ok()) continue;
    CHECK(shipment->carrier() == v1::CARRIER_FEDEX);
    CHECK(shipment->tracking_number() == row.number);
  }
}

TEST_CASE("FedEx parser: one response answers every number of a batch", "[fedex]") {
  auto results = ParseFedexTrackResults(
      Response(200, testing::ReadFile(testing::TestData("fedex/batch-mixed.json"))));
  REQUIRE(results.ok());
  CHECK(results->size() == 5);
  CHECK(results->at("111111111117").ok());
  CHECK_THAT(results->at("333333333330").status(),
             StatusIs(absl::StatusCode::kNotFound, "TRACKING.TRACKINGNUMBER.NOTFOUND"));
  // A whole-response error is one status, not a map.
  CHECK_THAT(ParseFedexTrackResults(Response(503, "{}")).status(),
             StatusIs(absl::StatusCode::kUnavailable, "fedex"));
}

TEST_CASE("FedEx parser: times, estimated delivery and proof of delivery", "[fedex]") {
  auto results = ParseFedexTrackResults(
      Response(200, testing::ReadFile(testing::TestData("fedex/batch-mixed.json"))));
  REQUIRE(results.ok());
  const v1::Shipment& delivered = *results->at("111111111117");
  CHECK(delivered.proof_of_delivery().signed_by() == "R.OKAFOR");
  CHECK(delivered.proof_of_delivery().delivery_location() == "Side door");
  CHECK(delivered.proof_of_delivery().signature_captured());
  CHECK(delivered.service_name() == "FedEx Ground");
  CHECK(delivered.carrier_status_code() == "DL");
  CHECK(delivered.events(0).utc_offset_seconds() == -6 * 3600);
  CHECK(delivered.events(1).location().facility() == "DENA");

  const v1::Shipment& moving = *results->at("222222222224");
  // The pickup scan has no offset: it borrows its neighbour's (-05:00).
  const v1::TrackingEvent& pickup = moving.events(0);
  CHECK(pickup.carrier_code() == "PU");
  CHECK_FALSE(pickup.offset_known());
  CHECK(pickup.utc_offset_seconds() == -5 * 3600);
  CHECK(UtcString(pickup.time()) == "2026-02-03T05:00:00Z");
  CHECK(moving.events(1).offset_known());
  REQUIRE(moving.has_estimated_delivery());
  CHECK(UtcString(moving.estimated_delivery().start()) == "2026-02-05T14:00:00Z");
  CHECK(UtcString(moving.estimated_delivery().end()) == "2026-02-05T18:00:00Z");
  CHECK_FALSE(moving.has_proof_of_delivery());

  auto attempted = ParseFedexTrackResponse(
      Response(200, testing::ReadFile(testing::TestData("fedex/delivery-exception.json"))),
      "777777777773");
  REQUIRE(attempted.ok());
  // Proof of delivery only for a delivered package.
  CHECK(attempted->proof_of_delivery().signed_by().empty());
  CHECK(attempted->events(1).description() ==
        "Delivery exception: Customer not available or business closed");
}

// Issue 16's FedEx cases, in the Track API response shape: a delivery
// exception means what its exception code says, and no derived DL delivers a
// package whose event code says something else.
TEST_CASE("FedEx parser: delivery exceptions are read with their exception code",
          "[fedex][crosswalk]") {
  auto results = ParseFedexTrackResults(
      Response(200, testing::ReadFile(testing::TestData("fedex/delivery-exception-codes.json"))));
  REQUIRE(results.ok());
  struct Case {
    const char* number;
    v1::ShipmentState state;
    v1::StateReason reason;
    v1::ShipmentState newest_event_state;
  };
  const Case cases[] = {
      // 060G with derived DL: returning to the shipper, never delivered.
      {"777777777781", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
       v1::SHIPMENT_STATE_RETURNING},
      {"777777777792", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
       v1::STATE_REASON_RECIPIENT_UNAVAILABLE, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED},
      // A13 on the scan only (the status has no ancillary reason): redirected.
      {"777777777803", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED,
       v1::SHIPMENT_STATE_IN_TRANSIT},
      // A scan whose event code is outside the table, with derived DL, on a
      // returning package: in transit, and the package stays returning.
      {"777777777814", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
       v1::SHIPMENT_STATE_IN_TRANSIT},
  };
  for (const Case& expected : cases) {
    INFO(expected.number);
    REQUIRE(results->count(expected.number) == 1);
    const absl::StatusOr<v1::Shipment>& shipment = results->at(expected.number);
    REQUIRE(shipment.ok());
    CHECK(v1::ShipmentState_Name(shipment->state()) == v1::ShipmentState_Name(expected.state));
    CHECK(v1::StateReason_Name(shipment->reason()) == v1::StateReason_Name(expected.reason));
    CHECK_FALSE(shipment->has_delivered_at());
    REQUIRE(shipment->events_size() > 0);
    CHECK(v1::ShipmentState_Name(shipment->events().rbegin()->state()) ==
          v1::ShipmentState_Name(expected.newest_event_state));
    for (const v1::TrackingEvent& event : shipment->events()) {
      CHECK(event.state() != v1::SHIPMENT_STATE_DELIVERED);
    }
  }
}

TEST_CASE("FedEx token response", "[fedex]") {
  const absl::Time now = absl::FromUnixSeconds(1'767'225'600);
  auto token = ParseFedexTokenResponse(
      Response(200, testing::ReadFile(testing::TestData("fedex/token.json"))), now);
  REQUIRE(token.ok());
  CHECK(token->access_token == "fedex-tok-1");
  CHECK(token->expires_at == now + absl::Seconds(3599));
  auto rejected = ParseFedexTokenResponse(
      Response(401, testing::ReadFile(testing::TestData("fedex/error-unauthorized.json"))), now);
  CHECK_THAT(rejected.status(),
             StatusIs(absl::StatusCode::kFailedPrecondition, "NOT.AUTHORIZED.ERROR"));
  CHECK_THAT(ParseFedexTokenResponse(Response(200, "{\"access_token\":\"x\"}"), now).status(),
             StatusIs(absl::StatusCode::kUnavailable, "expires_in"));
}

TEST_CASE("FedEx requests: credentials in the body, numbers in JSON, none in the URL", "[fedex]") {
  const http::HttpRequest token = BuildFedexTokenRequest("id&1", "s3cr=t");
  CHECK(token.method == "POST");
  CHECK(token.target == "/oauth/token");
  CHECK(token.Header("Content-Type") == "application/x-www-form-urlencoded");
  CHECK(token.body == "grant_type=client_credentials&client_id=id%261&client_secret=s3cr%3Dt");
  CHECK(token.target.find("s3cr") == std::string::npos);

  const http::HttpRequest track = BuildFedexTrackRequest({"123456789012", "998877665544"}, "tok-1");
  CHECK(track.method == "POST");
  CHECK(track.target == "/track/v1/trackingnumbers");
  CHECK(track.Header("Authorization") == "Bearer tok-1");
  CHECK(track.Header("Content-Type") == "application/json");
  CHECK(track.idempotent);
  CHECK(track.target.find("tok-1") == std::string::npos);
  const auto body = boost::json::parse(track.body);
  CHECK(body.at("includeDetailedScans").as_bool());
  const auto& info = body.at("trackingInfo").as_array();
  REQUIRE(info.size() == 2);
  CHECK(info[1].at("trackingNumberInfo").at("trackingNumber").as_string() == "998877665544");
}

TEST_CASE("FedEx status crosswalk", "[fedex]") {
  CHECK(MapFedexStatus("DL", "DL", "", "Delivered").state == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(MapFedexStatus("OC", "IN", "", "").state == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(MapFedexStatus("PU", "PU", "", "").state == v1::SHIPMENT_STATE_PICKED_UP);
  CHECK(MapFedexStatus("OD", "IT", "", "").state == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  // HP's derived code says IT; the event code says more.
  const FedexStatus pickup = MapFedexStatus("HP", "IT", "", "Ready for recipient pickup");
  CHECK(pickup.state == v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP);
  CHECK(pickup.reason == v1::STATE_REASON_HELD_FOR_PICKUP);
  // FD only says "at destination"; the derived RL says running late.
  CHECK(MapFedexStatus("FD", "RL", "", "").state == v1::SHIPMENT_STATE_DELAYED);
  const FedexStatus exception = MapFedexStatus("SE", "SE", "", "Incorrect address");
  CHECK(exception.state == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(exception.reason == v1::STATE_REASON_ADDRESS_ISSUE);
  CHECK(MapFedexStatus("SE", "", "", "").reason == v1::STATE_REASON_OTHER);
  CHECK(MapFedexStatus("CD", "", "", "Clearance delay").reason == v1::STATE_REASON_CUSTOMS);
  CHECK(MapFedexStatus("RS", "", "", "").state == v1::SHIPMENT_STATE_RETURNING);
  CHECK(MapFedexStatus("CA", "", "", "").state == v1::SHIPMENT_STATE_CANCELLED);
  CHECK(MapFedexStatus("ZZ", "", "", "").state == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(MapFedexStatus("ZZ", "DE", "", "").state == v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED);

  const FedexStatus weather =
      ApplyFedexDelay({v1::SHIPMENT_STATE_PICKED_UP, {}}, "DELAYED", "WEATHER");
  CHECK(weather.state == v1::SHIPMENT_STATE_DELAYED);
  CHECK(weather.reason == v1::STATE_REASON_WEATHER);
  CHECK(ApplyFedexDelay({v1::SHIPMENT_STATE_DELIVERED, {}}, "DELAYED", "WEATHER").state ==
        v1::SHIPMENT_STATE_DELIVERED);
  CHECK(ApplyFedexDelay({v1::SHIPMENT_STATE_IN_TRANSIT, {}}, "ON_TIME", "").state ==
        v1::SHIPMENT_STATE_IN_TRANSIT);
}

}  // namespace
}  // namespace trackenrich::adapters::fedex
