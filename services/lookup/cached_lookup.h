// CachedLookup: the one cached, single-flight path every lookup takes
// (shipments by tracking number, orders by order ID, and each channel's
// orders): the in-process cache, then the shared one (Redis), then one
// upstream call per key however many requests ask at once (single-flight in
// the process and, with a SharedFlight, across replicas), within the
// upstream's rate limit, with negative caching and stale-on-error. Answers
// are kept parsed and immutable in the in-process cache, so a hit copies the
// answer into the response and parses nothing.
//
//   CachedLookup core(cache, ShipmentAnswers(policy), metrics, coordination);
//   absl::StatusOr<Served> hit;
//   if (core.ServeFromMemory(key, want, &hit)) return Reply(hit);   // inline
//   core.Lookup(std::make_shared<MyFlight>(...), [](absl::StatusOr<Served> served) { ... });
//
// A lookup's kind (what its answers are, how long they stay fresh) is an
// AnswerKind; what one miss fetches is a Flight.
#ifndef TRACKENRICH_SERVICES_LOOKUP_CACHED_LOOKUP_H_
#define TRACKENRICH_SERVICES_LOOKUP_CACHED_LOOKUP_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "adapters/http/trace_context.h"
#include "cache/cache.h"
#include "cache/rate_limiter.h"
#include "cache/shared_flight.h"
#include "services/metrics/service_metrics.h"
#include "trackenrich/v1/shipment.pb.h"
#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::server {

// An answer as the caches keep it: parsed once, shared, never changed.
using AnswerPtr = cache::CacheEntry::AnswerPtr;

// What makes many replicas behave as one. All optional.
struct LookupCoordination {
  // Cross-replica single-flight; null: single-flight within the process only.
  cache::SharedFlight* shared_flight = nullptr;
  // Upstream quotas; null: no limits.
  cache::RateLimiter* rate_limiter = nullptr;
  // Limits by upstream name ("ups"), enforced per tenant; upstreams without
  // one are not limited.
  absl::flat_hash_map<std::string, cache::RateLimit> rate_limits = {};
  // Kept for the upstream call itself when waiting for a rate-limit slot: a
  // slot that would leave less than this before the deadline is refused at
  // once (RESOURCE_EXHAUSTED) rather than spent on a call that cannot finish.
  absl::Duration rate_limit_reserve = absl::Milliseconds(250);
};

// One kind of answer: how a stored payload is parsed back and how long an
// answer stays fresh.
class AnswerKind {
 public:
  virtual ~AnswerKind() = default;
  // The answer `payload` holds; null when it does not parse.
  virtual AnswerPtr Parse(absl::string_view payload) const = 0;
  // How long an answer (OK, or NOT_FOUND when `answer` is null) stays fresh.
  virtual absl::Duration FreshFor(const google::protobuf::Message* answer) const = 0;
  // How long an OK answer is kept past its freshness, for stale-on-error.
  virtual absl::Duration StaleHorizon() const = 0;
  // The share by which freshness is spread (0.1: ±10%), so a burst of
  // lookups does not expire together.
  virtual double Jitter() const { return 0; }
};

// How an answer reached the caller.
struct Served {
  AnswerPtr answer;
  // CACHE_LAYER_NONE (fetched for this call), MEMORY, REDIS or COALESCED.
  v1::CacheLayer layer = v1::CACHE_LAYER_NONE;
  absl::Time fetched_at;
  // Past its freshness, served because the upstream failed.
  bool stale = false;
  // `answer` serialized, as the cache entry holds it (shared with the entry,
  // never copied); null when not at hand. A reply can be written from these
  // bytes without copying or serializing the answer.
  std::shared_ptr<const std::string> payload;
};
using ServedCallback = absl::AnyInvocable<void(absl::StatusOr<Served>)>;
using FetchCallback = absl::AnyInvocable<void(absl::StatusOr<AnswerPtr>)>;

// One lookup on its way past the in-process cache: the key and what to fetch
// on a miss. Immutable once made.
class Flight {
 public:
  virtual ~Flight() = default;

  std::string key;
  std::string tenant = "default";
  // The upstream's short name ("ups", "sp_api"): metrics, rate limits, logs.
  std::string upstream;
  absl::Time deadline = absl::InfiniteFuture();
  cache::Freshness want;
  bool force_refresh = false;
  http::TraceContext trace;

