// ShipmentLookup: the path from a tracking number to a canonical Shipment:
// carrier detection when none is given, then the cached single-flight core
// (cached_lookup.h: the in-process cache, the shared one, one upstream call
// per key across requests and replicas, the upstream's rate limit,
// stale-on-error) with the carrier's adapter as the upstream.
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

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

#include "adapters/http/trace_context.h"
#include "adapters/tracking_source.h"
#include "cache/cache.h"
#include "services/lookup/cached_lookup.h"
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

// A shipment as served, not yet copied anywhere: the answer the caches share
// (with its serialized form when at hand) and how it reached the caller.
struct ServedShipment {
  // `served.answer` is a v1::Shipment.
  Served served;
  // When it was served: the provenance's age counts to it.
  absl::Time now;

  const v1::Shipment& answer() const { return static_cast<const v1::Shipment&>(*served.answer); }
  // A copy with its provenance marked: what Track delivers.
  v1::Shipment ToShipment() const;
};
using ServedShipmentCallback = absl::AnyInvocable<void(absl::StatusOr<ServedShipment>)>;

class ShipmentLookup {
 public:
  using Clock = std::function<absl::Time()>;

  // `cache`, and what `coordination` points to, must outlive the lookup.
  ShipmentLookup(const adapters::AdapterRegistry& registry, cache::Cache& cache,
                 ServiceMetrics& metrics, CachePolicy policy, LookupCoordination coordination = {},
                 Clock clock = absl::Now);
  ~ShipmentLookup();

  // `done` runs once: inline for in-process cache hits and answers that need
  // no upstream, on an I/O thread otherwise. Errors: INVALID_ARGUMENT when no
  // carrier is given and none can be told from the number; RESOURCE_EXHAUSTED
  // when the upstream's rate limit has no slot before the deadline; the
  // adapter's codes otherwise (see TrackingSource::Track). A cached answer
  // kept past its freshness is served, marked stale, instead of an upstream
  // failure (NOT_FOUND excepted).
  void Track(const TrackRequest& request, adapters::ShipmentCallback done);

  // Track's path and errors, delivering the shared answer uncopied: for
  // replies written from the answer's stored bytes (a hit then copies and
  // serializes no proto). Inline for in-process hits, as Track.
  void Serve(const TrackRequest& request, ServedShipmentCallback done);

  // Caches `shipment` (a carrier's push: its carrier and tracking number set)
  // for `tenant` as if just fetched, finished as fetched answers are
  // (tracking link, carrier name, UTF-8 repaired).
  void Store(const std::string& tenant, v1::Shipment shipment);

  // The shipment cached for `tenant`, `carrier` and `number`, fresh or not;
  // null when none. `done` runs once, inline or on an I/O thread.
  void Newest(const std::string& tenant, v1::Carrier carrier, const std::string& number,
              absl::AnyInvocable<void(std::shared_ptr<const v1::Shipment>)> done);

  // "trackenrich:v1:{tenant}:trk:{carrier}:{number}" (cache/cache_keys.h).
  static std::string CacheKey(absl::string_view tenant, v1::Carrier carrier,
                              absl::string_view number);

 private:
  class ShipmentAnswers;
  class ShipmentFlight;
  class CarrierMemo;

  // The request's carrier, else the one its number was routed to before,
  // else DetectCarrier's.
  absl::StatusOr<v1::Carrier> ResolveCarrier(const TrackRequest& request) const;
  // The carrier detection routes `number` to (a confident candidate, one
  // with an adapter first), or INVALID_ARGUMENT.
  absl::StatusOr<v1::Carrier> DetectCarrier(const std::string& number) const;
  // The answer for a carrier without an API: its tracking link.
  ServedShipment TemplateShipment(v1::Carrier carrier, absl::string_view number) const;

  const adapters::AdapterRegistry& registry_;
  const std::unique_ptr<const ShipmentAnswers> answers_;
  // The carriers numbers given without one were routed to: detection runs
  // once per number, not on every lookup.
  const std::unique_ptr<CarrierMemo> routed_;
  CachedLookup core_;
};

// Fills the provenance fields that depend on how the answer was served.
void MarkServed(v1::CacheLayer layer, absl::Time fetched_at, absl::Time now, bool stale,
                v1::Shipment* shipment);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_LOOKUP_SHIPMENT_LOOKUP_H_
