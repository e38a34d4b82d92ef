// The UPS slice end to end: a real gRPC client, the service in sandbox mode,
// and the sandbox upstream over real HTTP on loopback.
#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "boost/json.hpp"

#include "grpc/health/v1/health.grpc.pb.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "tests/support/sandbox_carriers.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

std::string Number(absl::string_view scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber("ups", scenario);
}

uint16_t PortOf(const std::string& url) {
  uint32_t port = 0;
  const bool parsed = absl::SimpleAtoi(url.substr(url.rfind(':') + 1), &port);
  REQUIRE(parsed);
  return static_cast<uint16_t>(port);
}

// Requests the sandbox has received on `route`, read over its control endpoint.
int64_t UpstreamCount(testing::TestServer& server, const std::string& route) {
  const auto stats = testing::HttpGet(PortOf(server.server().sandbox_url()), "/__sandbox/stats");
  REQUIRE(stats.status == 200);
  const auto json = boost::json::parse(stats.body);
  const auto* count = json.at("requests").as_object().if_contains(route);
  return count == nullptr ? 0 : count->as_int64();
}

grpc::Status Track(v1::TrackingService::Stub& stub, const std::string& number,
                   v1::TrackShipmentResponse* response,
                   v1::Carrier carrier = v1::CARRIER_UNSPECIFIED, bool force_refresh = false) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  request.mutable_shipment()->set_carrier(carrier);
  request.mutable_cache()->set_force_refresh(force_refresh);
  return stub.TrackShipment(&context, request, response);
}

