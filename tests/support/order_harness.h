// The service in sandbox mode with a gRPC client, for order tests: order
// lookups and EnrichTicket through the stub, the sandbox's request counters
// and fault injection, and the sandbox's scenario numbers.
//
//   testing::OrderHarness harness;
//   v1::GetOrderTrackingResponse response;
//   harness.GetOrder("#1001", &response, v1::SALES_CHANNEL_SHOPIFY);
//   harness.Count("shopify.graphql");   // 1
#ifndef TRACKENRICH_TESTS_SUPPORT_ORDER_HARNESS_H_
#define TRACKENRICH_TESTS_SUPPORT_ORDER_HARNESS_H_

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich::testing {

struct OrderHarness {
  explicit OrderHarness(server::ServiceConfig config = SandboxConfig())
      : server(std::move(config)),
        stub(server.Stub()),
        sandbox_port(PortOfUrl(server.server().sandbox_url())) {}

  int64_t Count(const std::string& route) { return SandboxRequestCount(sandbox_port, route); }

  void InjectFault(const std::string& json) {
    REQUIRE(HttpSend(sandbox_port, "POST", "/__sandbox/faults", json).status == 200);
  }

  // UPS answers in 700 ms and FedEx in 900 ms: an order's packages on both
  // take 900 ms tracked at once, the sum (1600 ms) one after the other.
  void SlowUpsAndFedex() {
    InjectFault(R"({"path": "/api/track/", "kind": "latency", "delay_ms": 700})");
    InjectFault(R"({"path": "/track/", "kind": "latency", "delay_ms": 900})");
  }

  grpc::Status GetOrder(const std::string& order_id, v1::GetOrderTrackingResponse* response,
                        v1::SalesChannel channel = v1::SALES_CHANNEL_AMAZON,
                        absl::Duration deadline = absl::Seconds(10)) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    v1::GetOrderTrackingRequest request;
    request.mutable_order()->set_order_id(order_id);
    request.mutable_order()->set_channel(channel);
    return stub->GetOrderTracking(&context, request, response);
  }

  v1::Enrichment Enrich(const v1::EnrichTicketRequest& request) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    v1::EnrichTicketResponse response;
    const grpc::Status status = stub->EnrichTicket(&context, request, &response);
    REQUIRE_THAT(status, GrpcStatusIs(grpc::StatusCode::OK));
    return response.enrichment();
  }

  TestServer server;
  std::unique_ptr<v1::TrackingService::Stub> stub;
  uint16_t sandbox_port;
};

// The sandbox's number for a carrier's scenario ("ups", "in_transit").
inline std::string ScenarioNumber(absl::string_view carrier, absl::string_view scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber(carrier, scenario);
}

// The order's package with that tracking number; null when none.
inline const v1::Shipment* FindShipment(const v1::Order& order, const std::string& number) {
  for (const auto& shipment : order.shipments()) {
    if (shipment.tracking_number() == number) return &shipment;
  }
  return nullptr;
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_ORDER_HARNESS_H_
