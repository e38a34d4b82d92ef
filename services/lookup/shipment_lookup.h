// ShipmentLookup: the path from a tracking number to a canonical Shipment:
// carrier detection when none is given, the cache (in-process, then shared),
// one upstream call per key however many requests ask at once (single-flight
// in the process and, with a SharedFlight, across replicas), the upstream's
// rate limit, and stale-on-error.
//
//   ShipmentLookup lookup(registry, cache, metrics, {});
//   lookup.Track({.tracking_number = "1Z999AA10123456784", .deadline = deadline},
//                [](absl::StatusOr<v1::Shipment> shipment) { ... });
#ifndef TRACKENRICH_SERVICES_LOOKUP_SHIPMENT_LOOKUP_H_
#define TRACKENRICH_SERVICES_LOOKUP_SHIPMENT_LOOKUP_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "adapters/http/trace_context.h"
#include "adapters/tracking_source.h"
#include "cache/cache.h"
#include "cache/rate_limiter.h"
#include "cache/shared_flight.h"
#include "services/metrics/service_metrics.h"
#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::server {

// How long answers stay fresh, by state. Jitter spreads expiries so a burst of
// lookups does not expire (and refetch) together.
struct CachePolicy {
  absl::Duration delivered_ttl = absl::Hours(24);
  absl::Duration out_for_delivery_ttl = absl::Minutes(5);
  absl::Duration in_transit_ttl = absl::Minutes(20);
  absl::Duration not_found_ttl = absl::Minutes(5);
  // How long an entry is kept for stale-on-error after it stops being fresh.
  absl::Duration stale_horizon = absl::Hours(72);
  double jitter_fraction = 0.1;

  absl::Duration FreshFor(v1::ShipmentState state) const;
};

// What makes many replicas behave as one. All optional.
struct LookupCoordination {
  // Cross-replica single-flight; null: single-flight within the process only.
  cache::SharedFlight* shared_flight = nullptr;
  // Upstream quotas; null: no limits.
  cache::RateLimiter* rate_limiter = nullptr;
  // Limits by adapter name ("ups"), enforced per tenant; adapters without one
  // are not limited.
  absl::flat_hash_map<std::string, cache::RateLimit> rate_limits = {};
  // Kept for the upstream call itself when waiting for a rate-limit slot: a
  // slot that would leave less than this before the deadline is refused at
  // once (RESOURCE_EXHAUSTED) rather than spent on a call that cannot finish.
  absl::Duration rate_limit_reserve = absl::Milliseconds(250);
};

struct TrackRequest {
  std::string tenant = "default";
  // Normalized (see ValidateTrackingNumber).
  std::string tracking_number;
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
  v1::CacheControl cache;
  absl::Time deadline = absl::InfiniteFuture();
  // Tracks through this source instead of the carrier's adapter (an order
  // source's package tracker, e.g. Amazon MCF by package number); the cache
  // key then names the source. Null: by carrier.
  adapters::TrackingSource* source = nullptr;
  // With `source`: the order's marketplace, passed on to it and part of the
  // cache key (an MCF package is tracked in its order's region).
  std::string marketplace_id;
  // The caller's trace, carried to the upstream call (http/trace_context.h);
  // a lookup that shares another's upstream call shares its trace.
  http::TraceContext trace;
};

class ShipmentLookup {
 public:
  using Clock = std::function<absl::Time()>;

  // `cache`, and what `coordination` points to, must outlive the lookup.
  ShipmentLookup(const adapters::AdapterRegistry& registry, cache::Cache& cache,
                 ServiceMetrics& metrics, CachePolicy policy, LookupCoordination coordination = {},
                 Clock clock = absl::Now);

  // `done` runs once: inline for in-process cache hits and answers that need
  // no upstream, on an I/O thread otherwise. Errors: INVALID_ARGUMENT when no
  // carrier is given and none can be told from the number; RESOURCE_EXHAUSTED
  // when the upstream's rate limit has no slot before the deadline; the
  // adapter's codes otherwise (see TrackingSource::Track). A cached answer
  // kept past its freshness is served, marked stale, instead of an upstream
  // failure (NOT_FOUND excepted).
  void Track(const TrackRequest& request, adapters::ShipmentCallback done);

  // "trackenrich:v1:{tenant}:trk:{carrier}:{number}" (cache/cache_keys.h).
  static std::string CacheKey(absl::string_view tenant, v1::Carrier carrier,
                              absl::string_view number);

 private:
  // One lookup on its way past the cache; immutable once made.
  struct Plan {
    std::string key;
    std::string tenant;
    std::string number;
    v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
    adapters::TrackingSource* source = nullptr;
    std::string marketplace_id;
    std::string adapter;
    absl::Time deadline;
    cache::Freshness want;
    bool force_refresh = false;
    http::TraceContext trace;
  };
  using PlanPtr = std::shared_ptr<const Plan>;

  struct Flight {
    std::vector<adapters::ShipmentCallback> waiters;
    // An older answer to serve, marked stale, if the upstream fails.
    std::shared_ptr<const cache::CacheEntry> stale;
    v1::CacheLayer stale_layer = v1::CACHE_LAYER_MEMORY;
    // Releases the cross-replica lock once the answer is stored.
    absl::AnyInvocable<void()> release_lock;
  };

  absl::StatusOr<v1::Carrier> ResolveCarrier(const TrackRequest& request) const;
  v1::Shipment TemplateShipment(v1::Carrier carrier, absl::string_view number) const;
  void RecordLookup(const cache::CacheLookup& found);
  // Joins the key's flight, or starts one and leads it.
  void Join(PlanPtr plan, cache::CacheLookup found, adapters::ShipmentCallback done);
  void Lead(PlanPtr plan);
  void Fetch(PlanPtr plan);
  void CallUpstream(PlanPtr plan);
  void OnUpstream(const PlanPtr& plan, absl::Time started, absl::StatusOr<v1::Shipment> result,
                  bool called);
  void OnReplicaAnswer(PlanPtr plan, std::shared_ptr<const cache::CacheEntry> entry);
  Flight TakeFlight(const std::string& key);
  void Deliver(Flight& flight, const absl::StatusOr<v1::Shipment>& result);
  std::shared_ptr<const cache::CacheEntry> Store(const std::string& key,
                                                 const absl::StatusOr<v1::Shipment>& result,
                                                 absl::Time now);

  const adapters::AdapterRegistry& registry_;
  cache::Cache& cache_;
  ServiceMetrics& metrics_;
  const CachePolicy policy_;
  const LookupCoordination coordination_;
  const Clock clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Flight> flights_ ABSL_GUARDED_BY(mu_);
};

// What a caller's CacheControl accepts as fresh at `now`: any entry still in
// its freshness window, or one stored within max_age; with force_refresh only
// an answer fetched from now on.
cache::Freshness WantedFreshness(const v1::CacheControl& control, absl::Time now);

// The proto's name for the cache layer that answered.
v1::CacheLayer ToCacheLayer(cache::Layer layer);

// Fills provenance fields that depend on how the answer was served.
void MarkProvenance(v1::CacheLayer layer, absl::Time fetched_at, absl::Time now, bool stale,
                    v1::Provenance* provenance);
void MarkServed(v1::CacheLayer layer, absl::Time fetched_at, absl::Time now, bool stale,
                v1::Shipment* shipment);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_LOOKUP_SHIPMENT_LOOKUP_H_
