// Amazon orders end to end: a real gRPC client, the service in sandbox mode,
// and the sandbox's Selling Partner API (LWA, Orders 2026-01-01 and v0,
// Fulfillment Outbound) and carriers over real HTTP. Upstream traffic is
// read from the sandbox's counters.
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/sp_api_scenarios.h"
#include "tests/support/concurrent_orders.h"
#include "tests/support/http_get.h"
#include "tests/support/order_harness.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

constexpr char kFbmTwoCarriers[] = "113-5550001-0000001";
constexpr char kFbmUnshippedLate[] = "113-5550002-0000002";
constexpr char kFba[] = "113-5550003-0000003";
constexpr char kFbmRoyalMail[] = "202-5550004-0000004";

using Harness = testing::OrderHarness;
using testing::FindShipment;

std::string Number(absl::string_view carrier, absl::string_view scenario) {
  return testing::ScenarioNumber(carrier, scenario);
}

TEST_CASE("GetOrderTracking: an FBM order's two packages on two carriers are tracked in parallel",
          "[integration][sp_api]") {
  Harness harness;
  harness.SlowUpsAndFedex();

  v1::GetOrderTrackingResponse response;
  const absl::Time started = absl::Now();
  const grpc::Status status = harness.GetOrder(kFbmTwoCarriers, &response);
  const absl::Duration took = absl::Now() - started;
  REQUIRE_THAT(status, GrpcStatusIs(grpc::StatusCode::OK));
  WARN("two packages, carriers at 700 ms and 900 ms: " << absl::FormatDuration(took));
  CHECK(took >= absl::Milliseconds(900));
  CHECK(took < absl::Milliseconds(1600));  // the sum

  const v1::Order& order = response.order();
  CHECK(order.order_id() == kFbmTwoCarriers);
  CHECK(order.fulfillment() == v1::FULFILLMENT_FBM);
  CHECK(order.status() == v1::ORDER_STATUS_SHIPPED);
  CHECK(order.marketplace_country() == "US");
  CHECK(order.provenance().source() == v1::SOURCE_AMAZON_ORDERS);
  REQUIRE(order.shipments_size() == 2);
  const v1::Shipment* ups = FindShipment(order, Number("ups", "in_transit"));
  const v1::Shipment* fedex = FindShipment(order, Number("fedex", "in_transit"));
  REQUIRE(ups != nullptr);
  REQUIRE(fedex != nullptr);
  CHECK(ups->carrier() == v1::CARRIER_UPS);
  CHECK(ups->provenance().source() == v1::SOURCE_CARRIER_API);
  CHECK(ups->state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(ups->package_id() == "PKG-1");
  CHECK(fedex->carrier() == v1::CARRIER_FEDEX);
  CHECK(fedex->provenance().source() == v1::SOURCE_CARRIER_API);
  CHECK(fedex->package_id() == "PKG-2");
  CHECK(response.errors().empty());
  CHECK(harness.Count("sp_api.lwa") == 1);
  CHECK(harness.Count("sp_api.orders") == 1);
  CHECK(harness.Count("ups.track") == 1);
  CHECK(harness.Count("fedex.track") == 1);

  // Asked again: the order and both packages come from the cache.
  v1::GetOrderTrackingResponse again;
  REQUIRE_THAT(harness.GetOrder(kFbmTwoCarriers, &again), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(again.order().provenance().cache_layer() == v1::CACHE_LAYER_MEMORY);
  CHECK(harness.Count("sp_api.orders") == 1);
  CHECK(harness.Count("ups.track") == 1);
  // No buyer or address data was ever asked for.
  CHECK(harness.Count("sp_api.pii") == 0);
}

TEST_CASE("GetOrderTracking: an MCF order's packages come from Fulfillment Outbound",
          "[integration][sp_api]") {
  Harness harness;
  v1::GetOrderTrackingResponse response;
  REQUIRE_THAT(harness.GetOrder("MCF-SANDBOX-1", &response, v1::SALES_CHANNEL_SHOPIFY),
               GrpcStatusIs(grpc::StatusCode::OK));
  const v1::Order& order = response.order();
  CHECK(order.fulfillment() == v1::FULFILLMENT_MCF);
  CHECK(order.channel() == v1::SALES_CHANNEL_SHOPIFY);
  CHECK(order.status() == v1::ORDER_STATUS_SHIPPED);
  REQUIRE(order.shipments_size() == 2);
  const v1::Shipment& delivered = order.shipments(0);
  CHECK(delivered.package_id() == "550001");
  CHECK(delivered.state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(delivered.provenance().source() == v1::SOURCE_AMAZON_FULFILLMENT_OUTBOUND);
  CHECK(delivered.proof_of_delivery().signed_by() == "FRONT DESK");
  CHECK(absl::StartsWith(delivered.tracking_url(), "https://www.swiship.com/track?id="));
  CHECK(delivered.carrier() == v1::CARRIER_UPS);
  const v1::Shipment& delayed = order.shipments(1);
  CHECK(delayed.package_id() == "550002");
  CHECK(delayed.state() == v1::SHIPMENT_STATE_DELAYED);
  CHECK(delayed.reason() == v1::STATE_REASON_CUSTOMS);
  CHECK(harness.Count("sp_api.fulfillment_order") == 1);
  CHECK(harness.Count("sp_api.package_tracking") == 2);
  // MCF packages are Amazon's to track, not the carrier's.
  CHECK(harness.Count("ups.track") == 0);
}

TEST_CASE("GetOrderTracking: marketplace FBA, unshipped, carrier without an API, unknown",
          "[integration][sp_api]") {
  Harness harness;
  v1::GetOrderTrackingResponse fba;
  REQUIRE_THAT(harness.GetOrder(kFba, &fba), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(fba.order().fulfillment() == v1::FULFILLMENT_FBA);
  CHECK(fba.order().status() == v1::ORDER_STATUS_SHIPPED);

  v1::GetOrderTrackingResponse unshipped;
  REQUIRE_THAT(harness.GetOrder(kFbmUnshippedLate, &unshipped), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(unshipped.order().status() == v1::ORDER_STATUS_UNSHIPPED);
  CHECK(unshipped.order().shipments().empty());
  REQUIRE(unshipped.order().ship_by().has_end());
  CHECK(absl::FromUnixSeconds(unshipped.order().ship_by().end().seconds()) < absl::Now());

  // Royal Mail has no adapter: Amazon's own status stays, with the carrier's link.
  v1::GetOrderTrackingResponse royal_mail;
  REQUIRE_THAT(harness.GetOrder(kFbmRoyalMail, &royal_mail), GrpcStatusIs(grpc::StatusCode::OK));
  REQUIRE(royal_mail.order().shipments_size() == 1);
  const v1::Shipment& package = royal_mail.order().shipments(0);
  CHECK(package.carrier() == v1::CARRIER_ROYAL_MAIL);
  CHECK(package.state() == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(package.provenance().source() == v1::SOURCE_AMAZON_ORDERS);
  CHECK(absl::StrContains(package.tracking_url(), "RR123456785GB"));
  CHECK(royal_mail.order().marketplace_country() == "GB");

  v1::GetOrderTrackingResponse unknown;
  const grpc::Status status = harness.GetOrder("113-5550404-0000000", &unknown);
  CHECK_THAT(status, GrpcStatusIs(grpc::StatusCode::NOT_FOUND));
}

TEST_CASE("GetOrderTracking: Amazon's error answers map to the documented codes",
          "[integration][sp_api]") {
  Harness harness;
  struct Row {
    const char* order_id;
    grpc::StatusCode code;
    const char* in_message;
  };
  for (const Row& row :
       {Row{"113-5550400-0000000", grpc::StatusCode::INVALID_ARGUMENT, "rejected"},
        Row{"113-5550403-0000000", grpc::StatusCode::FAILED_PRECONDITION, "tenant 'default'"},
        Row{"113-5550429-0000000", grpc::StatusCode::RESOURCE_EXHAUSTED, "sp_api"},
        Row{"113-5550500-0000000", grpc::StatusCode::UNAVAILABLE, "sp_api"}}) {
    CAPTURE(row.order_id);
    v1::GetOrderTrackingResponse response;
    const grpc::Status status =
        harness.GetOrder(row.order_id, &response, v1::SALES_CHANNEL_AMAZON, absl::Seconds(3));
    CHECK_THAT(status, GrpcStatusIs(row.code));
    CHECK(absl::StrContains(status.error_message(), row.in_message));
    CHECK_FALSE(absl::StrContains(status.error_message(), sandbox::kSandboxSpApiRefreshToken));
    CHECK_FALSE(absl::StrContains(status.error_message(), "Atza|"));
  }
  // 400: one call. 403: once more with a fresh token. 429 and 500: retried
  // within the deadline (3 attempts each). A refused order does not send the
  // seller's later lookups to v0.
  CHECK(harness.Count("sp_api.orders") == 1 + 2 + 3 + 3);
  CHECK(harness.Count("sp_api.orders_v0") == 2);
}

TEST_CASE("SP-API token: 300 concurrent lookups with a cold token cache make one LWA call",
          "[integration][sp_api]") {
  server::ServiceConfig config = testing::SandboxConfig();
  // Room in the usage plan for all 300, so every lookup needs the token.
  config.amazon.get_order_plan = {.per_second = 10'000, .burst = 10'000};
  Harness harness(std::move(config));
  constexpr int kLookups = 300;
  std::vector<v1::OrderRef> refs(kLookups);
  for (int i = 0; i < kLookups; ++i) {
    refs[i].set_order_id(absl::StrFormat("113-7%06d-0000000", i));
  }
  int not_found = 0;
  std::vector<std::string> others;  // any other answer, for the failure message
  for (const grpc::Status& status : testing::GetOrdersConcurrently(harness.server, refs)) {
    if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
      ++not_found;
    } else {
      others.push_back(absl::StrCat(status.error_code(), ": ", status.error_message()));
    }
  }
  INFO(absl::StrJoin(others, "\n"));
  CHECK(not_found == kLookups);
  CHECK(harness.Count("sp_api.orders") == kLookups);
  CHECK(harness.Count("sp_api.lwa") == 1);
}

// `count` lookups of distinct unknown Amazon orders ("113-<series>…") at
// once, each with a 3 s deadline; their codes.
std::vector<grpc::StatusCode> GetOrdersAtOnce(Harness& harness, int count, int series) {
  std::vector<grpc::StatusCode> codes(count);
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      v1::GetOrderTrackingResponse response;
      codes[i] = harness
                     .GetOrder(absl::StrFormat("113-%d%06d-0000000", series, i), &response,
                               v1::SALES_CHANNEL_AMAZON, absl::Seconds(3))
                     .error_code();
    });
  }
  for (auto& thread : threads) thread.join();
  return codes;
}

TEST_CASE("SP-API rate limit: 100 getOrder lookups in one second keep to the usage plan",
          "[integration][sp_api]") {
  Harness harness;  // getOrder: 0.5 requests per second, burst 30
  constexpr int kLookups = 100;
  const absl::Time started = absl::Now();
  const std::vector<grpc::StatusCode> codes = GetOrdersAtOnce(harness, kLookups, 8);
  int not_found = 0;
  int exhausted = 0;
  for (grpc::StatusCode code : codes) {
    if (code == grpc::StatusCode::NOT_FOUND) ++not_found;
    if (code == grpc::StatusCode::RESOURCE_EXHAUSTED) ++exhausted;
  }
  const int64_t reached = harness.Count("sp_api.orders");
  WARN("100 lookups in " << absl::FormatDuration(absl::Now() - started) << ": " << reached
                         << " reached Amazon, " << exhausted << " RESOURCE_EXHAUSTED");
  // The burst at once, then one more every 2 s within the 3 s deadline.
  CHECK(reached >= 30);
  CHECK(reached <= 32);
  CHECK(not_found == reached);
  CHECK(exhausted == kLookups - reached);
}

// The value of the one sample `series` names in Prometheus text; -1 if absent.
double Sample(const std::string& metrics, const std::string& series) {
  const size_t at = metrics.find(absl::StrCat("\n", series, " "));
  if (at == std::string::npos) return -1;
  const size_t begin = at + series.size() + 2;
  double value = -1;
  if (!absl::SimpleAtod(metrics.substr(begin, metrics.find('\n', begin) - begin), &value)) {
    return -1;
  }
  return value;
}

TEST_CASE("SP-API: usage-plan waits show in /metrics per operation after a burst",
          "[integration][sp_api]") {
  Harness harness;  // getOrder: 0.5 requests per second, burst 30
  int exhausted = 0;
  const std::vector<grpc::StatusCode> codes = GetOrdersAtOnce(harness, 34, 7);
  for (grpc::StatusCode code : codes) exhausted += code == grpc::StatusCode::RESOURCE_EXHAUSTED;
  const int64_t reached = harness.Count("sp_api.orders");
  const std::string metrics =
      testing::HttpGet(harness.server.server().admin_port(), "/metrics").body;
  INFO(metrics);
  // Every call that reached Amazon was granted a slot; every refusal counted.
  CHECK(Sample(metrics,
               "trackenrich_rate_limit_decisions_total{adapter=\"sp_api.getOrder\","
               "result=\"granted\"}") == reached);
  CHECK(Sample(metrics,
               "trackenrich_rate_limit_decisions_total{adapter=\"sp_api.getOrder\","
               "result=\"rejected\"}") == exhausted);
  CHECK(exhausted > 0);
  CHECK(Sample(metrics, "trackenrich_rate_limit_wait_seconds_count{adapter=\"sp_api.getOrder\"}") ==
        reached);
  // The burst went through at once; the slot after it came 2 s later.
  CHECK(Sample(metrics, "trackenrich_rate_limit_wait_seconds_sum{adapter=\"sp_api.getOrder\"}") >
        1.0);
  CHECK(Sample(metrics,
               "trackenrich_rate_limit_wait_seconds_bucket{adapter=\"sp_api.getOrder\","
               "le=\"0.5\"}") >= 30);
}

TEST_CASE("SP-API: the rate Amazon announces in x-amzn-RateLimit-Limit replaces the plan's",
          "[integration][sp_api]") {
  server::ServiceConfig config = testing::SandboxConfig();
  // A generous plan; the sandbox announces 0.5 requests per second.
  config.amazon.get_order_plan = {.per_second = 1000, .burst = 2};
  Harness harness(std::move(config));
  int exhausted = 0;
  for (int i = 0; i < 10; ++i) {
    v1::GetOrderTrackingResponse response;
    const grpc::Status status =
        harness.GetOrder(absl::StrFormat("113-9%06d-0000000", i), &response,
                         v1::SALES_CHANNEL_AMAZON, absl::Milliseconds(1500));
    if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) ++exhausted;
  }
  // At 1000/s all ten would reach Amazon. The first call, under the plan,
  // hardly dents the bucket; from then on the announced 0.5/s with burst 2
  // lets two more through, and no further slot opens within the 1.5 s deadlines.
  CHECK(harness.Count("sp_api.orders") == 3);
  CHECK(exhausted == 7);
}

TEST_CASE("SP-API: the marketplace picks the regional endpoint", "[integration][sp_api]") {
  server::ServiceConfig config = testing::SandboxConfig();
  // Europe points at a port nothing listens on; North America at the sandbox.
  config.amazon.endpoints["eu"] = "http://127.0.0.1:1";
  Harness harness(std::move(config));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  v1::GetOrderTrackingRequest request;
  request.mutable_order()->set_order_id(kFba);
  request.mutable_order()->set_marketplace_id("A1PA6795UKMFR9");  // Amazon.de
  v1::GetOrderTrackingResponse response;
  const grpc::Status europe = harness.stub->GetOrderTracking(&context, request, &response);
  CHECK_THAT(europe, GrpcStatusIs(grpc::StatusCode::UNAVAILABLE));
  CHECK(harness.Count("sp_api.orders") == 0);

  v1::GetOrderTrackingResponse us;
  REQUIRE_THAT(harness.GetOrder(kFba, &us), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(harness.Count("sp_api.orders") == 1);
  const std::string readiness =
      testing::HttpGet(harness.server.server().admin_port(), "/readyz").body;
  CHECK(absl::StrContains(readiness, "\"order_source\":\"sp_api\""));
}

TEST_CASE("SP-API: an EU MCF order of an NA-default seller has its packages tracked in Europe",
          "[integration][sp_api]") {
  Harness harness;  // the sandbox seller's default marketplace is Amazon.com (NA)
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  v1::GetOrderTrackingRequest request;
  request.mutable_order()->set_order_id("MCF-SANDBOX-EU");
  request.mutable_order()->set_channel(v1::SALES_CHANNEL_SHOPIFY);
  request.mutable_order()->set_marketplace_id("A1PA6795UKMFR9");  // Amazon.de
  v1::GetOrderTrackingResponse response;
  REQUIRE_THAT(harness.stub->GetOrderTracking(&context, request, &response),
               GrpcStatusIs(grpc::StatusCode::OK));
  INFO(response.DebugString());
  CHECK(response.errors().empty());
  CHECK(response.order().marketplace_id() == "A1PA6795UKMFR9");
  REQUIRE(response.order().shipments_size() == 1);
  const v1::Shipment& package = response.order().shipments(0);
  CHECK(package.state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(package.provenance().adapter() == "amazon_mcf");
  CHECK(package.events_size() == 4);
  // Order and package from the EU endpoint only.
  CHECK(harness.Count("sp_api.eu.fulfillment_order") == 1);
  CHECK(harness.Count("sp_api.eu.package_tracking") == 1);
  CHECK(harness.Count("sp_api.na.fulfillment_order") == 0);
  CHECK(harness.Count("sp_api.na.package_tracking") == 0);

  // The seller's North American MCF order stays in North America.
  v1::GetOrderTrackingResponse us;
  REQUIRE_THAT(harness.GetOrder("MCF-SANDBOX-1", &us, v1::SALES_CHANNEL_SHOPIFY),
               GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(us.errors().empty());
  CHECK(harness.Count("sp_api.na.package_tracking") == 2);
  CHECK(harness.Count("sp_api.eu.package_tracking") == 1);
}

TEST_CASE("SP-API: a seller refused Orders 2026-01-01 is answered through Orders v0",
          "[integration][sp_api]") {
  server::ServiceConfig config = testing::SandboxConfig();
  config.amazon.sellers["default"] = {.refresh_token =
                                          std::string(sandbox::kSandboxSpApiV0RefreshToken)};
  Harness harness(std::move(config));
  v1::GetOrderTrackingResponse response;
  REQUIRE_THAT(harness.GetOrder(kFbmUnshippedLate, &response), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.order().status() == v1::ORDER_STATUS_UNSHIPPED);
  CHECK(response.order().fulfillment() == v1::FULFILLMENT_FBM);
  CHECK(response.order().provenance().adapter() == "sp_api_v0");
  CHECK(response.order().ship_by().has_end());
  // Refused once, and once more with a fresh token (SP-API also answers 403
  // for an expired token), then v0.
  CHECK(harness.Count("sp_api.orders") == 2);
  CHECK(harness.Count("sp_api.orders_v0") == 1);

  // Remembered: the next order goes straight to v0.
  v1::GetOrderTrackingResponse fba;
  REQUIRE_THAT(harness.GetOrder(kFba, &fba), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(fba.order().fulfillment() == v1::FULFILLMENT_FBA);
  CHECK(harness.Count("sp_api.orders") == 2);
  CHECK(harness.Count("sp_api.orders_v0") == 2);
}

TEST_CASE("EnrichTicket: Italian ticket text with an FBM order ID gets a sendable Italian reply",
          "[integration][sp_api]") {
  Harness harness;
  v1::EnrichTicketRequest request;
  request.set_ticket_id("T-2001");
  request.set_language("it");
  request.mutable_text()->set_subject("Dov'è il mio ordine?");
  request.mutable_text()->set_body(
      absl::StrCat("Buongiorno, ho ordinato una settimana fa (ordine ", kFbmTwoCarriers,
                   ") e non ho ancora ricevuto nulla. Potete aiutarmi? Grazie, Giulia"));
  const v1::Enrichment enrichment = harness.Enrich(request);
  REQUIRE(enrichment.extracted_order_ids_size() == 1);
  CHECK(enrichment.extracted_order_ids(0) == kFbmTwoCarriers);
  REQUIRE(enrichment.orders_size() == 1);
  CHECK(enrichment.orders(0).fulfillment() == v1::FULFILLMENT_FBM);
  CHECK(enrichment.orders(0).shipments_size() == 2);
  CHECK(enrichment.errors().empty());
  CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_SHARE_TRACKING);
  CHECK(enrichment.reply().language() == "it");
  CHECK(enrichment.reply().compliant());
  CHECK(enrichment.reply().findings().empty());
  CHECK(absl::StrContains(enrichment.reply().body(), Number("ups", "in_transit")));
  CHECK(enrichment.has_evidence());
  // Both packages are named, with their state, and which did not arrive yet.
  const std::string& body = enrichment.reply().body();
  INFO(body);
  CHECK(absl::StrContains(body, "è stato spedito in 2 pacchi:"));
  for (const v1::Shipment& package : enrichment.orders(0).shipments()) {
    CHECK(absl::StrContains(body,
                            absl::StrCat("- ", package.carrier_name(), ", numero di tracciamento ",
                                         package.tracking_number(), ": in transito")));
  }
  CHECK(absl::StrContains(body, "Non ancora consegnati: "));
  CHECK_FALSE(absl::StrContains(body, "Consegnati: "));
}

TEST_CASE("EnrichTicket: an order in two packages names both in every language",
          "[integration][sp_api]") {
  Harness harness;
  const struct {
    const char* language;
    const char* tracking_word;
    const char* not_delivered;
  } rows[] = {{"en", "tracking number", "Not delivered yet: "},
              {"it", "numero di tracciamento", "Non ancora consegnati: "},
              {"de", "Sendungsnummer", "Noch nicht zugestellt: "},
              {"fr", "numéro de suivi", "Colis pas encore livrés : "},
              {"es", "número de seguimiento", "Pendientes de entrega: "}};
  for (const auto& row : rows) {
    INFO(row.language);
    v1::EnrichTicketRequest request;
    request.set_language(row.language);
    request.mutable_order()->set_order_id(kFbmTwoCarriers);
    const v1::Enrichment enrichment = harness.Enrich(request);
    REQUIRE(enrichment.orders_size() == 1);
    REQUIRE(enrichment.orders(0).shipments_size() == 2);
    const v1::RenderedReply& reply = enrichment.reply();
    INFO(reply.body());
    CHECK(reply.language() == row.language);
    CHECK(reply.compliant());
    std::vector<std::string> carriers;
    for (const v1::Shipment& package : enrichment.orders(0).shipments()) {
      carriers.push_back(package.carrier_name());
      CHECK(absl::StrContains(
          reply.body(), absl::StrCat("- ", package.carrier_name(), ", ", row.tracking_word, " ",
                                     package.tracking_number())));
      CHECK(absl::StrContains(
          reply.body(), absl::StrCat(package.carrier_name(), " ", package.tracking_number())));
    }
    std::sort(carriers.begin(), carriers.end());
    CHECK(carriers == std::vector<std::string>{"FedEx", "UPS"});
    CHECK(absl::StrContains(reply.body(), row.not_delivered));
    // An Amazon order: no links.
    CHECK_FALSE(absl::StrContains(reply.body(), "http"));
  }
}

TEST_CASE("EnrichTicket: an unshipped order says when it ships, an unknown one asks for the number",
          "[integration][sp_api]") {
  Harness harness;
  const char* const languages[] = {"en", "it", "de", "fr", "es"};
  for (const char* language : languages) {
    INFO(language);
    v1::EnrichTicketRequest late;
    late.set_language(language);
    late.mutable_order()->set_order_id(kFbmUnshippedLate);
    const v1::Enrichment unshipped = harness.Enrich(late);
    CHECK(unshipped.next_action().kind() == v1::NEXT_ACTION_KIND_SHIP_NOW);
    CHECK(unshipped.reply().template_id() == "not_yet_shipped");
    CHECK(unshipped.reply().language() == language);
    CHECK(unshipped.reply().compliant());
    CHECK(absl::StrContains(unshipped.reply().subject(), kFbmUnshippedLate));

    v1::EnrichTicketRequest unknown;
    unknown.set_language(language);
    unknown.mutable_order()->set_order_id("113-5550404-0000000");
    const v1::Enrichment missing = harness.Enrich(unknown);
    REQUIRE(missing.errors_size() == 1);
    CHECK(missing.errors(0).code() == static_cast<int>(grpc::StatusCode::NOT_FOUND));
    CHECK(missing.next_action().kind() == v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO);
    CHECK(missing.reply().template_id() == "order_not_found");
    CHECK(missing.reply().language() == language);
    CHECK(missing.reply().compliant());
    CHECK(absl::StrContains(missing.reply().body(), "113-5550404-0000000"));
    CHECK(missing.flags_size() == 0);
  }
}

TEST_CASE(
    "EnrichTicket: an FBA order gets the redirect to Amazon, a late unshipped one gets ship now",
    "[integration][sp_api]") {
  Harness harness;
  v1::EnrichTicketRequest fba;
  fba.set_language("de");
  fba.mutable_order()->set_order_id(kFba);
  const v1::Enrichment redirect = harness.Enrich(fba);
  REQUIRE(redirect.orders_size() == 1);
  CHECK(redirect.next_action().kind() == v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON);
  CHECK(redirect.reply().template_id() == redirect.next_action().template_id());
  CHECK(redirect.reply().language() == "de");
  CHECK(redirect.reply().compliant());

  v1::EnrichTicketRequest late;
  late.set_language("en");
  late.mutable_order()->set_order_id(kFbmUnshippedLate);
  const v1::Enrichment ship_now = harness.Enrich(late);
  CHECK(ship_now.next_action().kind() == v1::NEXT_ACTION_KIND_SHIP_NOW);
  CHECK(ship_now.reply().template_id() == "not_yet_shipped");
  CHECK(ship_now.reply().compliant());
  bool flagged = false;
  for (const auto& flag : ship_now.flags()) {
    flagged |= flag.kind() == v1::RISK_FLAG_KIND_SHIP_BY_MISSED;
  }
  CHECK(flagged);
}

}  // namespace
}  // namespace trackenrich
