#include "services/metrics/service_metrics.h"

#include <map>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "prometheus/counter.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "prometheus/text_serializer.h"

namespace trackenrich::server {
namespace {

prometheus::Histogram::BucketBoundaries LatencyBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

// Caches the label lookups of one family so the hot path takes a shared
// lock and a hash lookup (no allocation) instead of the family's own map
// walk; the labels are built only the first time a key is seen.
template <typename Metric>
class LabeledCache {
 public:
  explicit LabeledCache(prometheus::Family<Metric>& family) : family_(family) {}

  template <typename... Args>
  Metric& Get(absl::string_view key, const std::map<std::string, std::string>& labels,
              Args&&... args) {
    return GetOr(
        key, [&] { return labels; }, std::forward<Args>(args)...);
  }

  // `make_labels` runs only when `key` is new.
  template <typename LabelsFn, typename... Args>
  Metric& GetOr(absl::string_view key, LabelsFn make_labels, Args&&... args) {
    {
      absl::ReaderMutexLock lock(&mu_);
      auto it = metrics_.find(key);
      if (it != metrics_.end()) return *it->second;
    }
    absl::MutexLock lock(&mu_);
    auto [it, inserted] = metrics_.try_emplace(key, nullptr);
    if (inserted) it->second = &family_.Add(make_labels(), std::forward<Args>(args)...);
    return *it->second;
  }

 private:
  prometheus::Family<Metric>& family_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Metric*> metrics_ ABSL_GUARDED_BY(mu_);
};

// "a|b" in a buffer this thread reuses: a label key without an allocation.
absl::string_view JoinedKey(absl::string_view a, absl::string_view b) {
  thread_local std::string key;
  key.assign(a.data(), a.size());
  key.push_back('|');
  key.append(b.data(), b.size());
  return key;
}

// Every ServiceMetrics gets an ID never reused, so per-thread handle caches
// cannot mistake a new instance for a destroyed one at the same address.
std::atomic<uint64_t> next_metrics_id{1};

}  // namespace

struct ServiceMetrics::Impl {
  Impl()
      : registry(std::make_shared<prometheus::Registry>()),
        rpc_total(prometheus::BuildCounter()
                      .Name("trackenrich_rpc_requests_total")
                      .Help("RPCs handled, by method and status code.")
                      .Register(*registry)),
        rpc_seconds(prometheus::BuildHistogram()
                        .Name("trackenrich_rpc_duration_seconds")
                        .Help("RPC latency, by method and status code.")
                        .Register(*registry)),
        upstream_total(prometheus::BuildCounter()
                           .Name("trackenrich_upstream_requests_total")
                           .Help("Upstream lookups, by adapter and outcome.")
                           .Register(*registry)),
        upstream_seconds(prometheus::BuildHistogram()
                             .Name("trackenrich_upstream_duration_seconds")
                             .Help("Upstream lookup latency, by adapter.")
                             .Register(*registry)),
        cache_total(prometheus::BuildCounter()
                        .Name("trackenrich_cache_lookups_total")
                        .Help("Cache lookups, by layer and result.")
                        .Register(*registry)),
        attempts_total(prometheus::BuildCounter()
                           .Name("trackenrich_upstream_attempts_total")
                           .Help("HTTP attempts on the wire, by upstream and outcome.")
                           .Register(*registry)),
        attempt_seconds(prometheus::BuildHistogram()
                            .Name("trackenrich_upstream_attempt_duration_seconds")
                            .Help("HTTP attempt latency, by upstream.")
                            .Register(*registry)),
        retries_total(prometheus::BuildCounter()
                          .Name("trackenrich_upstream_retries_total")
                          .Help("HTTP retries, by upstream.")
                          .Register(*registry)),
        breaker_state(prometheus::BuildGauge()
                          .Name("trackenrich_upstream_breaker_state")
                          .Help("Circuit breaker state by upstream: 0 closed, 1 open, 2 half-open.")
                          .Register(*registry)),
        token_refreshes_total(prometheus::BuildCounter()
                                  .Name("trackenrich_upstream_token_refreshes_total")
                                  .Help("OAuth token fetches, by upstream.")
                                  .Register(*registry)),
        coalesced_total(prometheus::BuildCounter()
                            .Name("trackenrich_coalesced_requests_total")
                            .Help("Requests answered by another request's upstream call.")
                            .Register(*registry)
                            .Add({})),
        rate_limit_total(prometheus::BuildCounter()
                             .Name("trackenrich_rate_limit_decisions_total")
                             .Help("Upstream rate-limit decisions, by adapter and result "
                                   "(granted, rejected).")
                             .Register(*registry)),
        rate_limit_wait_seconds(prometheus::BuildHistogram()
                                    .Name("trackenrich_rate_limit_wait_seconds")
                                    .Help("Time spent waiting for an upstream rate-limit slot.")
                                    .Register(*registry)),
        shared_flight_total(prometheus::BuildCounter()
                                .Name("trackenrich_shared_flight_total")
                                .Help("Cross-replica single-flight outcomes: lead, answered "
                                      "(another replica's answer), fallback (no lock).")
                                .Register(*registry)),
        rpc_in_flight(prometheus::BuildGauge()
                          .Name("trackenrich_rpc_in_flight")
                          .Help("RPCs received and not yet finished.")
                          .Register(*registry)
                          .Add({})),
        tenant_total(prometheus::BuildCounter()
                         .Name("trackenrich_tenant_requests_total")
                         .Help("RPCs of authenticated callers, by tenant and status code.")
                         .Register(*registry)),
        auth_rejections_total(prometheus::BuildCounter()
                                  .Name("trackenrich_auth_rejections_total")
                                  .Help("Calls refused by caller authentication, by reason "
                                        "(missing_key, invalid_key, wrong_tenant).")
                                  .Register(*registry)),
        gateway_total(prometheus::BuildCounter()
                          .Name("trackenrich_gateway_requests_total")
                          .Help("JSON gateway requests, by route and HTTP status.")
                          .Register(*registry)),
        writeback_total(prometheus::BuildCounter()
                            .Name("trackenrich_helpdesk_writebacks_total")
                            .Help("Help-desk note write-backs, by desk and outcome (written, "
                                  "duplicate, retried, dead_letter, lookup_failed).")
                            .Register(*registry)),
        utf8_repairs_total(prometheus::BuildCounter()
                               .Name("trackenrich_utf8_repairs_total")
                               .Help("Answers sent with bytes that were not UTF-8 replaced by "
                                     "U+FFFD, by method.")
                               .Register(*registry)),
        rpc_counters(rpc_total),
        rpc_histograms(rpc_seconds),
        upstream_counters(upstream_total),
        upstream_histograms(upstream_seconds),
        cache_counters(cache_total),
        attempt_counters(attempts_total),
        attempt_histograms(attempt_seconds),
        retry_counters(retries_total),
        breaker_gauges(breaker_state),
        token_counters(token_refreshes_total),
        rate_limit_counters(rate_limit_total),
        rate_limit_histograms(rate_limit_wait_seconds),
        shared_flight_counters(shared_flight_total) {}

