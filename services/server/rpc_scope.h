// RpcScope: what every TrackingService call passes on its way in and out.
// In: the caller's API key and tenant (checked before the request is
// validated), a request ID (the caller's `x-request-id` when it is a plain
// token, else a new one; echoed in response metadata `x-request-id`) and the
// W3C trace context (`traceparent` continued, or a new trace). Out: the RPC
// metrics, the one structured log line (services/logging), and the guard that
// every string sent is well-formed UTF-8: the response's string fields and
// the status message are repaired (adapters/common/utf8.h) before they leave,
// with a warning and trackenrich_utf8_repairs_total when anything needed it.
//
//   auto scope = std::make_shared<RpcScope>(context, "TrackShipment", metrics, auth, response);
//   if (!scope->Admit()) return scope->reactor();   // finished with the auth error
//   TrackRequest track{.tenant = scope->tenant(), .trace = scope->trace(), ...};
//   ... scope->Finish(status, {.cache_layers = layers});
#ifndef TRACKENRICH_SERVICES_SERVER_RPC_SCOPE_H_
#define TRACKENRICH_SERVICES_SERVER_RPC_SCOPE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"

#include "adapters/http/trace_context.h"
#include "services/auth/api_key_auth.h"
#include "services/metrics/service_metrics.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::server {

// What a call reports besides its status, for its log line.
struct RpcDetails {
  // From AddCacheLayers.
  std::vector<absl::string_view> cache_layers;
  std::string ticket_id;
};

class RpcScope {
 public:
  // `auth` null: every call runs as tenant "default" (no keys configured).
  // `response`: the call's response message, repaired in Finish; it must
  // outlive the scope's Finish (gRPC's own response object does). Null for
  // responses made of looked-up answers, which are checked once when they
  // come from their upstream (services/lookup), so a cached answer is not
  // walked again on every call; the parts made per call (LookupErrors) then
  // go through Guard.
  RpcScope(grpc::CallbackServerContext* context, const char* method, ServiceMetrics& metrics,
           const auth::ApiKeyAuthenticator* auth, google::protobuf::Message* response);

  // Authenticates the caller. False when refused: the call is then finished
  // with UNAUTHENTICATED or PERMISSION_DENIED.
  bool Admit();

  grpc::ServerUnaryReactor* reactor() const { return reactor_; }
  // Set by Admit.
  const std::string& tenant() const { return tenant_; }
  const http::TraceContext& trace() const { return trace_; }
  const std::string& request_id() const { return request_id_; }

  // Repairs the strings of `part` of the response (a LookupError, say) the
  // way Finish repairs a whole response, and counts what it repaired.
  void Guard(google::protobuf::Message* part);

  // Records, logs and finishes the call. Call once.
  void Finish(absl::Status status, const RpcDetails& details = {});

 private:
  grpc::CallbackServerContext* context_;
  grpc::ServerUnaryReactor* reactor_;
  const char* method_;
  ServiceMetrics& metrics_;
  const auth::ApiKeyAuthenticator* auth_;
  google::protobuf::Message* const response_;
  int repaired_ = 0;
  const absl::Time started_;
  std::string request_id_;
  http::TraceContext trace_;
  std::string tenant_;
};

// Authenticates the caller of `context` (API key and x-tenant metadata) and
// returns its tenant, or UNAUTHENTICATED / PERMISSION_DENIED (counted in
// `metrics`). On PERMISSION_DENIED for a valid key, `*key_owner` (when not
// null) is set to the key's own tenant, for the log line.
absl::StatusOr<std::string> AdmitCaller(const grpc::CallbackServerContext* context,
                                        const auth::ApiKeyAuthenticator* auth,
                                        ServiceMetrics& metrics, std::string* key_owner);

// Adds how `shipment` (or `order` and its packages) was served to `layers`
// ("upstream", "memory", "redis", "coalesced"), each name once.
void AddCacheLayers(const v1::Shipment& shipment, std::vector<absl::string_view>* layers);
void AddCacheLayers(const v1::Order& order, std::vector<absl::string_view>* layers);
// The same for one answer served from `layer`.
void AddCacheLayer(v1::CacheLayer layer, std::vector<absl::string_view>* layers);

// `incoming` when it is 1-64 characters of [A-Za-z0-9._:-], else a new
// random ID (32 hex digits).
std::string RequestIdFrom(absl::string_view incoming);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_SERVER_RPC_SCOPE_H_
