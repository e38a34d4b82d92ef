#include "cache/local_rate_limiter.h"

#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/manual_time.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::cache {
namespace {

using testing::ManualTime;
using testing::StatusIs;

constexpr RateLimit kTwoPerSecondBurstFive{.per_second = 2, .burst = 5};

TEST_CASE("GCRA: a burst at once, then one slot per interval", "[cache][rate_limit]") {
  const absl::Time now = absl::FromUnixSeconds(1000);
  absl::Time tat = absl::InfinitePast();
  for (int i = 0; i < 5; ++i) {
    const GcraDecision decision = Gcra(tat, now, kTwoPerSecondBurstFive, 1, absl::ZeroDuration());
    REQUIRE(decision.granted);
    CHECK(decision.wait == absl::ZeroDuration());
    tat = decision.new_tat;
  }
  const GcraDecision sixth = Gcra(tat, now, kTwoPerSecondBurstFive, 1, absl::Seconds(1));
  CHECK(sixth.granted);
  CHECK(sixth.wait == absl::Milliseconds(500));
  const GcraDecision refused = Gcra(tat, now, kTwoPerSecondBurstFive, 1, absl::Milliseconds(499));
  CHECK_FALSE(refused.granted);
  CHECK(refused.wait == absl::Milliseconds(500));
  // An idle bucket refills: after 2.5 s it allows the whole burst again.
  CHECK(Gcra(tat, now + absl::Milliseconds(2500), kTwoPerSecondBurstFive, 5, absl::ZeroDuration())
            .granted);
  CHECK(Gcra(absl::InfinitePast(), now, {.per_second = 0}, 1000, absl::ZeroDuration()).granted);
}

TEST_CASE("LocalRateLimiter: waits for a slot, or refuses when it is past the deadline",
          "[cache][rate_limit]") {
  ManualTime time;
  LocalRateLimiter limiter(time.scheduler(), time.clock());
  std::vector<absl::Status> results;
  auto record = [&results](absl::Status status) { results.push_back(status); };

  for (int i = 0; i < 5; ++i) {
    limiter.Acquire("k", kTwoPerSecondBurstFive, 1, time.Now() + absl::Seconds(5), record);
  }
  REQUIRE(results.size() == 5);  // granted inline
  for (const auto& status : results) CHECK_THAT(status, testing::IsOk());

  limiter.Acquire("k", kTwoPerSecondBurstFive, 1, time.Now() + absl::Milliseconds(100), record);
  REQUIRE(results.size() == 6);
  CHECK_THAT(results[5], StatusIs(absl::StatusCode::kResourceExhausted, "past the deadline"));

  // The refusal took nothing: the next caller still waits 500 ms, not 1 s.
  limiter.Acquire("k", kTwoPerSecondBurstFive, 1, time.Now() + absl::Seconds(5), record);
  CHECK(results.size() == 6);
  time.Advance(absl::Milliseconds(499));
  CHECK(results.size() == 6);
  time.Advance(absl::Milliseconds(1));
  REQUIRE(results.size() == 7);
  CHECK_THAT(results[6], testing::IsOk());

  // Another key has its own bucket.
  limiter.Acquire("other", kTwoPerSecondBurstFive, 1, time.Now(), record);
  REQUIRE(results.size() == 8);
  CHECK_THAT(results[7], testing::IsOk());
}

TEST_CASE("LocalRateLimiter: 10 s of steady demand get at most burst + rate x 10 s",
          "[cache][rate_limit]") {
  ManualTime time;
  LocalRateLimiter limiter(time.scheduler(), time.clock());
  const absl::Time end = time.Now() + absl::Seconds(10);
  int granted = 0;
  int refused = 0;
  // Ten callers every 50 ms, each willing to wait 1 s but not past the end.
  while (time.Now() < end) {
    for (int i = 0; i < 10; ++i) {
      limiter.Acquire("k", kTwoPerSecondBurstFive, 1, std::min(time.Now() + absl::Seconds(1), end),
                      [&](absl::Status status) { (status.ok() ? granted : refused)++; });
    }
    time.Advance(absl::Milliseconds(50));
  }
  time.Advance(absl::Seconds(2));
  CHECK(granted <= 5 + 2 * 10);
  CHECK(granted >= 5 + 2 * 10 - 1);
  CHECK(refused > 1000);
}

}  // namespace
}  // namespace trackenrich::cache
