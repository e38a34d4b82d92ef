#include "adapters/http/circuit_breaker.h"

namespace trackenrich::http {

absl::string_view CircuitBreaker::StateName(State state) {
  switch (state) {
    case State::kClosed:
      return "closed";
    case State::kOpen:
      return "open";
    case State::kHalfOpen:
      return "half_open";
  }
  return "unknown";
}

void CircuitBreaker::OpenLocked(absl::Time now) {
  state_ = State::kOpen;
  opened_at_ = now;
  probe_in_flight_ = false;
  ++times_opened_;
  recent_.clear();
  recent_failures_ = 0;
}

bool CircuitBreaker::Allow(absl::Time now) {
  absl::MutexLock lock(&mu_);
  switch (state_) {
    case State::kClosed:
      return true;
    case State::kOpen:
      if (now - opened_at_ < options_.open_for) return false;
      state_ = State::kHalfOpen;
      probe_in_flight_ = true;
      return true;
    case State::kHalfOpen:
      if (probe_in_flight_) return false;
      probe_in_flight_ = true;
      return true;
  }
  return true;
}

void CircuitBreaker::Record(bool success, absl::Time now) {
  absl::MutexLock lock(&mu_);
  if (state_ == State::kHalfOpen) {
    probe_in_flight_ = false;
    if (success) {
      state_ = State::kClosed;
      consecutive_failures_ = 0;
    } else {
      OpenLocked(now);
    }
    return;
  }
  if (state_ == State::kOpen) return;  // a straggler from before it opened

  consecutive_failures_ = success ? 0 : consecutive_failures_ + 1;
  recent_.push_back(!success);
  if (!success) ++recent_failures_;
  if (static_cast<int>(recent_.size()) > options_.window) {
    if (recent_.front()) --recent_failures_;
    recent_.pop_front();
  }
  const int calls = static_cast<int>(recent_.size());
  if (consecutive_failures_ >= options_.consecutive_failures ||
      (calls >= options_.ratio_min_calls && recent_failures_ >= options_.failure_ratio * calls)) {
    OpenLocked(now);
  }
}

CircuitBreaker::State CircuitBreaker::state(absl::Time now) const {
  absl::MutexLock lock(&mu_);
  if (state_ == State::kOpen && now - opened_at_ >= options_.open_for) return State::kHalfOpen;
  return state_;
}

int64_t CircuitBreaker::times_opened() const {
  absl::MutexLock lock(&mu_);
  return times_opened_;
}

}  // namespace trackenrich::http
