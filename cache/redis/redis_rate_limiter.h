// RedisRateLimiter: the RateLimiter every replica shares: GCRA in a Lua
// script, run atomically in Redis on Redis's own clock, so all replicas
// together stay within an upstream's quota. While Redis is unreachable an
// in-process LocalRateLimiter takes over (each replica then enforces the
// whole limit by itself).
//
//   RedisRateLimiter limiter(client, AsioScheduler(io_context));
//   limiter.Acquire(RateLimitKey(tenant, "amazon:getOrder"), {.per_second = 0.5, .burst = 30},
//                   1, deadline, [](absl::Status granted) { ... });
#ifndef TRACKENRICH_CACHE_REDIS_REDIS_RATE_LIMITER_H_
#define TRACKENRICH_CACHE_REDIS_REDIS_RATE_LIMITER_H_

#include <atomic>
#include <functional>

#include "cache/local_rate_limiter.h"
#include "cache/rate_limiter.h"
#include "cache/redis/redis_client.h"
#include "cache/redis/redis_script.h"
#include "cache/scheduler.h"

namespace trackenrich::cache {

class RedisRateLimiter final : public RateLimiter {
 public:
  using Clock = std::function<absl::Time()>;

  // `client` must outlive the limiter.
  RedisRateLimiter(RedisClient& client, Scheduler scheduler, Clock clock = absl::Now);

  void Acquire(absl::string_view key, const RateLimit& limit, int64_t cost, absl::Time deadline,
               AcquireCallback done) override;

  // Acquires the in-process fallback answered.
  int64_t fallbacks() const { return fallbacks_.load(); }

 private:
  void Fallback(std::string key, const RateLimit& limit, int64_t cost, absl::Time deadline,
                AcquireCallback done);

  RedisClient& client_;
  Scheduler scheduler_;
  Clock clock_;
  LocalRateLimiter fallback_;
  const RedisScript script_;
  std::atomic<int64_t> fallbacks_{0};
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_REDIS_REDIS_RATE_LIMITER_H_
