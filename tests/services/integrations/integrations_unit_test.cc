// The help-desk integrations' pure parts: signatures, the agent card, the
// Gorgias and Help Scout request readers and answers.
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "boost/json.hpp"

#include "services/integrations/card/agent_card.h"
#include "services/integrations/common/desk_webhook.h"
#include "services/integrations/common/request_fields.h"
#include "services/integrations/common/signature.h"
#include "services/integrations/freshdesk/freshdesk.h"
#include "services/integrations/gorgias/gorgias.h"
#include "services/integrations/helpscout/helpscout.h"
#include "services/integrations/zendesk/zendesk.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::integrations {
namespace {

using testing::IsOk;
using testing::StatusIs;

// RFC 2104 HMACs of the pangram with key "key" (the well-known vectors).
constexpr char kFox[] = "The quick brown fox jumps over the lazy dog";

TEST_CASE("signatures: HMAC-SHA1 and HMAC-SHA256 in base64, compared in constant time",
          "[helpdesk]") {
  CHECK(Base64Hmac(HmacAlgorithm::kSha1, "key", kFox) == "3nybhbi3iqa8ino29wqQcBydtNk=");
  CHECK(Base64Hmac(HmacAlgorithm::kSha256, "key", kFox) ==
        "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
  CHECK(VerifyBase64Hmac(HmacAlgorithm::kSha1, "key", kFox, "3nybhbi3iqa8ino29wqQcBydtNk="));
  CHECK_FALSE(VerifyBase64Hmac(HmacAlgorithm::kSha1, "key", kFox, "3nybhbi3iqa8ino29wqQcBydtNj="));
  CHECK_FALSE(
      VerifyBase64Hmac(HmacAlgorithm::kSha1, "other", kFox, "3nybhbi3iqa8ino29wqQcBydtNk="));
  CHECK_FALSE(VerifyBase64Hmac(HmacAlgorithm::kSha1, "key", kFox, ""));
  CHECK(SecretsEqual("s3cret", "s3cret"));
  CHECK_FALSE(SecretsEqual("s3cret", "s3cret!"));
  CHECK_FALSE(SecretsEqual("", "x"));
}

TEST_CASE("request fields: query, form and JSON bodies, broken input is INVALID_ARGUMENT",
          "[helpdesk]") {
  http::HttpRequest request{.method = "GET",
                            .target = "/integrations/gorgias?email=ada%40example.com&subject=a+b"};
  auto parameters = RequestParameters(request);
  REQUIRE_THAT(parameters.status(), IsOk());
  CHECK((*parameters)["email"] == "ada@example.com");
  CHECK((*parameters)["subject"] == "a b");

  request.method = "POST";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = R"({"ticket_id": 4242, "subject": "from body", "email": null})";
  parameters = RequestParameters(request);
  REQUIRE_THAT(parameters.status(), IsOk());
  CHECK((*parameters)["ticket_id"] == "4242");
  CHECK((*parameters)["subject"] == "from body");
  CHECK_FALSE(parameters->contains("email"));

  request.body = R"({"ticket_id": )";
  CHECK_THAT(RequestParameters(request).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "request body: not valid JSON"));
  request.body = R"({"ticket_id": {"nested": 1}})";
  CHECK_THAT(RequestParameters(request).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "ticket_id must be a string"));
  request.body = "[1,2]";
  CHECK_THAT(RequestParameters(request).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "must be a JSON object"));
  request.target = "/x?a=%zz";
  request.body.clear();
  CHECK_THAT(RequestParameters(request).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "%-escape"));
  request.target = "/x";
  request.headers = {{"Content-Type", "text/xml"}};
  request.body = "<a/>";
  CHECK_THAT(RequestParameters(request).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "text/xml is not accepted"));
}

v1::Enrichment SampleEnrichment() {
  v1::Enrichment enrichment;
  v1::Shipment* shipment = enrichment.add_shipments();
  shipment->set_carrier(v1::CARRIER_UPS);
  shipment->set_carrier_name("UPS");
  shipment->set_tracking_number("1ZSBX0010300000047");
  shipment->set_state(v1::SHIPMENT_STATE_EXCEPTION);
  shipment->set_tracking_url("https://www.ups.com/track?tracknum=1ZSBX0010300000047&x=<y>");
  shipment->set_carrier_status_text("<script>alert(1)</script> & \"quoted\"");
  shipment->mutable_estimated_delivery()->mutable_start()->set_seconds(1769731200);  // 2026-01-30
  v1::RiskFlag* flag = enrichment.add_flags();
  flag->set_kind(v1::RISK_FLAG_KIND_EXCEPTION);
  flag->set_reason("address <incomplete>");
  enrichment.mutable_next_action()->set_kind(v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO);
  enrichment.mutable_next_action()->set_summary("Ask the buyer");
  enrichment.mutable_next_action()->add_steps("Step one");
  enrichment.mutable_reply()->set_language("it");
  enrichment.mutable_reply()->set_subject("La consegna");
  enrichment.mutable_reply()->set_body("Gentile cliente,\n\nciao <b>");
  return enrichment;
}

