#include "cache/redis/redis_rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "spdlog/spdlog.h"

namespace trackenrich::cache {
namespace {

// GCRA, the same arithmetic as Gcra() in rate_limiter.cc, in microseconds on
// Redis's clock. KEYS[1]: the bucket (its theoretical arrival time).
// ARGV: emission interval, burst tolerance (interval x burst), cost, the
// longest acceptable wait. Returns {granted 1|0, wait}. A refused call
// leaves the bucket as it was.
constexpr char kGcraScript[] = R"lua(
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local max_wait = tonumber(ARGV[4])
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil or tat < now then tat = now end
local new_tat = tat + interval * cost
local wait = new_tat - tolerance - now
if wait < 0 then wait = 0 end
if wait > max_wait then return {0, wait} end
redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX',
           math.ceil((new_tat - now) / 1000) + 1)
return {1, wait}
)lua";

// Waits longer than this are refused even without a deadline.
constexpr absl::Duration kLongestWait = absl::Hours(1);

}  // namespace

RedisRateLimiter::RedisRateLimiter(RedisClient& client, Scheduler scheduler, Clock clock)
    : client_(client),
      scheduler_(scheduler),
      clock_(clock),
      fallback_(std::move(scheduler), std::move(clock)),
      script_(kGcraScript) {}

void RedisRateLimiter::Fallback(std::string key, const RateLimit& limit, int64_t cost,
                                absl::Time deadline, AcquireCallback done) {
  fallbacks_.fetch_add(1);
  fallback_.Acquire(key, limit, cost, deadline, std::move(done));
}

void RedisRateLimiter::Acquire(absl::string_view key, const RateLimit& limit, int64_t cost,
                               absl::Time deadline, AcquireCallback done) {
  if (limit.unlimited()) {
    done(absl::OkStatus());
    return;
  }
  if (!client_.ready()) {
    Fallback(std::string(key), limit, cost, deadline, std::move(done));
    return;
  }
  const absl::Duration max_wait =
      std::clamp(deadline - clock_(), absl::ZeroDuration(), kLongestWait);
  const int64_t interval_us = std::max<int64_t>(1, std::llround(1e6 / limit.per_second));
  const int64_t tolerance_us = interval_us * std::max<int64_t>(1, limit.burst);
  script_.Run(client_, {std::string(key)},
              {std::to_string(interval_us), std::to_string(tolerance_us), std::to_string(cost),
               std::to_string(absl::ToInt64Microseconds(max_wait))},
              [this, key = std::string(key), limit, cost, deadline,
               done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                if (!reply.ok() || reply->type != RedisReply::Type::kArray ||
                    reply->elements.size() != 2 ||
                    reply->elements[0].type != RedisReply::Type::kInteger ||
                    reply->elements[1].type != RedisReply::Type::kInteger) {
                  spdlog::debug("rate limit {}: Redis did not answer ({}); limiting in-process",
                                key, reply.ok() ? reply->str : reply.status().ToString());
                  Fallback(std::move(key), limit, cost, deadline, std::move(done));
                  return;
                }
                const absl::Duration wait = absl::Microseconds(reply->elements[1].integer);
                if (reply->elements[0].integer == 0) {
                  done(RateLimitExceeded(key, limit, wait));
                } else if (wait <= absl::ZeroDuration()) {
                  done(absl::OkStatus());
                } else {
                  scheduler_(wait, [done = std::move(done)]() mutable { done(absl::OkStatus()); });
                }
              });
}

}  // namespace trackenrich::cache