  // Calls the upstream, bounded by `deadline`; `done` runs exactly once.
  // NOT_FOUND answers are cached (negative caching); other errors are not.
  virtual void Fetch(absl::Time deadline, FetchCallback done) const = 0;
};
using FlightPtr = std::shared_ptr<const Flight>;

class CachedLookup {
 public:
  using Clock = std::function<absl::Time()>;

  // Everything passed must outlive the lookup.
  CachedLookup(cache::Cache& cache, const AnswerKind& kind, ServiceMetrics& metrics,
               LookupCoordination coordination = {}, Clock clock = absl::Now);

  // The in-process cache alone, inline: true with `*served` set when it holds
  // a fresh answer (or a fresh negative one) for `key`. Allocates nothing.
  bool ServeFromMemory(absl::string_view key, const cache::Freshness& want,
                       absl::StatusOr<Served>* served);

  // The whole path: memory, shared cache, then the flight's upstream call.
  // `done` runs exactly once: inline for in-process hits, on an I/O thread
  // otherwise. Errors are the flight's, or RESOURCE_EXHAUSTED when the rate
  // limit has no slot before the deadline. A cached answer past its freshness
  // is served, marked stale, instead of an upstream failure (NOT_FOUND
  // excepted).
  void Lookup(FlightPtr flight, ServedCallback done);

  // Stores `answer` under `key` as if fetched now (an answer pushed to us,
  // e.g. a carrier's tracking push): every layer, fresh by its kind.
  void Put(const std::string& key, AnswerPtr answer);

  // The newest answer kept under `key`, fresh or not (null when none): for
  // merging a push into what is cached. `done` runs once, inline or on an
  // I/O thread.
  void Newest(const std::string& key, absl::AnyInvocable<void(AnswerPtr)> done);

  absl::Time Now() const { return clock_(); }

 private:
  struct Waiting {
    std::vector<ServedCallback> waiters;
    // An older answer to serve, marked stale, if the upstream fails.
    std::shared_ptr<const cache::CacheEntry> stale;
    v1::CacheLayer stale_layer = v1::CACHE_LAYER_MEMORY;
    // Releases the cross-replica lock once the answer is stored.
    absl::AnyInvocable<void()> release_lock;
  };

  // The answer an entry holds (parsed now if it came without one). False
  // when its payload does not parse.
  bool FromEntry(const std::shared_ptr<const cache::CacheEntry>& entry, v1::CacheLayer layer,
                 bool stale, absl::StatusOr<Served>* served) const;
  void RecordLookup(const cache::CacheLookup& found);
  void Join(FlightPtr flight, cache::CacheLookup found, ServedCallback done);
  void Lead(FlightPtr flight, absl::Time fetch_deadline);
  void Limit(FlightPtr flight, absl::Time fetch_deadline);
  void CallUpstream(FlightPtr flight, absl::Time fetch_deadline);
  void OnUpstream(const Flight& flight, absl::Time started, absl::StatusOr<AnswerPtr> result,
                  bool called);
  void OnReplicaAnswer(FlightPtr flight, absl::Time fetch_deadline,
                       std::shared_ptr<const cache::CacheEntry> entry);
  Waiting TakeWaiting(const std::string& key);
  std::shared_ptr<const cache::CacheEntry> Store(const std::string& key,
                                                 const absl::StatusOr<AnswerPtr>& result,
                                                 absl::Time now);
  static void Deliver(Waiting& waiting, const absl::StatusOr<Served>& result);

  cache::Cache& cache_;
  const AnswerKind& kind_;
  ServiceMetrics& metrics_;
  const LookupCoordination coordination_;
  const Clock clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Waiting> flights_ ABSL_GUARDED_BY(mu_);
};

// What a caller's CacheControl accepts as fresh at `now`: any entry still in
// its freshness window, or one stored within max_age; with force_refresh only
// an answer fetched from now on.
cache::Freshness WantedFreshness(const v1::CacheControl& control, absl::Time now);

// The proto's name for the cache layer that answered.
v1::CacheLayer ToCacheLayer(cache::Layer layer);

// Fills the provenance fields that depend on how the answer was served.
void MarkProvenance(const Served& served, absl::Time now, v1::Provenance* provenance);
void MarkProvenance(v1::CacheLayer layer, absl::Time fetched_at, absl::Time now, bool stale,
                    v1::Provenance* provenance);

// "ok", "not_found", "unavailable", ... for metrics.
absl::string_view OutcomeName(const absl::Status& status);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_LOOKUP_CACHED_LOOKUP_H_