TEST_CASE("agent card: escaped, linked only to web pages, labels in the agent's language",
          "[helpdesk]") {
  const v1::Enrichment enrichment = SampleEnrichment();
  const std::string html = RenderCardFragment(enrichment, {.agent_language = "de"});
  CHECK(absl::StrContains(html, "data-state=\"EXCEPTION\""));
  CHECK(absl::StrContains(html, ">Problem</h3>"));
  CHECK(absl::StrContains(html, "<dt>Sendungsnummer</dt>"));
  CHECK(absl::StrContains(
      html, "href=\"https://www.ups.com/track?tracknum=1ZSBX0010300000047&amp;x=&lt;y&gt;\""));
  CHECK(absl::StrContains(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"));
  CHECK_FALSE(absl::StrContains(html, "<script"));
  CHECK(absl::StrContains(html, "30. Januar 2026"));
  CHECK(absl::StrContains(html, "data-flag=\"EXCEPTION\""));
  CHECK(absl::StrContains(html, "address &lt;incomplete&gt;"));
  CHECK(absl::StrContains(html, "<blockquote lang=\"it\">"));
  CHECK(absl::StrContains(html, "Gentile cliente,<br><br>ciao &lt;b&gt;"));
  CHECK(absl::StrContains(html, "Antwortvorschlag"));

  for (const auto& [language, state] :
       std::vector<std::pair<std::string, std::string>>{{"en", "Exception"},
                                                        {"it-IT", "Problema"},
                                                        {"fr", "Incident"},
                                                        {"es", "Incidencia"},
                                                        {"nl", "Exception"}}) {
    CHECK(StateWords(v1::SHIPMENT_STATE_EXCEPTION, language) == state);
  }

  v1::Enrichment hostile = enrichment;
  hostile.mutable_shipments(0)->set_tracking_url("javascript:alert(1)");
  const std::string unlinked = RenderCardFragment(hostile, {});
  CHECK_FALSE(absl::StrContains(unlinked, "javascript:"));
  CHECK(absl::StrContains(unlinked, "no tracking link"));

  const std::string page = RenderCardPage(enrichment, {.agent_language = "fr"});
  CHECK(absl::StartsWith(page, "<!DOCTYPE html>"));
  CHECK(absl::StrContains(page, "<html lang=\"fr\">"));
  CHECK(absl::StrContains(page, "name=\"viewport\""));
  CHECK_FALSE(absl::StrContains(page, "<script"));

  const std::string text = RenderCardText(enrichment, {.agent_language = "en"});
  CHECK(absl::StrContains(text, "- Exception (UPS 1ZSBX0010300000047)"));
  CHECK(absl::StrContains(text, "Expected delivery: Friday, 30 January 2026"));
  CHECK(absl::StrContains(text, "Suggested reply (it):"));
  CHECK(absl::StrContains(text, "ciao <b>"));

  const std::string empty = RenderCardFragment(v1::Enrichment(), {.agent_language = "es"});
  CHECK(absl::StrContains(empty, "No se encontró ningún pedido"));
}

TEST_CASE("gorgias: what the integration templates in becomes one lookup, flat widget JSON",
          "[helpdesk]") {
  http::HttpRequest request{.method = "GET",
                            .target =
                                "/integrations/gorgias?email=ada%40example.com&ticket_id=4242&"
                                "tracking_number={{ticket.customer.integrations.tracking}}&"
                                "subject=Where+is+113-5550001-0000001%3F"};
  auto query = gorgias::ParseGorgiasRequest(request);
  REQUIRE_THAT(query.status(), IsOk());
  CHECK(query->tracking_number.empty());  // an unfilled variable is no value
  auto rpc = gorgias::GorgiasEnrichRequest(*query);
  REQUIRE_THAT(rpc.status(), IsOk());
  CHECK(rpc->ticket_id() == "4242");
  CHECK(rpc->text().subject() == "Where is 113-5550001-0000001?");

  query->order_id = "113-5550001-0000001";
  rpc = gorgias::GorgiasEnrichRequest(*query);
  REQUIRE_THAT(rpc.status(), IsOk());
  CHECK(rpc->order().order_id() == "113-5550001-0000001");

  CHECK_THAT(gorgias::GorgiasEnrichRequest(gorgias::GorgiasQuery()).status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "nothing to look up"));

  query->agent_language = "it";
  const boost::json::value widget =
      boost::json::parse(gorgias::GorgiasWidgetJson(SampleEnrichment(), *query));
  CHECK(widget.at("status").as_string() == "Problema");
  CHECK(widget.at("state").as_string() == "EXCEPTION");
  CHECK(widget.at("tracking_number").as_string() == "1ZSBX0010300000047");
  CHECK(widget.at("flags").as_string() == "Problema: address <incomplete>");
  CHECK(widget.at("reply_language").as_string() == "it");
  CHECK(widget.at("shipments").as_array().size() == 1);
  CHECK(widget.at("found").as_bool());
}

TEST_CASE("help scout: the documented POST, drafts, and the {html} answer", "[helpdesk]") {
  const std::string body =
      R"({"ticket":{"id":123456,"number":789,"subject":"Where is my order 113-5550001-0000001?"},)"
      R"("customer":{"id":42,"fname":"Ada","lname":"L","email":"ada@example.com","emails":[]},)"
      R"("user":{"fname":"Sam","lname":"A","id":7,"role":"owner","convRedirect":0},)"
      R"("mailbox":{"id":55,"email":"help@shop.example"}})";
  const std::string signature = Base64Hmac(HmacAlgorithm::kSha1, "test-secret", body);
  CHECK(helpscout::VerifyHelpScoutSignature("test-secret", body, signature));
  CHECK_FALSE(helpscout::VerifyHelpScoutSignature("test-secret", body + " ", signature));
  auto conversation = helpscout::ParseHelpScoutRequest(body);
  REQUIRE_THAT(conversation.status(), IsOk());
  CHECK(conversation->ticket_id == "123456");
  CHECK(conversation->customer_email == "ada@example.com");
  auto rpc = helpscout::HelpScoutEnrichRequest(*conversation);
  REQUIRE(rpc.has_value());
  CHECK(rpc->text().subject() == "Where is my order 113-5550001-0000001?");

  // The shape of the vendor's example: "email" null, the addresses in "emails".
  auto no_primary = helpscout::ParseHelpScoutRequest(
      R"({"ticket":{"id":1,"number":2,"subject":"s"},)"
      R"("customer":{"id":3,"fname":"","lname":"","email":null,"emails":["bo@example.com"]},)"
      R"("mailbox":{"id":5,"email":"help@shop.example"}})");
  REQUIRE_THAT(no_primary.status(), IsOk());
  CHECK(no_primary->customer_email == "bo@example.com");
  CHECK(no_primary->mailbox_id == "5");

  auto draft = helpscout::ParseHelpScoutRequest(R"({"ticket": false, "customer": {}})");
  REQUIRE_THAT(draft.status(), IsOk());
  CHECK_FALSE(helpscout::HelpScoutEnrichRequest(*draft).has_value());
  CHECK_THAT(helpscout::ParseHelpScoutRequest(R"({"ticket": "x"})").status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "ticket must be an object"));
  CHECK_THAT(helpscout::ParseHelpScoutRequest("{").status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "not valid JSON"));

  const boost::json::value answer =
      boost::json::parse(helpscout::HelpScoutAnswer("<p class=\"a\">\"x\"</p>"));
  CHECK(answer.at("html").as_string() == "<p class=\"a\">\"x\"</p>");
}

