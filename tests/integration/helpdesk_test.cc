// The public HTTP listener and the help-desk integrations, through the real
// service in sandbox mode: each help desk's request replayed as its
// documentation shows it (headers, body, signature made with a test
// secret), and the bad-request corpus (tests/data/helpdesk/bad_requests.json):
// refused with a 4xx and a clear message before any upstream call.
#include <cstdlib>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/json.hpp"

#include "services/auth/api_key_auth.h"
#include "services/config/service_config.h"
#include "services/integrations/common/signature.h"
#include "tests/support/http_get.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/test_data.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

namespace json = boost::json;
using integrations::Base64Hmac;
using integrations::HmacAlgorithm;
using testing::HttpGetResult;
using testing::HttpSendWithHeaders;

constexpr char kKey[] = "helpdesk-test-key-7f3a";
constexpr char kHelpScoutSecret[] = "helpscout-test-secret-0123456789abcdef";
constexpr char kZendeskSecret[] = "zendesk-test-signing-secret";
constexpr char kFreshdeskSecret[] = "freshdesk-test-shared-secret";

server::ServiceConfig HelpdeskConfig() {
  setenv("TE_TEST_HELPSCOUT_SECRET", kHelpScoutSecret, 1);
  setenv("TE_TEST_TENANT_KEY", kKey, 1);
  setenv("TE_TEST_ZENDESK_SECRET", kZendeskSecret, 1);
  setenv("TE_TEST_FRESHDESK_SECRET", kFreshdeskSecret, 1);
  auto config = server::ParseServiceConfig(absl::StrCat(
      R"({"sandbox": true, "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0",
          "public_http": {"listen": "127.0.0.1:0", "max_body_bytes": 65536,
                          "request_timeout": "5s"},
          "helpdesks": {"helpscout": {"secret_key": {"env": "TE_TEST_HELPSCOUT_SECRET"},
                                      "tenant": "acme",
                                      "tenant_api_key": {"env": "TE_TEST_TENANT_KEY"}},
                        "zendesk": {"signing_secret": {"env": "TE_TEST_ZENDESK_SECRET"},
                                    "tenant": "acme",
                                    "tenant_api_key": {"env": "TE_TEST_TENANT_KEY"},
                                    "max_attempts": 3, "first_backoff": "50ms",
                                    "max_backoff": "200ms"},
                        "freshdesk": {"shared_secret": {"env": "TE_TEST_FRESHDESK_SECRET"},
                                      "tenant": "acme",
                                      "tenant_api_key": {"env": "TE_TEST_TENANT_KEY"},
                                      "max_attempts": 3, "first_backoff": "50ms"}},
          "tenants": {"acme": {"api_keys": [")",
      auth::HashApiKey(kKey), R"("]}}, "auth": {"required": true}})"));
  if (!config.ok()) FAIL(config.status().ToString());
  return *config;
}

HttpGetResult Send(uint16_t port, const std::string& method, const std::string& target,
                   const std::string& body,
                   std::vector<std::pair<std::string, std::string>> headers) {
  return HttpSendWithHeaders(port, method, target, body, headers);
}

// The headers Zendesk sends for `body`, signed `age` ago.
std::vector<std::pair<std::string, std::string>> ZendeskHeaders(const std::string& body,
                                                                absl::Duration age,
                                                                const std::string& secret) {
  const std::string timestamp =
      absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now() - age, absl::UTCTimeZone());
  return {
      {"Content-Type", "application/json"},
      {"X-Zendesk-Webhook-Signature", Base64Hmac(HmacAlgorithm::kSha256, secret, timestamp + body)},
      {"X-Zendesk-Webhook-Signature-Timestamp", timestamp}};
}

// The notes the sandbox's help-desk fakes recorded.
json::array Notes(uint16_t sandbox) {
  const HttpGetResult notes = testing::HttpGet(sandbox, "/__sandbox/helpdesk/notes");
  REQUIRE(notes.status == 200);
  return json::parse(notes.body).at("notes").as_array();
}

// Waits (up to 10 s) until the fakes hold `count` notes; returns them.
json::array WaitForNotes(uint16_t sandbox, size_t count) {
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  json::array notes = Notes(sandbox);
  while (notes.size() < count && absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(20));
    notes = Notes(sandbox);
  }
  return notes;
}

