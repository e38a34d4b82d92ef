// ShipmentLookup: the path from a tracking number to a canonical Shipment:
// carrier detection when none is given, the cache, one upstream call per key
// however many requests ask at once (single-flight), and stale-on-error.
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
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "adapters/tracking_source.h"
#include "cache/memory/memory_cache.h"
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

struct TrackRequest {
  std::string tenant = "default";
  // Normalized (see ValidateTrackingNumber).
  std::string tracking_number;
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
  v1::CacheControl cache;
  absl::Time deadline = absl::InfiniteFuture();
};

class ShipmentLookup {
 public:
  using Clock = std::function<absl::Time()>;

  ShipmentLookup(const adapters::AdapterRegistry& registry, cache::MemoryCache& cache,
                 ServiceMetrics& metrics, CachePolicy policy, Clock clock = absl::Now);

  // `done` runs once: on the caller's thread for cache hits and answers that
  // need no upstream, on an I/O thread otherwise. Errors: INVALID_ARGUMENT
  // when no carrier is given and none can be told from the number; the
  // adapter's codes otherwise (see TrackingSource::Track).
  void Track(const TrackRequest& request, adapters::ShipmentCallback done);

  // "v1:{tenant}:trk:{carrier}:{number}".
  static std::string CacheKey(absl::string_view tenant, v1::Carrier carrier,
                              absl::string_view number);

 private:
  struct Flight {
    std::vector<adapters::ShipmentCallback> waiters;
    std::shared_ptr<const cache::CacheEntry> stale;
  };

  absl::StatusOr<v1::Carrier> ResolveCarrier(const TrackRequest& request) const;
  v1::Shipment TemplateShipment(v1::Carrier carrier, absl::string_view number) const;
  void OnUpstream(const std::string& key, v1::Carrier carrier, absl::string_view adapter,
                  absl::Time started, absl::StatusOr<v1::Shipment> result);
  std::shared_ptr<const cache::CacheEntry> Store(const std::string& key,
                                                 const absl::StatusOr<v1::Shipment>& result,
                                                 absl::Time now);

  const adapters::AdapterRegistry& registry_;
  cache::MemoryCache& cache_;
  ServiceMetrics& metrics_;
  const CachePolicy policy_;
  const Clock clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Flight> flights_ ABSL_GUARDED_BY(mu_);
};

// Fills provenance fields that depend on how the answer was served.
void MarkServed(v1::CacheLayer layer, absl::Time fetched_at, absl::Time now, bool stale,
                v1::Shipment* shipment);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_LOOKUP_SHIPMENT_LOOKUP_H_
