// FedEx, USPS, DHL, DPD and Amazon Shipping end to end: a real gRPC client,
// the service in sandbox mode, and the sandbox upstream over real HTTP
// speaking each carrier's wire format (token endpoints included).
#include <chrono>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/detection/check_digits.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

std::string Number(absl::string_view carrier, absl::string_view scenario) {
  const std::string number = sandbox::SandboxUpstream::ScenarioNumber(carrier, scenario);
  REQUIRE_FALSE(number.empty());
  return number;
}

// Requests the sandbox has received on `route`, read over its control endpoint.
int64_t UpstreamCount(testing::TestServer& server, const std::string& route) {
  const std::string url = server.server().sandbox_url();
  uint32_t port = 0;
  REQUIRE(absl::SimpleAtoi(url.substr(url.rfind(':') + 1), &port));
  const auto stats = testing::HttpGet(static_cast<uint16_t>(port), "/__sandbox/stats");
  REQUIRE(stats.status == 200);
  const auto json = boost::json::parse(stats.body);
  const auto* count = json.at("requests").as_object().if_contains(route);
  return count == nullptr ? 0 : count->as_int64();
}

grpc::Status Track(v1::TrackingService::Stub& stub, const std::string& number,
                   v1::TrackShipmentResponse* response,
                   v1::Carrier carrier = v1::CARRIER_UNSPECIFIED) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  request.mutable_shipment()->set_carrier(carrier);
  return stub.TrackShipment(&context, request, response);
}

struct Row {
  const char* carrier;
  const char* scenario;
  v1::Carrier carrier_enum;
  v1::ShipmentState state;
  v1::StateReason reason;
};

