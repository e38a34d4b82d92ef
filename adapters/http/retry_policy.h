// RetryPolicy: which failed exchanges are worth repeating, and when.
//
//   RetryPolicy policy;   // 3 attempts, 100 ms base, 2 s cap
//   if (policy.ShouldRetry(request, result, attempt)) {
//     absl::Duration wait = policy.Backoff(attempt, response.Header("Retry-After"), now);
//     if (now + wait < deadline) ... send again after `wait`
//   }
//
// Only idempotent requests are retried, only on connection failures, 5xx and
// 429, and never past the caller's deadline. Backoff is exponential with full
// jitter; a Retry-After header (seconds or an HTTP date) replaces it.
#ifndef TRACKENRICH_ADAPTERS_HTTP_RETRY_POLICY_H_
#define TRACKENRICH_ADAPTERS_HTTP_RETRY_POLICY_H_

#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"

namespace trackenrich::http {

struct RetryPolicy {
  int max_attempts = 3;
  absl::Duration base_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(2);
  // A Retry-After longer than this is not waited for.
  absl::Duration max_retry_after = absl::Seconds(30);

  // `attempt` counts from 1 (the attempt that just failed).
  bool ShouldRetry(const HttpRequest& request, const absl::StatusOr<HttpResponse>& result,
                   int attempt) const;

  // How long to wait before attempt `attempt + 1`. `jitter` in [0, 1).
  absl::Duration Backoff(int attempt, absl::string_view retry_after, absl::Time now,
                         double jitter) const;
};

// True for statuses that say "try again" (429, 500, 502, 503, 504).
bool IsRetryableStatus(int status);

// Parses a Retry-After value: delta-seconds or an IMF-fixdate. nullopt if neither.
std::optional<absl::Duration> ParseRetryAfter(absl::string_view value, absl::Time now);

}  // namespace trackenrich::http

#endif  // TRACKENRICH_ADAPTERS_HTTP_RETRY_POLICY_H_
