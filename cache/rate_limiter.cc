#include "cache/rate_limiter.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace trackenrich::cache {

GcraDecision Gcra(absl::Time tat, absl::Time now, const RateLimit& limit, int64_t cost,
                  absl::Duration max_wait) {
  GcraDecision decision;
  if (limit.unlimited()) {
    decision.granted = true;
    decision.wait = absl::ZeroDuration();
    decision.new_tat = now;
    return decision;
  }
  const absl::Duration interval = absl::Seconds(1) / limit.per_second;
  const absl::Duration tolerance = interval * std::max<int64_t>(limit.burst, 1);
  decision.new_tat = std::max(tat, now) + interval * cost;
  decision.wait = std::max(decision.new_tat - tolerance - now, absl::ZeroDuration());
  decision.granted = decision.wait <= max_wait;
  return decision;
}

absl::Status RateLimitExceeded(absl::string_view key, const RateLimit& limit, absl::Duration wait) {
  return absl::ResourceExhaustedError(absl::StrFormat(
      "rate limit of %g per second (burst %d) reached for %s: the next slot, in %s, is past the "
      "deadline",
      limit.per_second, limit.burst, std::string(key), absl::FormatDuration(wait)));
}

}  // namespace trackenrich::cache
