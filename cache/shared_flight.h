// SharedFlight: single-flight across replicas. Before fetching a key from
// the upstream, a replica asks the SharedFlight whether it should: one
// replica leads (it holds a short lock), the others wait, bounded, for the
// leader's answer to appear in the shared cache. Redis implements it
// (redis/redis_shared_flight.h); without Redis every replica leads.
//
//   flight.Begin(key, want, deadline, [](SharedFlight::Outcome outcome) {
//     if (outcome.entry != nullptr) return Serve(*outcome.entry);   // another replica fetched
//     Fetch([release = std::move(outcome.release)]() mutable { Store(); release(); });
//   });
#ifndef TRACKENRICH_CACHE_SHARED_FLIGHT_H_
#define TRACKENRICH_CACHE_SHARED_FLIGHT_H_

#include <memory>
#include <string>

#include "absl/functional/any_invocable.h"
#include "absl/time/time.h"

#include "cache/cache.h"
#include "cache/cache_entry.h"

namespace trackenrich::cache {

class SharedFlight {
 public:
  struct Outcome {
    enum class Kind {
      // This replica holds the lock: fetch, store, then call `release`.
      kLead,
      // Another replica's answer arrived while waiting: `entry` is it.
      kAnswered,
      // No lock (the wait ran out, or the shared store failed): fetch
      // anyway; `release` does nothing.
      kFallback,
    };
    Kind kind = Kind::kFallback;
    std::shared_ptr<const CacheEntry> entry;
    absl::AnyInvocable<void()> release = [] {};
  };
  using Callback = absl::AnyInvocable<void(Outcome)>;

  virtual ~SharedFlight() = default;

  // Decides who fetches `key`. An answer counts only if `want` accepts it
  // (re-checked against the current time). Waits end by `deadline` at the
  // latest. `done` runs exactly once, on an I/O thread.
  virtual void Begin(const std::string& key, const Freshness& want, absl::Time deadline,
                     Callback done) = 0;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_SHARED_FLIGHT_H_
