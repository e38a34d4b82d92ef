#include "services/integrations/public_api.h"

#include <functional>
#include <utility>

#include <openssl/rand.h>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

#include "services/auth/api_key_auth.h"
#include "services/gateway/json_gateway.h"
#include "services/integrations/card/agent_card.h"
#include "services/integrations/common/enrich_client.h"
#include "services/integrations/common/note_write_back.h"
#include "services/integrations/common/request_fields.h"
#include "services/integrations/freshdesk/freshdesk.h"
#include "services/integrations/gorgias/gorgias.h"
#include "services/integrations/helpscout/helpscout.h"
#include "services/integrations/zendesk/zendesk.h"
#include "services/logging/structured_log.h"

namespace trackenrich::integrations {
namespace {

using server::HttpServer;

HttpServer::Reply Answer(int status, absl::string_view content_type, std::string body) {
  HttpServer::Reply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", std::string(content_type));
  reply.response.headers.emplace_back("Cache-Control", "no-store");
  reply.response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  reply.response.body = std::move(body);
  return reply;
}

HttpServer::Reply JsonAnswer(int status, std::string body) {
  body += "\n";
  return Answer(status, "application/json", std::move(body));
}

HttpServer::Reply ErrorAnswer(const absl::Status& status) {
  const auto code = static_cast<grpc::StatusCode>(status.code());
  return JsonAnswer(
      server::HttpStatusFor(code),
      absl::StrCat("{\"code\":\"", absl::StatusCodeToString(status.code()), "\",\"message\":\"",
                   logging::JsonEscape(status.message()), "\"}"));
}

std::string NewRequestId() {
  unsigned char bytes[8];
  RAND_bytes(bytes, sizeof(bytes));
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<char*>(bytes), sizeof(bytes)));
}

// A caller's request ID is kept when it is short and plain.
std::string RequestIdOf(const http::HttpRequest& request) {
  const absl::string_view given = request.Header("x-request-id");
  if (!given.empty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
        return absl::ascii_isalnum(c) || c == '-' || c == '_';
      })) {
    return std::string(given);
  }
  return NewRequestId();
}

// One exchange on the listener: answers once, and logs the line.
class Exchange {
 public:
  Exchange(const http::HttpRequest& request, HttpServer::ReplyCallback reply)
      : reply_(std::make_shared<HttpServer::ReplyCallback>(std::move(reply))),
        record_(std::make_shared<logging::HttpLogRecord>()),
        start_(absl::Now()) {
    record_->request_id = RequestIdOf(request);
    record_->method = request.method;
    record_->route = std::string(TargetPath(request.target));
    if (record_->route.size() > 80) record_->route.resize(80);
  }

  logging::HttpLogRecord& record() { return *record_; }
  const std::string& request_id() const { return record_->request_id; }

  // The function that answers; copyable, callable from any thread, once.
  std::function<void(HttpServer::Reply)> Responder() const {
    return [reply = reply_, record = record_, start = start_](HttpServer::Reply answer) {
      record->status = answer.response.status;
      record->latency_ms = absl::ToDoubleMilliseconds(absl::Now() - start);
      if (answer.response.status >= 400 && record->message.empty()) {
        record->message = answer.response.body.substr(0, 200);
        while (!record->message.empty() && record->message.back() == '\n') {
          record->message.pop_back();
        }
      }
      answer.response.headers.emplace_back("X-Request-Id", record->request_id);
      logging::LogHttp(*record);
      (*reply)(std::move(answer));
    };
  }

 private:
  std::shared_ptr<HttpServer::ReplyCallback> reply_;
  std::shared_ptr<logging::HttpLogRecord> record_;
  absl::Time start_;
};

}  // namespace

