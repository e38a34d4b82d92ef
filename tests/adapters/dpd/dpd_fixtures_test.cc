// Fixture conformance: every published DPD payload in ../shared/fixtures/other/dpd
// (SOAP XML), with the canonical values it must give.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/dpd/dpd_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::dpd {
namespace {

using Expectation = testing::ShipmentExpectation;

TEST_CASE("DPD parser: every published DPD payload in ../shared", "[dpd][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found, so the published DPD payloads are not checked");
    return;
  }
  const std::string tracking = "other/dpd/dpd.parcellifecycle.v2.getTrackingData.response.xml";
  const std::string fault = "other/dpd/dpd.parcellifecycle.v2.fault.xml";
  const std::vector<Expectation> table = {
      // 15 reached steps; the current one is ReturningFromDelivery ("after an
      // unsuccessful delivery attempt the parcel is back at the recipient
      // depot"). The parcelshop steps ("Delivered by driver to Pickup
      // parcelshop") are not a delivery.
      {tracking, 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
       v1::STATE_REASON_UNSPECIFIED, "", 15},
      // The authentication fault, with SOAP's HTTP 500 and without.
      {fault, 500, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {fault, 200, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    testing::CheckShipment(
        expected, ParseDpdTrackResponse(
                      testing::Response(expected.http_status,
                                        testing::ReadFile(testing::SharedFixture(expected.file))),
                      "05308801410058"));
  }
  auto shipment = ParseDpdTrackResponse(
      testing::Response(200, testing::ReadFile(testing::SharedFixture(tracking))),
      "05308801410058");
  REQUIRE(shipment.ok());
  CHECK(shipment->service_name() == "DPD PARCELSHOP DELIVERY");
  CHECK(shipment->carrier_status_code() == "ReturningFromDelivery");
  // 8/17/2021 7:11:26 PM in Puurs (BE), summer time: 17:11:26 UTC.
  CHECK(testing::UtcString(shipment->events(0).time()) == "2021-08-17T17:11:26Z");
  CHECK(shipment->events(0).location().city() == "Puurs");
  int parcelshop = 0;
  for (const auto& event : shipment->events()) {
    CHECK(event.state() != v1::SHIPMENT_STATE_DELIVERED);
    parcelshop += event.state() == v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP;
  }
  CHECK(parcelshop == 4);

  const http::HttpResponse auth_fault =
      testing::Response(500, testing::ReadFile(testing::SharedFixture(fault)));
  CHECK(IsDpdAuthenticationFault(auth_fault));
  CHECK_THAT(
      ParseDpdLoginResponse(auth_fault, absl::Now()).status(),
      testing::StatusIs(absl::StatusCode::kFailedPrecondition, "DELICOM_ERR_AUTHENTICATION"));
}

}  // namespace
}  // namespace trackenrich::adapters::dpd
