// Callers and tenants end to end: the service in-process with two tenants,
// a real gRPC client, and the sandbox upstream over real HTTP.
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "boost/json.hpp"
#include "grpcpp/create_channel.h"

#include "grpc/health/v1/health.grpc.pb.h"
#include "services/auth/api_key_auth.h"
#include "services/config/service_config.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

constexpr char kAcmeKey[] = "acme-test-key-7f3a";
constexpr char kGlobexKey[] = "globex-test-key-91bc";

// Sandbox mode on free ports, tenants acme and globex. `globex_extra` adds
// keys to globex's section (starting with a comma).
server::ServiceConfig TenantConfig(const std::string& globex_extra = "") {
  auto config = server::ParseServiceConfig(absl::StrCat(
      R"({"sandbox": true, "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0",
          "tenants": {"acme": {"api_keys": [")",
      auth::HashApiKey(kAcmeKey), R"("]}, "globex": {"api_keys": [")", auth::HashApiKey(kGlobexKey),
      R"("])", globex_extra, "}}}"));
  if (!config.ok()) FAIL(config.status().ToString());
  return *config;
}

struct Caller {
  std::string api_key;
  std::string tenant;  // x-tenant, when set
  std::string bearer;  // authorization: Bearer, when set
  std::string traceparent;
};

grpc::Status Track(v1::TrackingService::Stub& stub, const Caller& caller, const std::string& number,
                   v1::TrackShipmentResponse* response,
                   std::multimap<std::string, std::string>* initial_metadata = nullptr) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  if (!caller.api_key.empty()) context.AddMetadata("x-api-key", caller.api_key);
  if (!caller.tenant.empty()) context.AddMetadata("x-tenant", caller.tenant);
  if (!caller.bearer.empty()) context.AddMetadata("authorization", "Bearer " + caller.bearer);
  if (!caller.traceparent.empty()) context.AddMetadata("traceparent", caller.traceparent);
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  const grpc::Status status = stub.TrackShipment(&context, request, response);
  if (initial_metadata != nullptr) {
    for (const auto& [key, value] : context.GetServerInitialMetadata()) {
      initial_metadata->emplace(std::string(key.data(), key.size()),
                                std::string(value.data(), value.size()));
    }
  }
  return status;
}

std::string Ups(absl::string_view scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber("ups", scenario);
}