struct PublicApi::Impl {
  explicit Impl(PublicApiDeps deps_in) : deps(std::move(deps_in)), client(deps.channel) {
    const IntegrationSettings& settings = deps.settings;
    if (settings.zendesk.configured) {
      ZendeskSettings zendesk = settings.zendesk;
      if (zendesk.base_url.empty()) {
        zendesk.base_url = absl::StrCat(deps.sandbox_url, "/zendesk");
        zendesk.email = "sandbox@trackenrich.test";
        zendesk.api_token = "sandbox-token";
      }
      zendesk_writer = MakeWriter(zendesk::ZendeskDesk(zendesk, absl::Now), zendesk.base_url,
                                  zendesk.write_back, zendesk.identity);
    }
    if (settings.freshdesk.configured) {
      FreshdeskSettings freshdesk = settings.freshdesk;
      if (freshdesk.base_url.empty()) {
        freshdesk.base_url = absl::StrCat(deps.sandbox_url, "/freshdesk");
        freshdesk.api_key = "sandbox-key";
      }
      freshdesk_writer = MakeWriter(freshdesk::FreshdeskDesk(freshdesk), freshdesk.base_url,
                                    freshdesk.write_back, freshdesk.identity);
    }
  }

  // Null (the desk answers 404, and the log says why) when the base URL
  // does not parse or no HTTP client is given.
  std::unique_ptr<WriteBackNoteWriter> MakeWriter(DeskSpec spec, const std::string& base_url,
                                                  const WriteBackPolicy& policy,
                                                  const DeskIdentity& identity) {
    auto endpoint = http::ParseEndpoint(base_url);
    if (!endpoint.ok() || deps.http == nullptr) {
      spdlog::error("helpdesks.{}: cannot write notes to {}: {}", spec.name, base_url,
                    endpoint.ok() ? "no HTTP client" : endpoint.status().ToString());
      return nullptr;
    }
    endpoint->name = spec.name;
    // Pooled connections are shared by scheme, host and port, so the path
    // prefix travels in each request's target rather than in the endpoint.
    std::string path_prefix = std::move(endpoint->base_path);
    endpoint->base_path.clear();
    return std::make_unique<WriteBackNoteWriter>(
        std::move(spec), WriteBackDeps{.enrich = &client,
                                       .http = deps.http,
                                       .endpoint = *std::move(endpoint),
                                       .path_prefix = std::move(path_prefix),
                                       .policy = policy,
                                       .identity = identity,
                                       .lookup_timeout = deps.settings.http.request_timeout,
                                       .metrics = deps.metrics,
                                       .redis = deps.redis});
  }

  // The tenant of a key-authenticated route, or the error to answer.
  absl::StatusOr<std::string> Authenticate(const http::HttpRequest& request) const {
    const absl::string_view key =
        auth::ApiKeyFromHeaders(request.Header("x-api-key"), request.Header("authorization"));
    if (deps.auth == nullptr) return std::string(auth::kDefaultTenant);
    auto tenant = deps.auth->Authenticate(key, request.Header("x-tenant"));
    if (!tenant.ok() && key.empty()) {
      return absl::UnauthenticatedError(
          "an API key is required: send it in the X-Api-Key header (or Authorization: Bearer)");
    }
    return tenant;
  }

  // The lookup as the caller of a key-authenticated route.
  EnrichCall CallerLookup(const http::HttpRequest& request, const Exchange& exchange,
                          v1::EnrichTicketRequest rpc) const {
    return {.request = std::move(rpc),
            .api_key = std::string(auth::ApiKeyFromHeaders(request.Header("x-api-key"),
                                                           request.Header("authorization"))),
            .tenant = std::string(request.Header("x-tenant")),
            .request_id = exchange.request_id(),
            .timeout = deps.settings.http.request_timeout};
  }