TEST_CASE("TrackShipment: each carrier's sandbox scenarios map to their canonical states",
          "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  const Row rows[] = {
      {"fedex", "delivered", v1::CARRIER_FEDEX, v1::SHIPMENT_STATE_DELIVERED, {}},
      {"fedex", "in_transit", v1::CARRIER_FEDEX, v1::SHIPMENT_STATE_IN_TRANSIT, {}},
      {"fedex", "out_for_delivery", v1::CARRIER_FEDEX, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}},
      {"fedex", "exception", v1::CARRIER_FEDEX, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_ADDRESS_ISSUE},
      {"fedex", "delayed", v1::CARRIER_FEDEX, v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_WEATHER},
      {"fedex", "returned", v1::CARRIER_FEDEX, v1::SHIPMENT_STATE_RETURNING,
       v1::STATE_REASON_REFUSED},
      {"usps", "delivered", v1::CARRIER_USPS, v1::SHIPMENT_STATE_DELIVERED, {}},
      {"usps", "in_transit", v1::CARRIER_USPS, v1::SHIPMENT_STATE_IN_TRANSIT, {}},
      {"usps", "out_for_delivery", v1::CARRIER_USPS, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}},
      {"usps", "exception", v1::CARRIER_USPS, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_ADDRESS_ISSUE},
      {"usps", "delayed", v1::CARRIER_USPS, v1::SHIPMENT_STATE_DELAYED,
       v1::STATE_REASON_CARRIER_DELAY},
      {"usps", "returned", v1::CARRIER_USPS, v1::SHIPMENT_STATE_RETURNING,
       v1::STATE_REASON_RETURN_TO_SENDER},
      {"dhl", "delivered", v1::CARRIER_DHL, v1::SHIPMENT_STATE_DELIVERED, {}},
      {"dhl", "in_transit", v1::CARRIER_DHL, v1::SHIPMENT_STATE_IN_TRANSIT, {}},
      {"dhl", "out_for_delivery", v1::CARRIER_DHL, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}},
      {"dhl", "exception", v1::CARRIER_DHL, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_ADDRESS_ISSUE},
      {"dhl", "returned", v1::CARRIER_DHL, v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
      // status "DELIVERED" under statusCode "transit": the code wins.
      {"dhl", "status_disagreement", v1::CARRIER_DHL, v1::SHIPMENT_STATE_IN_TRANSIT, {}},
      {"dpd", "delivered", v1::CARRIER_DPD, v1::SHIPMENT_STATE_DELIVERED, {}},
      {"dpd", "in_transit", v1::CARRIER_DPD, v1::SHIPMENT_STATE_IN_TRANSIT, {}},
      {"dpd", "out_for_delivery", v1::CARRIER_DPD, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}},
      {"dpd", "exception", v1::CARRIER_DPD, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
       v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
      {"dpd", "available_for_pickup", v1::CARRIER_DPD, v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
       v1::STATE_REASON_HELD_FOR_PICKUP},
      {"amazon_shipping", "delivered", v1::CARRIER_AMAZON, v1::SHIPMENT_STATE_DELIVERED, {}},
      {"amazon_shipping", "in_transit", v1::CARRIER_AMAZON, v1::SHIPMENT_STATE_IN_TRANSIT, {}},
      {"amazon_shipping",
       "out_for_delivery",
       v1::CARRIER_AMAZON,
       v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
       {}},
      {"amazon_shipping", "exception", v1::CARRIER_AMAZON, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
       v1::STATE_REASON_BUSINESS_CLOSED},
      {"amazon_shipping", "returned", v1::CARRIER_AMAZON, v1::SHIPMENT_STATE_RETURNED,
       v1::STATE_REASON_REFUSED},
  };
  for (const Row& row : rows) {
    const std::string number = Number(row.carrier, row.scenario);
    INFO(row.carrier << " " << row.scenario << " " << number);
    v1::TrackShipmentResponse response;
    REQUIRE_THAT(Track(*stub, number, &response), GrpcStatusIs(grpc::StatusCode::OK));
    const v1::Shipment& shipment = response.shipment();
    CHECK(v1::Carrier_Name(shipment.carrier()) == v1::Carrier_Name(row.carrier_enum));
    CHECK(shipment.tracking_number() == number);
    CHECK(v1::ShipmentState_Name(shipment.state()) == v1::ShipmentState_Name(row.state));
    CHECK(v1::StateReason_Name(shipment.reason()) == v1::StateReason_Name(row.reason));
    CHECK(shipment.events_size() >= 2);
    CHECK(absl::StrContains(shipment.tracking_url(), absl::string_view(number).substr(0, 14)));
    CHECK(shipment.provenance().adapter() == row.carrier);
    CHECK(shipment.provenance().payload_sha256().size() == 64);
    CHECK(shipment.provenance().cache_layer() == v1::CACHE_LAYER_NONE);
    for (int i = 1; i < shipment.events_size(); ++i) {
      CHECK(shipment.events(i - 1).time().seconds() <= shipment.events(i).time().seconds());
    }
    if (row.state == v1::SHIPMENT_STATE_DELIVERED) {
      CHECK(shipment.has_delivered_at());
    } else {
      CHECK_FALSE(shipment.has_delivered_at());
    }
  }
  // One token per upstream that has one, however many lookups.
  for (const char* route : {"fedex.token", "usps.token", "dpd.login", "amazon_shipping.token"}) {
    INFO(route);
    CHECK(UpstreamCount(server, route) == 1);
  }
  CHECK(UpstreamCount(server, "dhl.track") == 6);
}

TEST_CASE("TrackShipment: each carrier's not-found answer is NOT_FOUND", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  for (const char* carrier : {"fedex", "usps", "dhl", "dpd", "amazon_shipping"}) {
    INFO(carrier);
    v1::TrackShipmentResponse response;
    CHECK_THAT(Track(*stub, Number(carrier, "not_found"), &response),
               GrpcStatusIs(grpc::StatusCode::NOT_FOUND, carrier));
  }
  // Negative caching: the second ask costs no upstream call.
  v1::TrackShipmentResponse response;
  CHECK_THAT(Track(*stub, Number("dhl", "not_found"), &response),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND));
  CHECK(UpstreamCount(server, "dhl.track") == 1);
}

// Valid 12-digit FedEx numbers the sandbox answers as in transit.
std::string BulkFedexNumber(int i) {
  const std::string payload = absl::StrCat("7799", 1000000 + i);
  return absl::StrCat(payload, detection::FedExMod11CheckDigit(payload));
}