// The value of one metric line on the admin port ("name{labels}"), 0 if absent.
double Metric(uint16_t admin, const std::string& series) {
  const HttpGetResult metrics = testing::HttpGet(admin, "/metrics");
  const size_t at = metrics.body.find(series + " ");
  double value = 0;
  if (at != std::string::npos) {
    const size_t start = at + series.size() + 1;
    (void)absl::SimpleAtod(metrics.body.substr(start, metrics.body.find('\n', start) - start),
                           &value);
  }
  return value;
}

TEST_CASE("public listener: off unless configured; gateway on both ports", "[helpdesk]") {
  testing::TestServer plain;
  CHECK(plain.server().http_port() == 0);

  testing::TestServer server(HelpdeskConfig());
  const uint16_t port = server.server().http_port();
  REQUIRE(port != 0);
  const std::string body = R"({"shipment":{"trackingNumber":"1ZSBX0010300000010"}})";
  const HttpGetResult public_answer =
      Send(port, "POST", "/v1/TrackShipment", body, {{"X-Api-Key", kKey}});
  CHECK(public_answer.status == 200);
  CHECK(absl::StrContains(public_answer.body, "SHIPMENT_STATE_DELIVERED"));
  CHECK_FALSE(public_answer.Header("X-Request-Id").empty());
  const HttpGetResult admin_answer =
      Send(server.server().admin_port(), "POST", "/v1/TrackShipment", body, {{"X-Api-Key", kKey}});
  CHECK(admin_answer.status == 200);
  // Health, readiness and metrics stay on the admin port.
  for (const char* internal : {"/healthz", "/readyz", "/metrics"}) {
    CAPTURE(internal);
    CHECK(Send(port, "GET", internal, "", {{"X-Api-Key", kKey}}).status == 404);
  }
}

TEST_CASE("zero-config sandbox: /card and /openapi.json on the public listener, no key",
          "[helpdesk]") {
  server::ServiceConfig config = testing::SandboxConfig();
  config.integrations.http.listen = "127.0.0.1:0";
  testing::TestServer server(config);
  const uint16_t port = server.server().http_port();
  const HttpGetResult card = Send(port, "GET", "/card?tracking_number=1ZSBX0010300000010", "", {});
  CHECK(card.status == 200);
  CHECK(absl::StrContains(card.body, "data-state=\"DELIVERED\""));
  const HttpGetResult openapi = Send(port, "GET", "/openapi.json", "", {});
  REQUIRE(openapi.status == 200);
  const json::value document = json::parse(openapi.body);
  CHECK(document.at("swagger").as_string() == "2.0");
  for (const char* route :
       {"/v1/EnrichTicket", "/v1/GetOrderTracking", "/v1/BatchGetOrderTracking",
        "/v1/TrackShipment", "/v1/BatchTrackShipments", "/v1/DetectCarrier", "/v1/RenderReply"}) {
    CAPTURE(route);
    CHECK(document.at("paths").as_object().contains(route));
  }
  CHECK(document.at("definitions").as_object().contains("v1Shipment"));
}

TEST_CASE("card: the page for a tracking number and for an order", "[helpdesk]") {
  testing::TestServer server(HelpdeskConfig());
  const uint16_t port = server.server().http_port();
  HttpGetResult page =
      Send(port, "GET", "/card?tracking_number=1ZSBX0010300000047&language=it&agent_language=de",
           "", {{"X-Api-Key", kKey}});
  REQUIRE(page.status == 200);
  CHECK(absl::StartsWith(page.Header("Content-Type"), "text/html"));
  CHECK(absl::StrContains(page.Header("Content-Security-Policy"), "default-src 'none'"));
  CHECK(absl::StrContains(page.body, "data-state=\"EXCEPTION\""));
  CHECK(absl::StrContains(page.body, ">Problem</h2>"));
  CHECK(absl::StrContains(page.body, "https://www.ups.com/track?tracknum=1ZSBX0010300000047"));
  CHECK(absl::StrContains(page.body, "data-flag=\"EXCEPTION\""));
  CHECK(absl::StrContains(page.body, "<blockquote lang=\"it\">"));
  CHECK_FALSE(absl::StrContains(page.body, "<script"));

  page = Send(port, "GET", "/card?order_id=113-5550001-0000001", "", {{"X-Api-Key", kKey}});
  REQUIRE(page.status == 200);
  CHECK(absl::StrContains(page.body, "1ZSBX0010300000029"));
  CHECK(absl::StrContains(page.body, "777100000025"));

  page =
      Send(port, "GET", "/card?order_id=MCF-SANDBOX-1&channel=shopify", "", {{"X-Api-Key", kKey}});
  REQUIRE(page.status == 200);
  CHECK(absl::StrContains(page.body, "data-state=\"DELIVERED\""));
  CHECK(absl::StrContains(page.body, "data-state=\"DELAYED\""));

  // Not found is an answer: the card says so and names the number.
  page = Send(port, "GET", "/card?tracking_number=1ZSBX0010300000074", "", {{"X-Api-Key", kKey}});
  REQUIRE(page.status == 200);
  CHECK(absl::StrContains(page.body, "class=\"te-errors\""));
  CHECK(absl::StrContains(page.body, "1ZSBX0010300000074"));
}