TEST_CASE("zendesk: timestamped signature, stale and future timestamps, the note request",
          "[helpdesk]") {
  const absl::Time now = absl::FromUnixSeconds(1796412600);  // 2026-12-04T19:30:00Z
  http::HttpRequest request{.method = "POST", .body = R"({"ticket_id":"35436"})"};
  const std::string timestamp = "2026-12-04T19:29:30Z";
  request.headers = {{"X-Zendesk-Webhook-Signature",
                      Base64Hmac(HmacAlgorithm::kSha256, "zs", timestamp + request.body)},
                     {"X-Zendesk-Webhook-Signature-Timestamp", timestamp}};
  CHECK_THAT(zendesk::VerifyZendeskRequest(request, "zs", now, absl::Minutes(5)), IsOk());
  CHECK_THAT(zendesk::VerifyZendeskRequest(request, "other", now, absl::Minutes(5)),
             StatusIs(absl::StatusCode::kUnauthenticated, "does not match"));
  CHECK_THAT(zendesk::VerifyZendeskRequest(request, "zs", now + absl::Minutes(6), absl::Minutes(5)),
             StatusIs(absl::StatusCode::kUnauthenticated, "is stale"));
  CHECK_THAT(zendesk::VerifyZendeskRequest(request, "zs", now - absl::Minutes(6), absl::Minutes(5)),
             StatusIs(absl::StatusCode::kUnauthenticated, "is stale"));
  request.headers[1].second = "1796412590";  // Unix seconds are taken too
  request.headers[0].second =
      Base64Hmac(HmacAlgorithm::kSha256, "zs", request.headers[1].second + request.body);
  CHECK_THAT(zendesk::VerifyZendeskRequest(request, "zs", now, absl::Minutes(5)), IsOk());
  request.headers[1].second = "yesterday";
  CHECK_THAT(zendesk::VerifyZendeskRequest(request, "zs", now, absl::Minutes(5)),
             StatusIs(absl::StatusCode::kUnauthenticated, "is not a time"));

  const v1::Enrichment enrichment = SampleEnrichment();
  CHECK(zendesk::ZendeskTags(enrichment) == std::vector<std::string>{"trackenrich_exception"});
  const http::HttpRequest note = zendesk::ZendeskNoteRequest("35436", "<p>x</p>", "a@b.c", "tok");
  CHECK(note.method == "PUT");
  CHECK(note.target == "/api/v2/tickets/35436.json");
  CHECK(note.Header("Authorization") == "Basic YUBiLmMvdG9rZW46dG9r");  // a@b.c/token:tok
  const boost::json::value body = boost::json::parse(note.body);
  CHECK(body.at("ticket").at("comment").at("public").as_bool() == false);
  CHECK(body.at("ticket").at("comment").at("html_body").as_string() == "<p>x</p>");
  // Tags set through Update Ticket would replace the ticket's own.
  CHECK(body.at("ticket").as_object().if_contains("tags") == nullptr);
  CHECK_FALSE(note.idempotent);

  const http::HttpRequest tags = zendesk::ZendeskTagsRequest(
      "35436", {"trackenrich_exception", "trackenrich_late"}, "a@b.c", "tok");
  CHECK(tags.method == "PUT");
  CHECK(tags.target == "/api/v2/tickets/35436/tags.json");
  CHECK(tags.Header("Authorization") == "Basic YUBiLmMvdG9rZW46dG9r");
  CHECK(boost::json::parse(tags.body) ==
        boost::json::parse(R"({"tags":["trackenrich_exception","trackenrich_late"]})"));
  CHECK(tags.idempotent);

  // The desk sends the note, then the tags; no tags request without flags.
  ZendeskSettings settings;
  settings.email = "a@b.c";
  settings.api_token = "tok";
  settings.tags = true;
  const DeskSpec desk = zendesk::ZendeskDesk(settings, absl::Now);
  const std::vector<http::HttpRequest> requests = desk.note("35436", enrichment);
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].target == "/api/v2/tickets/35436.json");
  CHECK(requests[1].target == "/api/v2/tickets/35436/tags.json");
  CHECK(desk.note("35436", v1::Enrichment()).size() == 1);
  settings.tags = false;
  CHECK(zendesk::ZendeskDesk(settings, absl::Now).note("35436", enrichment).size() == 1);
}

