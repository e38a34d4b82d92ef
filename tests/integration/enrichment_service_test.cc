// Ticket enrichment end to end: a real gRPC client, the service in sandbox
// mode and the UPS sandbox over real HTTP. EnrichTicket returns flags, the
// next action, a sendable reply in the buyer's language and evidence;
// RenderReply renders built-in and seller templates with their findings.
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <unistd.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#include "services/enrichment/reply_templates.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

std::string Number(absl::string_view scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber("ups", scenario);
}

v1::EnrichTicketResponse EnrichText(v1::TrackingService::Stub& stub, const std::string& subject,
                                    const std::string& body, const std::string& language) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::EnrichTicketRequest request;
  request.set_ticket_id("T-1001");
  request.set_language(language);
  request.mutable_text()->set_subject(subject);
  request.mutable_text()->set_body(body);
  v1::EnrichTicketResponse response;
  const grpc::Status status = stub.EnrichTicket(&context, request, &response);
  REQUIRE_THAT(status, GrpcStatusIs(grpc::StatusCode::OK));
  return response;
}

bool HasFlag(const v1::Enrichment& enrichment, v1::RiskFlagKind kind,
             const std::string& tracking_number) {
  for (const auto& flag : enrichment.flags()) {
    if (flag.kind() == kind && flag.tracking_number() == tracking_number) return true;
  }
  return false;
}

TEST_CASE(
    "EnrichTicket: an Italian ticket about a UPS exception gets flags, an action and a "
    "sendable Italian reply",
    "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  const std::string number = Number("exception");
  const v1::Enrichment enrichment =
      EnrichText(*stub, "Pacco fermo",
                 absl::StrCat("Buongiorno, il corriere dice che c'è un problema con il pacco ",
                              number, ". Il mio telefono è +39 333 123 4567. Grazie"),
                 "it-IT")
          .enrichment();
  REQUIRE(enrichment.shipments_size() == 1);
  CHECK(enrichment.shipments(0).state() == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(HasFlag(enrichment, v1::RISK_FLAG_KIND_EXCEPTION, number));
  CHECK(enrichment.flags_size() == 1);
  CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO);
  CHECK(enrichment.next_action().template_id() == "exception_follow_up");

  const v1::RenderedReply& reply = enrichment.reply();
  INFO(reply.subject() << "\n" << reply.body());
  CHECK(reply.template_id() == "exception_follow_up");
  CHECK(reply.language() == "it");
  CHECK(reply.compliant());
  CHECK(reply.findings_size() == 0);
  CHECK(absl::StartsWith(reply.body(), "Gentile cliente,"));
  CHECK(absl::StrContains(reply.body(), number));
  CHECK(absl::StrContains(reply.body(), "indirizzo di consegna"));
  // Amazon is the default for an unknown channel: no link.
  CHECK_FALSE(absl::StrContains(reply.body(), "http"));

  const v1::Evidence& evidence = enrichment.evidence();
  CHECK(evidence.digest().size() == 64);
  CHECK(evidence.digest_format() == "trackenrich-evidence-v1");
  REQUIRE(evidence.payload_sha256_size() == 1);
  CHECK(evidence.payload_sha256(0) == enrichment.shipments(0).provenance().payload_sha256());
  bool exception_event = false;
  for (const auto& event : evidence.events()) {
    exception_event |= event.role() == v1::EVIDENCE_ROLE_EXCEPTION;
  }
  CHECK(exception_event);
  CHECK_FALSE(enrichment.buyer_reports_not_received());
}

TEST_CASE("EnrichTicket: on-time and delivered packages, in the buyer's language",
          "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();

  const std::string in_transit = Number("in_transit");
  const v1::Enrichment on_time =
      EnrichText(*stub, "Dov'è il mio ordine?", absl::StrCat("Tracking ", in_transit), "it")
          .enrichment();
  CHECK(on_time.flags_size() == 0);
  CHECK(on_time.next_action().kind() == v1::NEXT_ACTION_KIND_SHARE_TRACKING);
  CHECK(on_time.reply().template_id() == "fbm_status_update");
  CHECK(on_time.reply().language() == "it");
  CHECK(on_time.reply().compliant());
  CHECK(absl::StrContains(on_time.reply().body(), "Stato attuale: in transito."));
  CHECK(absl::StrContains(on_time.reply().body(), "Consegna prevista:"));

  const std::string delivered = Number("delivered");
  const v1::Enrichment claim =
      EnrichText(*stub, "Nie angekommen",
                 absl::StrCat("Laut Sendungsverfolgung zugestellt, aber ich habe das Paket ",
                              delivered, " nicht erhalten."),
                 "de-AT")
          .enrichment();
  CHECK(claim.buyer_reports_not_received());
  CHECK(claim.next_action().kind() == v1::NEXT_ACTION_KIND_CHECK_DELIVERY_PROOF);
  CHECK(claim.reply().template_id() == "delivered_not_received");
  CHECK(claim.reply().language() == "de");
  CHECK(claim.reply().compliant());
  CHECK(absl::StrContains(claim.reply().body(), "48 Stunden"));
  // Signed for in the sandbox: no claim-risk flag.
  CHECK_FALSE(HasFlag(claim, v1::RISK_FLAG_KIND_DELIVERED_UNSIGNED, delivered));

  // By tracking number, with the buyer's claim in the request.
  grpc::ClientContext context;
  v1::EnrichTicketRequest request;
  request.mutable_shipment()->set_tracking_number(delivered);
  request.set_buyer_reports_not_received(true);
  request.set_language("fr");
  v1::EnrichTicketResponse response;
  REQUIRE(stub->EnrichTicket(&context, request, &response).ok());
  CHECK(response.enrichment().buyer_reports_not_received());
  CHECK(response.enrichment().reply().template_id() == "delivered_not_received");
  CHECK(response.enrichment().reply().language() == "fr");
}

