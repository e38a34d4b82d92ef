#include "adapters/common/tracking_batcher.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace trackenrich::adapters {

// One caller. Whoever answers first (the batch or the caller's deadline) wins.
struct TrackingBatcher::Waiter {
  Waiter(ShipmentCallback done, absl::Time deadline) : done(std::move(done)), deadline(deadline) {}

  void Answer(absl::StatusOr<v1::Shipment> result) {
    if (answered.exchange(true)) return;
    ShipmentCallback callback = std::move(done);
    callback(std::move(result));
  }

  ShipmentCallback done;
  const absl::Time deadline;
  std::atomic<bool> answered{false};
};

TrackingBatcher::TrackingBatcher(Options options, Scheduler scheduler, Sender sender,
                                 std::function<absl::Time()> clock)
    : options_(std::move(options)),
      scheduler_(std::move(scheduler)),
      sender_(std::move(sender)),
      clock_(std::move(clock)) {}

void TrackingBatcher::Add(const TrackQuery& query, ShipmentCallback done) {
  const absl::Time now = clock_();
  auto waiter = std::make_shared<Waiter>(std::move(done), query.deadline);
  if (query.deadline <= now) {
    waiter->Answer(absl::DeadlineExceededError(
        absl::StrCat(options_.adapter, ": deadline passed before the request was sent")));
    return;
  }
  std::optional<Open> full;
  std::optional<uint64_t> new_window;
  {
    absl::MutexLock lock(&mu_);
    if (!open_.has_value()) {
      open_.emplace(Open{});
      open_->id = ++next_id_;
      new_window = open_->id;
    }
    auto& waiters = open_->waiters[query.tracking_number];
    if (waiters.empty()) open_->batch.numbers.push_back(query.tracking_number);
    waiters.push_back(waiter);
    open_->batch.deadline = std::max(open_->batch.deadline, query.deadline);
    if (open_->batch.numbers.size() >= options_.max_batch ||
        query.deadline - now < options_.window) {
      full = std::move(*open_);
      open_.reset();
    }
  }
  if (full.has_value()) {
    Send(std::move(*full));
  } else if (new_window.has_value()) {
    scheduler_(now + options_.window, [this, id = *new_window] { OnWindowEnd(id); });
  }
}

void TrackingBatcher::OnWindowEnd(uint64_t id) {
  std::optional<Open> due;
  {
    absl::MutexLock lock(&mu_);
    if (!open_.has_value() || open_->id != id) return;  // already sent when it filled up
    due = std::move(*open_);
    open_.reset();
  }
  Send(std::move(*due));
}

void TrackingBatcher::Send(Open open) {
  {
    absl::MutexLock lock(&mu_);
    ++batches_sent_;
  }
  const absl::Time exchange_deadline = open.batch.deadline;
  for (const auto& [number, waiters] : open.waiters) {
    for (const auto& waiter : waiters) {
      if (waiter->deadline < exchange_deadline) {
        scheduler_(waiter->deadline, [waiter, adapter = options_.adapter] {
          waiter->Answer(absl::DeadlineExceededError(
              absl::StrCat(adapter, ": deadline exceeded waiting for the batched answer")));
        });
      }
    }
  }
  sender_(std::move(open.batch), [waiters = std::move(open.waiters), adapter = options_.adapter](
                                     absl::StatusOr<BatchResults> results) mutable {
    for (auto& [number, list] : waiters) {
      absl::StatusOr<v1::Shipment> result = absl::UnavailableError(
          absl::StrCat(adapter, ": the upstream's batch answer has no result for ", number));
      if (!results.ok()) {
        result = results.status();
      } else if (auto it = results->find(number); it != results->end()) {
        result = it->second;
      }
      for (auto& waiter : list) waiter->Answer(result);
    }
  });
}

int64_t TrackingBatcher::batches_sent() const {
  absl::MutexLock lock(&mu_);
  return batches_sent_;
}

}  // namespace trackenrich::adapters