  void Card(const http::HttpRequest& request, Exchange& exchange,
            std::function<void(HttpServer::Reply)> respond) {
    if (request.method != "GET") return respond(MethodNotAllowed("GET"));
    auto parameters = RequestParameters(request);
    if (!parameters.ok()) return respond(ErrorAnswer(parameters.status()));
    auto get = [&](const char* name) {
      auto it = parameters->find(name);
      return it == parameters->end() ? std::string() : it->second;
    };
    v1::EnrichTicketRequest rpc;
    rpc.set_language(get("language"));
    rpc.set_ticket_id(get("ticket_id"));
    if (!get("tracking_number").empty()) {
      rpc.mutable_shipment()->set_tracking_number(get("tracking_number"));
    } else if (!get("order_id").empty()) {
      auto order = OrderRefFrom(get("order_id"), get("channel"), get("marketplace_id"));
      if (!order.ok()) return respond(ErrorAnswer(order.status()));
      *rpc.mutable_order() = *std::move(order);
    } else if (!get("text").empty()) {
      rpc.mutable_text()->set_body(get("text"));
    } else {
      return respond(ErrorAnswer(
          absl::InvalidArgumentError("tracking_number, order_id or text is required, e.g. "
                                     "/card?tracking_number=1ZSBX0010300000010")));
    }
    CardOptions options;
    if (!get("agent_language").empty()) options.agent_language = get("agent_language");
    client.Enrich(CallerLookup(request, exchange, std::move(rpc)),
                  [respond, options](absl::StatusOr<v1::EnrichTicketResponse> answer) {
                    if (!answer.ok()) return respond(ErrorAnswer(answer.status()));
                    HttpServer::Reply page = Answer(200, "text/html; charset=utf-8",
                                                    RenderCardPage(answer->enrichment(), options));
                    // No script may run, nothing is fetched; help desks may frame it.
                    page.response.headers.emplace_back(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                        "form-action 'none'");
                    page.response.headers.emplace_back("Referrer-Policy", "no-referrer");
                    respond(std::move(page));
                  });
  }

  void Gorgias(const http::HttpRequest& request, Exchange& exchange,
               std::function<void(HttpServer::Reply)> respond) {
    if (request.method != "GET" && request.method != "POST" && request.method != "PUT") {
      return respond(MethodNotAllowed("GET, POST, PUT"));
    }
    auto query = gorgias::ParseGorgiasRequest(request);
    if (!query.ok()) return respond(ErrorAnswer(query.status()));
    exchange.record().ticket_id = query->ticket_id;
    auto rpc = gorgias::GorgiasEnrichRequest(*query);
    if (!rpc.ok()) return respond(ErrorAnswer(rpc.status()));
    client.Enrich(
        CallerLookup(request, exchange, *std::move(rpc)),
        [respond, query = *query](absl::StatusOr<v1::EnrichTicketResponse> answer) {
          if (!answer.ok()) return respond(ErrorAnswer(answer.status()));
          respond(JsonAnswer(200, gorgias::GorgiasWidgetJson(answer->enrichment(), query)));
        });
  }

  void HelpScout(const http::HttpRequest& request, Exchange& exchange,
                 std::function<void(HttpServer::Reply)> respond) {
    const HelpScoutSettings& settings = deps.settings.helpscout;
    if (!settings.configured) {
      return respond(ErrorAnswer(
          absl::NotFoundError("Help Scout is not configured (helpdesks.helpscout.secret_key)")));
    }
    if (request.method != "POST") return respond(MethodNotAllowed("POST"));
    exchange.record().tenant = settings.identity.tenant;
    if (request.Header(helpscout::kSignatureHeader).empty()) {
      return respond(ErrorAnswer(absl::UnauthenticatedError("X-HelpScout-Signature is missing")));
    }
    if (!helpscout::VerifyHelpScoutSignature(settings.secret_key, request.body,
                                             request.Header(helpscout::kSignatureHeader))) {
      return respond(ErrorAnswer(absl::UnauthenticatedError(
          "X-HelpScout-Signature does not match the body (check the app's secret key)")));
    }
    auto conversation = helpscout::ParseHelpScoutRequest(request.body);
    if (!conversation.ok()) return respond(ErrorAnswer(conversation.status()));
    exchange.record().ticket_id = conversation->ticket_id;
    CardOptions options{.agent_language = settings.identity.agent_language, .heading_level = 4};
    auto rpc = helpscout::HelpScoutEnrichRequest(*conversation);
    if (!rpc.has_value()) {
      return respond(JsonAnswer(
          200, helpscout::HelpScoutAnswer(RenderCardFragment(v1::Enrichment(), options))));
    }
    client.Enrich(DeskLookup(settings.identity, exchange, *std::move(rpc)),
                  [respond, options](absl::StatusOr<v1::EnrichTicketResponse> answer) {
                    if (!answer.ok()) return respond(ErrorAnswer(answer.status()));
                    respond(JsonAnswer(200, helpscout::HelpScoutAnswer(RenderCardFragment(
                                                answer->enrichment(), options))));
                  });
  }

