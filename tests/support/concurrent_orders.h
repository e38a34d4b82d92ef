// Many GetOrderTracking calls in flight at once (asynchronous, from a few
// client threads), for tests of what a burst does upstream: one token fetch
// for many cold lookups, usage plans.
//   std::vector<grpc::Status> statuses = GetOrdersConcurrently(server, refs);
#ifndef TRACKENRICH_TESTS_SUPPORT_CONCURRENT_ORDERS_H_
#define TRACKENRICH_TESTS_SUPPORT_CONCURRENT_ORDERS_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"

#include "tests/support/test_server.h"

namespace trackenrich::testing {

// One call per ref, spread over `threads` client threads, each with a
// `deadline` from its start; the statuses in the order of `refs`.
inline std::vector<grpc::Status> GetOrdersConcurrently(
    TestServer& server, const std::vector<v1::OrderRef>& refs, int threads = 10,
    absl::Duration deadline = absl::Seconds(20)) {
  std::vector<grpc::Status> statuses(refs.size());
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      auto stub = server.Stub();
      std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
      std::vector<v1::GetOrderTrackingResponse> responses(refs.size());
      int pending = 0;
      std::mutex mu;
      std::condition_variable done;
      for (size_t i = t; i < refs.size(); i += threads) {
        auto context = std::make_unique<grpc::ClientContext>();
        context->set_deadline(absl::ToChronoTime(absl::Now() + deadline));
        v1::GetOrderTrackingRequest request;
        *request.mutable_order() = refs[i];
        {
          std::lock_guard lock(mu);
          ++pending;
        }
        stub->async()->GetOrderTracking(context.get(), &request, &responses[i],
                                        [&, i](grpc::Status status) {
                                          statuses[i] = std::move(status);
                                          std::lock_guard lock(mu);
                                          if (--pending == 0) done.notify_one();
                                        });
        contexts.push_back(std::move(context));
      }
      std::unique_lock lock(mu);
      done.wait(lock, [&] { return pending == 0; });
    });
  }
  for (auto& client : clients) client.join();
  return statuses;
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_CONCURRENT_ORDERS_H_