TEST_CASE("TrackShipment: each UPS sandbox scenario maps to its canonical state", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  struct Row {
    const char* scenario;
    v1::ShipmentState state;
    v1::StateReason reason;
  };
  const Row rows[] = {
      {"delivered", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
      {"in_transit", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
      {"out_for_delivery", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
      {"exception", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE},
      {"delayed", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_WEATHER},
      {"returned", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
      {"label_created", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
  };
  for (const Row& row : rows) {
    INFO(row.scenario);
    v1::TrackShipmentResponse response;
    REQUIRE_THAT(Track(*stub, Number(row.scenario), &response), GrpcStatusIs(grpc::StatusCode::OK));
    const v1::Shipment& shipment = response.shipment();
    CHECK(shipment.carrier() == v1::CARRIER_UPS);
    CHECK(shipment.tracking_number() == Number(row.scenario));
    CHECK(v1::ShipmentState_Name(shipment.state()) == v1::ShipmentState_Name(row.state));
    CHECK(v1::StateReason_Name(shipment.reason()) == v1::StateReason_Name(row.reason));
    CHECK(shipment.events_size() >= 1);
    CHECK(absl::StrContains(shipment.tracking_url(), Number(row.scenario)));
    CHECK(shipment.provenance().adapter() == "ups");
    CHECK(shipment.provenance().source() == v1::SOURCE_CARRIER_API);
    CHECK(shipment.provenance().payload_sha256().size() == 64);
    CHECK(shipment.provenance().cache_layer() == v1::CACHE_LAYER_NONE);
  }
  v1::TrackShipmentResponse delivered;
  REQUIRE(Track(*stub, Number("delivered"), &delivered).ok());
  CHECK(delivered.shipment().has_delivered_at());
  CHECK(delivered.shipment().proof_of_delivery().signed_by() == "JOHNSON");
  CHECK(delivered.shipment().proof_of_delivery().signature_captured());
  CHECK(delivered.shipment().events(0).state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  // One token for all of these lookups.
  CHECK(UpstreamCount(server, "ups.token") == 1);
}

TEST_CASE("TrackShipment: upstream faults map to the documented codes", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  v1::TrackShipmentResponse response;
  CHECK_THAT(Track(*stub, Number("not_found"), &response),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "TW0001"));
  CHECK_THAT(Track(*stub, Number("unavailable"), &response),
             GrpcStatusIs(grpc::StatusCode::UNAVAILABLE, "ups"));
  CHECK_THAT(Track(*stub, Number("malformed"), &response),
             GrpcStatusIs(grpc::StatusCode::UNAVAILABLE, "malformed"));

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
  v1::TrackShipmentRequest slow;
  slow.mutable_shipment()->set_tracking_number(Number("slow"));
  CHECK_THAT(stub->TrackShipment(&context, slow, &response),
             GrpcStatusIs(grpc::StatusCode::DEADLINE_EXCEEDED));
}

TEST_CASE("TrackShipment: cache hits, negative caching and forced refresh", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  v1::TrackShipmentResponse first;
  v1::TrackShipmentResponse second;
  REQUIRE(Track(*stub, Number("in_transit"), &first).ok());
  REQUIRE(Track(*stub, Number("in_transit"), &second).ok());
  CHECK(UpstreamCount(server, "ups.track") == 1);
  CHECK(second.shipment().provenance().cache_layer() == v1::CACHE_LAYER_MEMORY);
  CHECK(second.shipment().state() == first.shipment().state());

  v1::TrackShipmentResponse ignored;
  CHECK_FALSE(Track(*stub, Number("not_found"), &ignored).ok());
  CHECK_THAT(Track(*stub, Number("not_found"), &ignored),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND));
  CHECK(UpstreamCount(server, "ups.track") == 2);

  REQUIRE(
      Track(*stub, Number("in_transit"), &second, v1::CARRIER_UPS, /*force_refresh=*/true).ok());
  CHECK(UpstreamCount(server, "ups.track") == 3);
  CHECK(second.shipment().provenance().cache_layer() == v1::CACHE_LAYER_NONE);
}

TEST_CASE("TrackShipment: concurrent identical requests share one upstream call", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  constexpr int kClients = 40;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&] {
      v1::TrackShipmentResponse response;
      if (Track(*stub, Number("slow"), &response).ok() &&
          response.shipment().state() == v1::SHIPMENT_STATE_IN_TRANSIT) {
        ok.fetch_add(1);
      }
    });
  }
  for (auto& client : clients) client.join();
  CHECK(ok.load() == kClients);
  CHECK(UpstreamCount(server, "ups.track") == 1);
}

TEST_CASE("every validation error is INVALID_ARGUMENT naming the field, with no upstream call",
          "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  v1::TrackShipmentResponse track_response;
  CHECK_THAT(Track(*stub, "", &track_response), GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                                                             "shipment.tracking_number: required"));
  CHECK_THAT(Track(*stub, "1Z/../../etc/passwd", &track_response),
             GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "shipment.tracking_number"));
  CHECK_THAT(Track(*stub, std::string(41, '9'), &track_response),
             GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "at most 40"));
  CHECK_THAT(Track(*stub, "1ZSBX0010300000010", &track_response, static_cast<v1::Carrier>(77)),
             GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "shipment.carrier"));
  // Detectable by no carrier: the caller must say which.
  CHECK_THAT(Track(*stub, "HELLOWORLD", &track_response),
             GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "shipment.carrier"));

  {
    grpc::ClientContext context;
    v1::BatchTrackShipmentsRequest batch;
    for (int i = 0; i < 101; ++i) {
      batch.add_requests()->mutable_shipment()->set_tracking_number("1ZSBX0010300000010");
    }
    v1::BatchTrackShipmentsResponse response;
    CHECK_THAT(stub->BatchTrackShipments(&context, batch, &response),
               GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "requests: at most 100"));
  }
  {
    grpc::ClientContext context;
    v1::GetOrderTrackingRequest request;
    request.mutable_order()->set_order_id("12-34");
    v1::GetOrderTrackingResponse response;
    CHECK_THAT(
        stub->GetOrderTracking(&context, request, &response),
        GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "order.order_id: an Amazon order ID"));
  }
  {
    grpc::ClientContext context;
    v1::BatchGetOrderTrackingRequest request;
    v1::BatchGetOrderTrackingResponse response;
    CHECK_THAT(stub->BatchGetOrderTracking(&context, request, &response),
               GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "requests"));
  }
  {
    grpc::ClientContext context;
    v1::EnrichTicketRequest request;
    v1::EnrichTicketResponse response;
    CHECK_THAT(stub->EnrichTicket(&context, request, &response),
               GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "subject"));
  }
  {
    grpc::ClientContext context;
    v1::DetectCarrierRequest request;
    request.set_tracking_number("1Z\r\nHost: evil");
    v1::DetectCarrierResponse response;
    CHECK_THAT(stub->DetectCarrier(&context, request, &response),
               GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "tracking_number"));
  }
  {
    grpc::ClientContext context;
    v1::RenderReplyRequest request;
    v1::RenderReplyResponse response;
    CHECK_THAT(stub->RenderReply(&context, request, &response),
               GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "template_id"));
  }
  CHECK(UpstreamCount(server, "ups.track") == 0);
  CHECK(UpstreamCount(server, "ups.token") == 0);
}

