#include "services/lookup/shipment_lookup.h"

#include <utility>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"
#include "cache/cache_keys.h"

namespace trackenrich::server {
namespace {

// Detection candidates below this are guesses, not routes.
constexpr double kMinRoutingConfidence = 0.5;

absl::string_view OutcomeName(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return "ok";
    case absl::StatusCode::kNotFound:
      return "not_found";
    case absl::StatusCode::kUnavailable:
      return "unavailable";
    case absl::StatusCode::kResourceExhausted:
      return "resource_exhausted";
    case absl::StatusCode::kDeadlineExceeded:
      return "deadline_exceeded";
    case absl::StatusCode::kFailedPrecondition:
      return "failed_precondition";
    default:
      return "error";
  }
}

absl::Duration Jittered(absl::Duration ttl, double fraction) {
  thread_local absl::InsecureBitGen gen;
  return ttl * absl::Uniform(gen, 1.0 - fraction, 1.0 + fraction);
}

absl::string_view SharedFlightOutcomeName(cache::SharedFlight::Outcome::Kind kind) {
  switch (kind) {
    case cache::SharedFlight::Outcome::Kind::kLead:
      return "lead";
    case cache::SharedFlight::Outcome::Kind::kAnswered:
      return "answered";
    case cache::SharedFlight::Outcome::Kind::kFallback:
      break;
  }
  return "fallback";
}

// With an older answer to fall back on, the upstream call ends this share of
// the caller's remaining time early (at most kMaxStaleReserve), so that when
// the upstream is too slow the older answer still reaches the caller, marked
// stale, instead of DEADLINE_EXCEEDED.
constexpr double kStaleReserveShare = 0.1;
constexpr absl::Duration kMaxStaleReserve = absl::Milliseconds(500);

absl::Time StaleFallbackDeadline(absl::Time now, absl::Time deadline) {
  if (deadline == absl::InfiniteFuture() || deadline <= now) return deadline;
  return deadline - std::min((deadline - now) * kStaleReserveShare, kMaxStaleReserve);
}

// The answer `entry` holds, marked as served from `layer`. False when its
// payload does not parse.
bool FromEntry(const cache::CacheEntry& entry, v1::CacheLayer layer, absl::Time now, bool stale,
               absl::StatusOr<v1::Shipment>* answer) {
  if (entry.code != absl::StatusCode::kOk) {
    *answer = absl::Status(entry.code, entry.message);
    return true;
  }
  v1::Shipment shipment;
  if (!shipment.ParseFromString(entry.payload)) return false;
  MarkServed(layer, entry.stored_at, now, stale, &shipment);
  *answer = std::move(shipment);
  return true;
}

}  // namespace

absl::Duration CachePolicy::FreshFor(v1::ShipmentState state) const {
  switch (state) {
    case v1::SHIPMENT_STATE_DELIVERED:
    case v1::SHIPMENT_STATE_RETURNED:
    case v1::SHIPMENT_STATE_CANCELLED:
    case v1::SHIPMENT_STATE_LOST:
      return delivered_ttl;
    case v1::SHIPMENT_STATE_OUT_FOR_DELIVERY:
    case v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED:
    case v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP:
      return out_for_delivery_ttl;
    case v1::SHIPMENT_STATE_NOT_FOUND:
      return not_found_ttl;
    default:
      return in_transit_ttl;
  }
}

cache::Freshness WantedFreshness(const v1::CacheControl& control, absl::Time now) {
  cache::Freshness want{.now = now};
  if (control.force_refresh()) {
    // Only an answer fetched from now on is fresh (one another replica is
    // fetching counts); an older one is still read, as the stale fallback
    // should the upstream fail.
    want.stored_after = now + absl::Nanoseconds(1);
  } else if (control.has_max_age()) {
    want.stored_after = now - absl::Seconds(control.max_age().seconds()) -
                        absl::Nanoseconds(control.max_age().nanos());
  }
  return want;
}

v1::CacheLayer ToCacheLayer(cache::Layer layer) {
  switch (layer) {
    case cache::Layer::kMemory:
      return v1::CACHE_LAYER_MEMORY;
    case cache::Layer::kShared:
      return v1::CACHE_LAYER_REDIS;
    case cache::Layer::kNone:
      break;
  }
  return v1::CACHE_LAYER_NONE;
}

void MarkServed(v1::CacheLayer layer, absl::Time fetched_at, absl::Time now, bool stale,
                v1::Shipment* shipment) {
  MarkProvenance(layer, fetched_at, now, stale, shipment->mutable_provenance());
}

