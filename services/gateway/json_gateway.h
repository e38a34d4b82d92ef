// JsonGateway: the JSON/HTTP mirror of the TrackingService on the admin port,
// for help desks that cannot speak gRPC.
//
//   POST /v1/EnrichTicket          POST /v1/TrackShipment
//   POST /v1/GetOrderTracking      POST /v1/BatchTrackShipments
//   POST /v1/BatchGetOrderTracking POST /v1/DetectCarrier
//   POST /v1/RenderReply
//   POST /v1/WatchShipment         POST /v1/WatchOrder
//   POST /v1/Unwatch               POST /v1/ListWatches
//   POST /v1/StreamEvents          (a long poll, below)
//
// StreamEvents, server-streaming in gRPC, is a long poll here: the body is
// the StreamEventsRequest ({"lastEventId": "1733300000000-0"}); the answer
// comes when events arrive (those arriving within `event_linger` of the
// first, at most 100) or when the deadline (Grpc-Timeout, else the default)
// passes without any: 200 {"events": [WatchEvent...], "lastEventId": "..."},
// where lastEventId is the newest event's ID (the request's when none came),
// to pass in the next poll. Nothing is lost between polls: each resumes
// after the ID it names. An empty lastEventId starts at the newest event;
// "0" reads every event the stream still holds.
//
// Bodies and answers use the protobuf JSON mapping (lowerCamelCase names;
// proto names are accepted too). Each request becomes an RPC on the service's
// own gRPC server through an in-process channel, so a route answers exactly
// as its gRPC twin: same authentication, validation, tenant, logs and
// metrics. Passed on: `X-Api-Key` (or `Authorization: Bearer <key>`),
// `X-Tenant`, `traceparent` and `X-Request-Id`; `Grpc-Timeout` (gRPC's
// format, e.g. "2S" or "500m") sets the deadline, the service's default
// otherwise. The answer carries `X-Request-Id`. Errors are the HTTP status
// for the gRPC code (HttpStatusFor) with a body {"code": "NOT_FOUND",
// "message": "..."}.
//
//   JsonGateway gateway(grpc_server->InProcessChannel({}), {.default_deadline = ...}, &metrics);
//   hooks.gateway = [&](const http::HttpRequest& r, HttpServer::ReplyCallback reply) {
//     gateway.Handle(r, std::move(reply));
//   };
//
// Handle never waits: the reply is sent from the RPC's completion.
#ifndef TRACKENRICH_SERVICES_GATEWAY_JSON_GATEWAY_H_
#define TRACKENRICH_SERVICES_GATEWAY_JSON_GATEWAY_H_

#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/support/status_code_enum.h"

#include "adapters/http/http_message.h"
#include "cache/scheduler.h"
#include "services/http/http_server.h"
#include "services/metrics/service_metrics.h"

namespace grpc {
class Channel;
}  // namespace grpc

namespace trackenrich::server {

struct GatewayOptions {
  // The deadline of a request without Grpc-Timeout.
  absl::Duration default_deadline = absl::Seconds(10);
  // StreamEvents: how long the answer waits for more events after the
  // first; needs `later` (without it the first event is answered alone).
  absl::Duration event_linger = absl::Milliseconds(200);
  cache::Scheduler later;
};

class JsonGateway {
 public:
  // `channel` reaches the TrackingService (an in-process channel of the
  // server); `metrics` may be null.
  JsonGateway(std::shared_ptr<grpc::Channel> channel, GatewayOptions options,
              ServiceMetrics* metrics);
  ~JsonGateway();
  JsonGateway(const JsonGateway&) = delete;
  JsonGateway& operator=(const JsonGateway&) = delete;

  // Answers one request under /v1/ through `reply`, later.
  void Handle(const http::HttpRequest& request, HttpServer::ReplyCallback reply);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// INVALID_ARGUMENT 400, UNAUTHENTICATED 401, PERMISSION_DENIED 403, NOT_FOUND
// 404, ALREADY_EXISTS and ABORTED 409, FAILED_PRECONDITION 422 (the request
// is understood but cannot be served as configured: an adapter without
// credentials, credentials an upstream refuses), RESOURCE_EXHAUSTED 429,
// CANCELLED 499, UNIMPLEMENTED 501, UNAVAILABLE 503, DEADLINE_EXCEEDED 504,
// OK 200, any other 500.
int HttpStatusFor(grpc::StatusCode code);

// A Grpc-Timeout value: 1-8 digits and a unit (H, M, S, m, u, n).
// INVALID_ARGUMENT naming the header otherwise.
absl::StatusOr<absl::Duration> ParseGrpcTimeout(absl::string_view value);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_GATEWAY_JSON_GATEWAY_H_
