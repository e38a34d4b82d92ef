// Scheduler: "run this later" for components that wait without blocking (the
// rate limiters, the cross-replica single-flight), so tests can drive them
// with a fake clock instead of an io_context.
//
//   Scheduler later = AsioScheduler(io_context);
//   later(absl::Milliseconds(25), [] { PollAgain(); });
#ifndef TRACKENRICH_CACHE_SCHEDULER_H_
#define TRACKENRICH_CACHE_SCHEDULER_H_

#include <functional>

#include "absl/functional/any_invocable.h"
#include "absl/time/time.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace trackenrich::cache {

// Runs `fn` once after `delay`, on some thread of the scheduler's choosing.
using Scheduler = std::function<void(absl::Duration delay, absl::AnyInvocable<void()> fn)>;

// A Scheduler on `io_context`'s threads (a steady timer per call). Work
// scheduled when the io_context stops is dropped without running.
Scheduler AsioScheduler(boost::asio::io_context& io_context);

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_SCHEDULER_H_