void MarkProvenance(v1::CacheLayer layer, absl::Time fetched_at, absl::Time now, bool stale,
                    v1::Provenance* provenance) {
  provenance->set_cache_layer(layer);
  adapters::ToProto(fetched_at, provenance->mutable_fetched_at());
  const absl::Duration age = std::max(now - fetched_at, absl::ZeroDuration());
  provenance->mutable_age()->set_seconds(absl::ToInt64Seconds(age));
  provenance->mutable_age()->set_nanos(static_cast<int32_t>(
      (age - absl::Seconds(absl::ToInt64Seconds(age))) / absl::Nanoseconds(1)));
  provenance->set_stale(stale);
}

ShipmentLookup::ShipmentLookup(const adapters::AdapterRegistry& registry, cache::Cache& cache,
                               ServiceMetrics& metrics, CachePolicy policy,
                               LookupCoordination coordination, Clock clock)
    : registry_(registry),
      cache_(cache),
      metrics_(metrics),
      policy_(policy),
      coordination_(std::move(coordination)),
      clock_(std::move(clock)) {}

std::string ShipmentLookup::CacheKey(absl::string_view tenant, v1::Carrier carrier,
                                     absl::string_view number) {
  std::string carrier_name(v1::Carrier_Name(carrier));
  absl::AsciiStrToLower(&carrier_name);
  return cache::TrackingKey(tenant, carrier_name, number);
}

absl::StatusOr<v1::Carrier> ShipmentLookup::ResolveCarrier(const TrackRequest& request) const {
  if (request.carrier != v1::CARRIER_UNSPECIFIED) return request.carrier;
  const v1::DetectCarrierResponse detected = detection::DetectCarrier(request.tracking_number);
  // Prefer a confident candidate with an adapter; then any confident one (it
  // still gets a tracking link).
  const v1::CarrierCandidate* routable = nullptr;
  for (const auto& candidate : detected.candidates()) {
    if (candidate.confidence() < kMinRoutingConfidence ||
        candidate.checksum() == v1::CHECKSUM_RESULT_INVALID) {
      continue;
    }
    if (registry_.Find(candidate.carrier()) != nullptr) return candidate.carrier();
    if (routable == nullptr) routable = &candidate;
  }
  if (routable != nullptr) return routable->carrier();
  if (detected.invalid_checksum()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "shipment.tracking_number: \"", request.tracking_number,
        "\" fails the check digit of every carrier format it resembles; set shipment.carrier "
        "to look it up anyway"));
  }
  return absl::InvalidArgumentError(absl::StrCat("shipment.carrier: cannot tell the carrier of \"",
                                                 request.tracking_number,
                                                 "\" from the number; set shipment.carrier"));
}

v1::Shipment ShipmentLookup::TemplateShipment(v1::Carrier carrier, absl::string_view number) const {
  v1::Shipment shipment;
  shipment.set_carrier(carrier);
  shipment.set_carrier_name(detection::CarrierDisplayName(carrier));
  shipment.set_tracking_number(std::string(number));
  shipment.set_tracking_url(detection::TrackingUrl(carrier, number));
  shipment.mutable_provenance()->set_source(v1::SOURCE_TEMPLATE);
  MarkServed(v1::CACHE_LAYER_NONE, clock_(), clock_(), false, &shipment);
  return shipment;
}

void ShipmentLookup::Track(const TrackRequest& request, adapters::ShipmentCallback done) {
  auto plan = std::make_shared<Plan>();
  adapters::TrackingSource* source = request.source;
  if (source != nullptr) {
    // A channel's own package tracker: keyed by its name, not a carrier's.
    plan->carrier = source->carrier();
    plan->marketplace_id = request.marketplace_id;
    plan->key = cache::TrackingKey(request.tenant,
                                   request.marketplace_id.empty()
                                       ? std::string(source->name())
                                       : absl::StrCat(source->name(), ".", request.marketplace_id),
                                   request.tracking_number);
  } else {
    auto carrier = ResolveCarrier(request);
    if (!carrier.ok()) {
      done(carrier.status());
      return;
    }
    source = registry_.Find(*carrier);
    if (source == nullptr) {
      // No API for this carrier: the agent still gets a working link.
      done(TemplateShipment(*carrier, request.tracking_number));
      return;
    }
    plan->carrier = *carrier;
    plan->key = CacheKey(request.tenant, *carrier, request.tracking_number);
  }
  plan->tenant = request.tenant;
  plan->number = request.tracking_number;
  plan->source = source;
  plan->adapter = std::string(source->name());
  plan->deadline = request.deadline;
  plan->trace = request.trace;
  plan->force_refresh = request.cache.force_refresh();
  plan->want = WantedFreshness(request.cache, clock_());
  const std::string& key = plan->key;
  const cache::Freshness want = plan->want;
  cache_.Get(key, want,
             [this, plan = PlanPtr(std::move(plan)),
              done = std::move(done)](cache::CacheLookup found) mutable {
               RecordLookup(found);
               if (found.fresh) {
                 absl::StatusOr<v1::Shipment> answer;
                 if (FromEntry(*found.entry, ToCacheLayer(found.layer), clock_(), false, &answer)) {
                   done(std::move(answer));
                   return;
                 }
                 spdlog::warn("cache entry for {} does not parse; refetching", plan->key);
                 found = cache::CacheLookup();
               }
               Join(std::move(plan), std::move(found), std::move(done));
             });
}