TEST_CASE("gorgias: the documented HTTP integration request, GET and POST", "[helpdesk]") {
  testing::TestServer server(HelpdeskConfig());
  const uint16_t port = server.server().http_port();
  // As the integration object shows it: url with {{ticket.customer.email}},
  // the "x-api-key" custom header, and a JSON form with {{ticket.id}} filled.
  HttpGetResult answer = Send(port, "GET",
                              "/integrations/gorgias?email=ada%40example.com&ticket_id=4242"
                              "&order_id=113-5550003-0000003",
                              "", {{"x-api-key", kKey}});
  REQUIRE(answer.status == 200);
  json::value widget = json::parse(answer.body);
  CHECK(widget.at("ticket_id").as_string() == "4242");
  CHECK(widget.at("order_id").as_string() == "113-5550003-0000003");
  CHECK(absl::StrContains(std::string(widget.at("next_action").as_string()), "Amazon"));

  answer = Send(port, "POST", "/integrations/gorgias",
                R"({"ticket_id": "4243", "email": "ada@example.com",
                    "subject": "Package?", "message": "Hi, where is 1ZSBX0010300000056 please",
                    "language": "fr", "agent_language": "es"})",
                {{"x-api-key", kKey}, {"Content-Type", "application/json"}});
  REQUIRE(answer.status == 200);
  widget = json::parse(answer.body);
  CHECK(widget.at("tracking_number").as_string() == "1ZSBX0010300000056");
  CHECK(widget.at("status").as_string() == "Retrasado");
  CHECK(widget.at("reply_language").as_string() == "fr");
  CHECK_FALSE(widget.at("reply").as_string().empty());
}

TEST_CASE("help scout: the documented signed POST answers {html} with the card", "[helpdesk]") {
  testing::TestServer server(HelpdeskConfig());
  const uint16_t port = server.server().http_port();
  const std::string body =
      R"({"ticket":{"id":123456,"number":789,"subject":"Where is my order 113-5550001-0000001?"},)"
      R"("customer":{"id":42,"fname":"Ada","lname":"Lovelace","email":"ada@example.com",)"
      R"("emails":["ada@example.com"]},"user":{"fname":"Sam","lname":"Agent","id":7,)"
      R"("role":"owner","convRedirect":0},"mailbox":{"id":55,"email":"help@shop.example"}})";
  const HttpGetResult answer =
      Send(port, "POST", "/integrations/helpscout", body,
           {{"X-HelpScout-Signature", Base64Hmac(HmacAlgorithm::kSha1, kHelpScoutSecret, body)},
            {"Content-Type", "application/json"}});
  REQUIRE(answer.status == 200);
  const json::value html = json::parse(answer.body);
  const std::string card(html.at("html").as_string());
  CHECK(absl::StartsWith(card, "<section class=\"te-card\""));
  CHECK(absl::StrContains(card, "In transit"));
  CHECK(absl::StrContains(card, "1ZSBX0010300000029"));
  CHECK(absl::StrContains(card, "777100000025"));
  CHECK_FALSE(absl::StrContains(card, "<script"));

  // A draft conversation (ticket false) gets the empty card, without a lookup.
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const int64_t before = testing::SandboxRequestTotal(sandbox);
  const std::string draft = R"({"ticket":false,"customer":{"id":42}})";
  const HttpGetResult empty =
      Send(port, "POST", "/integrations/helpscout", draft,
           {{"X-HelpScout-Signature", Base64Hmac(HmacAlgorithm::kSha1, kHelpScoutSecret, draft)}});
  CHECK(empty.status == 200);
  CHECK(absl::StrContains(empty.body, "No order or shipment found"));
  CHECK(testing::SandboxRequestTotal(sandbox) == before);
}

