// PublicApi: the routes of the public HTTP listener (`public_http.listen`,
// `--http_listen`), apart from the admin port, which keeps health, readiness
// and metrics:
//
//   POST /v1/<Method>              the JSON gateway (services/gateway)
//   GET  /card?tracking_number=... the agent card as an HTML page (also
//        order_id= with channel= and marketplace_id=, or text=; language= the
//        buyer's, agent_language= the labels')
//   GET|POST /integrations/gorgias  flat JSON for a Gorgias sidebar widget
//   POST /integrations/helpscout   a Help Scout dynamic app: {"html": card}
//   POST /integrations/zendesk     a Zendesk webhook: 202, note written back
//   POST /integrations/freshdesk   a Freshdesk webhook: 202, note written back
//   GET  /openapi.json             the JSON gateway's OpenAPI document
//
// Every route is authenticated: the routes an outside caller configures
// with headers (/v1/, /card, Gorgias, /openapi.json) take the tenant's API
// key (X-Api-Key or Authorization: Bearer), or none while API keys are not
// required (the zero-config sandbox serves tenant "default"); Help Scout,
// Zendesk and Freshdesk are verified by their signature or shared secret
// and run as their configured tenant. Bodies are capped by the listener
// (413), every lookup is bounded by public_http.request_timeout, and each
// request leaves one {"event":"http"} log line (services/logging).
// Errors are {"code": "INVALID_ARGUMENT", "message": "..."} with the HTTP
// status of services/gateway's HttpStatusFor.
//
//   PublicApi api({.gateway = gateway.get(), .channel = channel, .auth = auth.get(), ...});
//   HttpServer server(io, HttpServer::AsyncHandler([&](auto& r, auto reply) {
//     api.Handle(r, std::move(reply)); }), options);
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_PUBLIC_API_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_PUBLIC_API_H_

#include <memory>
#include <string>

#include "services/http/http_server.h"
#include "services/integrations/integration_settings.h"

namespace grpc {
class Channel;
}  // namespace grpc

namespace trackenrich::auth {
class ApiKeyAuthenticator;
}  // namespace trackenrich::auth

namespace trackenrich::server {
class JsonGateway;
class ServiceMetrics;
}  // namespace trackenrich::server

namespace trackenrich::cache {
class RedisClient;
}  // namespace trackenrich::cache

namespace trackenrich::http {
class HttpClient;
}  // namespace trackenrich::http

namespace trackenrich::integrations {

struct PublicApiDeps {
  // Answers /v1/ (after the key is checked here); null: 404.
  server::JsonGateway* gateway = nullptr;
  // The service's in-process channel, for the lookups.
  std::shared_ptr<grpc::Channel> channel;
  // Null: API keys are off and every caller is tenant "default".
  const auth::ApiKeyAuthenticator* auth = nullptr;
  IntegrationSettings settings;
  // Served at /openapi.json; "" answers 404.
  std::string openapi_json;
  // Writes the Zendesk and Freshdesk notes (helpdesks.zendesk/freshdesk;
  // unconfigured desks answer 404).
  http::HttpClient* http = nullptr;
  // In sandbox mode, the desks without a base_url write to the sandbox's
  // fakes at <sandbox_url>/zendesk and /freshdesk.
  std::string sandbox_url;
  // May be null.
  server::ServiceMetrics* metrics = nullptr;
  // Null: the note write-backs deduplicate per process; otherwise across
  // every replica sharing this Redis.
  cache::RedisClient* redis = nullptr;
};

class PublicApi {
 public:
  explicit PublicApi(PublicApiDeps deps);
  ~PublicApi();
  PublicApi(const PublicApi&) = delete;
  PublicApi& operator=(const PublicApi&) = delete;

  // Answers through `reply`, now or later; never blocks.
  void Handle(const http::HttpRequest& request, server::HttpServer::ReplyCallback reply);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_PUBLIC_API_H_
