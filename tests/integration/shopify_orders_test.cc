// Shopify orders end to end: a real gRPC client, the service in sandbox mode
// (which configures the sandbox's shop for tenant "default"), the sandbox's
// Shopify Admin GraphQL route and carriers over real HTTP. Upstream traffic
// is read from the sandbox's counters.
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/shopify_scenarios.h"
#include "tests/support/http_get.h"
#include "tests/support/order_harness.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

constexpr v1::SalesChannel kShopify = v1::SALES_CHANNEL_SHOPIFY;

using testing::FindShipment;

// The service in sandbox mode, asking for Shopify orders unless told.
struct Harness : testing::OrderHarness {
  using OrderHarness::OrderHarness;
  grpc::Status GetOrder(const std::string& order_id, v1::GetOrderTrackingResponse* response,
                        v1::SalesChannel channel = kShopify,
                        absl::Duration deadline = absl::Seconds(10)) {
    return OrderHarness::GetOrder(order_id, response, channel, deadline);
  }
};

TEST_CASE("Shopify #1001: two fulfillments on two carriers, tracked live at once",
          "[integration][shopify]") {
  Harness harness;
  harness.SlowUpsAndFedex();

  v1::GetOrderTrackingResponse response;
  const absl::Time started = absl::Now();
  const grpc::Status status = harness.GetOrder("#1001", &response);
  const absl::Duration took = absl::Now() - started;
  REQUIRE_THAT(status, GrpcStatusIs(grpc::StatusCode::OK));
  WARN("Shopify #1001, carriers at 700 ms and 900 ms: " << absl::FormatDuration(took));
  CHECK(took >= absl::Milliseconds(900));
  CHECK(took < absl::Milliseconds(1600));  // the sum

  const v1::Order& order = response.order();
  CHECK(order.order_id() == "#1001");
  CHECK(order.channel() == v1::SALES_CHANNEL_SHOPIFY);
  CHECK(order.fulfillment() == v1::FULFILLMENT_FBM);
  CHECK(order.status() == v1::ORDER_STATUS_SHIPPED);
  CHECK(order.marketplace_id() == "trackenrich-sandbox.myshopify.com");
  CHECK(order.store_name() == "Trackenrich Sandbox Shop");
  CHECK(order.provenance().source() == v1::SOURCE_SHOPIFY);
  REQUIRE(order.shipments_size() == 2);
  const v1::Shipment* ups = FindShipment(order, testing::ScenarioNumber("ups", "in_transit"));
  const v1::Shipment* fedex = FindShipment(order, testing::ScenarioNumber("fedex", "in_transit"));
  REQUIRE(ups != nullptr);
  REQUIRE(fedex != nullptr);
  CHECK(ups->carrier() == v1::CARRIER_UPS);
  CHECK(ups->provenance().source() == v1::SOURCE_CARRIER_API);
  CHECK(ups->state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(absl::StartsWith(ups->package_id(), "gid://shopify/Fulfillment/"));
  CHECK(fedex->carrier() == v1::CARRIER_FEDEX);
  CHECK(fedex->provenance().source() == v1::SOURCE_CARRIER_API);
  CHECK(response.errors().empty());
  CHECK(harness.Count("shopify.graphql") == 1);
  CHECK(harness.Count("ups.track") == 1);
  CHECK(harness.Count("fedex.track") == 1);
  // No Amazon call for a Shopify order.
  CHECK(harness.Count("sp_api.fulfillment_order") == 0);

  // The same order by number, by ID and by gid: one order, cached per form.
  v1::GetOrderTrackingResponse again;
  REQUIRE_THAT(harness.GetOrder("#1001", &again), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(again.order().provenance().cache_layer() == v1::CACHE_LAYER_MEMORY);
  CHECK(harness.Count("shopify.graphql") == 1);
  for (const std::string form : {"1001", "5000000001001", "gid://shopify/Order/5000000001001"}) {
    INFO(form);
    v1::GetOrderTrackingResponse other;
    REQUIRE_THAT(harness.GetOrder(form, &other), GrpcStatusIs(grpc::StatusCode::OK));
    CHECK(other.order().order_id() == "#1001");
    CHECK(other.order().shipments_size() == 2);
  }
  // No customer, address, email or phone field was ever asked for.
  CHECK(harness.Count("shopify.pii") == 0);
}

TEST_CASE("Shopify: unfulfilled, an unsupported carrier, not found, 401",
          "[integration][shopify]") {
  Harness harness;
  v1::GetOrderTrackingResponse unfulfilled;
  REQUIRE_THAT(harness.GetOrder("#1003", &unfulfilled), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(unfulfilled.order().status() == v1::ORDER_STATUS_UNSHIPPED);
  CHECK(unfulfilled.order().shipments().empty());

  // Sendle: no carrier call; Shopify's own status stands, marked as Shopify's.
  v1::GetOrderTrackingResponse sendle;
  REQUIRE_THAT(harness.GetOrder("#1004", &sendle), GrpcStatusIs(grpc::StatusCode::OK));
  REQUIRE(sendle.order().shipments_size() == 1);
  const v1::Shipment& package = sendle.order().shipments(0);
  CHECK(package.carrier() == v1::CARRIER_OTHER);
  CHECK(package.carrier_name() == "Sendle");
  CHECK(package.state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(package.carrier_status_code() == "DELIVERED");
  CHECK(package.provenance().source() == v1::SOURCE_SHOPIFY);
  CHECK(package.has_delivered_at());
  CHECK(sendle.order().status() == v1::ORDER_STATUS_DELIVERED);

  v1::GetOrderTrackingResponse missing;
  CHECK_THAT(harness.GetOrder("#4242", &missing),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "last 60 days"));
  // Placed 75 days ago: hidden without read_all_orders, and the message says why.
  CHECK_THAT(harness.GetOrder("#1000", &missing),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "read_all_orders"));
  CHECK_THAT(harness.GetOrder("#1006", &missing),
             GrpcStatusIs(grpc::StatusCode::FAILED_PRECONDITION, "rejected the access token"));
  CHECK(harness.Count("shopify.pii") == 0);
}

TEST_CASE("Shopify: a THROTTLED answer is retried within the deadline, then RESOURCE_EXHAUSTED",
          "[integration][shopify]") {
  Harness harness;
  v1::GetOrderTrackingResponse response;
  const absl::Time started = absl::Now();
  const grpc::Status status = harness.GetOrder("#1005", &response, kShopify, absl::Seconds(2));
  const absl::Duration took = absl::Now() - started;
  CHECK_THAT(status, GrpcStatusIs(grpc::StatusCode::RESOURCE_EXHAUSTED, "retry in"));
  CHECK_THAT(status, GrpcStatusIs(grpc::StatusCode::RESOURCE_EXHAUSTED, "throttled"));
  // 20 points missing at 100 per second: a retry every 0.2 s until the
  // deadline no longer leaves room.
  const int64_t asked = harness.Count("shopify.graphql");
  WARN("throttled #1005: " << asked << " calls in " << absl::FormatDuration(took));
  CHECK(asked >= 3);
  CHECK(took < absl::Seconds(2));
  // Every THROTTLED answer shows in /metrics as Shopify's bucket refusing.
  const std::string metrics =
      testing::HttpGet(harness.server.server().admin_port(), "/metrics").body;
  const std::string series =
      "trackenrich_rate_limit_decisions_total{adapter=\"shopify.throttled\",result=\"rejected\"} ";
  const size_t at = metrics.find(series);
  REQUIRE(at != std::string::npos);
  double throttles = 0;
  REQUIRE(absl::SimpleAtod(absl::string_view(metrics).substr(
                               at + series.size(), metrics.find('\n', at) - at - series.size()),
                           &throttles));
  CHECK(throttles == static_cast<double>(asked));
}

TEST_CASE("Shopify: malformed names, unknown channels and oversized IDs never reach Shopify",
          "[integration][shopify]") {
  Harness harness;
  struct Row {
    std::string order_id;
    int channel;
    std::string field;
  };
  const std::vector<Row> table = {
      {"#", v1::SALES_CHANNEL_SHOPIFY, "order.order_id"},
      {"#12a4", v1::SALES_CHANNEL_SHOPIFY, "order.order_id"},
      {"##1001", v1::SALES_CHANNEL_SHOPIFY, "order.order_id"},
      {"gid://shopify/Product/1001", v1::SALES_CHANNEL_SHOPIFY, "order.order_id"},
      {std::string(25, '7'), v1::SALES_CHANNEL_SHOPIFY, "order.order_id"},
      {"#" + std::string(70, '1'), v1::SALES_CHANNEL_SHOPIFY, "order.order_id"},
      {"#1001", 42, "order.channel"},
      {"#1001", v1::SALES_CHANNEL_UNSPECIFIED, "order.order_id"},
  };
  for (const Row& row : table) {
    INFO(row.order_id << " on channel " << row.channel);
    v1::GetOrderTrackingResponse response;
    CHECK_THAT(
        harness.GetOrder(row.order_id, &response, static_cast<v1::SalesChannel>(row.channel)),
        GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, row.field));
  }
  CHECK(harness.Count("shopify.graphql") == 0);
  CHECK(harness.Count("sp_api.fulfillment_order") == 0);
}

TEST_CASE("Shopify channel: an MCF fulfillment order ID still goes to Amazon",
          "[integration][shopify]") {
  Harness harness;
  v1::GetOrderTrackingResponse response;
  REQUIRE_THAT(harness.GetOrder("MCF-SANDBOX-1", &response), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.order().fulfillment() == v1::FULFILLMENT_MCF);
  CHECK(response.order().channel() == v1::SALES_CHANNEL_SHOPIFY);
  CHECK(harness.Count("sp_api.fulfillment_order") == 1);
  CHECK(harness.Count("shopify.graphql") == 0);
  // A Shopify order Amazon fulfilled: Shopify knows it, marked MCF.
  v1::GetOrderTrackingResponse mcf;
  REQUIRE_THAT(harness.GetOrder("#1007", &mcf), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(mcf.order().fulfillment() == v1::FULFILLMENT_MCF);
  REQUIRE(mcf.order().shipments_size() == 1);
  CHECK(mcf.order().shipments(0).carrier() == v1::CARRIER_AMAZON);
}

TEST_CASE("EnrichTicket: a Shopify order named in five languages", "[integration][shopify]") {
  Harness harness;
  struct Row {
    std::string language;
    std::string subject;
    std::string body;
  };
  const std::vector<Row> table = {
      {"en", "Where is my order?", "Hi, my order #1002 has not arrived yet. Invoice 20251105."},
      {"it", "Dov'è il mio ordine?", "Buongiorno, il mio ordine n. 1002 non è ancora arrivato."},
      {"de", "Wo ist meine Bestellung?", "Hallo, meine Bestellung Nr. 1002 ist noch nicht da."},
      {"fr", "Où est ma commande ?", "Bonjour, ma commande numéro 1002 n'est pas arrivée."},
      {"es", "¿Dónde está mi pedido?", "Hola, mi pedido 1002 no ha llegado, pagué 49,90 €."},
  };
  for (const Row& row : table) {
    INFO(row.language);
    v1::EnrichTicketRequest request;
    request.set_ticket_id(absl::StrCat("shopify-", row.language));
    request.set_language(row.language);
    request.mutable_text()->set_subject(row.subject);
    request.mutable_text()->set_body(row.body);
    const v1::Enrichment enrichment = harness.Enrich(request);
    REQUIRE(enrichment.extracted_order_ids_size() == 1);
    CHECK(enrichment.extracted_order_ids(0) == "#1002");
    REQUIRE(enrichment.orders_size() == 1);
    const v1::Order& order = enrichment.orders(0);
    CHECK(order.channel() == v1::SALES_CHANNEL_SHOPIFY);
    REQUIRE(order.shipments_size() == 1);
    CHECK(order.shipments(0).carrier() == v1::CARRIER_UPS);
    CHECK(order.shipments(0).provenance().source() == v1::SOURCE_CARRIER_API);
    CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_SHARE_TRACKING);
    CHECK(enrichment.next_action().kind() != v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON);
    CHECK(enrichment.reply().language() == row.language);
    CHECK(enrichment.reply().compliant());
    // Shopify allows tracking links, and the reply names the shop.
    CHECK(absl::StrContains(enrichment.reply().body(), "https://"));
    CHECK(absl::StrContains(enrichment.reply().body(), "Trackenrich Sandbox Shop"));
    CHECK(enrichment.errors().empty());
  }
  CHECK(harness.Count("shopify.pii") == 0);
}

TEST_CASE("EnrichTicket: OrderRef.channel routes to Shopify, with flags on a Shopify order",
          "[integration][shopify]") {
  Harness harness;
  v1::EnrichTicketRequest request;
  request.set_language("en");
  request.mutable_order()->set_order_id("#1004");
  request.mutable_order()->set_channel(v1::SALES_CHANNEL_SHOPIFY);
  request.set_buyer_reports_not_received(true);
  const v1::Enrichment enrichment = harness.Enrich(request);
  REQUIRE(enrichment.orders_size() == 1);
  CHECK(enrichment.orders(0).provenance().source() == v1::SOURCE_SHOPIFY);
  bool unsigned_delivery = false;
  for (const auto& flag : enrichment.flags()) {
    unsigned_delivery |= flag.kind() == v1::RISK_FLAG_KIND_DELIVERED_UNSIGNED;
  }
  CHECK(unsigned_delivery);
  CHECK(enrichment.next_action().kind() != v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON);
  CHECK(enrichment.next_action().kind() != v1::NEXT_ACTION_KIND_UNSPECIFIED);
  CHECK(enrichment.reply().compliant());
}

TEST_CASE("Shopify: read_all_orders from the shop's granted scopes, asked once, config first",
          "[integration][shopify]") {
  const auto with_shop = [](absl::string_view shop, std::optional<bool> read_all_orders) {
    server::ServiceConfig config = testing::SandboxConfig();
    config.shopify.shops["default"] = {
        .shop = std::string(shop),
        .access_token = std::string(sandbox::kSandboxShopifyAccessToken),
        .read_all_orders = read_all_orders};
    return config;
  };
  v1::GetOrderTrackingResponse response;
  {
    // The sandbox's shop granted read_orders only: asked once, on the first
    // order not found; the window explains both misses.
    Harness harness;
    REQUIRE_THAT(harness.GetOrder("#1002", &response), GrpcStatusIs(grpc::StatusCode::OK));
    CHECK(harness.Count("shopify.scopes") == 0);
    CHECK_THAT(harness.GetOrder("#4242", &response),
               GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "last 60 days"));
    CHECK_THAT(harness.GetOrder("#1000", &response),
               GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "read_all_orders"));
    CHECK(harness.Count("shopify.scopes") == 1);
  }
  {
    // This shop granted read_all_orders: the order placed 75 days ago is
    // found, and a missing order's NOT_FOUND does not blame the window.
    Harness harness(with_shop(sandbox::kSandboxShopifyAllOrdersShop, std::nullopt));
    REQUIRE_THAT(harness.GetOrder("#1000", &response), GrpcStatusIs(grpc::StatusCode::OK));
    CHECK(response.order().order_id() == "#1000");
    for (int i = 0; i < 2; ++i) {
      const grpc::Status missing = harness.GetOrder("#4242", &response);
      CHECK_THAT(missing, GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "no order #4242"));
      CHECK_FALSE(absl::StrContains(missing.error_message(), "60 days"));
    }
    CHECK(harness.Count("shopify.scopes") == 1);
    CHECK(harness.Count("shopify.pii") == 0);
  }
  {
    // The config says: Shopify is not asked.
    Harness harness(with_shop(sandbox::kSandboxShopifyShop, false));
    CHECK_THAT(harness.GetOrder("#4242", &response),
               GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "last 60 days"));
    Harness overridden(with_shop(sandbox::kSandboxShopifyShop, true));
    const grpc::Status missing = overridden.GetOrder("#4242", &response);
    CHECK_THAT(missing, GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "no order #4242"));
    CHECK_FALSE(absl::StrContains(missing.error_message(), "60 days"));
    CHECK(harness.Count("shopify.scopes") == 0);
    CHECK(overridden.Count("shopify.scopes") == 0);
  }
}

TEST_CASE("Shopify: lookups show in /metrics under their own source", "[integration][shopify]") {
  Harness harness;
  v1::GetOrderTrackingResponse response;
  REQUIRE_THAT(harness.GetOrder("#1002", &response), GrpcStatusIs(grpc::StatusCode::OK));
  const std::string metrics =
      testing::HttpGet(harness.server.server().admin_port(), "/metrics").body;
  INFO(metrics);
  CHECK(absl::StrContains(metrics, "upstream=\"shopify\""));
  CHECK(absl::StrContains(metrics, "adapter=\"shopify.graphql\""));
}

}  // namespace
}  // namespace trackenrich