  EnrichCall DeskLookup(const DeskIdentity& identity, const Exchange& exchange,
                        v1::EnrichTicketRequest rpc) const {
    return {.request = std::move(rpc),
            .api_key = identity.tenant_api_key,
            .tenant = identity.tenant_api_key.empty() ? "" : identity.tenant,
            .request_id = exchange.request_id(),
            .timeout = deps.settings.http.request_timeout};
  }

  static HttpServer::Reply MethodNotAllowed(absl::string_view allowed) {
    HttpServer::Reply reply =
        JsonAnswer(405, absl::StrCat("{\"code\":\"UNIMPLEMENTED\",\"message\":\"this route takes ",
                                     allowed, "\"}"));
    reply.response.headers.emplace_back("Allow", std::string(allowed));
    return reply;
  }

  PublicApiDeps deps;
  EnrichClient client;
  std::unique_ptr<WriteBackNoteWriter> zendesk_writer;
  std::unique_ptr<WriteBackNoteWriter> freshdesk_writer;
};

PublicApi::PublicApi(PublicApiDeps deps) : impl_(std::make_unique<Impl>(std::move(deps))) {}

PublicApi::~PublicApi() = default;

void PublicApi::Handle(const http::HttpRequest& request, HttpServer::ReplyCallback reply) {
  Exchange exchange(request, std::move(reply));
  auto respond = exchange.Responder();
  const absl::string_view path = TargetPath(request.target);
  Impl& s = *impl_;

  // Signed by the help desk itself.
  if (path == "/integrations/helpscout") return s.HelpScout(request, exchange, respond);
  if (path == "/integrations/zendesk" || path == "/integrations/freshdesk") {
    NoteWriter* writer =
        path == "/integrations/zendesk" ? s.zendesk_writer.get() : s.freshdesk_writer.get();
    if (writer == nullptr) {
      return respond(ErrorAnswer(absl::NotFoundError(
          absl::StrCat(path.substr(14), " is not configured (helpdesks.", path.substr(14), ")"))));
    }
    if (request.method != "POST") return respond(Impl::MethodNotAllowed("POST"));
    return writer->Accept(request, exchange.record(), respond);
  }

  // The caller's API key.
  auto tenant = s.Authenticate(request);
  if (!tenant.ok()) return respond(ErrorAnswer(tenant.status()));
  exchange.record().tenant = *tenant;
  if (absl::StartsWith(path, "/v1/")) {
    if (s.deps.gateway == nullptr) {
      return respond(ErrorAnswer(absl::NotFoundError("the JSON gateway is not served here")));
    }
    return s.deps.gateway->Handle(request, respond);
  }
  if (path == "/card") return s.Card(request, exchange, respond);
  if (path == "/integrations/gorgias") return s.Gorgias(request, exchange, respond);
  if (path == "/openapi.json" && !s.deps.openapi_json.empty()) {
    if (request.method != "GET") return respond(Impl::MethodNotAllowed("GET"));
    return respond(Answer(200, "application/json", s.deps.openapi_json));
  }
  respond(ErrorAnswer(absl::NotFoundError(absl::StrCat(
      "no route ", path,
      "; routes: POST /v1/<Method>, GET /card, /integrations/gorgias, /integrations/helpscout, "
      "/integrations/zendesk, /integrations/freshdesk, GET /openapi.json"))));
}

}  // namespace trackenrich::integrations
