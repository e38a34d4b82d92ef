// RedisSharedFlight: cross-replica single-flight on a short Redis lock.
//
//   RedisSharedFlight flight(client, {.lock_ttl = absl::Seconds(5)}, AsioScheduler(io_context));
//   flight.Begin(key, want, deadline, [](SharedFlight::Outcome outcome) { ... });
//
// Each attempt sends, in one round trip, `SET {key}:lock <token> NX PX
// lock_ttl`, `GET {key}` and `GET {key}:lock`:
//   - the value is there and `want` accepts it: kAnswered (a lock just taken
//     is released again);
//   - the lock was free: kLead; the leader releases it (compare-and-delete,
//     so an expired lock another replica took over is left alone) after it
//     stored its answer;
//   - the lock is this replica's own, left behind when a release failed
//     (Redis was unreachable then): this replica is not fetching the key
//     (the caller's in-process single-flight asks once per key), so the lock
//     is an orphan: kLead, adopting it;
//   - the lock is another replica's: poll again after `poll_interval`, until
//     `max_wait` or the deadline has passed: then kFallback (fetch anyway).
// A leader that fails without storing releases the lock, and the next poll
// of a waiting replica takes it over. Redis unreachable: kFallback at once.
#ifndef TRACKENRICH_CACHE_REDIS_REDIS_SHARED_FLIGHT_H_
#define TRACKENRICH_CACHE_REDIS_REDIS_SHARED_FLIGHT_H_

#include <functional>
#include <memory>
#include <string>

#include "cache/redis/redis_client.h"
#include "cache/redis/redis_script.h"
#include "cache/scheduler.h"
#include "cache/shared_flight.h"

namespace trackenrich::cache {

struct SharedFlightOptions {
  // How long a lock outlives a leader that died before releasing it.
  absl::Duration lock_ttl = absl::Seconds(5);
  // How long a replica waits for another's answer before fetching itself.
  absl::Duration max_wait = absl::Seconds(3);
  absl::Duration poll_interval = absl::Milliseconds(25);
};

class RedisSharedFlight final : public SharedFlight {
 public:
  using Clock = std::function<absl::Time()>;

  // `client` must outlive this object.
  RedisSharedFlight(RedisClient& client, SharedFlightOptions options, Scheduler scheduler,
                    Clock clock = absl::Now);

  void Begin(const std::string& key, const Freshness& want, absl::Time deadline,
             Callback done) override;

 private:
  struct Attempt;

  void Poll(std::shared_ptr<Attempt> attempt);
  void OnPoll(std::shared_ptr<Attempt> attempt, absl::StatusOr<std::vector<RedisReply>> replies);
  absl::AnyInvocable<void()> Releaser(std::string lock_key, std::string token);

  RedisClient& client_;
  const SharedFlightOptions options_;
  // Prefixes this replica's lock tokens.
  const std::string instance_;
  Scheduler scheduler_;
  Clock clock_;
  const RedisScript release_script_;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_REDIS_REDIS_SHARED_FLIGHT_H_
