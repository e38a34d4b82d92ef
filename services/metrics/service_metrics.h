// ServiceMetrics: the service's Prometheus metrics, served as text on the
// admin port's /metrics.
//
//   ServiceMetrics metrics;
//   metrics.RecordRpc("TrackShipment", grpc::StatusCode::OK, absl::Milliseconds(3));
//   std::string text = metrics.Serialize();
#ifndef TRACKENRICH_SERVICES_METRICS_SERVICE_METRICS_H_
#define TRACKENRICH_SERVICES_METRICS_SERVICE_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_client.h"

namespace prometheus {
class Counter;
class Histogram;
class Registry;
}  // namespace prometheus

namespace trackenrich::server {

class ServiceMetrics;

// One RPC method's count and latency series, resolved once per status code
// (ServiceMetrics::ForMethod), so recording a call takes no lookup.
class RpcMethodMetrics {
 public:
  RpcMethodMetrics(ServiceMetrics& metrics, absl::string_view method);
  void Record(absl::StatusCode code, absl::Duration latency);

 private:
  static constexpr size_t kCodes = 17;
  struct Handles {
    std::atomic<prometheus::Counter*> counter{nullptr};
    std::atomic<prometheus::Histogram*> histogram{nullptr};
  };
  ServiceMetrics& metrics_;
  const std::string method_;
  std::array<Handles, kCodes> handles_;
};

class ServiceMetrics final : public http::HttpObserver {
 public:
  ServiceMetrics();
  ~ServiceMetrics() override;

  // http::HttpObserver: every attempt on the wire, retries, breaker states and
  // token refreshes, by upstream.
  void OnAttempt(absl::string_view upstream, absl::string_view outcome,
                 absl::Duration latency) override;
  void OnRetry(absl::string_view upstream) override;
  void OnBreakerState(absl::string_view upstream, http::CircuitBreaker::State state) override;
  void OnTokenRefresh(absl::string_view upstream) override;
  // Usage-plan waits of upstreams whose adapter paces itself (SP-API), in
  // the same families as RecordRateLimit.
  void OnRateLimitDecision(absl::string_view limited, bool granted, absl::Duration waited) override;

  // One finished RPC. `code` is the canonical code's name ("OK", "NOT_FOUND").
  void RecordRpc(absl::string_view method, absl::string_view code, absl::Duration latency);
  // The handles of `method`, a name with static storage (a string literal):
  // found by its address, once per thread.
  RpcMethodMetrics& ForMethod(const char* method);

  // RPCs between arrival and finish (trackenrich_rpc_in_flight).
  void RpcStarted();
  void RpcFinished();

  // One finished RPC of an authenticated tenant. Tenants are the configured
  // ones (or "default"), so the label stays bounded.
  void RecordTenantRpc(absl::string_view tenant, absl::string_view code);

  // A call refused before it ran: "missing_key", "invalid_key", "wrong_tenant".
  void RecordAuthRejection(absl::string_view reason);

  // One JSON gateway request by route ("TrackShipment"; "other" for paths
  // that are none) and HTTP status.
  void RecordGatewayRequest(absl::string_view route, int http_status);

  // One help-desk note write-back step by desk ("zendesk") and outcome:
  // "written", "duplicate" (already written for the same ticket and
  // enrichment), "retried", "dead_letter" (given up), "lookup_failed".
  void RecordHelpdeskWriteBack(absl::string_view desk, absl::string_view outcome);

  // One finished upstream exchange by adapter and outcome ("ok", "not_found",
  // "unavailable", ...).
  void RecordUpstream(absl::string_view adapter, absl::string_view outcome, absl::Duration latency);

  // Cache lookups by layer ("memory", "redis") and result ("hit", "miss",
  // "stale", and for redis "error": down, slow or an undecodable value).
  void RecordCache(absl::string_view layer, absl::string_view result);

  // Requests that shared another request's upstream call.
  void RecordCoalesced();

  // One rate-limit decision before an upstream call: granted (possibly after
  // waiting `waited`) or rejected. `adapter` is the adapter ("ups"), or the
  // adapter and operation for per-operation plans ("sp_api.getOrder").
  void RecordRateLimit(absl::string_view adapter, bool granted, absl::Duration waited);

  // An answer of `method` that needed bytes replaced to be sent as UTF-8.
  void RecordUtf8Repair(absl::string_view method);

  // Cross-replica single-flight outcomes: "lead", "answered" (another
  // replica's answer), "fallback" (fetched without the lock).
  void RecordSharedFlight(absl::string_view outcome);

  // The registry, for components that add their own families.
  prometheus::Registry& registry();

  // Prometheus text exposition format 0.0.4.
  std::string Serialize() const;

 private:
  friend class RpcMethodMetrics;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  const uint64_t id_;
};

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_METRICS_SERVICE_METRICS_H_
