#include "cache/redis/redis_shared_flight.h"

#include <algorithm>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "spdlog/spdlog.h"

#include "cache/cache_entry_codec.h"
#include "cache/cache_keys.h"

namespace trackenrich::cache {
namespace {

// Deletes the lock only if it is still ours: after a long fetch the lock may
// have expired and been taken by another replica.
constexpr char kReleaseScript[] = R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
)lua";

std::string RandomHex() {
  thread_local absl::BitGen gen;
  return absl::StrFormat("%016x", absl::Uniform<uint64_t>(gen));
}

}  // namespace

struct RedisSharedFlight::Attempt {
  std::string key;
  std::string lock_key;
  std::string token;
  Freshness want;
  absl::Time wait_until;
  Callback done;
};

RedisSharedFlight::RedisSharedFlight(RedisClient& client, SharedFlightOptions options,
                                     Scheduler scheduler, Clock clock)
    : client_(client),
      options_(options),
      instance_(absl::StrCat(RandomHex(), ":")),
      scheduler_(std::move(scheduler)),
      clock_(std::move(clock)),
      release_script_(kReleaseScript) {}

void RedisSharedFlight::Begin(const std::string& key, const Freshness& want, absl::Time deadline,
                              Callback done) {
  auto attempt = std::make_shared<Attempt>();
  attempt->key = key;
  attempt->lock_key = FlightLockKey(key);
  attempt->token = absl::StrCat(instance_, RandomHex());
  attempt->want = want;
  attempt->wait_until = std::min(clock_() + options_.max_wait, deadline);
  attempt->done = std::move(done);
  Poll(std::move(attempt));
}

void RedisSharedFlight::Poll(std::shared_ptr<Attempt> attempt) {
  if (!client_.ready()) {
    // Answered on the scheduler, never inline, as the contract says.
    scheduler_(absl::ZeroDuration(), [attempt] { attempt->done(Outcome{}); });
    return;
  }
  const int64_t ttl_ms = std::max<int64_t>(1, absl::ToInt64Milliseconds(options_.lock_ttl));
  client_.Pipeline({{"SET", attempt->lock_key, attempt->token, "NX", "PX", std::to_string(ttl_ms)},
                    {"GET", attempt->key},
                    {"GET", attempt->lock_key}},
                   [this, attempt](absl::StatusOr<std::vector<RedisReply>> replies) mutable {
                     OnPoll(std::move(attempt), std::move(replies));
                   });
}

void RedisSharedFlight::OnPoll(std::shared_ptr<Attempt> attempt,
                               absl::StatusOr<std::vector<RedisReply>> replies) {
  if (!replies.ok() || replies->size() != 3 || (*replies)[0].is_error()) {
    spdlog::debug("shared flight: no lock for {} ({}); fetching without it", attempt->key,
                  !replies.ok()          ? replies.status().ToString()
                  : replies->size() != 3 ? absl::StrCat("replies: ", replies->size())
                                         : (*replies)[0].str);
    attempt->done(Outcome{});
    return;
  }
  const bool locked = (*replies)[0].type == RedisReply::Type::kStatus;
  const RedisReply& value = (*replies)[1];
  const absl::Time now = clock_();
  if (value.type == RedisReply::Type::kString) {
    auto entry = DecodeCacheEntry(value.str, attempt->key);
    Freshness want = attempt->want;
    want.now = now;
    if (entry.ok() && want.Accepts(*entry)) {
      if (locked) Releaser(attempt->lock_key, attempt->token)();
      Outcome outcome;
      outcome.kind = Outcome::Kind::kAnswered;
      outcome.entry = std::make_shared<const CacheEntry>(*std::move(entry));
      attempt->done(std::move(outcome));
      return;
    }
  }
  const RedisReply& holder = (*replies)[2];
  const bool orphan = !locked && holder.type == RedisReply::Type::kString &&
                      absl::StartsWith(holder.str, instance_);
  if (locked || orphan) {
    Outcome outcome;
    outcome.kind = Outcome::Kind::kLead;
    outcome.release = Releaser(attempt->lock_key, locked ? attempt->token : holder.str);
    attempt->done(std::move(outcome));
    return;
  }
  if (now + options_.poll_interval >= attempt->wait_until) {
    spdlog::debug("shared flight: waited {} for {}; fetching without the lock",
                  absl::FormatDuration(options_.max_wait), attempt->key);
    attempt->done(Outcome{});
    return;
  }
  scheduler_(options_.poll_interval, [this, attempt]() mutable { Poll(std::move(attempt)); });
}

absl::AnyInvocable<void()> RedisSharedFlight::Releaser(std::string lock_key, std::string token) {
  return [this, lock_key = std::move(lock_key), token = std::move(token)]() mutable {
    release_script_.Run(client_, {std::move(lock_key)}, {std::move(token)},
                        [](absl::StatusOr<RedisReply>) {});
  };
}

}  // namespace trackenrich::cache
