// An io_context run by a few threads for the lifetime of the object, and a
// way to wait for one asynchronous answer.
//   IoThreads io;                                   // declare before what uses it
//   RedisClient client(io.context(), options);
//   auto reply = Await<absl::StatusOr<RedisReply>>([&](auto done) {
//     client.Command({"PING"}, std::move(done));
//   });
#ifndef TRACKENRICH_TESTS_SUPPORT_IO_THREADS_H_
#define TRACKENRICH_TESTS_SUPPORT_IO_THREADS_H_

#include <functional>
#include <future>
#include <thread>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/io_context.hpp"

namespace trackenrich::testing {

class IoThreads {
 public:
  explicit IoThreads(int threads = 2) : work_(boost::asio::make_work_guard(io_context_)) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { io_context_.run(); });
  }
  ~IoThreads() {
    work_.reset();
    io_context_.stop();
    for (auto& thread : threads_) thread.join();
  }

  boost::asio::io_context& context() { return io_context_; }

 private:
  boost::asio::io_context io_context_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::vector<std::thread> threads_;
};

// Calls `start` with a callback and blocks until it is called.
template <typename T>
T Await(const std::function<void(absl::AnyInvocable<void(T)>)>& start) {
  auto promise = std::make_shared<std::promise<T>>();
  std::future<T> future = promise->get_future();
  start([promise](T value) { promise->set_value(std::move(value)); });
  return future.get();
}

// Polls `condition` every 10 ms until it holds or `timeout` passes.
inline bool WaitFor(const std::function<bool()>& condition,
                    absl::Duration timeout = absl::Seconds(5)) {
  for (const absl::Time deadline = absl::Now() + timeout; absl::Now() < deadline;) {
    if (condition()) return true;
    absl::SleepFor(absl::Milliseconds(10));
  }
  return condition();
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_IO_THREADS_H_
