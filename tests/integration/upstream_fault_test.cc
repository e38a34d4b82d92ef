// Upstream faults seen through gRPC: each fault kind the sandbox can inject
// on the UPS track endpoint gives the documented status code, a cached answer
// is served marked stale when the upstream fails, and the OAuth token is
// fetched once however many lookups wait for it.
#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/io_context.hpp"
#include "boost/json.hpp"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"
#include "adapters/ups/ups_adapter.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

uint16_t SandboxPort(testing::TestServer& server) {
  const std::string url = server.server().sandbox_url();
  uint32_t port = 0;
  REQUIRE(absl::SimpleAtoi(url.substr(url.rfind(':') + 1), &port));
  return static_cast<uint16_t>(port);
}

void InjectFault(testing::TestServer& server, const std::string& fault_json) {
  const auto reply =
      testing::HttpSend(SandboxPort(server), "POST", "/__sandbox/faults", fault_json);
  REQUIRE(reply.status == 200);
}

void ClearFaults(testing::TestServer& server) {
  REQUIRE(testing::HttpSend(SandboxPort(server), "DELETE", "/__sandbox/faults", "").status == 200);
}

int64_t Count(testing::TestServer& server, const std::string& route) {
  const auto stats = testing::HttpGet(SandboxPort(server), "/__sandbox/stats");
  const auto* count = boost::json::parse(stats.body).at("requests").as_object().if_contains(route);
  return count == nullptr ? 0 : count->as_int64();
}

grpc::Status Track(testing::TestServer& server, const std::string& number,
                   v1::TrackShipmentResponse* response, absl::Duration deadline = absl::Seconds(10),
                   bool force_refresh = false) {
  auto stub = server.Stub();
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  request.mutable_cache()->set_force_refresh(force_refresh);
  return stub->TrackShipment(&context, request, response);
}

std::string Number(const char* scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber("ups", scenario);
}

TEST_CASE("every injected fault on the UPS track call maps to its documented code", "[fault]") {
  struct Row {
    const char* fault;
    grpc::StatusCode code;
    absl::Duration deadline;
  };
  const Row rows[] = {
      {R"({"kind":"status","status":500})", grpc::StatusCode::UNAVAILABLE, absl::Seconds(10)},
      {R"({"kind":"status","status":502})", grpc::StatusCode::UNAVAILABLE, absl::Seconds(10)},
      {R"({"kind":"status","status":503})", grpc::StatusCode::UNAVAILABLE, absl::Seconds(10)},
      {R"({"kind":"rate_limited","retry_after_s":0})", grpc::StatusCode::RESOURCE_EXHAUSTED,
       absl::Seconds(10)},
      {R"({"kind":"reset"})", grpc::StatusCode::UNAVAILABLE, absl::Seconds(10)},
      {R"({"kind":"truncate","bytes":60})", grpc::StatusCode::UNAVAILABLE, absl::Seconds(10)},
      {R"({"kind":"malformed_json"})", grpc::StatusCode::UNAVAILABLE, absl::Seconds(10)},
      {R"({"kind":"wrong_content_type"})", grpc::StatusCode::UNAVAILABLE, absl::Seconds(10)},
      {R"({"kind":"oversized","bytes":5000000})", grpc::StatusCode::UNAVAILABLE, absl::Seconds(10)},
      {R"({"kind":"trickle","delay_ms":100})", grpc::StatusCode::DEADLINE_EXCEEDED,
       absl::Milliseconds(400)},
      {R"({"kind":"latency","delay_ms":2000})", grpc::StatusCode::DEADLINE_EXCEEDED,
       absl::Milliseconds(300)},
      {R"({"kind":"expired_token"})", grpc::StatusCode::FAILED_PRECONDITION, absl::Seconds(10)},
  };
  // A breaker that never opens, so each row reaches the upstream.
  server::ServiceConfig config = testing::SandboxConfig();
  config.upstream.breaker.consecutive_failures = 1'000'000;
  config.upstream.breaker.ratio_min_calls = 1'000'000;
  config.upstream.retry.base_backoff = absl::Milliseconds(5);
  testing::TestServer server(config);
  for (const Row& row : rows) {
    INFO(row.fault);
    ClearFaults(server);
    std::string fault(row.fault);
    fault.insert(1, R"("path":"/api/track/",)");
    InjectFault(server, fault);
    v1::TrackShipmentResponse response;
    CHECK_THAT(Track(server, Number("in_transit"), &response, row.deadline, /*force_refresh=*/true),
               GrpcStatusIs(row.code));
  }
  // The service is still healthy afterwards.
  CHECK(Count(server, "ups.track") > 12);
  ClearFaults(server);
  v1::TrackShipmentResponse response;
  CHECK(Track(server, Number("delivered"), &response).ok());
}

