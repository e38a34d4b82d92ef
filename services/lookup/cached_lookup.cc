#include "services/lookup/cached_lookup.h"

#include <algorithm>
#include <utility>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "spdlog/spdlog.h"

#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "cache/cache_keys.h"
#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::server {
namespace {

absl::Duration Jittered(absl::Duration ttl, double fraction) {
  if (fraction <= 0) return ttl;
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

absl::string_view LayerMetricName(v1::CacheLayer layer) {
  return layer == v1::CACHE_LAYER_REDIS ? "redis" : "memory";
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

}  // namespace

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

void MarkProvenance(const Served& served, absl::Time now, v1::Provenance* provenance) {
  MarkProvenance(served.layer, served.fetched_at, now, served.stale, provenance);
}

void MarkProvenance(v1::CacheLayer layer, absl::Time fetched_at, absl::Time now, bool stale,
                    v1::Provenance* provenance) {
  provenance->set_cache_layer(layer);
  adapters::ToProto(fetched_at, provenance->mutable_fetched_at());
  const absl::Duration age = std::max(now - fetched_at, absl::ZeroDuration());
  const int64_t seconds = absl::ToInt64Seconds(age);
  provenance->mutable_age()->set_seconds(seconds);
  provenance->mutable_age()->set_nanos(
      static_cast<int32_t>((age - absl::Seconds(seconds)) / absl::Nanoseconds(1)));
  provenance->set_stale(stale);
}

CachedLookup::CachedLookup(cache::Cache& cache, const AnswerKind& kind, ServiceMetrics& metrics,
                           LookupCoordination coordination, Clock clock)
    : cache_(cache),
      kind_(kind),
      metrics_(metrics),
      coordination_(std::move(coordination)),
      clock_(std::move(clock)) {}

bool CachedLookup::FromEntry(const std::shared_ptr<const cache::CacheEntry>& entry,
                             v1::CacheLayer layer, bool stale,
                             absl::StatusOr<Served>* served) const {
  if (entry->code != absl::StatusCode::kOk) {
    *served = absl::Status(entry->code, entry->message);
    return true;
  }
  AnswerPtr answer = entry->answer != nullptr ? entry->answer : kind_.Parse(entry->payload);
  if (answer == nullptr) return false;
  *served = Served{.answer = std::move(answer),
                   .layer = layer,
                   .fetched_at = entry->stored_at,
                   .stale = stale,
                   .payload = std::shared_ptr<const std::string>(entry, &entry->payload)};
  return true;
}

bool CachedLookup::ServeFromMemory(absl::string_view key, const cache::Freshness& want,
                                   absl::StatusOr<Served>* served) {
  std::shared_ptr<const cache::CacheEntry> entry = cache_.Peek(key, want);
  if (entry == nullptr || !FromEntry(entry, v1::CACHE_LAYER_MEMORY, false, served)) return false;
  metrics_.RecordCache("memory", "hit");
  return true;
}

void CachedLookup::Lookup(FlightPtr flight, ServedCallback done) {
  const std::string& key = flight->key;
  const cache::Freshness want = flight->want;
  cache_.Get(
      key, want,
      [this, flight = std::move(flight), done = std::move(done)](cache::CacheLookup found) mutable {
        RecordLookup(found);
        if (found.fresh) {
          absl::StatusOr<Served> served;
          if (FromEntry(found.entry, ToCacheLayer(found.layer), false, &served)) {
            if (found.layer == cache::Layer::kShared && found.entry->answer == nullptr &&
                served.ok()) {
              // Parsed once here; later hits in this process reuse it.
              auto parsed = std::make_shared<cache::CacheEntry>(*found.entry);
              parsed->answer = served->answer;
              cache_.Fill(flight->key, std::move(parsed));
            }
            done(std::move(served));
            return;
          }
          spdlog::warn("cache entry for {} does not parse; refetching", flight->key);
          found = cache::CacheLookup();
        }
        Join(std::move(flight), std::move(found), std::move(done));
      });
}

void CachedLookup::RecordLookup(const cache::CacheLookup& found) {
  metrics_.RecordCache("memory",
                       found.fresh && found.layer == cache::Layer::kMemory ? "hit" : "miss");
  if (found.shared_consulted) {
    metrics_.RecordCache("redis", found.shared_failed ? "error" : found.fresh ? "hit" : "miss");
  }
}

void CachedLookup::Join(FlightPtr flight, cache::CacheLookup found, ServedCallback done) {
  absl::StatusOr<Served> landed;
  bool has_landed = false;
  absl::Time fetch_deadline = flight->deadline;
  {
    absl::MutexLock lock(&mu_);
    if (auto it = flights_.find(flight->key); it != flights_.end()) {
      it->second.waiters.push_back(std::move(done));
      metrics_.RecordCoalesced();
      return;
    }
    // A flight for this key may have finished since the cache was asked: its
    // answer is in L1 before its flight is gone (see OnUpstream), so looking
    // again here closes the gap that would cause a second upstream call.
    if (!flight->force_refresh) {
      cache::Freshness want = flight->want;
      want.now = clock_();
      if (auto entry = cache_.Peek(flight->key, want); entry != nullptr) {
        has_landed = FromEntry(entry, v1::CACHE_LAYER_MEMORY, false, &landed);
      }
    }
    if (!has_landed) {
      Waiting& waiting = flights_[flight->key];
      waiting.waiters.push_back(std::move(done));
      if (found.entry != nullptr && found.entry->code == absl::StatusCode::kOk) {
        waiting.stale = std::move(found.entry);
        waiting.stale_layer = ToCacheLayer(found.layer);
        // A slow upstream must not use up the time to serve the older answer.
        fetch_deadline = StaleFallbackDeadline(clock_(), flight->deadline);
      }
    }
  }
  if (has_landed) {
    done(std::move(landed));
    return;
  }
  Lead(std::move(flight), fetch_deadline);
}

void CachedLookup::Lead(FlightPtr flight, absl::Time fetch_deadline) {
  if (coordination_.shared_flight == nullptr) {
    Limit(std::move(flight), fetch_deadline);
    return;
  }
  const std::string& key = flight->key;
  const cache::Freshness want = flight->want;
  const absl::Time deadline = flight->deadline;
  coordination_.shared_flight->Begin(
      key, want, deadline,
      [this, flight, fetch_deadline](cache::SharedFlight::Outcome outcome) mutable {
        metrics_.RecordSharedFlight(SharedFlightOutcomeName(outcome.kind));
        if (outcome.kind == cache::SharedFlight::Outcome::Kind::kAnswered) {
          OnReplicaAnswer(std::move(flight), fetch_deadline, std::move(outcome.entry));
          return;
        }
        bool kept = false;
        {
          absl::MutexLock lock(&mu_);
          if (auto it = flights_.find(flight->key); it != flights_.end()) {
            it->second.release_lock = std::move(outcome.release);
            kept = true;
          }
        }
        if (!kept) outcome.release();  // no flight to end: nothing will be stored
        Limit(std::move(flight), fetch_deadline);
      });
}

void CachedLookup::Limit(FlightPtr flight, absl::Time fetch_deadline) {
  const auto limit = coordination_.rate_limits.find(flight->upstream);
  if (coordination_.rate_limiter == nullptr || limit == coordination_.rate_limits.end() ||
      limit->second.unlimited()) {
    CallUpstream(std::move(flight), fetch_deadline);
    return;
  }
  const absl::Time asked = clock_();
  coordination_.rate_limiter->Acquire(
      cache::RateLimitKey(flight->tenant, flight->upstream), limit->second, 1,
      flight->deadline - coordination_.rate_limit_reserve,
      [this, flight, fetch_deadline, asked](absl::Status granted) mutable {
        const absl::Time now = clock_();
        metrics_.RecordRateLimit(flight->upstream, granted.ok(), now - asked);
        if (!granted.ok()) {
          spdlog::debug("{}: {}", flight->upstream, granted.ToString());
          OnUpstream(*flight, now, adapters::WithAdapter(flight->upstream, granted),
                     /*called=*/false);
          return;
        }
        CallUpstream(std::move(flight), fetch_deadline);
      });
}

void CachedLookup::CallUpstream(FlightPtr flight, absl::Time fetch_deadline) {
  const absl::Time started = clock_();
  http::ScopedTrace trace(flight->trace);
  const Flight& call = *flight;
  call.Fetch(fetch_deadline,
             [this, flight = std::move(flight), started](absl::StatusOr<AnswerPtr> result) {
               OnUpstream(*flight, started, std::move(result), /*called=*/true);
             });
}

std::shared_ptr<const cache::CacheEntry> CachedLookup::Store(
    const std::string& key, const absl::StatusOr<AnswerPtr>& result, absl::Time now) {
  auto entry = std::make_shared<cache::CacheEntry>();
  entry->stored_at = now;
  if (result.ok()) {
    (*result)->SerializeToString(&entry->payload);
    entry->answer = *result;
  } else {
    entry->code = result.status().code();
    entry->message = std::string(result.status().message());
  }
  entry->fresh_until =
      now + Jittered(kind_.FreshFor(result.ok() ? result->get() : nullptr), kind_.Jitter());
  entry->keep_until =
      entry->fresh_until + (result.ok() ? kind_.StaleHorizon() : absl::ZeroDuration());
  cache_.Put(key, entry, now);
  return entry;
}

void CachedLookup::Put(const std::string& key, AnswerPtr answer) {
  Store(key, std::move(answer), clock_());
}

void CachedLookup::Newest(const std::string& key, absl::AnyInvocable<void(AnswerPtr)> done) {
  cache_.Get(key, cache::Freshness{.now = clock_()},
             [this, done = std::move(done)](cache::CacheLookup found) mutable {
               if (found.entry == nullptr || found.entry->code != absl::StatusCode::kOk) {
                 return done(nullptr);
               }
               if (found.entry->answer != nullptr) return done(found.entry->answer);
               done(kind_.Parse(found.entry->payload));
             });
}

CachedLookup::Waiting CachedLookup::TakeWaiting(const std::string& key) {
  Waiting waiting;
  absl::MutexLock lock(&mu_);
  auto it = flights_.find(key);
  if (it != flights_.end()) {
    waiting = std::move(it->second);
    flights_.erase(it);
  }
  return waiting;
}

void CachedLookup::OnUpstream(const Flight& flight, absl::Time started,
                              absl::StatusOr<AnswerPtr> result, bool called) {
  const absl::Time now = clock_();
  if (called) metrics_.RecordUpstream(flight.upstream, OutcomeName(result.status()), now - started);

  // Store first, then end the flight: a request that no longer finds the
  // flight finds the answer in L1 (see Join).
  const bool not_found = result.status().code() == absl::StatusCode::kNotFound;
  std::shared_ptr<const cache::CacheEntry> stored;
  if (result.ok() || not_found) stored = Store(flight.key, result, now);
  Waiting waiting = TakeWaiting(flight.key);
  // The store went out first on the same connection: a replica that sees the
  // lock gone finds the answer.
  if (waiting.release_lock) waiting.release_lock();

  absl::StatusOr<Served> served;
  if (result.ok()) {
    served = Served{.answer = *std::move(result),
                    .layer = v1::CACHE_LAYER_NONE,
                    .fetched_at = now,
                    .payload = std::shared_ptr<const std::string>(stored, &stored->payload)};
  } else {
    served = result.status();
    if (!not_found && waiting.stale != nullptr &&
        FromEntry(waiting.stale, waiting.stale_layer, /*stale=*/true, &served)) {
      spdlog::warn("{}: upstream failed ({}); serving the cached answer marked stale",
                   flight.upstream, result.status().ToString());
      metrics_.RecordCache(LayerMetricName(waiting.stale_layer), "stale");
    }
  }
  Deliver(waiting, served);
}

void CachedLookup::OnReplicaAnswer(FlightPtr flight, absl::Time fetch_deadline,
                                   std::shared_ptr<const cache::CacheEntry> entry) {
  absl::StatusOr<Served> served;
  if (!FromEntry(entry, v1::CACHE_LAYER_REDIS, false, &served)) {
    spdlog::warn("the shared answer for {} does not parse; fetching", flight->key);
    Limit(std::move(flight), fetch_deadline);
    return;
  }
  if (served.ok() && entry->answer == nullptr) {
    auto parsed = std::make_shared<cache::CacheEntry>(*entry);
    parsed->answer = served->answer;
    entry = std::move(parsed);
  }
  cache_.Fill(flight->key, std::move(entry));
  Waiting waiting = TakeWaiting(flight->key);
  Deliver(waiting, served);
}

void CachedLookup::Deliver(Waiting& waiting, const absl::StatusOr<Served>& result) {
  for (size_t i = 0; i < waiting.waiters.size(); ++i) {
    if (i > 0 && result.ok()) {
      Served coalesced = *result;
      coalesced.layer = v1::CACHE_LAYER_COALESCED;
      waiting.waiters[i](std::move(coalesced));
    } else {
      waiting.waiters[i](result);
    }
  }
}

}  // namespace trackenrich::server
