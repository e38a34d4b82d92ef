// Fixture conformance: PostNL's published Shippingstatus v2 examples (the
// OpenAPI document of its developer portal; provenance in
// tests/data/postnl/SOURCES.md), with the canonical values each must give.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/postnl/postnl_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::postnl {
namespace {

using testing::Response;
using testing::UtcString;
using Expectation = testing::ShipmentExpectation;

absl::StatusOr<v1::Shipment> Parse(const std::string& file, int status,
                                   absl::string_view number = "3SDEVC288882229") {
  return ParsePostnlTrackResponse(
      Response(status, testing::ReadFile(testing::TestData("postnl/" + file))), number);
}

TEST_CASE("PostNL parser: every published PostNL example", "[postnl][fixtures]") {
  const std::vector<Expectation> table = {
      // Status 7 "Shipment out for delivery", no events (CurrentStatus).
      {"docs-current-status.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
       v1::STATE_REASON_UNSPECIFIED, "", 0},
      // J05 "Driver is en route" is the newest of four events.
      {"docs-complete-status.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
       v1::STATE_REASON_UNSPECIFIED, "", 4},
      // Warnings "No shipment found" (code 2) with an empty CompleteStatus.
      {"docs-no-shipment.json", 200, absl::StatusCode::kNotFound, {}, {}, "", 0},
      // "no barcode supplied in path": a request we built wrong, not an unknown parcel.
      {"docs-error-400.json", 400, absl::StatusCode::kInternal, {}, {}, "", 0},
      {"docs-error-401.json", 401, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {"docs-error-429.json", 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0},
      {"docs-error-400.json", 500, absl::StatusCode::kUnavailable, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    INFO(expected.file << " HTTP " << expected.http_status);
    testing::CheckShipment(expected, Parse(expected.file, expected.http_status));
  }
}

TEST_CASE("PostNL parser: the published complete status, field by field", "[postnl][fixtures]") {
  auto shipment = Parse("docs-complete-status.json", 200);
  REQUIRE(shipment.ok());
  CHECK(shipment->carrier() == v1::CARRIER_POSTNL);
  CHECK(shipment->carrier_status_code() == "7");
  CHECK(shipment->carrier_status_text() == "Shipment out for delivery");
  // "Parcels, domestic &lt;= 10 kg" with its entity decoded.
  CHECK(shipment->service_name() == "Parcels, domestic <= 10 kg");
  // Addresses: town, postcode and country only.
  CHECK(shipment->destination().city() == "Utrecht");
  CHECK(shipment->destination().postal_code() == "3571ZZ");
  CHECK(shipment->origin().city() == "Hoofddorp");
  // Events oldest first, 07-11-2022 19:19:31 CET = 18:19:31 UTC.
  REQUIRE(shipment->events_size() == 4);
  CHECK(shipment->events(0).carrier_code() == "A01");
  CHECK(UtcString(shipment->events(0).time()) == "2022-11-07T18:19:31Z");
  CHECK(shipment->events(0).utc_offset_seconds() == 3600);
  CHECK(shipment->events(0).state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(shipment->events(1).carrier_code() == "B01");
  CHECK(shipment->events(1).state() == v1::SHIPMENT_STATE_PICKED_UP);
  CHECK(shipment->events(2).state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(shipment->events(3).carrier_code() == "J05");
  CHECK(shipment->events(3).location().facility() == "171966");
  CHECK(UtcString(shipment->first_scan_at()) == "2022-11-07T23:08:39Z");
  CHECK(UtcString(shipment->last_event_at()) == "2022-11-08T09:13:20Z");
  // Expectation 14:50-16:50 local.
  CHECK(UtcString(shipment->estimated_delivery().start()) == "2022-11-08T13:50:00Z");
  CHECK(UtcString(shipment->estimated_delivery().end()) == "2022-11-08T15:50:00Z");
  CHECK_FALSE(shipment->has_delivered_at());

  // The CurrentStatus has no Expectation: the DeliveryDate is the whole Dutch day.
  auto current = Parse("docs-current-status.json", 200);
  REQUIRE(current.ok());
  CHECK(UtcString(current->estimated_delivery().start()) == "2022-11-07T23:00:00Z");
  CHECK(UtcString(current->estimated_delivery().end()) == "2022-11-08T22:59:59Z");
}

TEST_CASE("PostNL parser: the published multi-collo example, each parcel by its barcode",
          "[postnl][fixtures]") {
  for (absl::string_view barcode : {"3SDEVC5672025", "3SDEVC7755088"}) {
    INFO(barcode);
    auto shipment = Parse("docs-multicollo.json", 200, barcode);
    REQUIRE(shipment.ok());
    // Status 13 "pre-alerted, not yet accepted", one A01 event (a bare object).
    CHECK(shipment->state() == v1::SHIPMENT_STATE_LABEL_CREATED);
    CHECK(shipment->carrier_status_code() == "13");
    REQUIRE(shipment->events_size() == 1);
    CHECK(shipment->events(0).carrier_code() == "A01");
    CHECK(shipment->service_name() == "Standaard Zending");
  }
  auto second = Parse("docs-multicollo.json", 200, "3SDEVC5672025");
  REQUIRE(second.ok());
  CHECK(UtcString(second->events(0).time()) == "2022-11-07T11:36:41Z");
  auto main = Parse("docs-multicollo.json", 200, "3SDEVC7755088");
  REQUIRE(main.ok());
  CHECK(UtcString(main->events(0).time()) == "2022-11-07T11:35:44Z");
}

TEST_CASE("PostNL parser: the not-found warning names itself", "[postnl][fixtures]") {
  CHECK_THAT(Parse("docs-no-shipment.json", 200).status(),
             testing::StatusIs(absl::StatusCode::kNotFound, "No shipment found"));
}

}  // namespace
}  // namespace trackenrich::adapters::postnl
