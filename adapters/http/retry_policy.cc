#include "adapters/http/retry_policy.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"

namespace trackenrich::http {

bool IsRetryableStatus(int status) {
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

bool RetryPolicy::ShouldRetry(const HttpRequest& request,
                              const absl::StatusOr<HttpResponse>& result, int attempt) const {
  if (!request.idempotent || attempt >= max_attempts) return false;
  if (!result.ok()) return result.status().code() == absl::StatusCode::kUnavailable;
  return IsRetryableStatus(result->status);
}

absl::Duration RetryPolicy::Backoff(int attempt, absl::string_view retry_after, absl::Time now,
                                    double jitter) const {
  if (auto hinted = ParseRetryAfter(retry_after, now)) {
    return std::min(*hinted, max_retry_after);
  }
  absl::Duration ceiling = base_backoff;
  for (int i = 1; i < attempt && ceiling < max_backoff; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, max_backoff);
  // Full jitter, but never less than a tenth of the ceiling.
  return ceiling * (0.1 + 0.9 * std::clamp(jitter, 0.0, 1.0));
}

std::optional<absl::Duration> ParseRetryAfter(absl::string_view value, absl::Time now) {
  value = absl::StripAsciiWhitespace(value);
  if (value.empty()) return std::nullopt;
  int64_t seconds = 0;
  if (absl::SimpleAtoi(value, &seconds)) {
    if (seconds < 0) return std::nullopt;
    return absl::Seconds(seconds);
  }
  absl::Time when;
  std::string error;
  if (absl::ParseTime("%a, %d %b %Y %H:%M:%S GMT", std::string(value), &when, &error)) {
    return std::max(when - now, absl::ZeroDuration());
  }
  return std::nullopt;
}

}  // namespace trackenrich::http