void ShipmentLookup::RecordLookup(const cache::CacheLookup& found) {
  metrics_.RecordCache("memory",
                       found.fresh && found.layer == cache::Layer::kMemory ? "hit" : "miss");
  if (found.shared_consulted) {
    metrics_.RecordCache("redis", found.shared_failed ? "error" : found.fresh ? "hit" : "miss");
  }
}

void ShipmentLookup::Join(PlanPtr plan, cache::CacheLookup found, adapters::ShipmentCallback done) {
  std::shared_ptr<const cache::CacheEntry> landed;
  {
    absl::MutexLock lock(&mu_);
    if (auto it = flights_.find(plan->key); it != flights_.end()) {
      it->second.waiters.push_back(std::move(done));
      metrics_.RecordCoalesced();
      return;
    }
    // A flight for this key may have finished since the cache was asked: its
    // answer is in L1 before its flight is gone (see OnUpstream), so looking
    // again here closes the gap that would cause a second upstream call.
    if (!plan->force_refresh) {
      cache::Freshness want = plan->want;
      want.now = clock_();
      landed = cache_.Peek(plan->key, want);
    }
    if (landed == nullptr) {
      Flight& flight = flights_[plan->key];
      flight.waiters.push_back(std::move(done));
      if (found.entry != nullptr && found.entry->code == absl::StatusCode::kOk) {
        flight.stale = std::move(found.entry);
        flight.stale_layer = ToCacheLayer(found.layer);
        // A slow upstream must not use up the time to serve the older answer.
        auto bounded = std::make_shared<Plan>(*plan);
        bounded->deadline = StaleFallbackDeadline(clock_(), plan->deadline);
        plan = std::move(bounded);
      }
    }
  }
  if (landed != nullptr) {
    absl::StatusOr<v1::Shipment> answer;
    if (FromEntry(*landed, v1::CACHE_LAYER_MEMORY, clock_(), false, &answer)) {
      done(std::move(answer));
      return;
    }
    auto refetch = std::make_shared<Plan>(*plan);
    refetch->force_refresh = true;
    Join(std::move(refetch), cache::CacheLookup(), std::move(done));
    return;
  }
  Lead(std::move(plan));
}

void ShipmentLookup::Lead(PlanPtr plan) {
  if (coordination_.shared_flight == nullptr) {
    Fetch(std::move(plan));
    return;
  }
  const std::string& key = plan->key;
  const cache::Freshness want = plan->want;
  const absl::Time deadline = plan->deadline;
  coordination_.shared_flight->Begin(
      key, want, deadline, [this, plan](cache::SharedFlight::Outcome outcome) mutable {
        metrics_.RecordSharedFlight(SharedFlightOutcomeName(outcome.kind));
        if (outcome.kind == cache::SharedFlight::Outcome::Kind::kAnswered) {
          OnReplicaAnswer(std::move(plan), std::move(outcome.entry));
          return;
        }
        bool kept = false;
        {
          absl::MutexLock lock(&mu_);
          if (auto it = flights_.find(plan->key); it != flights_.end()) {
            it->second.release_lock = std::move(outcome.release);
            kept = true;
          }
        }
        if (!kept) outcome.release();  // no flight to end: nothing will be stored
        Fetch(std::move(plan));
      });
}

void ShipmentLookup::Fetch(PlanPtr plan) {
  const auto limit = coordination_.rate_limits.find(plan->adapter);
  if (coordination_.rate_limiter == nullptr || limit == coordination_.rate_limits.end() ||
      limit->second.unlimited()) {
    CallUpstream(std::move(plan));
    return;
  }
  const absl::Time asked = clock_();
  coordination_.rate_limiter->Acquire(
      cache::RateLimitKey(plan->tenant, plan->adapter), limit->second, 1,
      plan->deadline - coordination_.rate_limit_reserve,
      [this, plan, asked](absl::Status granted) mutable {
        const absl::Time now = clock_();
        metrics_.RecordRateLimit(plan->adapter, granted.ok(), now - asked);
        if (!granted.ok()) {
          spdlog::debug("{}: {}", plan->adapter, granted.ToString());
          OnUpstream(plan, now, adapters::WithAdapter(plan->adapter, granted), /*called=*/false);
          return;
        }
        CallUpstream(std::move(plan));
      });
}

