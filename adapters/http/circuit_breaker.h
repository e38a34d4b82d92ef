// CircuitBreaker: stops calling an upstream that keeps failing, so requests
// fail fast (UNAVAILABLE) instead of piling up on a dead host, and probes it
// again after a pause.
//
//   CircuitBreaker breaker({.consecutive_failures = 5, .open_for = absl::Seconds(10)});
//   if (!breaker.Allow(now)) return absl::UnavailableError("circuit open");
//   ... exchange ...
//   breaker.Record(ok, now);
//
// Closed: every call passes; it opens after `consecutive_failures` failures in
// a row, or when at least `ratio_min_calls` of the last `window` calls were
// made and `failure_ratio` of them failed. Open: calls are refused until
// `open_for` has passed, then one probe passes (half-open); the probe's
// success closes the breaker, its failure opens it again. Thread-safe.
#ifndef TRACKENRICH_ADAPTERS_HTTP_CIRCUIT_BREAKER_H_
#define TRACKENRICH_ADAPTERS_HTTP_CIRCUIT_BREAKER_H_

#include <cstdint>
#include <deque>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace trackenrich::http {

struct BreakerOptions {
  int consecutive_failures = 5;
  int window = 20;
  int ratio_min_calls = 10;
  double failure_ratio = 0.5;
  absl::Duration open_for = absl::Seconds(10);
};

class CircuitBreaker {
 public:
  enum class State { kClosed = 0, kOpen = 1, kHalfOpen = 2 };

  explicit CircuitBreaker(BreakerOptions options) : options_(options) {}

  // True if a call may go out now. In half-open, only one call at a time.
  bool Allow(absl::Time now);
  // The outcome of a call that Allow let through.
  void Record(bool success, absl::Time now);

  State state(absl::Time now) const;
  int64_t times_opened() const;

  static absl::string_view StateName(State state);

 private:
  void OpenLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const BreakerOptions options_;
  mutable absl::Mutex mu_;
  State state_ ABSL_GUARDED_BY(mu_) = State::kClosed;
  absl::Time opened_at_ ABSL_GUARDED_BY(mu_);
  bool probe_in_flight_ ABSL_GUARDED_BY(mu_) = false;
  int consecutive_failures_ ABSL_GUARDED_BY(mu_) = 0;
  std::deque<bool> recent_ ABSL_GUARDED_BY(mu_);  // true = failure
  int recent_failures_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t times_opened_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace trackenrich::http

#endif  // TRACKENRICH_ADAPTERS_HTTP_CIRCUIT_BREAKER_H_
