// eBay orders end to end: a real gRPC client, the service in sandbox mode,
// and the sandbox's eBay OAuth token endpoint and Sell Fulfillment API
// (getOrder, getShippingFulfillments) and carriers over real HTTP. Upstream
// traffic is read from the sandbox's counters.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

#include "services/sandbox/ebay_scenarios.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/concurrent_orders.h"
#include "tests/support/http_get.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

constexpr char kUsps[] = "12-34567-89012";
constexpr char kTwoCarriers[] = "21-55501-00001";
constexpr char kUnfulfilled[] = "21-55501-00002";
constexpr char kYodel[] = "21-55501-00003";

// What the sandbox's getOrder answer carries about the buyer.
constexpr const char* kBuyerData[] = {
    "Ada",        "Sandbox-Buyer",         "221 Sandbox Street", "95125",
    "4085551432", "ada.buyer@example.com", "sandbox_buyer_ada"};

struct Harness {
  explicit Harness(server::ServiceConfig config = testing::SandboxConfig())
      : server(std::move(config)),
        stub(server.Stub()),
        sandbox_port(testing::PortOfUrl(server.server().sandbox_url())) {}

  int64_t Count(const std::string& route) {
    return testing::SandboxRequestCount(sandbox_port, route);
  }

  int64_t UpstreamCalls() {
    int64_t total = 0;
    for (const char* route :
         {"ebay.token", "ebay.order", "ebay.fulfillments", "sp_api.lwa", "sp_api.orders",
          "sp_api.fulfillment_order", "usps.track", "ups.track", "fedex.track"}) {
      total += Count(route);
    }
    return total;
  }

  grpc::Status GetOrder(const std::string& order_id, v1::GetOrderTrackingResponse* response,
                        absl::Duration deadline = absl::Seconds(10)) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    v1::GetOrderTrackingRequest request;
    request.mutable_order()->set_order_id(order_id);
    request.mutable_order()->set_channel(v1::SALES_CHANNEL_EBAY);
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

  testing::TestServer server;
  std::unique_ptr<v1::TrackingService::Stub> stub;
  uint16_t sandbox_port;
};

std::string Number(absl::string_view carrier, absl::string_view scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber(carrier, scenario);
}

void CheckNoBuyerData(const google::protobuf::Message& message) {
  const std::string text = message.DebugString();
  for (const char* personal : kBuyerData) {
    CAPTURE(personal);
    CHECK_FALSE(absl::StrContains(text, personal));
  }
}

