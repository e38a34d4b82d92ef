#include "cache/scheduler.h"

#include <memory>
#include <utility>

#include "boost/asio/io_context.hpp"
#include "boost/asio/steady_timer.hpp"

namespace trackenrich::cache {

Scheduler AsioScheduler(boost::asio::io_context& io_context) {
  return [&io_context](absl::Duration delay, absl::AnyInvocable<void()> fn) {
    auto timer = std::make_shared<boost::asio::steady_timer>(
        io_context, absl::ToChronoNanoseconds(std::max(delay, absl::ZeroDuration())));
    timer->async_wait(
        [timer, fn = std::move(fn)](const boost::system::error_code&) mutable { fn(); });
  };
}

}  // namespace trackenrich::cache