void ShipmentLookup::CallUpstream(PlanPtr plan) {
  adapters::TrackQuery query{.tracking_number = plan->number,
                             .deadline = plan->deadline,
                             .tenant = plan->tenant,
                             .marketplace_id = plan->marketplace_id};
  const absl::Time started = clock_();
  http::ScopedTrace trace(plan->trace);
  plan->source->Track(query, [this, plan, started](absl::StatusOr<v1::Shipment> result) {
    OnUpstream(plan, started, std::move(result), /*called=*/true);
  });
}

std::shared_ptr<const cache::CacheEntry> ShipmentLookup::Store(
    const std::string& key, const absl::StatusOr<v1::Shipment>& result, absl::Time now) {
  auto entry = std::make_shared<cache::CacheEntry>();
  entry->stored_at = now;
  v1::ShipmentState state = v1::SHIPMENT_STATE_NOT_FOUND;
  if (result.ok()) {
    entry->payload = result->SerializeAsString();
    state = result->state();
  } else {
    entry->code = result.status().code();
    entry->message = std::string(result.status().message());
  }
  entry->fresh_until = now + Jittered(policy_.FreshFor(state), policy_.jitter_fraction);
  entry->keep_until =
      entry->fresh_until + (result.ok() ? policy_.stale_horizon : absl::ZeroDuration());
  cache_.Put(key, entry, now);
  return entry;
}

ShipmentLookup::Flight ShipmentLookup::TakeFlight(const std::string& key) {
  Flight flight;
  absl::MutexLock lock(&mu_);
  auto it = flights_.find(key);
  if (it != flights_.end()) {
    flight = std::move(it->second);
    flights_.erase(it);
  }
  return flight;
}

void ShipmentLookup::OnUpstream(const PlanPtr& plan, absl::Time started,
                                absl::StatusOr<v1::Shipment> result, bool called) {
  const absl::Time now = clock_();
  if (called) metrics_.RecordUpstream(plan->adapter, OutcomeName(result.status()), now - started);

  // Store first, then end the flight: a request that no longer finds the
  // flight finds the answer in L1 (see Join).
  if (result.ok()) {
    if (result->tracking_url().empty()) {
      result->set_tracking_url(detection::TrackingUrl(plan->carrier, result->tracking_number()));
    }
    if (result->carrier_name().empty()) {
      result->set_carrier_name(detection::CarrierDisplayName(plan->carrier));
    }
    Store(plan->key, result, now);
    MarkServed(v1::CACHE_LAYER_NONE, now, now, false, &*result);
  } else if (result.status().code() == absl::StatusCode::kNotFound) {
    Store(plan->key, result, now);  // negative caching
  }
  Flight flight = TakeFlight(plan->key);
  // The store went out first on the same connection: a replica that sees the
  // lock gone finds the answer.
  if (flight.release_lock) flight.release_lock();

  if (!result.ok() && result.status().code() != absl::StatusCode::kNotFound &&
      flight.stale != nullptr) {
    absl::StatusOr<v1::Shipment> stale;
    if (FromEntry(*flight.stale, flight.stale_layer, now, /*stale=*/true, &stale)) {
      spdlog::warn("{}: upstream failed ({}); serving the cached answer marked stale",
                   plan->adapter, result.status().ToString());
      metrics_.RecordCache(flight.stale_layer == v1::CACHE_LAYER_REDIS ? "redis" : "memory",
                           "stale");
      result = std::move(stale);
    }
  }
  Deliver(flight, result);
}

void ShipmentLookup::OnReplicaAnswer(PlanPtr plan, std::shared_ptr<const cache::CacheEntry> entry) {
  absl::StatusOr<v1::Shipment> answer;
  if (!FromEntry(*entry, v1::CACHE_LAYER_REDIS, clock_(), false, &answer)) {
    spdlog::warn("the shared answer for {} does not parse; fetching", plan->key);
    Fetch(std::move(plan));
    return;
  }
  cache_.Fill(plan->key, std::move(entry));
  Flight flight = TakeFlight(plan->key);
  Deliver(flight, answer);
}

void ShipmentLookup::Deliver(Flight& flight, const absl::StatusOr<v1::Shipment>& result) {
  for (size_t i = 0; i < flight.waiters.size(); ++i) {
    if (result.ok()) {
      v1::Shipment copy = *result;
      if (i > 0) copy.mutable_provenance()->set_cache_layer(v1::CACHE_LAYER_COALESCED);
      flight.waiters[i](std::move(copy));
    } else {
      flight.waiters[i](result.status());
    }
  }
}

}  // namespace trackenrich::server
