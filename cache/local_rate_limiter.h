// LocalRateLimiter: the in-process RateLimiter. Serves alone when no Redis is
// configured, and takes over from RedisRateLimiter while Redis is down (each
// replica then enforces the whole limit on its own).
//
//   LocalRateLimiter limiter(AsioScheduler(io_context));
//   limiter.Acquire(key, {.per_second = 2, .burst = 5}, 1, deadline, done);
#ifndef TRACKENRICH_CACHE_LOCAL_RATE_LIMITER_H_
#define TRACKENRICH_CACHE_LOCAL_RATE_LIMITER_H_

#include <functional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

#include "cache/rate_limiter.h"
#include "cache/scheduler.h"

namespace trackenrich::cache {

class LocalRateLimiter final : public RateLimiter {
 public:
  using Clock = std::function<absl::Time()>;

  explicit LocalRateLimiter(Scheduler scheduler, Clock clock = absl::Now);

  // Grants without a wait run `done` inline; waits end on the scheduler.
  void Acquire(absl::string_view key, const RateLimit& limit, int64_t cost, absl::Time deadline,
               AcquireCallback done) override;

 private:
  // Past this many buckets, those already full again are dropped.
  static constexpr size_t kSweepThreshold = 4096;

  Scheduler scheduler_;
  Clock clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, absl::Time> tat_ ABSL_GUARDED_BY(mu_);
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_LOCAL_RATE_LIMITER_H_
