#include "cache/local_rate_limiter.h"

#include <utility>

namespace trackenrich::cache {

LocalRateLimiter::LocalRateLimiter(Scheduler scheduler, Clock clock)
    : scheduler_(std::move(scheduler)), clock_(std::move(clock)) {}

void LocalRateLimiter::Acquire(absl::string_view key, const RateLimit& limit, int64_t cost,
                               absl::Time deadline, AcquireCallback done) {
  if (limit.unlimited()) {
    done(absl::OkStatus());
    return;
  }
  const absl::Time now = clock_();
  GcraDecision decision;
  {
    absl::MutexLock lock(&mu_);
    if (tat_.size() >= kSweepThreshold) {
      // A bucket whose arrival time has passed is full: dropping it changes nothing.
      for (auto it = tat_.begin(); it != tat_.end();) {
        if (it->second <= now) {
          tat_.erase(it++);
        } else {
          ++it;
        }
      }
    }
    auto [it, inserted] = tat_.try_emplace(key, absl::InfinitePast());
    decision = Gcra(it->second, now, limit, cost, deadline - now);
    if (decision.granted) {
      it->second = decision.new_tat;
    } else if (inserted) {
      tat_.erase(it);
    }
  }
  if (!decision.granted) {
    done(RateLimitExceeded(key, limit, decision.wait));
  } else if (decision.wait <= absl::ZeroDuration()) {
    done(absl::OkStatus());
  } else {
    scheduler_(decision.wait, [done = std::move(done)]() mutable { done(absl::OkStatus()); });
  }
}

}  // namespace trackenrich::cache