TEST_CASE("a cached answer is served marked stale when the upstream fails", "[fault]") {
  server::ServiceConfig config = testing::SandboxConfig();
  config.upstream.retry.base_backoff = absl::Milliseconds(5);
  testing::TestServer server(config);
  v1::TrackShipmentResponse fresh;
  REQUIRE(Track(server, Number("in_transit"), &fresh).ok());
  CHECK_FALSE(fresh.shipment().provenance().stale());
  InjectFault(server, R"({"path":"/api/track/","kind":"status","status":503})");
  v1::TrackShipmentResponse stale;
  REQUIRE_THAT(
      Track(server, Number("in_transit"), &stale, absl::Seconds(10), /*force_refresh=*/true),
      GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(stale.shipment().provenance().stale());
  CHECK(stale.shipment().provenance().cache_layer() == v1::CACHE_LAYER_MEMORY);
  CHECK(stale.shipment().state() == fresh.shipment().state());
  // Nothing cached for this one: the error comes through.
  v1::TrackShipmentResponse none;
  CHECK_THAT(Track(server, Number("delivered"), &none),
             GrpcStatusIs(grpc::StatusCode::UNAVAILABLE));
}

TEST_CASE("a 401 on a cached token causes one refresh and one retry", "[fault]") {
  testing::TestServer server;
  v1::TrackShipmentResponse response;
  REQUIRE(Track(server, Number("in_transit"), &response).ok());
  REQUIRE(Count(server, "ups.token") == 1);
  InjectFault(server, R"({"path":"/api/track/","kind":"expired_token","times":1})");
  REQUIRE(Track(server, Number("delivered"), &response).ok());
  CHECK(response.shipment().state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(Count(server, "ups.token") == 2);
  CHECK(Count(server, "ups.track") == 3);
}

TEST_CASE("500 concurrent lookups with a cold token cache make one token call", "[fault]") {
  boost::asio::io_context io_context;
  auto work = boost::asio::make_work_guard(io_context);
  sandbox::SandboxUpstream sandbox(io_context);
  REQUIRE(sandbox.Listen("127.0.0.1", 0).ok());
  http::HttpClient client(io_context, {});
  adapters::AdapterRegistry registry;
  REQUIRE(adapters::ups::RegisterUpsAdapter(
              registry, client,
              {.base_url = sandbox.base_url(),
               .client_id = std::string(sandbox::kSandboxClientId),
               .client_secret = std::string(sandbox::kSandboxClientSecret)})
              .ok());
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) threads.emplace_back([&] { io_context.run(); });

  constexpr int kLookups = 500;
  std::atomic<int> ok{0};
  std::atomic<int> done{0};
  std::promise<void> all_done;
  for (int i = 0; i < kLookups; ++i) {
    registry.Find(v1::CARRIER_UPS)
        ->Track(
            {.tracking_number = Number("in_transit"), .deadline = absl::Now() + absl::Seconds(20)},
            [&](absl::StatusOr<v1::Shipment> shipment) {
              if (shipment.ok()) ok.fetch_add(1);
              if (done.fetch_add(1) + 1 == kLookups) all_done.set_value();
            });
  }
  all_done.get_future().wait();
  CHECK(ok.load() == kLookups);
  CHECK(sandbox.RequestCount("ups.token") == 1);
  CHECK(sandbox.RequestCount("ups.track") == kLookups);
  sandbox.Stop();
  work.reset();
  io_context.stop();
  for (auto& thread : threads) thread.join();
}

}  // namespace
}  // namespace trackenrich
