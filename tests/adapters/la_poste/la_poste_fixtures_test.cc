// Fixture conformance: La Poste's published example answers in
// ../shared/fixtures/other/laposte, with the canonical values the Suivi v2
// adapter must give (provenance in ../shared/fixtures/SOURCES.md).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/la_poste/la_poste_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::la_poste {
namespace {

using Expectation = testing::ShipmentExpectation;
using testing::UtcString;

constexpr const char* kDelivered = "other/laposte/laposte.suivi.v2.200.colissimo-delivered-fr.json";
constexpr const char* kInvalid = "other/laposte/laposte.suivi.v2.400.invalid-number-fr.json";

TEST_CASE("La Poste parser: every published La Poste payload in ../shared",
          "[la_poste][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found, so the published La Poste payloads are not checked");
    return;
  }
  const std::vector<Expectation> table = {
      // Delivered in Brazil: deliveryDate 2023-03-09T09:38:00+01:00; 9 events.
      {kDelivered, 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED,
       v1::STATE_REASON_UNSPECIFIED, "2023-03-09T08:38:00Z", 9},
      // returnCode 400, "Le numéro que vous avez saisi n'est pas valide".
      {kInvalid, 400, absl::StatusCode::kNotFound, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    testing::CheckShipment(
        expected, ParseLaPosteTrackResponse(
                      testing::Response(expected.http_status,
                                        testing::ReadFile(testing::SharedFixture(expected.file))),
                      "EW112720413FR"));
  }

  auto delivered = ParseLaPosteTrackResponse(
      testing::Response(200, testing::ReadFile(testing::SharedFixture(kDelivered))),
      "EW112720413FR");
  REQUIRE(delivered.ok());
  CHECK(delivered->carrier() == v1::CARRIER_LA_POSTE);
  CHECK(delivered->carrier_status_code() == "DI1");
  CHECK(delivered->carrier_status_text() == "Votre colis est livré.");
  CHECK(delivered->service_name() == "colissimo");
  CHECK(delivered->origin().country_code() == "FR");
  CHECK(delivered->destination().country_code() == "BR");
  // DR1 (the sender's data) is no carrier scan: the first is PC1, the drop-off.
  CHECK(delivered->events(0).carrier_code() == "DR1");
  CHECK(delivered->events(0).state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(UtcString(delivered->first_scan_at()) == "2023-02-17T13:43:00Z");
  // ET1, ET2, ET3 in transit; MD2 out for delivery; raw codes and offsets kept.
  std::vector<std::string> codes;
  for (const v1::TrackingEvent& event : delivered->events()) {
    codes.push_back(event.carrier_code());
    CHECK(event.utc_offset_seconds() == 3600);
    CHECK(event.offset_known());
  }
  CHECK(codes ==
        std::vector<std::string>{"DR1", "PC1", "ET1", "ET1", "ET2", "ET3", "ET1", "MD2", "DI1"});
  CHECK(delivered->events(7).state() == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(delivered->events(5).state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  // La Poste's open scope has no proof of delivery.
  CHECK_FALSE(delivered->has_proof_of_delivery());
  CHECK_FALSE(delivered->has_estimated_delivery());

  auto invalid = ParseLaPosteTrackResponse(
      testing::Response(400, testing::ReadFile(testing::SharedFixture(kInvalid))), "EW112720413FR");
  CHECK_THAT(std::string(invalid.status().message()), Catch::Contains("returnCode 400"));
}

}  // namespace
}  // namespace trackenrich::adapters::la_poste
