// TrackingBatcher: turns one-number lookups into multi-number upstream calls,
// for upstreams that answer many numbers per request (FedEx Track: up to 30).
// The TrackingSource interface stays one number per call; the adapter owns a
// batcher and answers each caller from the batch its number travelled in.
//
//   TrackingBatcher batcher(
//       {.adapter = "fedex", .max_batch = 30, .window = absl::Milliseconds(2)},
//       [&](absl::Time when, absl::AnyInvocable<void()> task) { client.RunAt(when,
//       std::move(task)); },
//       [&](TrackingBatch batch, BatchAnswer answer) { /* one upstream call */ });
//   batcher.Add({.tracking_number = "123456789012", .deadline = deadline}, std::move(done));
//
// A batch is sent when it holds `max_batch` distinct numbers, when `window`
// has passed since its first number arrived, or at once when a number arrives
// whose deadline is nearer than the window (so nobody waits past their
// deadline for company). The upstream exchange is bound by the latest
// deadline in the batch; a caller whose own deadline passes first is answered
// DEADLINE_EXCEEDED at that moment, and the batch's later answer is dropped
// for it. Callers asking for the same number share one entry in the batch.
#ifndef TRACKENRICH_ADAPTERS_COMMON_TRACKING_BATCHER_H_
#define TRACKENRICH_ADAPTERS_COMMON_TRACKING_BATCHER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "adapters/tracking_source.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters {

// What the upstream said about each number of a batch: a Shipment, or that
// number's own error (e.g. NOT_FOUND inside an otherwise fine answer).
using BatchResults = absl::flat_hash_map<std::string, absl::StatusOr<v1::Shipment>>;
// Called once per batch: the per-number results, or one error for all.
using BatchAnswer = absl::AnyInvocable<void(absl::StatusOr<BatchResults>)>;

struct TrackingBatch {
  // Distinct normalized numbers, in arrival order; at most max_batch.
  std::vector<std::string> numbers;
  // The latest deadline of the batch's callers.
  absl::Time deadline = absl::InfinitePast();
};

class TrackingBatcher {
 public:
  struct Options {
    // Names the adapter in error messages.
    std::string adapter;
    size_t max_batch = 30;
    absl::Duration window = absl::Milliseconds(2);
  };
  // Runs a task at a time, never inline (HttpClient::RunAt in production).
  using Scheduler = std::function<void(absl::Time when, absl::AnyInvocable<void()> task)>;
  // Starts one upstream exchange for `batch` and calls `answer` once with its outcome.
  using Sender = std::function<void(TrackingBatch batch, BatchAnswer answer)>;

  TrackingBatcher(Options options, Scheduler scheduler, Sender sender,
                  std::function<absl::Time()> clock = absl::Now);

  // Queues `query`; `done` runs exactly once with the number's result, or
  // DEADLINE_EXCEEDED, or the batch's error. A number missing from the
  // batch's answer is UNAVAILABLE (the upstream dropped it).
  void Add(const TrackQuery& query, ShipmentCallback done);

  // Batches handed to the sender so far (for metrics and tests).
  int64_t batches_sent() const;

 private:
  struct Waiter;
  struct Open {
    uint64_t id = 0;
    TrackingBatch batch;
    absl::flat_hash_map<std::string, std::vector<std::shared_ptr<Waiter>>> waiters;
  };

  void OnWindowEnd(uint64_t id);
  void Send(Open open);

  const Options options_;
  const Scheduler scheduler_;
  const Sender sender_;
  const std::function<absl::Time()> clock_;
  mutable absl::Mutex mu_;
  std::optional<Open> open_ ABSL_GUARDED_BY(mu_);
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t batches_sent_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_TRACKING_BATCHER_H_