TEST_CASE("GetOrderTracking: eBay order 12-34567-89012 → its USPS fulfillment tracked by USPS",
          "[integration][ebay]") {
  Harness harness;
  v1::GetOrderTrackingResponse response;
  REQUIRE_THAT(harness.GetOrder(kUsps, &response), GrpcStatusIs(grpc::StatusCode::OK));
  const v1::Order& order = response.order();
  CHECK(order.channel() == v1::SALES_CHANNEL_EBAY);
  CHECK(order.order_id() == kUsps);
  CHECK(order.status() == v1::ORDER_STATUS_SHIPPED);
  CHECK(order.channel_status() == "FULFILLED");
  CHECK(order.marketplace_country() == "US");
  CHECK(order.provenance().source() == v1::SOURCE_EBAY);
  REQUIRE(order.shipments_size() == 1);
  const v1::Shipment& usps = order.shipments(0);
  CHECK(usps.carrier() == v1::CARRIER_USPS);
  CHECK(usps.tracking_number() == Number("usps", "in_transit"));
  // The carrier's own answer, not eBay's "shipped".
  CHECK(usps.provenance().source() == v1::SOURCE_CARRIER_API);
  CHECK(usps.state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(usps.events_size() > 1);
  CHECK(harness.Count("ebay.token") == 1);
  CHECK(harness.Count("ebay.order") == 1);
  CHECK(harness.Count("ebay.fulfillments") == 1);
  CHECK(harness.Count("usps.track") == 1);
  CHECK(harness.Count("ebay.pii") == 0);
  CheckNoBuyerData(response);

  // Cached: the same order again makes no upstream call.
  const int64_t before = harness.UpstreamCalls();
  v1::GetOrderTrackingResponse again;
  REQUIRE_THAT(harness.GetOrder(kUsps, &again), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(harness.UpstreamCalls() == before);
}

TEST_CASE("GetOrderTracking: eBay fulfillments on two carriers, unfulfilled, unsupported carrier",
          "[integration][ebay]") {
  Harness harness;
  v1::GetOrderTrackingResponse two;
  REQUIRE_THAT(harness.GetOrder(kTwoCarriers, &two), GrpcStatusIs(grpc::StatusCode::OK));
  REQUIRE(two.order().shipments_size() == 2);
  const v1::Shipment& ups = two.order().shipments(0);
  const v1::Shipment& fedex = two.order().shipments(1);
  CHECK(ups.carrier() == v1::CARRIER_UPS);
  CHECK(ups.state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(ups.provenance().source() == v1::SOURCE_CARRIER_API);
  // eBay said shipped; FedEx says delivered.
  CHECK(fedex.carrier() == v1::CARRIER_FEDEX);
  CHECK(fedex.state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(fedex.provenance().source() == v1::SOURCE_CARRIER_API);
  CHECK(harness.Count("ups.track") == 1);
  CHECK(harness.Count("fedex.track") == 1);

  v1::GetOrderTrackingResponse unfulfilled;
  REQUIRE_THAT(harness.GetOrder(kUnfulfilled, &unfulfilled), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(unfulfilled.order().status() == v1::ORDER_STATUS_UNSHIPPED);
  CHECK(unfulfilled.order().shipments_size() == 0);
  CHECK(harness.Count("ebay.fulfillments") == 1);  // the first order's only

  v1::GetOrderTrackingResponse yodel;
  REQUIRE_THAT(harness.GetOrder(kYodel, &yodel), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(yodel.order().marketplace_country() == "GB");
  REQUIRE(yodel.order().shipments_size() == 1);
  const v1::Shipment& kept = yodel.order().shipments(0);
  // No carrier of ours: eBay's own view stays, marked with its source.
  CHECK(kept.carrier_name() == "Yodel");
  CHECK(kept.state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(kept.provenance().source() == v1::SOURCE_EBAY);
  CHECK(kept.tracking_url().empty());
  CheckNoBuyerData(two);
  CheckNoBuyerData(yodel);
  CHECK(harness.Count("ebay.pii") == 0);
}

TEST_CASE("GetOrderTracking: eBay's error answers map to the documented codes",
          "[integration][ebay]") {
  Harness harness;
  v1::GetOrderTrackingResponse response;
  CHECK_THAT(harness.GetOrder("21-55501-00404", &response),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND));
  CHECK_THAT(harness.GetOrder("21-55501-00401", &response),
             GrpcStatusIs(grpc::StatusCode::FAILED_PRECONDITION, "tenant 'default'"));
  CHECK_THAT(harness.GetOrder("21-55501-00400", &response),
             GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "order_id"));
  CHECK_THAT(harness.GetOrder("21-55501-00500", &response),
             GrpcStatusIs(grpc::StatusCode::UNAVAILABLE));
}

TEST_CASE("eBay token: 300 concurrent cold lookups make one token call", "[integration][ebay]") {
  Harness harness;
  constexpr int kLookups = 300;
  std::vector<v1::OrderRef> refs(kLookups);
  for (int i = 0; i < kLookups; ++i) {
    // Distinct unknown orders: every lookup reaches eBay.
    refs[i].set_order_id(absl::StrFormat("31-%05d-00000", i));
    refs[i].set_channel(v1::SALES_CHANNEL_EBAY);
  }
  int not_found = 0;
  std::vector<std::string> others;
  for (const grpc::Status& status : testing::GetOrdersConcurrently(harness.server, refs)) {
    if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
      ++not_found;
    } else {
      others.push_back(absl::StrCat(status.error_code(), ": ", status.error_message()));
    }
  }
  INFO(absl::StrJoin(others, "\n"));
  CHECK(not_found == kLookups);
  CHECK(harness.Count("ebay.order") == kLookups);
  CHECK(harness.Count("ebay.token") == 1);

  // Reported per source in /metrics.
  const std::string metrics =
      testing::HttpGet(harness.server.server().admin_port(), "/metrics").body;
  INFO(metrics);
  CHECK(absl::StrContains(metrics,
                          "trackenrich_upstream_token_refreshes_total{upstream=\"ebay\"} 1"));
  CHECK(absl::StrContains(
      metrics, "trackenrich_upstream_attempts_total{outcome=\"ok\",upstream=\"ebay\"} 301"));
  CHECK(absl::StrContains(metrics, "adapter=\"ebay\""));
}

TEST_CASE("eBay bad input: malformed and oversized order IDs are refused before any upstream call",
          "[integration][ebay]") {
  Harness harness;
  const std::string oversized = absl::StrCat("12-34567-", std::string(400, '9'));
  for (const std::string& bad :
       {std::string("12-3456-89012"), std::string("12-34567-890123"), std::string("1-34567-89012"),
        oversized, std::string("12-34567-\n89012"), std::string("")}) {
    CAPTURE(bad.substr(0, 40));
    v1::GetOrderTrackingResponse response;
    CHECK_THAT(harness.GetOrder(bad, &response),
               GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "order"));
  }
  CHECK(harness.UpstreamCalls() == 0);
}

TEST_CASE("EnrichTicket: ticket text in five languages naming an eBay order",
          "[integration][ebay]") {
  Harness harness;
  const struct {
    const char* language;
    const char* subject;
    const char* body;
  } tickets[] = {
      {"en", "Where is my order?",
       "Hi, I bought this on eBay (order 21-55501-00001) two days ago. Invoice 99-12345-67890, "
       "call me on +1 408-555-1432. Thanks!"},
      {"it", "Dov'è il mio ordine?",
       "Buongiorno, ordine eBay 21-55501-00001 del 12/05/2024, pagato 49,90 €. Fattura "
       "98-76543-21098. Grazie"},
      {"de", "Wo bleibt meine Bestellung?",
       "Hallo, meine eBay-Bestellung 21-55501-00001 ist noch nicht da. Rechnung 11-22222-33333, "
       "Tel. 030-12345-67890."},
      {"fr", "Où est ma commande ?",
       "Bonjour, ma commande eBay n° 21-55501-00001 n'est pas arrivée. Facture 44-55555-66666."},
      {"es", "¿Dónde está mi pedido?",
       "Hola, mi pedido de eBay 21-55501-00001 no ha llegado. Factura 77-88888-99999, precio "
       "1.299,00 €."},
  };
  for (const auto& ticket : tickets) {
    INFO(ticket.language);
    v1::EnrichTicketRequest request;
    request.set_language(ticket.language);
    request.mutable_text()->set_subject(ticket.subject);
    request.mutable_text()->set_body(ticket.body);
    const v1::Enrichment enrichment = harness.Enrich(request);
    // The decoys (invoice numbers, phone numbers, dates, prices) are not orders.
    REQUIRE(enrichment.extracted_order_ids_size() == 1);
    CHECK(enrichment.extracted_order_ids(0) == kTwoCarriers);
    REQUIRE(enrichment.orders_size() == 1);
    const v1::Order& order = enrichment.orders(0);
    CHECK(order.channel() == v1::SALES_CHANNEL_EBAY);
    REQUIRE(order.shipments_size() == 2);
    CHECK(order.shipments(1).state() == v1::SHIPMENT_STATE_DELIVERED);
    CHECK(enrichment.next_action().kind() != v1::NEXT_ACTION_KIND_UNSPECIFIED);
    // Not an Amazon order: never the redirect to Amazon.
    CHECK(enrichment.next_action().kind() != v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON);
    const v1::RenderedReply& reply = enrichment.reply();
    INFO(reply.body());
    CHECK(reply.language() == ticket.language);
    CHECK(reply.compliant());
    CHECK(reply.findings().empty());
    for (const v1::Shipment& package : order.shipments()) {
      CHECK(absl::StrContains(reply.body(), package.tracking_number()));
    }
    CHECK_FALSE(absl::StrContains(reply.body(), "Amazon"));
    CheckNoBuyerData(enrichment);
  }
  CHECK(harness.Count("ebay.pii") == 0);
}

TEST_CASE("EnrichTicket: an eBay order eBay says shipped long ago, carrier unknown to us, is late",
          "[integration][ebay]") {
  Harness harness;
  for (const char* language : {"en", "it", "de", "fr", "es"}) {
    INFO(language);
    v1::EnrichTicketRequest request;
    request.set_language(language);
    request.mutable_order()->set_order_id(kYodel);
    request.mutable_order()->set_channel(v1::SALES_CHANNEL_EBAY);
    const v1::Enrichment enrichment = harness.Enrich(request);
    REQUIRE(enrichment.orders_size() == 1);
    bool late = false;
    for (const auto& flag : enrichment.flags()) late |= flag.kind() == v1::RISK_FLAG_KIND_LATE;
    CHECK(late);
    CHECK(enrichment.next_action().kind() != v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON);
    CHECK(enrichment.reply().language() == language);
    CHECK(enrichment.reply().compliant());
    CHECK(absl::StrContains(enrichment.reply().body(), "YD44712209C"));
  }
}

}  // namespace
}  // namespace trackenrich