TEST_CASE("zendesk: the documented signed webhook, 3 deliveries -> 1 internal note with tags",
          "[helpdesk]") {
  testing::TestServer server(HelpdeskConfig());
  const uint16_t port = server.server().http_port();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  // The body the README's trigger sends ({{ticket.id}} etc. filled in).
  const std::string body = R"({"ticket_id": "35436", "subject": "Where is my parcel?",)"
                           R"( "description": "Hello, tracking 1ZSBX0010300000047 has not moved.",)"
                           R"( "requester_email": "ada@example.com", "language": "de"})";
  for (int delivery = 0; delivery < 3; ++delivery) {
    const HttpGetResult answer = Send(port, "POST", "/integrations/zendesk", body,
                                      ZendeskHeaders(body, absl::Seconds(1), kZendeskSecret));
    CHECK(answer.status == 202);
    CHECK(absl::StrContains(answer.body, "\"ticket_id\":\"35436\""));
  }
  json::array notes = WaitForNotes(sandbox, 1);
  const absl::Time settle = absl::Now() + absl::Milliseconds(500);
  while (absl::Now() < settle &&
         Metric(server.server().admin_port(),
                R"(trackenrich_helpdesk_writebacks_total{desk="zendesk",outcome="duplicate"})") <
             2) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  notes = Notes(sandbox);
  REQUIRE(notes.size() == 1);
  const json::object& note = notes[0].as_object();
  CHECK(note.at("desk").as_string() == "zendesk");
  CHECK(note.at("ticket_id").as_string() == "35436");
  CHECK(note.at("private").as_bool());
  const std::string html(note.at("body").as_string());
  CHECK(absl::StrContains(html, "data-state=\"EXCEPTION\""));
  CHECK(absl::StrContains(html, "<blockquote lang=\"de\">"));
  REQUIRE(note.at("tags").as_array().size() == 1);
  CHECK(note.at("tags").as_array()[0].as_string() == "trackenrich_exception");
  CHECK(Metric(server.server().admin_port(),
               R"(trackenrich_helpdesk_writebacks_total{desk="zendesk",outcome="duplicate"})") ==
        2);
}

TEST_CASE("freshdesk: the trigger webhook with its shared secret -> 1 private note", "[helpdesk]") {
  testing::TestServer server(HelpdeskConfig());
  const uint16_t port = server.server().http_port();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const std::string body =
      R"({"ticket_id": 1042, "subject": "Order 113-5550001-0000001",)"
      R"( "description": "<div>Where is it?</div>", "requester_email": "ada@example.com"})";
  for (int delivery = 0; delivery < 3; ++delivery) {
    CHECK(Send(port, "POST", "/integrations/freshdesk", body,
               {{"Content-Type", "application/json"}, {"X-Trackenrich-Secret", kFreshdeskSecret}})
              .status == 202);
  }
  WaitForNotes(sandbox, 1);
  absl::SleepFor(absl::Milliseconds(300));
  const json::array notes = Notes(sandbox);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].at("desk").as_string() == "freshdesk");
  CHECK(notes[0].at("ticket_id").as_string() == "1042");
  CHECK(notes[0].at("private").as_bool());
  CHECK(absl::StrContains(std::string(notes[0].at("body").as_string()), "777100000025"));
}

TEST_CASE("zendesk: API down for a while -> the note after recovery; down for good -> dead letter",
          "[helpdesk]") {
  testing::TestServer server(HelpdeskConfig());
  const uint16_t port = server.server().http_port();
  const uint16_t admin = server.server().admin_port();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  REQUIRE(testing::InjectSandboxFault(
      sandbox, R"({"path":"/zendesk/","kind":"status","status":503,"times":2})"));
  const std::string body = R"({"ticket_id": "501", "subject": "1ZSBX0010300000029?"})";
  REQUIRE(Send(port, "POST", "/integrations/zendesk", body,
               ZendeskHeaders(body, absl::ZeroDuration(), kZendeskSecret))
              .status == 202);
  json::array notes = WaitForNotes(sandbox, 1);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].at("ticket_id").as_string() == "501");
  CHECK(Metric(admin,
               R"(trackenrich_helpdesk_writebacks_total{desk="zendesk",outcome="retried"})") == 2);

  REQUIRE(testing::InjectSandboxFault(
      sandbox, R"({"path":"/zendesk/","kind":"status","status":503,"times":100})"));
  const std::string lost = R"({"ticket_id": "502", "subject": "1ZSBX0010300000038?"})";
  REQUIRE(Send(port, "POST", "/integrations/zendesk", lost,
               ZendeskHeaders(lost, absl::ZeroDuration(), kZendeskSecret))
              .status == 202);
  const std::string dead =
      R"(trackenrich_helpdesk_writebacks_total{desk="zendesk",outcome="dead_letter"})";
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  while (Metric(admin, dead) < 1 && absl::Now() < give_up) absl::SleepFor(absl::Milliseconds(20));
  CHECK(Metric(admin, dead) == 1);
  CHECK(Notes(sandbox).size() == 1);
}