TEST_CASE("EnrichTicket: a DHL Express number after a tracking word is looked up at DHL",
          "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  const uint16_t sandbox_port = testing::PortOfUrl(server.server().sandbox_url());
  // 147534785 mod 7 = 6: a valid DHL Express number; the invoice number
  // beside it has the same shape and passes the same check.
  const v1::Enrichment enrichment =
      EnrichText(*stub, "Wo bleibt mein Paket?",
                 "Hallo, die Sendungsnummer ist 1475347856. Rechnung 1475347860.", "de")
          .enrichment();
  REQUIRE(enrichment.extracted_tracking_numbers_size() == 1);
  CHECK(enrichment.extracted_tracking_numbers(0) == "1475347856");
  // DHL was asked (the sandbox knows no such shipment), not refused as a
  // number of unknown carrier.
  CHECK(testing::SandboxRequestCount(sandbox_port, "dhl.track") == 1);
  REQUIRE(enrichment.errors_size() == 1);
  CHECK(enrichment.errors(0).subject() == "1475347856");
  CHECK(enrichment.errors(0).code() == static_cast<int>(grpc::StatusCode::NOT_FOUND));
}

TEST_CASE("EnrichTicket: a delayed package gets the apology", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  const std::string number = Number("delayed");
  const v1::Enrichment enrichment =
      EnrichText(*stub, "Retraso", absl::StrCat("Mi envío ", number, " no avanza."), "es")
          .enrichment();
  CHECK(HasFlag(enrichment, v1::RISK_FLAG_KIND_EXCEPTION, number));
  CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_APOLOGIZE_AND_CONTACT_CARRIER);
  CHECK(enrichment.reply().template_id() == "delay_apology");
  CHECK(enrichment.reply().language() == "es");
  CHECK(enrichment.reply().compliant());
  CHECK(absl::StrContains(enrichment.reply().body(), "La nueva fecha de entrega prevista es el"));
}

v1::RenderReplyRequest FbaRequest(const std::string& language) {
  v1::RenderReplyRequest request;
  request.set_template_id("fba_redirect");
  request.set_language(language);
  v1::Shipment* shipment = request.mutable_shipment();
  shipment->set_tracking_number("TBA304125876100");
  shipment->set_carrier(v1::CARRIER_AMAZON);
  shipment->set_state(v1::SHIPMENT_STATE_IN_TRANSIT);
  v1::Order* order = request.mutable_order();
  order->set_channel(v1::SALES_CHANNEL_AMAZON);
  order->set_order_id("302-5550199-1234567");
  order->set_fulfillment(v1::FULFILLMENT_FBA);
  return request;
}

TEST_CASE("RenderReply: an FBA order gets the redirect reply", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  for (const auto& [language, used, phrase] :
       {std::tuple{"it", "it", "servizio clienti di Amazon"},
        std::tuple{"de-AT", "de", "Kundenservice von Amazon"},
        std::tuple{"en", "en", "Amazon's customer service"}}) {
    INFO(language);
    grpc::ClientContext context;
    v1::RenderReplyResponse response;
    REQUIRE_THAT(stub->RenderReply(&context, FbaRequest(language), &response),
                 GrpcStatusIs(grpc::StatusCode::OK));
    const v1::RenderedReply& reply = response.reply();
    INFO(reply.body());
    CHECK(reply.template_id() == "fba_redirect");
    CHECK(reply.language() == used);
    CHECK(reply.compliant());
    CHECK(absl::StrContains(reply.subject(), "302-5550199-1234567"));
    CHECK(absl::StrContains(reply.body(), "TBA304125876100"));
    CHECK(absl::StrContains(reply.body(), phrase));
  }

  grpc::ClientContext context;
  v1::RenderReplyRequest unknown = FbaRequest("en");
  unknown.set_template_id("summer_sale");
  v1::RenderReplyResponse response;
  CHECK_THAT(stub->RenderReply(&context, unknown, &response),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "template_id"));
}

TEST_CASE("RenderReply: seller templates from the config are rendered and checked",
          "[integration]") {
  const auto file = std::filesystem::temp_directory_path() /
                    absl::StrCat("trackenrich_seller_templates_", ::getpid(), ".json");
  std::ofstream(file) << R"({"templates": {"thank_you": {"languages": {"en": {
      "subject": "Thanks!",
      "body": "Your parcel {tracking_number} is {status}. Questions? Mail help@myshop.example or see myshop.com/faq"}}}}})";
  server::ServiceConfig config = testing::SandboxConfig();
  auto catalog = enrichment::TemplateCatalog::Load({file.string()});
  REQUIRE(catalog.ok());
  config.templates = *catalog;
  testing::TestServer server(config);
  auto stub = server.Stub();

  grpc::ClientContext context;
  v1::RenderReplyRequest request = FbaRequest("en");
  request.set_template_id("thank_you");
  v1::RenderReplyResponse response;
  REQUIRE_THAT(stub->RenderReply(&context, request, &response), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK_FALSE(response.reply().compliant());
  std::vector<v1::ComplianceRule> rules;
  for (const auto& finding : response.reply().findings()) rules.push_back(finding.rule());
  CHECK(rules == std::vector<v1::ComplianceRule>{v1::COMPLIANCE_RULE_EMAIL_ADDRESS,
                                                 v1::COMPLIANCE_RULE_EXTERNAL_LINK});
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace trackenrich
