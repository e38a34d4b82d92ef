// La Poste end to end: a real gRPC client, the service in sandbox mode, and
// the sandbox speaking Suivi v2 over real HTTP. Numbers are given without a
// carrier, so detection routes them (S10 numbers with the FR suffix).
#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "boost/json.hpp"

#include "services/sandbox/sandbox_upstream.h"
#include "tests/adapters/la_poste/la_poste_scenario_table.h"
#include "tests/support/carrier_calls.h"
#include "tests/support/http_get.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

std::string Number(absl::string_view scenario) {
  return testing::CarrierScenarioNumber("la_poste", scenario);
}

grpc::Status Track(v1::TrackingService::Stub& stub, const std::string& number,
                   v1::TrackShipmentResponse* response) {
  return testing::TrackNumber(stub, number, response);
}

grpc::StatusCode GrpcCode(absl::StatusCode code) { return static_cast<grpc::StatusCode>(code); }

TEST_CASE("La Poste through gRPC: every sandbox scenario, detected and mapped", "[la_poste]") {
  testing::TestServer server;
  auto stub = server.Stub();
  for (const auto& row : testing::kLaPosteScenarios) {
    const std::string number = Number(row.scenario);
    INFO(row.scenario << " " << number);
    v1::TrackShipmentResponse response;
    const grpc::Status status = Track(*stub, number, &response);
    if (row.code != absl::StatusCode::kOk) {
      CHECK_THAT(status, GrpcStatusIs(GrpcCode(row.code), "la_poste"));
      continue;
    }
    REQUIRE_THAT(status, GrpcStatusIs(grpc::StatusCode::OK));
    const v1::Shipment& shipment = response.shipment();
    CHECK(v1::Carrier_Name(shipment.carrier()) == "CARRIER_LA_POSTE");
    CHECK(shipment.carrier_name() == "La Poste / Colissimo");
    CHECK(shipment.tracking_number() == number);
    CHECK(v1::ShipmentState_Name(shipment.state()) == v1::ShipmentState_Name(row.state));
    CHECK(v1::StateReason_Name(shipment.reason()) == v1::StateReason_Name(row.reason));
    CHECK(shipment.tracking_url() ==
          "https://www.laposte.fr/outils/suivre-vos-envois?code=" + number);
    CHECK(shipment.provenance().adapter() == "la_poste");
    CHECK(shipment.provenance().payload_sha256().size() == 64);
    CHECK(shipment.events_size() >= (row.state == v1::SHIPMENT_STATE_NOT_FOUND ? 0 : 2));
    for (const v1::TrackingEvent& event : shipment.events()) {
      CHECK_FALSE(event.carrier_code().empty());
      CHECK(event.offset_known());
      CHECK(event.utc_offset_seconds() == 3600);
    }
    CHECK(shipment.has_delivered_at() == (row.state == v1::SHIPMENT_STATE_DELIVERED));
  }
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  CHECK(testing::SandboxRequestCount(sandbox, "la_poste.track") ==
        static_cast<int64_t>(std::size(testing::kLaPosteScenarios)));
}

TEST_CASE("La Poste through gRPC: an S10 number ending FR goes to La Poste without a carrier",
          "[la_poste]") {
  testing::TestServer server;
  auto stub = server.Stub();
  const std::string number = Number("customs");
  REQUIRE(absl::EndsWith(number, "FR"));

  grpc::ClientContext context;
  v1::DetectCarrierRequest detect;
  detect.set_tracking_number(number);
  v1::DetectCarrierResponse detected;
  REQUIRE_THAT(stub->DetectCarrier(&context, detect, &detected),
               GrpcStatusIs(grpc::StatusCode::OK));
  REQUIRE(detected.candidates_size() >= 1);
  CHECK(v1::Carrier_Name(detected.candidates(0).carrier()) == "CARRIER_LA_POSTE");
  CHECK_FALSE(detected.invalid_checksum());

  v1::TrackShipmentResponse response;
  REQUIRE_THAT(Track(*stub, number, &response), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.shipment().provenance().adapter() == "la_poste");
  CHECK(response.shipment().destination().country_code() == "GB");
  CHECK(response.shipment().carrier_status_code() == "DO1");
}

TEST_CASE("La Poste: /readyz lists the adapter", "[la_poste]") {
  testing::TestServer server;
  const auto ready = testing::HttpGet(server.server().admin_port(), "/readyz");
  REQUIRE(ready.status == 200);
  const auto json = boost::json::parse(ready.body);
  bool listed = false;
  for (const auto& adapter : json.at("adapters").as_array()) {
    listed = listed || adapter.as_string() == "la_poste";
  }
  CHECK(listed);
}

}  // namespace
}  // namespace trackenrich