TEST_CASE("auth: missing, unknown and other-tenant callers are refused", "[integration][auth]") {
  testing::TestServer server(TenantConfig());
  auto stub = server.Stub();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  v1::TrackShipmentResponse response;

  CHECK_THAT(Track(*stub, {}, Ups("in_transit"), &response),
             GrpcStatusIs(grpc::StatusCode::UNAUTHENTICATED, "x-api-key"));
  const grpc::Status wrong =
      Track(*stub, {.api_key = "acme-test-key-7f3b"}, Ups("in_transit"), &response);
  CHECK_THAT(wrong, GrpcStatusIs(grpc::StatusCode::UNAUTHENTICATED));
  CHECK(wrong.error_message().find("acme") == std::string::npos);
  CHECK_THAT(Track(*stub, {.api_key = kAcmeKey, .tenant = "globex"}, Ups("in_transit"), &response),
             GrpcStatusIs(grpc::StatusCode::PERMISSION_DENIED, "globex"));
  // Refused before validation: a bad number from a caller without a key is
  // UNAUTHENTICATED, not INVALID_ARGUMENT.
  CHECK_THAT(Track(*stub, {}, "not/a/number", &response),
             GrpcStatusIs(grpc::StatusCode::UNAUTHENTICATED));
  // None of them reached the upstream.
  CHECK(testing::SandboxRequestCount(sandbox, "ups.track") == 0);

  // A valid key, as x-api-key or as a bearer token, naming its own tenant or none.
  CHECK_THAT(Track(*stub, {.api_key = kAcmeKey}, Ups("in_transit"), &response),
             GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.shipment().state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK_THAT(Track(*stub, {.tenant = "globex", .bearer = kGlobexKey}, Ups("delivered"), &response),
             GrpcStatusIs(grpc::StatusCode::OK));

  // Every other RPC checks too.
  grpc::ClientContext context;
  v1::DetectCarrierRequest detect;
  detect.set_tracking_number(Ups("delivered"));
  v1::DetectCarrierResponse detected;
  CHECK_THAT(stub->DetectCarrier(&context, detect, &detected),
             GrpcStatusIs(grpc::StatusCode::UNAUTHENTICATED));
  grpc::ClientContext order_context;
  v1::GetOrderTrackingRequest order;
  order.mutable_order()->set_order_id("113-5550001-0000001");
  v1::GetOrderTrackingResponse order_response;
  CHECK_THAT(stub->GetOrderTracking(&order_context, order, &order_response),
             GrpcStatusIs(grpc::StatusCode::UNAUTHENTICATED));

  const std::string metrics = testing::HttpGet(server.server().admin_port(), "/metrics").body;
  CHECK(metrics.find(R"(trackenrich_auth_rejections_total{reason="missing_key"} 4)") !=
        std::string::npos);
  CHECK(metrics.find(R"(trackenrich_auth_rejections_total{reason="invalid_key"} 1)") !=
        std::string::npos);
  CHECK(metrics.find(R"(trackenrich_auth_rejections_total{reason="wrong_tenant"} 1)") !=
        std::string::npos);
  CHECK(metrics.find(R"(trackenrich_tenant_requests_total{code="OK",tenant="acme"} 1)") !=
        std::string::npos);
  // A valid key naming another tenant is counted for the key's own tenant.
  CHECK(metrics.find(
            R"(trackenrich_tenant_requests_total{code="PERMISSION_DENIED",tenant="acme"} 1)") !=
        std::string::npos);
}

TEST_CASE("auth: health and reflection stay open", "[integration][auth]") {
  testing::TestServer server(TenantConfig());
  auto health = grpc::health::v1::Health::NewStub(server.channel());
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  REQUIRE_THAT(health->Check(&context, request, &response), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.status() == grpc::health::v1::HealthCheckResponse::SERVING);
  CHECK(testing::HttpGet(server.server().admin_port(), "/readyz").status == 200);
}

TEST_CASE("auth: zero config runs open, every call as tenant default", "[integration][auth]") {
  testing::TestServer server;
  auto stub = server.Stub();
  v1::TrackShipmentResponse response;
  CHECK_THAT(Track(*stub, {}, Ups("in_transit"), &response), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK_THAT(Track(*stub, {.tenant = "default"}, Ups("in_transit"), &response),
             GrpcStatusIs(grpc::StatusCode::OK));
  CHECK_THAT(Track(*stub, {.tenant = "acme"}, Ups("in_transit"), &response),
             GrpcStatusIs(grpc::StatusCode::PERMISSION_DENIED));
  const std::string ready = testing::HttpGet(server.server().admin_port(), "/readyz").body;
  CHECK(ready.find(R"("api_keys":"off")") != std::string::npos);
}

TEST_CASE("tenants: the same number is cached once per tenant", "[integration][auth]") {
  testing::TestServer server(TenantConfig());
  auto stub = server.Stub();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const std::string number = Ups("out_for_delivery");
  v1::TrackShipmentResponse response;

  REQUIRE_THAT(Track(*stub, {.api_key = kAcmeKey}, number, &response),
               GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.shipment().provenance().cache_layer() == v1::CACHE_LAYER_NONE);
  REQUIRE_THAT(Track(*stub, {.api_key = kAcmeKey}, number, &response),
               GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.shipment().provenance().cache_layer() == v1::CACHE_LAYER_MEMORY);
  CHECK(testing::SandboxRequestCount(sandbox, "ups.track") == 1);

  // Globex never sees acme's entry: its first lookup goes upstream.
  REQUIRE_THAT(Track(*stub, {.api_key = kGlobexKey}, number, &response),
               GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.shipment().provenance().cache_layer() == v1::CACHE_LAYER_NONE);
  CHECK(testing::SandboxRequestCount(sandbox, "ups.track") == 2);
  REQUIRE_THAT(Track(*stub, {.api_key = kGlobexKey}, number, &response),
               GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.shipment().provenance().cache_layer() == v1::CACHE_LAYER_MEMORY);
  CHECK(testing::SandboxRequestCount(sandbox, "ups.track") == 2);

  // Orders too: each tenant's order lookup reaches the SP-API once.
  auto order = [&](const char* key) {
    grpc::ClientContext context;
    context.AddMetadata("x-api-key", key);
    v1::GetOrderTrackingRequest request;
    request.mutable_order()->set_order_id("403-5550005-0000005");
    v1::GetOrderTrackingResponse answer;
    return stub->GetOrderTracking(&context, request, &answer);
  };
  REQUIRE_THAT(order(kAcmeKey), GrpcStatusIs(grpc::StatusCode::OK));
  REQUIRE_THAT(order(kAcmeKey), GrpcStatusIs(grpc::StatusCode::OK));
  const int64_t acme_calls = testing::SandboxRequestCount(sandbox, "sp_api.orders");
  CHECK(acme_calls >= 1);
  REQUIRE_THAT(order(kGlobexKey), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(testing::SandboxRequestCount(sandbox, "sp_api.orders") == 2 * acme_calls);
}

TEST_CASE("tenants: a tenant's own carrier credentials are used for its lookups",
          "[integration][auth]") {
  // Globex has its own UPS credentials. The sandbox accepts only its own, so
  // globex's (wrong) secret makes its UPS lookups fail while acme's succeed.
  ::setenv("TE_TEST_GLOBEX_UPS_ID", std::string(sandbox::kSandboxClientId).c_str(), 1);
  ::setenv("TE_TEST_GLOBEX_UPS_SECRET", "globex-ups-secret-not-the-sandbox-one", 1);
  testing::TestServer server(TenantConfig(R"(, "carriers": {"ups": {
      "client_id": {"env": "TE_TEST_GLOBEX_UPS_ID"},
      "client_secret": {"env": "TE_TEST_GLOBEX_UPS_SECRET"}}})"));
  auto stub = server.Stub();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  v1::TrackShipmentResponse response;
  const grpc::Status globex = Track(*stub, {.api_key = kGlobexKey}, Ups("delayed"), &response);
  CHECK_THAT(globex, GrpcStatusIs(grpc::StatusCode::FAILED_PRECONDITION, "ups"));
  CHECK(globex.error_message().find("globex-ups-secret") == std::string::npos);
  CHECK_THAT(Track(*stub, {.api_key = kAcmeKey}, Ups("delayed"), &response),
             GrpcStatusIs(grpc::StatusCode::OK));
  // Two adapters, two token fetches: globex's (refused) and the shared one.
  CHECK(testing::SandboxRequestCount(sandbox, "ups.token") == 2);
  // Other carriers are still shared: globex tracks FedEx with the sandbox's.
  CHECK_THAT(Track(*stub, {.api_key = kGlobexKey},
                   sandbox::SandboxUpstream::ScenarioNumber("fedex", "delivered"), &response),
             GrpcStatusIs(grpc::StatusCode::OK));
}

TEST_CASE("trace: the caller's traceparent reaches the upstream, with new spans",
          "[integration][trace]") {
  testing::TestServer server(TenantConfig());
  auto stub = server.Stub();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const std::string trace_id = "0af7651916cd43dd8448eb211c80319c";
  const std::string caller_span = "b7ad6b7169203331";
  v1::TrackShipmentResponse response;
  std::multimap<std::string, std::string> metadata;
  REQUIRE_THAT(Track(*stub,
                     {.api_key = kAcmeKey,
                      .traceparent = absl::StrCat("00-", trace_id, "-", caller_span, "-01")},
                     Ups("label_created"), &response, &metadata),
               GrpcStatusIs(grpc::StatusCode::OK));
  // The request ID comes back in the response metadata.
  REQUIRE(metadata.count("x-request-id") == 1);
  CHECK(metadata.find("x-request-id")->second.size() == 32);

  const auto stats =
      boost::json::parse(testing::HttpGet(sandbox, "/__sandbox/stats").body).as_object();
  std::set<std::string> spans;
  int ours = 0;
  for (const auto& value : stats.at("traceparents").as_array()) {
    const std::vector<std::string> fields = absl::StrSplit(std::string(value.as_string()), '-');
    REQUIRE(fields.size() == 4);
    if (fields[1] != trace_id) continue;
    ++ours;
    CHECK(fields[0] == "00");
    CHECK(fields[2] != caller_span);
    CHECK(fields[3] == "01");
    spans.insert(fields[2]);
  }
  // The token fetch and the track call, each with a span of its own.
  CHECK(ours == 2);
  CHECK(spans.size() == 2);

  // Without a traceparent the service starts a trace and still sends one.
  REQUIRE_THAT(Track(*stub, {.api_key = kAcmeKey}, Ups("returned"), &response),
               GrpcStatusIs(grpc::StatusCode::OK));
  const auto after =
      boost::json::parse(testing::HttpGet(sandbox, "/__sandbox/stats").body).as_object();
  const auto& all = after.at("traceparents").as_array();
  REQUIRE(all.size() == 3);
  const std::vector<std::string> last = absl::StrSplit(std::string(all.back().as_string()), '-');
  REQUIRE(last.size() == 4);
  CHECK(last[1] != trace_id);
  CHECK(last[1].size() == 32);

  // A caller's own x-request-id is kept when it is a plain token.
  metadata.clear();
  grpc::ClientContext context;
  context.AddMetadata("x-api-key", kAcmeKey);
  context.AddMetadata("x-request-id", "ticket-4711.attempt-2");
  v1::DetectCarrierRequest detect;
  detect.set_tracking_number(Ups("delivered"));
  v1::DetectCarrierResponse detected;
  REQUIRE_THAT(stub->DetectCarrier(&context, detect, &detected),
               GrpcStatusIs(grpc::StatusCode::OK));
  const auto& initial = context.GetServerInitialMetadata();
  auto id = initial.find("x-request-id");
  REQUIRE(id != initial.end());
  CHECK(std::string(id->second.data(), id->second.size()) == "ticket-4711.attempt-2");
}

}  // namespace
}  // namespace trackenrich