TEST_CASE("BatchTrackShipments: 60 FedEx numbers cost exactly 2 upstream calls", "[integration]") {
  server::ServiceConfig config = testing::SandboxConfig();
  // The count comes from flushing at 30 numbers; the window only bounds the
  // wait. A loaded machine can take longer than the default 2 ms to hand 60
  // lookups over, so this test gives the batch more room.
  config.fedex.batch_window = absl::Milliseconds(50);
  testing::TestServer server(config);
  auto stub = server.Stub();

  std::vector<std::string> numbers = {Number("fedex", "delivered"), Number("fedex", "not_found")};
  for (int i = 0; numbers.size() < 60; ++i) numbers.push_back(BulkFedexNumber(i));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::BatchTrackShipmentsRequest batch;
  for (const std::string& number : numbers) {
    batch.add_requests()->mutable_shipment()->set_tracking_number(number);
  }
  v1::BatchTrackShipmentsResponse response;
  REQUIRE(stub->BatchTrackShipments(&context, batch, &response).ok());
  REQUIRE(response.results_size() == 60);
  CHECK(response.results(0).shipment().state() == v1::SHIPMENT_STATE_DELIVERED);
  // FedEx's per-number error inside the 200: NOT_FOUND for that number only.
  CHECK(response.results(1).error().code() == static_cast<int>(grpc::StatusCode::NOT_FOUND));
  CHECK(response.results(1).error().subject() == numbers[1]);
  for (int i = 2; i < 60; ++i) {
    INFO(numbers[i]);
    CHECK(response.results(i).shipment().carrier() == v1::CARRIER_FEDEX);
    CHECK(response.results(i).shipment().state() == v1::SHIPMENT_STATE_IN_TRANSIT);
    CHECK(response.results(i).shipment().tracking_number() == numbers[i]);
  }
  CHECK(UpstreamCount(server, "fedex.track") == 2);
  CHECK(UpstreamCount(server, "fedex.token") == 1);
}

TEST_CASE("a carrier configured without credentials answers FAILED_PRECONDITION naming it",
          "[integration]") {
  server::ServiceConfig config = testing::SandboxConfig();
  config.fedex_configured = true;
  config.usps_configured = true;
  config.dhl_configured = true;
  config.dpd_configured = true;
  config.amazon_shipping_configured = true;
  testing::TestServer server(config);
  auto stub = server.Stub();
  const std::pair<const char*, const char*> cases[] = {{"fedex", "FedEx"},
                                                       {"usps", "USPS"},
                                                       {"dhl", "DHL"},
                                                       {"dpd", "DPD"},
                                                       {"amazon_shipping", "Amazon Shipping"}};
  for (const auto& [carrier, name] : cases) {
    INFO(carrier);
    v1::TrackShipmentResponse response;
    CHECK_THAT(Track(*stub, Number(carrier, "delivered"), &response),
               GrpcStatusIs(grpc::StatusCode::FAILED_PRECONDITION, name));
  }
  // The sandbox still serves the carrier left unconfigured (UPS here).
  v1::TrackShipmentResponse ups;
  CHECK(Track(*stub, sandbox::SandboxUpstream::ScenarioNumber("ups", "delivered"), &ups).ok());
  CHECK(UpstreamCount(server, "fedex.token") == 0);
}

TEST_CASE("outside sandbox mode, a carrier with no section gets its tracking link only",
          "[integration]") {
  server::ServiceConfig config = testing::SandboxConfig();
  config.sandbox = false;
  testing::TestServer server(config);
  auto stub = server.Stub();
  v1::TrackShipmentResponse response;
  REQUIRE(Track(*stub, Number("fedex", "delivered"), &response).ok());
  CHECK(response.shipment().carrier() == v1::CARRIER_FEDEX);
  CHECK(response.shipment().provenance().source() == v1::SOURCE_TEMPLATE);
  CHECK(absl::StrContains(response.shipment().tracking_url(), "fedex.com"));
}

}  // namespace
}  // namespace trackenrich
