#include "adapters/dpd/dpd_parser.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/dpd/dpd_request.h"
#include "adapters/dpd/dpd_status_map.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::dpd {
namespace {

using testing::CheckShipment;
using testing::Response;
using testing::StatusIs;
using testing::UtcString;
using Expectation = testing::ShipmentExpectation;

absl::StatusOr<v1::Shipment> Parse(const std::string& file, int status = 200) {
  return ParseDpdTrackResponse(Response(status, testing::ReadFile(testing::TestData(file))),
                               "09981122330000L");
}

TEST_CASE("DPD parser: the project's own DPD payloads", "[dpd]") {
  const std::vector<Expectation> table = {
      // Lisbon in winter is UTC+0, Amsterdam UTC+1; the unreached planned step is no event.
      {"dpd/delivered-winter.xml", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED,
       v1::STATE_REASON_UNSPECIFIED, "2026-01-14T11:31:45Z", 4},
      // A depot scan after the delivery (current status) does not undo DELIVERED.
      {"dpd/delivered-then-late-scan.xml", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED,
       v1::STATE_REASON_UNSPECIFIED, "2026-07-01T09:00:00Z", 3},
      {"dpd/german-dates.xml", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
       v1::STATE_REASON_UNSPECIFIED, "", 2},
      {"dpd/label-only.xml", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_LABEL_CREATED,
       v1::STATE_REASON_UNSPECIFIED, "", 0},
      {"dpd/not-found.xml", 200, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {"dpd/fault-unknown.xml", 500, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"dpd/truncated.xml", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"dpd/deep.xml", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"dpd/truncated.xml", 503, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"dpd/truncated.xml", 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0},
      {"dpd/login.xml", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    auto shipment = Parse(expected.file, expected.http_status);
    CheckShipment(expected, shipment);
    if (!shipment.ok()) continue;
    CHECK(shipment->carrier() == v1::CARRIER_DPD);
    CHECK(shipment->tracking_number() == "09981122330000L");
  }
}

TEST_CASE("DPD parser: local times by country and summer time", "[dpd]") {
  auto winter = Parse("dpd/delivered-winter.xml");
  REQUIRE(winter.ok());
  const v1::TrackingEvent& lisbon = winter->events(0);
  CHECK(lisbon.location().city() == "Lisbon");
  CHECK(lisbon.location().country_code() == "PT");
  CHECK(UtcString(lisbon.time()) == "2026-01-12T18:05:00Z");
  CHECK(lisbon.utc_offset_seconds() == 0);
  CHECK_FALSE(lisbon.offset_known());
  CHECK(UtcString(winter->events(1).time()) == "2026-01-13T01:40:10Z");
  CHECK(winter->events(1).utc_offset_seconds() == 3600);
  CHECK(winter->service_name() == "DPD CLASSIC");
  CHECK(winter->carrier_status_code() == "Delivered");

  auto summer = Parse("dpd/german-dates.xml");
  REQUIRE(summer.ok());
  CHECK(UtcString(summer->events(0).time()) == "2026-07-02T07:15:00Z");
  CHECK(summer->events(0).utc_offset_seconds() == 7200);

  // The EU switch: 2026-03-29 and 2026-10-25 at 01:00 UTC.
  CHECK(DpdUtcOffset("BE", absl::CivilSecond(2026, 3, 29, 1, 30, 0)) == 3600);
  CHECK(DpdUtcOffset("BE", absl::CivilSecond(2026, 3, 29, 3, 30, 0)) == 7200);
  CHECK(DpdUtcOffset("DE", absl::CivilSecond(2026, 10, 25, 3, 30, 0)) == 3600);
  CHECK(DpdUtcOffset("GB", absl::CivilSecond(2026, 8, 1, 12, 0, 0)) == 3600);
  CHECK(DpdUtcOffset("FI", absl::CivilSecond(2026, 1, 1, 12, 0, 0)) == 7200);
  CHECK(DpdUtcOffset("", absl::CivilSecond(2026, 1, 1, 12, 0, 0)) == 3600);
}

TEST_CASE("DPD login response and faults", "[dpd]") {
  const absl::Time before =
      absl::FromCivil(absl::CivilSecond(2026, 1, 1, 12, 0, 0), absl::UTCTimeZone());
  auto token = ParseDpdLoginResponse(
      Response(200, testing::ReadFile(testing::TestData("dpd/login.xml"))), before);
  REQUIRE(token.ok());
  CHECK(token->access_token == "dpd-tok-1");
  // 13:00:00.06 Central European (winter) time.
  CHECK(token->expires_at ==
        absl::FromCivil(absl::CivilSecond(2026, 1, 2, 12, 0, 0), absl::UTCTimeZone()) +
            absl::Milliseconds(60));
  // An expiry already past gives the token an hour.
  const absl::Time after = before + absl::Hours(48);
  auto late = ParseDpdLoginResponse(
      Response(200, testing::ReadFile(testing::TestData("dpd/login.xml"))), after);
  REQUIRE(late.ok());
  CHECK(late->expires_at == after + absl::Hours(1));

  const http::HttpResponse fault =
      Response(500, testing::ReadFile(testing::TestData("dpd/fault-unknown.xml")));
  CHECK_FALSE(IsDpdAuthenticationFault(fault));
  CHECK_THAT(ParseDpdLoginResponse(fault, before).status(),
             StatusIs(absl::StatusCode::kUnavailable, "SYSTEM_ERROR"));
  CHECK_THAT(ParseDpdLoginResponse(Response(200, "<not-xml"), before).status(),
             StatusIs(absl::StatusCode::kUnavailable, "dpd"));
}

TEST_CASE("DPD requests: SOAP envelopes with escaped values, parcel numbers", "[dpd]") {
  const http::HttpRequest login = BuildDpdLoginRequest("delis<1>", "p&ss", "en_EN");
  CHECK(login.method == "POST");
  CHECK(login.target == "/soap/services/LoginService/V2_1");
  CHECK(login.Header("SOAPAction") ==
        "http://dpd.com/common/service/types/LoginService/2.1/getAuth");
  CHECK(login.body.find("<delisId>delis&lt;1&gt;</delisId>") != std::string::npos);
  CHECK(login.body.find("<password>p&amp;ss</password>") != std::string::npos);
  CHECK(login.target.find("p&") == std::string::npos);

  const http::HttpRequest track = BuildDpdTrackRequest("05308801410058", "delis", "tok", "en_EN");
  CHECK(track.target == "/soap/services/ParcelLifeCycleService/V2_0");
  CHECK(track.Header("Content-Type") == "text/xml;charset=UTF-8");
  CHECK(track.body.find("<authToken>tok</authToken>") != std::string::npos);
  CHECK(track.body.find("<parcelLabelNumber>05308801410058</parcelLabelNumber>") !=
        std::string::npos);

  CHECK(DpdParcelLabelNumber("09981122330000L") == "09981122330000");
  CHECK(DpdParcelLabelNumber("0081234053088014100581276E") == "0081234053088014100581276E");
  CHECK(DpdParcelLabelNumber("008123405308801410058127680Z") == "05308801410058");
  CHECK(DpdParcelLabelNumber("05308801410058") == "05308801410058");
}

TEST_CASE("DPD status crosswalk", "[dpd]") {
  CHECK(MapDpdStatus("Delivered", "").state == v1::SHIPMENT_STATE_DELIVERED);
  // "Delivered by driver to Pickup parcelshop" is a pickup point, not the buyer.
  const DpdStatus shop = MapDpdStatus("ParcelShop", "Delivered by driver to Pickup parcelshop");
  CHECK(shop.state == v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP);
  CHECK(shop.reason == v1::STATE_REASON_HELD_FOR_PICKUP);
  CHECK(MapDpdStatus("Courier", "").state == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(MapDpdStatus("ReturningFromDelivery", "").state == v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED);
  CHECK(MapDpdStatus("DeliveryFailure", "The recipient was not at home.").reason ==
        v1::STATE_REASON_RECIPIENT_UNAVAILABLE);
  CHECK(MapDpdStatus("PickedUp", "").state == v1::SHIPMENT_STATE_PICKED_UP);
  CHECK(MapDpdStatus("SomethingNew", "").state == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(MapDpdStatus("SomethingNew", "Return to sender").state == v1::SHIPMENT_STATE_RETURNING);
  const DpdStatus delayed = MapDpdStatus("SomethingNew", "Your parcel is delayed.");
  CHECK(delayed.state == v1::SHIPMENT_STATE_DELAYED);
  CHECK(delayed.reason == v1::STATE_REASON_CARRIER_DELAY);
  CHECK(MapDpdStatus("SomethingNew", "Delayed by bad weather.").reason == v1::STATE_REASON_WEATHER);
  // A known status keeps its state whatever the description says.
  CHECK(MapDpdStatus("Depot", "Delayed at the depot.").state == v1::SHIPMENT_STATE_IN_TRANSIT);
}

}  // namespace
}  // namespace trackenrich::adapters::dpd
