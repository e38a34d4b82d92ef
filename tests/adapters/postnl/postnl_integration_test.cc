// PostNL end to end: a real gRPC client, the service in sandbox mode, and the
// sandbox upstream speaking Shippingstatus v2 over real HTTP. Numbers are
// tracked without a carrier: detection routes S10 numbers ending NL and 3S
// barcodes to PostNL.
#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "boost/json.hpp"

#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/carrier_calls.h"
#include "tests/support/http_get.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

std::string Number(absl::string_view scenario) {
  return testing::CarrierScenarioNumber("postnl", scenario);
}

grpc::Status Track(v1::TrackingService::Stub& stub, const std::string& number,
                   v1::TrackShipmentResponse* response) {
  return testing::TrackNumber(stub, number, response);
}

int64_t UpstreamCount(testing::TestServer& server, const std::string& route) {
  return testing::SandboxRequestCount(testing::PortOfUrl(server.server().sandbox_url()), route);
}

struct Row {
  const char* scenario;
  grpc::StatusCode code;
  v1::ShipmentState state;
  v1::StateReason reason;
};

constexpr grpc::StatusCode kOk = grpc::StatusCode::OK;
constexpr Row kRows[] = {
    // The seven every carrier's sandbox has.
    {"delivered", kOk, v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"in_transit", kOk, v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"out_for_delivery", kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"exception", kOk, v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE},
    {"delayed", kOk, v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_WEATHER},
    {"returned", kOk, v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"not_found", grpc::StatusCode::NOT_FOUND, v1::SHIPMENT_STATE_UNSPECIFIED,
     v1::STATE_REASON_UNSPECIFIED},
    // PostNL's own.
    {"label_created", kOk, v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"available_for_pickup", kOk, v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
    {"international_s10", kOk, v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
};

TEST_CASE("PostNL: every sandbox scenario through gRPC, detected without a carrier",
          "[postnl][integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  for (const Row& row : kRows) {
    const std::string number = Number(row.scenario);
    INFO(row.scenario << " " << number);
    v1::TrackShipmentResponse response;
    const grpc::Status status = Track(*stub, number, &response);
    if (row.code != kOk) {
      CHECK_THAT(status, GrpcStatusIs(row.code, "postnl"));
      continue;
    }
    REQUIRE_THAT(status, GrpcStatusIs(kOk));
    const v1::Shipment& shipment = response.shipment();
    CHECK(v1::Carrier_Name(shipment.carrier()) == "CARRIER_POSTNL");
    CHECK(shipment.carrier_name() == "PostNL");
    CHECK(shipment.tracking_number() == number);
    CHECK(v1::ShipmentState_Name(shipment.state()) == v1::ShipmentState_Name(row.state));
    CHECK(v1::StateReason_Name(shipment.reason()) == v1::StateReason_Name(row.reason));
    CHECK(shipment.provenance().adapter() == "postnl");
    CHECK(shipment.provenance().payload_sha256().size() == 64);
    CHECK(absl::StrContains(shipment.tracking_url(), number));
    CHECK(shipment.events_size() >= 1);
    for (int i = 0; i < shipment.events_size(); ++i) {
      // Dutch wall times: CET or CEST, never assumed known.
      const int offset = shipment.events(i).utc_offset_seconds();
      CHECK((offset == 3600 || offset == 7200));
      CHECK_FALSE(shipment.events(i).offset_known());
      if (i > 0) {
        CHECK(shipment.events(i - 1).time().seconds() <= shipment.events(i).time().seconds());
      }
    }
    if (row.state == v1::SHIPMENT_STATE_DELIVERED) {
      CHECK(shipment.has_delivered_at());
    } else {
      CHECK_FALSE(shipment.has_delivered_at());
    }
    if (row.state == v1::SHIPMENT_STATE_LABEL_CREATED) {
      CHECK_FALSE(shipment.has_first_scan_at());
    } else {
      CHECK(shipment.has_first_scan_at());
    }
  }
  // One status call per number: no cache hits, no retries.
  CHECK(UpstreamCount(server, "postnl.track") == static_cast<int64_t>(std::size(kRows)));
}

TEST_CASE("PostNL: an S10 number ending NL goes to PostNL with no carrier given",
          "[postnl][integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  const std::string number = Number("international_s10");
  CHECK(absl::EndsWith(number, "NL"));
  v1::TrackShipmentResponse response;
  REQUIRE_THAT(Track(*stub, number, &response), GrpcStatusIs(kOk));
  const v1::Shipment& shipment = response.shipment();
  CHECK(v1::Carrier_Name(shipment.carrier()) == "CARRIER_POSTNL");
  CHECK(shipment.provenance().adapter() == "postnl");
  CHECK(shipment.provenance().source() == v1::SOURCE_CARRIER_API);
  CHECK(v1::ShipmentState_Name(shipment.state()) == "SHIPMENT_STATE_DELIVERED");
  CHECK(UpstreamCount(server, "postnl.track") == 1);
}

TEST_CASE("PostNL: domestic 3S barcodes go to PostNL with no carrier given",
          "[postnl][integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  // The sandbox's range SAND: sorted, in transit.
  v1::TrackShipmentResponse response;
  REQUIRE_THAT(Track(*stub, "3SSAND0000001", &response), GrpcStatusIs(kOk));
  CHECK(v1::Carrier_Name(response.shipment().carrier()) == "CARRIER_POSTNL");
  CHECK(v1::ShipmentState_Name(response.shipment().state()) == "SHIPMENT_STATE_IN_TRANSIT");
  CHECK(response.shipment().tracking_number() == "3SSAND0000001");
  // A 15-character barcode of another range: PostNL has no record of it.
  v1::TrackShipmentResponse unknown;
  CHECK_THAT(Track(*stub, "3SAB83691658823", &unknown),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "postnl"));
  CHECK(UpstreamCount(server, "postnl.track") == 2);
}

TEST_CASE("PostNL: a delivered parcel says where it was left", "[postnl][integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  v1::TrackShipmentResponse response;
  REQUIRE_THAT(Track(*stub, Number("delivered"), &response), GrpcStatusIs(kOk));
  CHECK(response.shipment().proof_of_delivery().delivery_location() == "neighbour");
  REQUIRE(response.shipment().events_size() == 5);
  CHECK(response.shipment().events(4).carrier_code() == "I10");
}

TEST_CASE("PostNL: /readyz lists the PostNL adapter", "[postnl][integration]") {
  testing::TestServer server;
  const auto ready = testing::HttpGet(server.server().admin_port(), "/readyz");
  REQUIRE(ready.status == 200);
  const auto adapters = boost::json::parse(ready.body).at("adapters").as_array();
  bool listed = false;
  for (const auto& adapter : adapters) listed = listed || adapter.as_string() == "postnl";
  CHECK(listed);
}

}  // namespace
}  // namespace trackenrich