TEST_CASE("freshdesk: shared secret and the private note request, the webhook body", "[helpdesk]") {
  http::HttpRequest request{.method = "POST"};
  CHECK_THAT(freshdesk::VerifyFreshdeskRequest(request, "fs"),
             StatusIs(absl::StatusCode::kUnauthenticated, "is missing"));
  request.headers = {{"X-Trackenrich-Secret", "fs"}};
  CHECK_THAT(freshdesk::VerifyFreshdeskRequest(request, "fs"), IsOk());
  request.headers = {{"X-Trackenrich-Secret", "fs2"}};
  CHECK_THAT(freshdesk::VerifyFreshdeskRequest(request, "fs"),
             StatusIs(absl::StatusCode::kUnauthenticated, "does not match"));

  const http::HttpRequest note = freshdesk::FreshdeskNoteRequest("1042", "<p>x</p>", "key");
  CHECK(note.method == "POST");
  CHECK(note.target == "/api/v2/tickets/1042/notes");
  CHECK(note.Header("Authorization") == "Basic a2V5Olg=");  // key:X
  const boost::json::value body = boost::json::parse(note.body);
  CHECK(body.at("private").as_bool());
  CHECK(body.at("body").as_string() == "<p>x</p>");

  auto webhook = ParseDeskWebhook(
      R"({"ticket_id": 1042, "subject": "{{ticket.subject}}", "description": "1Z?",)"
      R"( "language": "{{ticket.requester.language}}"})");
  REQUIRE_THAT(webhook.status(), IsOk());
  CHECK(webhook->ticket_id == "1042");
  CHECK(webhook->subject.empty());
  CHECK(webhook->language.empty());
  CHECK(DeskEnrichRequest(*webhook).text().body() == "1Z?");
  CHECK_THAT(ParseDeskWebhook(R"({"ticket_id": "12a", "subject": "x"})").status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "ticket_id: must be"));
  CHECK_THAT(ParseDeskWebhook(R"({"ticket_id": 7, "subject": ["x"]})").status(),
             StatusIs(absl::StatusCode::kInvalidArgument, "subject: must be a string"));
}

}  // namespace
}  // namespace trackenrich::integrations
