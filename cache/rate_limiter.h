// RateLimiter: keeps calls to an upstream within its quota (SP-API usage
// plans, USPS's hourly quota, carrier rates). One bucket per key, shared by
// every replica when the limiter is Redis-backed (redis/redis_rate_limiter.h),
// per process otherwise (local_rate_limiter.h).
//
//   limiter.Acquire(RateLimitKey(tenant, "ups"), {.per_second = 2, .burst = 5}, 1, deadline,
//                   [](absl::Status granted) { if (granted.ok()) CallUpstream(); });
//
// The algorithm is GCRA (the generic cell rate algorithm, a token bucket
// kept as one timestamp, the bucket's "theoretical arrival time"): a call
// that finds the bucket empty reserves the next slot and waits for it, unless
// that slot lies past its deadline, in which case it is refused at once.
#ifndef TRACKENRICH_CACHE_RATE_LIMITER_H_
#define TRACKENRICH_CACHE_RATE_LIMITER_H_

#include <cstdint>

#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace trackenrich::cache {

struct RateLimit {
  // Sustained rate; zero or less: unlimited.
  double per_second = 0;
  // Calls an idle bucket allows at once.
  int64_t burst = 1;

  bool unlimited() const { return per_second <= 0; }
};

using AcquireCallback = absl::AnyInvocable<void(absl::Status)>;

class RateLimiter {
 public:
  virtual ~RateLimiter() = default;

  // Takes `cost` units from the bucket `key` under `limit`. `done` gets OK
  // once they are granted (at once, or after waiting for the bucket to
  // refill), or RESOURCE_EXHAUSTED at once when that wait would end after
  // `deadline`. Runs exactly once, inline or on an I/O thread.
  virtual void Acquire(absl::string_view key, const RateLimit& limit, int64_t cost,
                       absl::Time deadline, AcquireCallback done) = 0;
};

// One GCRA step, the arithmetic every limiter (and the Redis script) uses.
struct GcraDecision {
  bool granted = false;
  // How long until the units are available (zero: now).
  absl::Duration wait;
  // The bucket's new theoretical arrival time; store it when granted.
  absl::Time new_tat;
};

// `tat`: the bucket's theoretical arrival time (InfinitePast for a new one).
// Granted when the wait is at most `max_wait`.
GcraDecision Gcra(absl::Time tat, absl::Time now, const RateLimit& limit, int64_t cost,
                  absl::Duration max_wait);

// RESOURCE_EXHAUSTED for a refused Acquire.
absl::Status RateLimitExceeded(absl::string_view key, const RateLimit& limit, absl::Duration wait);

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_RATE_LIMITER_H_
