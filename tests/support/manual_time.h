// A clock and a Scheduler that move only when the test says so.
//   ManualTime time;
//   LocalRateLimiter limiter(time.scheduler(), time.clock());
//   time.Advance(absl::Milliseconds(500));   // runs what became due, in order
#ifndef TRACKENRICH_TESTS_SUPPORT_MANUAL_TIME_H_
#define TRACKENRICH_TESTS_SUPPORT_MANUAL_TIME_H_

#include <functional>
#include <map>
#include <memory>
#include <utility>

#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "cache/scheduler.h"

namespace trackenrich::testing {

class ManualTime {
 public:
  absl::Time Now() const {
    absl::MutexLock lock(&state_->mu);
    return state_->now;
  }

  std::function<absl::Time()> clock() const {
    return [state = state_] {
      absl::MutexLock lock(&state->mu);
      return state->now;
    };
  }

  cache::Scheduler scheduler() const {
    return [state = state_](absl::Duration delay, absl::AnyInvocable<void()> fn) {
      absl::MutexLock lock(&state->mu);
      state->due.emplace(std::make_pair(state->now + delay, state->sequence++), std::move(fn));
    };
  }

  // Moves the clock forward, running each task when its time comes.
  void Advance(absl::Duration by) {
    const absl::Time until = Now() + by;
    for (;;) {
      absl::AnyInvocable<void()> task;
      {
        absl::MutexLock lock(&state_->mu);
        auto next = state_->due.begin();
        if (next == state_->due.end() || next->first.first > until) {
          state_->now = until;
          return;
        }
        state_->now = std::max(state_->now, next->first.first);
        task = std::move(next->second);
        state_->due.erase(next);
      }
      task();
    }
  }

  size_t pending() const {
    absl::MutexLock lock(&state_->mu);
    return state_->due.size();
  }

 private:
  struct State {
    mutable absl::Mutex mu;
    absl::Time now = absl::FromUnixSeconds(1'760'000'000);
    int64_t sequence = 0;
    std::map<std::pair<absl::Time, int64_t>, absl::AnyInvocable<void()>> due;
  };
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_MANUAL_TIME_H_