TEST_CASE("zendesk: the tags request failing for good leaves the note, one dead letter, no repeat",
          "[helpdesk]") {
  testing::TestServer server(HelpdeskConfig());
  const uint16_t port = server.server().http_port();
  const uint16_t admin = server.server().admin_port();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  REQUIRE(testing::InjectSandboxFault(
      sandbox,
      R"({"path":"/zendesk/api/v2/tickets/601/tags","kind":"status","status":422,"times":100})"));
  const std::string body = R"({"ticket_id": "601", "subject": "1ZSBX0010300000047 stuck?"})";
  const std::string dead =
      R"(trackenrich_helpdesk_writebacks_total{desk="zendesk",outcome="dead_letter"})";
  for (int delivery = 0; delivery < 2; ++delivery) {
    REQUIRE(Send(port, "POST", "/integrations/zendesk", body,
                 ZendeskHeaders(body, absl::ZeroDuration(), kZendeskSecret))
                .status == 202);
    const absl::Time give_up = absl::Now() + absl::Seconds(10);
    while (Metric(admin, dead) < 1 && absl::Now() < give_up) {
      absl::SleepFor(absl::Milliseconds(20));
    }
  }
  const std::string duplicate =
      R"(trackenrich_helpdesk_writebacks_total{desk="zendesk",outcome="duplicate"})";
  const absl::Time settle = absl::Now() + absl::Seconds(5);
  while (Metric(admin, duplicate) < 1 && absl::Now() < settle) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  // The note is on the ticket; its claim holds, so the redelivery is a duplicate.
  const json::array notes = Notes(sandbox);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].at("ticket_id").as_string() == "601");
  CHECK(notes[0].at("tags").as_array().empty());
  CHECK(Metric(admin, dead) == 1);
  CHECK(Metric(admin, duplicate) == 1);
  CHECK(Metric(admin,
               R"(trackenrich_helpdesk_writebacks_total{desk="zendesk",outcome="written"})") == 0);
}

TEST_CASE("help desk bad-request corpus: 4xx with a clear message, no upstream call",
          "[helpdesk]") {
  testing::TestServer server(HelpdeskConfig());
  const uint16_t port = server.server().http_port();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const json::value corpus =
      json::parse(testing::ReadFile(testing::TestData("helpdesk/bad_requests.json")));
  const int64_t before = testing::SandboxRequestTotal(sandbox);
  REQUIRE(before >= 0);
  int checked = 0;
  for (const json::value& entry : corpus.at("requests").as_array()) {
    const json::object& bad = entry.as_object();
    auto field = [&](const char* name) {
      const json::value* value = bad.if_contains(name);
      return value == nullptr ? std::string() : std::string(value->as_string());
    };
    CAPTURE(field("what"));
    const std::string body = testing::ExpandRepeats(field("body"));
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/json"}};
    if (field("key") == "good") headers.emplace_back("X-Api-Key", kKey);
    if (field("key") == "bad") headers.emplace_back("X-Api-Key", "not-a-key-of-anyone");
    const std::string sign = field("sign");
    const std::string target = field("target");
    if (absl::StrContains(target, "helpscout") && (sign == "good" || sign == "bad")) {
      headers.emplace_back(
          "X-HelpScout-Signature",
          Base64Hmac(HmacAlgorithm::kSha1, sign == "good" ? kHelpScoutSecret : "another", body));
    }
    if (absl::StrContains(target, "zendesk") && sign != "none") {
      for (auto& header :
           ZendeskHeaders(body, sign == "stale" ? absl::Hours(1) : absl::ZeroDuration(),
                          sign == "bad" ? "another" : kZendeskSecret)) {
        headers.push_back(std::move(header));
      }
    }
    if (absl::StrContains(target, "freshdesk") && sign != "none") {
      headers.emplace_back("X-Trackenrich-Secret", sign == "good" ? kFreshdeskSecret : "another");
    }
    const HttpGetResult answer = Send(port, field("method"), field("target"), body, headers);
    CHECK(answer.status == bad.at("status").as_int64());
    CHECK(absl::StrContains(answer.body, field("message")));
    ++checked;
  }
  CHECK(checked >= 31);
  absl::SleepFor(absl::Milliseconds(200));
  CHECK(testing::SandboxRequestTotal(sandbox) == before);
  CHECK(Notes(sandbox).empty());
}

}  // namespace
}  // namespace trackenrich