TEST_CASE("BatchTrackShipments answers each item in order", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  grpc::ClientContext context;
  v1::BatchTrackShipmentsRequest batch;
  for (const char* scenario : {"delivered", "not_found", "in_transit"}) {
    batch.add_requests()->mutable_shipment()->set_tracking_number(Number(scenario));
  }
  v1::BatchTrackShipmentsResponse response;
  REQUIRE(stub->BatchTrackShipments(&context, batch, &response).ok());
  REQUIRE(response.results_size() == 3);
  CHECK(response.results(0).shipment().state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(response.results(1).error().code() == static_cast<int>(grpc::StatusCode::NOT_FOUND));
  CHECK(response.results(1).error().subject() == Number("not_found"));
  CHECK(response.results(2).shipment().state() == v1::SHIPMENT_STATE_IN_TRANSIT);
}

TEST_CASE("BatchTrackShipments: 3 malformed items of 100 are answered in their slots",
          "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  v1::BatchTrackShipmentsRequest batch;
  for (int i = 0; i < 100; ++i) {
    batch.add_requests()->mutable_shipment()->set_tracking_number(
        testing::SandboxUpsBulkNumber(1000 + i));
  }
  batch.mutable_requests(3)->mutable_shipment()->set_tracking_number("1ZSBX00203!0001003");
  batch.mutable_requests(50)->mutable_shipment()->set_carrier(static_cast<v1::Carrier>(4242));
  batch.mutable_requests(99)->clear_shipment();
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  v1::BatchTrackShipmentsResponse response;
  REQUIRE(stub->BatchTrackShipments(&context, batch, &response).ok());
  REQUIRE(response.results_size() == 100);

  const std::map<int, std::string> bad = {
      {3, "requests[3].shipment.tracking_number: only letters, digits, spaces and dashes"},
      {50, "requests[50].shipment.carrier: unknown carrier value 4242"},
      {99, "requests[99].shipment: required"}};
  int shipments = 0;
  for (int i = 0; i < 100; ++i) {
    INFO("item " << i);
    const v1::ShipmentResult& result = response.results(i);
    if (const auto it = bad.find(i); it != bad.end()) {
      REQUIRE(result.has_error());
      CHECK(result.error().code() == static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
      CHECK_THAT(result.error().message(), Catch::StartsWith(it->second));
      continue;
    }
    REQUIRE(result.has_shipment());
    CHECK(result.shipment().tracking_number() == testing::SandboxUpsBulkNumber(1000 + i));
    CHECK(result.shipment().state() == v1::SHIPMENT_STATE_IN_TRANSIT);
    ++shipments;
  }
  CHECK(shipments == 97);
  CHECK(response.results(3).error().subject() == "1ZSBX00203!0001003");
  CHECK(response.results(50).error().subject() == testing::SandboxUpsBulkNumber(1050));
  // One upstream lookup per good item, none for the malformed ones.
  CHECK(UpstreamCount(server, "ups.track") == 97);
}

TEST_CASE("BatchGetOrderTracking: a malformed item is answered in its slot", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  v1::BatchGetOrderTrackingRequest batch;
  batch.add_requests()->mutable_order()->set_order_id("113-5550003-0000003");
  batch.add_requests()->mutable_order()->set_order_id("113-5550003");
  batch.add_requests()->mutable_order()->set_order_id("113-5550404-0000000");
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::BatchGetOrderTrackingResponse response;
  REQUIRE(stub->BatchGetOrderTracking(&context, batch, &response).ok());
  REQUIRE(response.results_size() == 3);
  CHECK(response.results(0).response().order().fulfillment() == v1::FULFILLMENT_FBA);
  REQUIRE(response.results(1).has_error());
  CHECK(response.results(1).error().code() == static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  CHECK_THAT(response.results(1).error().message(),
             Catch::StartsWith("requests[1].order.order_id: an Amazon order ID is 3-7-7 digits"));
  CHECK(response.results(1).error().subject() == "113-5550003");
  CHECK(response.results(2).error().code() == static_cast<int>(grpc::StatusCode::NOT_FOUND));
  // The two good order IDs reached Amazon, the malformed one did not.
  CHECK(UpstreamCount(server, "sp_api.orders") == 2);
}

TEST_CASE("EnrichTicket finds tracking numbers in ticket text", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  grpc::ClientContext context;
  v1::EnrichTicketRequest request;
  request.mutable_text()->set_subject("Wo ist meine Bestellung 028-1234567-8901234?");
  request.mutable_text()->set_body(
      "Hallo, die Sendungsnummer ist 1ZSBX00103 00000010. Ruf mich an: +49 30 1234567, "
      "PLZ 10115, bestellt am 20.01.2026 fuer 49,99 EUR.");
  v1::EnrichTicketResponse response;
  REQUIRE(stub->EnrichTicket(&context, request, &response).ok());
  const v1::Enrichment& enrichment = response.enrichment();
  REQUIRE(enrichment.extracted_tracking_numbers_size() == 1);
  CHECK(enrichment.extracted_tracking_numbers(0) == Number("delivered"));
  REQUIRE(enrichment.extracted_order_ids_size() == 1);
  CHECK(enrichment.extracted_order_ids(0) == "028-1234567-8901234");
  REQUIRE(enrichment.shipments_size() == 1);
  CHECK(enrichment.shipments(0).state() == v1::SHIPMENT_STATE_DELIVERED);
}

TEST_CASE("DetectCarrier answers from the number alone", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  grpc::ClientContext context;
  v1::DetectCarrierRequest request;
  request.set_tracking_number("1zsbx00103-00000010");
  v1::DetectCarrierResponse response;
  REQUIRE(stub->DetectCarrier(&context, request, &response).ok());
  CHECK(response.normalized_tracking_number() == "1ZSBX0010300000010");
  REQUIRE(response.candidates_size() >= 1);
  CHECK(response.candidates(0).carrier() == v1::CARRIER_UPS);
  CHECK(response.candidates(0).checksum() == v1::CHECKSUM_RESULT_VALID);
  CHECK_FALSE(response.invalid_checksum());
}

TEST_CASE("health, readiness and metrics", "[integration]") {
  testing::TestServer server;
  auto health = grpc::health::v1::Health::NewStub(server.channel());
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  REQUIRE(health->Check(&context, request, &response).ok());
  CHECK(response.status() == grpc::health::v1::HealthCheckResponse::SERVING);

  const uint16_t admin = server.server().admin_port();
  CHECK(testing::HttpGet(admin, "/healthz").status == 200);
  const auto ready = testing::HttpGet(admin, "/readyz");
  CHECK(ready.status == 200);
  CHECK(absl::StrContains(ready.body, "\"mode\":\"sandbox\""));
  CHECK(absl::StrContains(ready.body, "\"redis\":\"off\""));  // zero config: L1 alone
  CHECK(absl::StrContains(ready.body, "\"ups\""));
  CHECK(testing::HttpGet(admin, "/nope").status == 404);
  CHECK(testing::HttpGet(admin, "/metrics", "POST").status == 405);

  auto stub = server.Stub();
  v1::TrackShipmentResponse track;
  REQUIRE(Track(*stub, Number("delivered"), &track).ok());
  v1::TrackShipmentResponse invalid;
  REQUIRE_FALSE(Track(*stub, "", &invalid).ok());
  // An order lookup: the SP-API usage plan decides before getOrder.
  grpc::ClientContext order_context;
  v1::GetOrderTrackingRequest order_request;
  order_request.mutable_order()->set_order_id("113-5550003-0000003");
  v1::GetOrderTrackingResponse order;
  REQUIRE(stub->GetOrderTracking(&order_context, order_request, &order).ok());
  const auto metrics = testing::HttpGet(admin, "/metrics");
  REQUIRE(metrics.status == 200);
  CHECK(absl::StrContains(metrics.content_type, "text/plain"));
  CHECK(absl::StrContains(
      metrics.body, "trackenrich_rpc_requests_total{code=\"OK\",method=\"TrackShipment\"} 1"));
  CHECK(absl::StrContains(
      metrics.body,
      "trackenrich_rpc_requests_total{code=\"INVALID_ARGUMENT\",method=\"TrackShipment\"} 1"));
  CHECK(absl::StrContains(metrics.body, "trackenrich_rpc_duration_seconds_bucket{code=\"OK\""));
  CHECK(absl::StrContains(metrics.body,
                          "trackenrich_upstream_requests_total{adapter=\"ups\",outcome=\"ok\"} 1"));
  // Every family DESIGN.md §7 names, with a value after these calls: cache
  // hits and misses by layer, upstream latency, attempts (errors), retries,
  // breaker states and token refreshes by adapter, rate-limit decisions and
  // waits (the SP-API usage plan of getOrder; carrier limits appear once
  // configured: the Redis tests), and coalesced requests.
  for (const char* family :
       {"trackenrich_cache_lookups_total{", "trackenrich_upstream_duration_seconds_bucket{",
        "trackenrich_upstream_attempts_total{", "trackenrich_upstream_retries_total{",
        "trackenrich_upstream_breaker_state{", "trackenrich_upstream_token_refreshes_total{",
        "trackenrich_rate_limit_decisions_total{adapter=\"sp_api.getOrder\",result=\"granted\"}",
        "trackenrich_rate_limit_wait_seconds_bucket{adapter=\"sp_api.getOrder\"",
        "trackenrich_coalesced_requests_total", "trackenrich_rpc_in_flight"}) {
    INFO(family);
    CHECK(absl::StrContains(metrics.body, family));
  }
}

TEST_CASE("shutdown flips health to NOT_SERVING and readiness to 503", "[integration]") {
  testing::TestServer server;
  const uint16_t admin = server.server().admin_port();
  auto health = grpc::health::v1::Health::NewStub(server.channel());
  server.server().Shutdown(absl::Seconds(1));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  // The server is gone: the check fails rather than answering SERVING.
  const grpc::Status status = health->Check(&context, request, &response);
  CHECK((!status.ok() || response.status() != grpc::health::v1::HealthCheckResponse::SERVING));
  CHECK(testing::HttpGet(admin, "/healthz").status == 0);
}

}  // namespace
}  // namespace trackenrich