  std::shared_ptr<prometheus::Registry> registry;
  prometheus::Family<prometheus::Counter>& rpc_total;
  prometheus::Family<prometheus::Histogram>& rpc_seconds;
  prometheus::Family<prometheus::Counter>& upstream_total;
  prometheus::Family<prometheus::Histogram>& upstream_seconds;
  prometheus::Family<prometheus::Counter>& cache_total;
  prometheus::Family<prometheus::Counter>& attempts_total;
  prometheus::Family<prometheus::Histogram>& attempt_seconds;
  prometheus::Family<prometheus::Counter>& retries_total;
  prometheus::Family<prometheus::Gauge>& breaker_state;
  prometheus::Family<prometheus::Counter>& token_refreshes_total;
  prometheus::Counter& coalesced_total;
  prometheus::Family<prometheus::Counter>& rate_limit_total;
  prometheus::Family<prometheus::Histogram>& rate_limit_wait_seconds;
  prometheus::Family<prometheus::Counter>& shared_flight_total;
  prometheus::Gauge& rpc_in_flight;
  prometheus::Family<prometheus::Counter>& tenant_total;
  prometheus::Family<prometheus::Counter>& auth_rejections_total;
  prometheus::Family<prometheus::Counter>& gateway_total;
  prometheus::Family<prometheus::Counter>& writeback_total;
  prometheus::Family<prometheus::Counter>& utf8_repairs_total;
  LabeledCache<prometheus::Counter> rpc_counters;
  LabeledCache<prometheus::Histogram> rpc_histograms;
  LabeledCache<prometheus::Counter> upstream_counters;
  LabeledCache<prometheus::Histogram> upstream_histograms;
  LabeledCache<prometheus::Counter> cache_counters;
  LabeledCache<prometheus::Counter> attempt_counters;
  LabeledCache<prometheus::Histogram> attempt_histograms;
  LabeledCache<prometheus::Counter> retry_counters;
  LabeledCache<prometheus::Gauge> breaker_gauges;
  LabeledCache<prometheus::Counter> token_counters;
  LabeledCache<prometheus::Counter> rate_limit_counters;
  LabeledCache<prometheus::Histogram> rate_limit_histograms;
  LabeledCache<prometheus::Counter> shared_flight_counters;
  LabeledCache<prometheus::Counter> tenant_counters{tenant_total};
  LabeledCache<prometheus::Counter> auth_counters{auth_rejections_total};
  absl::Mutex methods_mu;
  absl::flat_hash_map<std::string, std::unique_ptr<RpcMethodMetrics>> methods
      ABSL_GUARDED_BY(methods_mu);
  LabeledCache<prometheus::Counter> gateway_counters{gateway_total};
  LabeledCache<prometheus::Counter> writeback_counters{writeback_total};
  LabeledCache<prometheus::Counter> utf8_repair_counters{utf8_repairs_total};
};

ServiceMetrics::ServiceMetrics() : impl_(std::make_unique<Impl>()), id_(next_metrics_id++) {}
ServiceMetrics::~ServiceMetrics() = default;

void ServiceMetrics::RecordRpc(absl::string_view method, absl::string_view code,
                               absl::Duration latency) {
  const absl::string_view key = JoinedKey(method, code);
  auto labels = [&] {
    return std::map<std::string, std::string>{{"method", std::string(method)},
                                              {"code", std::string(code)}};
  };
  impl_->rpc_counters.GetOr(key, labels).Increment();
  impl_->rpc_histograms.GetOr(key, labels, LatencyBuckets())
      .Observe(absl::ToDoubleSeconds(latency));
}

RpcMethodMetrics::RpcMethodMetrics(ServiceMetrics& metrics, absl::string_view method)
    : metrics_(metrics), method_(method) {}

void RpcMethodMetrics::Record(absl::StatusCode code, absl::Duration latency) {
  const auto index = static_cast<size_t>(code);
  if (index >= kCodes) {
    metrics_.RecordRpc(method_, absl::StatusCodeToString(code), latency);
    return;
  }
  Handles& handles = handles_[index];
  prometheus::Counter* counter = handles.counter.load(std::memory_order_acquire);
  prometheus::Histogram* histogram = handles.histogram.load(std::memory_order_acquire);
  if (counter == nullptr || histogram == nullptr) {
    const std::string name = absl::StatusCodeToString(code);
    const absl::string_view key = JoinedKey(method_, name);
    auto labels = [&] {
      return std::map<std::string, std::string>{{"method", method_}, {"code", name}};
    };
    counter = &metrics_.impl_->rpc_counters.GetOr(key, labels);
    histogram = &metrics_.impl_->rpc_histograms.GetOr(key, labels, LatencyBuckets());
    handles.counter.store(counter, std::memory_order_release);
    handles.histogram.store(histogram, std::memory_order_release);
  }
  counter->Increment();
  histogram->Observe(absl::ToDoubleSeconds(latency));
}

RpcMethodMetrics& ServiceMetrics::ForMethod(const char* method) {
  // Resolved once per thread and method: a short scan of this thread's
  // handles, no lock, no hashing of the name.
  struct Cached {
    uint64_t metrics_id;
    const char* method;
    RpcMethodMetrics* handles;
  };
  thread_local std::vector<Cached> cached;
  for (const Cached& entry : cached) {
    if (entry.metrics_id == id_ && entry.method == method) return *entry.handles;
  }
  RpcMethodMetrics* handles = nullptr;
  {
    absl::MutexLock lock(&impl_->methods_mu);
    auto& slot = impl_->methods[method];
    if (slot == nullptr) slot = std::make_unique<RpcMethodMetrics>(*this, method);
    handles = slot.get();
  }
  cached.push_back({id_, method, handles});
  return *handles;
}

void ServiceMetrics::RpcStarted() { impl_->rpc_in_flight.Increment(); }
void ServiceMetrics::RpcFinished() { impl_->rpc_in_flight.Decrement(); }

void ServiceMetrics::RecordTenantRpc(absl::string_view tenant, absl::string_view code) {
  impl_->tenant_counters
      .GetOr(JoinedKey(tenant, code),
             [&] {
               return std::map<std::string, std::string>{{"tenant", std::string(tenant)},
                                                         {"code", std::string(code)}};
             })
      .Increment();
}

void ServiceMetrics::RecordAuthRejection(absl::string_view reason) {
  impl_->auth_counters.Get(std::string(reason), {{"reason", std::string(reason)}}).Increment();
}

void ServiceMetrics::RecordGatewayRequest(absl::string_view route, int http_status) {
  impl_->gateway_counters
      .Get(absl::StrCat(route, "|", http_status),
           {{"route", std::string(route)}, {"status", absl::StrCat(http_status)}})
      .Increment();
}

void ServiceMetrics::RecordHelpdeskWriteBack(absl::string_view desk, absl::string_view outcome) {
  impl_->writeback_counters
      .Get(absl::StrCat(desk, "|", outcome),
           {{"desk", std::string(desk)}, {"outcome", std::string(outcome)}})
      .Increment();
}

void ServiceMetrics::RecordUpstream(absl::string_view adapter, absl::string_view outcome,
                                    absl::Duration latency) {
  impl_->upstream_counters
      .Get(absl::StrCat(adapter, "|", outcome),
           {{"adapter", std::string(adapter)}, {"outcome", std::string(outcome)}})
      .Increment();
  impl_->upstream_histograms
      .Get(std::string(adapter), {{"adapter", std::string(adapter)}}, LatencyBuckets())
      .Observe(absl::ToDoubleSeconds(latency));
}

void ServiceMetrics::RecordCache(absl::string_view layer, absl::string_view result) {
  impl_->cache_counters
      .GetOr(JoinedKey(layer, result),
             [&] {
               return std::map<std::string, std::string>{{"layer", std::string(layer)},
                                                         {"result", std::string(result)}};
             })
      .Increment();
}

void ServiceMetrics::OnAttempt(absl::string_view upstream, absl::string_view outcome,
                               absl::Duration latency) {
  impl_->attempt_counters
      .Get(absl::StrCat(upstream, "|", outcome),
           {{"upstream", std::string(upstream)}, {"outcome", std::string(outcome)}})
      .Increment();
  // An upstream's retry count and breaker state (0: closed) are listed from
  // its first call on, not only once they change.
  impl_->retry_counters.Get(std::string(upstream), {{"upstream", std::string(upstream)}});
  impl_->breaker_gauges.Get(std::string(upstream), {{"upstream", std::string(upstream)}});
  if (outcome != "circuit_open") {
    impl_->attempt_histograms
        .Get(std::string(upstream), {{"upstream", std::string(upstream)}}, LatencyBuckets())
        .Observe(absl::ToDoubleSeconds(latency));
  }
}

void ServiceMetrics::OnRetry(absl::string_view upstream) {
  impl_->retry_counters.Get(std::string(upstream), {{"upstream", std::string(upstream)}})
      .Increment();
}

void ServiceMetrics::OnBreakerState(absl::string_view upstream, http::CircuitBreaker::State state) {
  impl_->breaker_gauges.Get(std::string(upstream), {{"upstream", std::string(upstream)}})
      .Set(static_cast<double>(state));
}

void ServiceMetrics::OnTokenRefresh(absl::string_view upstream) {
  impl_->token_counters.Get(std::string(upstream), {{"upstream", std::string(upstream)}})
      .Increment();
}

void ServiceMetrics::OnRateLimitDecision(absl::string_view limited, bool granted,
                                         absl::Duration waited) {
  RecordRateLimit(limited, granted, waited);
}

void ServiceMetrics::RecordUtf8Repair(absl::string_view method) {
  impl_->utf8_repair_counters.Get(std::string(method), {{"method", std::string(method)}})
      .Increment();
}

void ServiceMetrics::RecordCoalesced() { impl_->coalesced_total.Increment(); }

void ServiceMetrics::RecordRateLimit(absl::string_view adapter, bool granted,
                                     absl::Duration waited) {
  const absl::string_view result = granted ? "granted" : "rejected";
  impl_->rate_limit_counters
      .Get(absl::StrCat(adapter, "|", result),
           {{"adapter", std::string(adapter)}, {"result", std::string(result)}})
      .Increment();
  if (granted) {
    impl_->rate_limit_histograms
        .Get(std::string(adapter), {{"adapter", std::string(adapter)}}, LatencyBuckets())
        .Observe(absl::ToDoubleSeconds(waited));
  }
}

void ServiceMetrics::RecordSharedFlight(absl::string_view outcome) {
  impl_->shared_flight_counters.Get(std::string(outcome), {{"outcome", std::string(outcome)}})
      .Increment();
}

prometheus::Registry& ServiceMetrics::registry() { return *impl_->registry; }

std::string ServiceMetrics::Serialize() const {
  return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

}  // namespace trackenrich::server
