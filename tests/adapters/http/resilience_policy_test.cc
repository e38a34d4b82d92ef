#include <catch2/catch.hpp>

#include "adapters/http/circuit_breaker.h"
#include "adapters/http/retry_policy.h"

namespace trackenrich::http {
namespace {

using State = CircuitBreaker::State;

TEST_CASE("breaker opens after consecutive failures, probes, and closes", "[breaker]") {
  CircuitBreaker breaker({.consecutive_failures = 3,
                          .window = 100,
                          .ratio_min_calls = 100,
                          .failure_ratio = 1.0,
                          .open_for = absl::Seconds(10)});
  absl::Time now = absl::FromUnixSeconds(1000);
  for (int i = 0; i < 2; ++i) {
    REQUIRE(breaker.Allow(now));
    breaker.Record(false, now);
  }
  CHECK(breaker.state(now) == State::kClosed);
  REQUIRE(breaker.Allow(now));
  breaker.Record(false, now);
  CHECK(breaker.state(now) == State::kOpen);
  CHECK_FALSE(breaker.Allow(now + absl::Seconds(9)));
  CHECK(breaker.times_opened() == 1);

  now += absl::Seconds(10);
  CHECK(breaker.state(now) == State::kHalfOpen);
  REQUIRE(breaker.Allow(now));      // the probe
  CHECK_FALSE(breaker.Allow(now));  // only one at a time
  breaker.Record(false, now);       // probe fails: open again
  CHECK(breaker.state(now) == State::kOpen);
  CHECK(breaker.times_opened() == 2);

  now += absl::Seconds(10);
  REQUIRE(breaker.Allow(now));
  breaker.Record(true, now);  // probe succeeds: closed
  CHECK(breaker.state(now) == State::kClosed);
  CHECK(breaker.Allow(now));
}

TEST_CASE("breaker opens on the failure ratio over a window", "[breaker]") {
  CircuitBreaker breaker({.consecutive_failures = 100,
                          .window = 10,
                          .ratio_min_calls = 10,
                          .failure_ratio = 0.5,
                          .open_for = absl::Seconds(1)});
  const absl::Time now = absl::FromUnixSeconds(1000);
  // Alternating success and failure: never 100 in a row, but half fail.
  for (int i = 0; i < 9; ++i) {
    REQUIRE(breaker.Allow(now));
    breaker.Record(i % 2 == 0, now);
  }
  CHECK(breaker.state(now) == State::kClosed);  // only 9 calls so far
  REQUIRE(breaker.Allow(now));
  breaker.Record(false, now);
  CHECK(breaker.state(now) == State::kOpen);
}

TEST_CASE("retries: only idempotent requests, only retryable failures, bounded", "[retry]") {
  RetryPolicy policy;
  HttpRequest get;
  HttpRequest post;
  post.method = "POST";
  post.idempotent = false;
  HttpResponse unavailable;
  unavailable.status = 503;
  HttpResponse not_found;
  not_found.status = 404;
  HttpResponse quota;
  quota.status = 429;

  CHECK(policy.ShouldRetry(get, unavailable, 1));
  CHECK(policy.ShouldRetry(get, quota, 2));
  CHECK_FALSE(policy.ShouldRetry(get, unavailable, 3));  // max_attempts = 3
  CHECK_FALSE(policy.ShouldRetry(get, not_found, 1));
  CHECK_FALSE(policy.ShouldRetry(post, unavailable, 1));
  CHECK(policy.ShouldRetry(get, absl::UnavailableError("connect: refused"), 1));
  CHECK_FALSE(policy.ShouldRetry(get, absl::DeadlineExceededError("late"), 1));
}

TEST_CASE("backoff: exponential with jitter, capped, Retry-After wins", "[retry]") {
  RetryPolicy policy;
  const absl::Time now = absl::FromUnixSeconds(1'767'225'600);
  CHECK(policy.Backoff(1, "", now, 1.0) == absl::Milliseconds(100));
  CHECK(policy.Backoff(2, "", now, 1.0) == absl::Milliseconds(200));
  CHECK(policy.Backoff(3, "", now, 1.0) == absl::Milliseconds(400));
  CHECK(policy.Backoff(10, "", now, 1.0) == absl::Seconds(2));
  CHECK(policy.Backoff(1, "", now, 0.0) == absl::Milliseconds(10));
  CHECK(policy.Backoff(1, "1", now, 0.5) == absl::Seconds(1));
  CHECK(policy.Backoff(1, "3600", now, 0.5) == absl::Seconds(30));  // capped
  CHECK(*ParseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now) == absl::Seconds(5));
  CHECK_FALSE(ParseRetryAfter("soon", now).has_value());
  CHECK_FALSE(ParseRetryAfter("-1", now).has_value());
}

}  // namespace
}  // namespace trackenrich::http
