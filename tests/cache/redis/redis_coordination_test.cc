// The Redis-backed pieces that make replicas behave as one, against a real
// redis-server: the shared cache layer, the shared rate limiter and the
// cross-replica single-flight. Two clients stand for two replicas.
#include <atomic>
#include <optional>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/synchronization/notification.h"

#include "cache/cache_entry_codec.h"
#include "cache/cache_keys.h"
#include "cache/redis/redis_cache.h"
#include "cache/redis/redis_client.h"
#include "cache/redis/redis_rate_limiter.h"
#include "cache/redis/redis_shared_flight.h"
#include "tests/support/io_threads.h"
#include "tests/support/redis_server.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::cache {
namespace {

using testing::Await;
using testing::IoThreads;
using testing::StatusIs;
using testing::WaitFor;

RedisOptions FixtureOptions(int database) {
  const uint16_t port = testing::FixtureRedisPort();
  if (port == 0)
    FAIL("no Redis: run through ctest (fixture `redis`) or set TRACKENRICH_REDIS_PORT");
  testing::SyncRedis(port, database).Command({"FLUSHDB"});
  return {.host = "127.0.0.1", .port = port, .database = database};
}

// One replica's view: a client and what runs on it.
struct Replica {
  Replica(IoThreads& io, const RedisOptions& options,
          SharedFlightOptions flight_options = {.max_wait = absl::Seconds(2),
                                                .poll_interval = absl::Milliseconds(10)})
      : client(io.context(), options),
        cache(client),
        limiter(client, AsioScheduler(io.context())),
        flight(client, flight_options, AsioScheduler(io.context())) {
    client.Start();
  }

  RedisClient client;
  RedisCache cache;
  RedisRateLimiter limiter;
  RedisSharedFlight flight;
};

CacheEntry Entry(absl::Time now, std::string payload) {
  CacheEntry entry;
  entry.payload = std::move(payload);
  entry.stored_at = now;
  entry.fresh_until = now + absl::Minutes(20);
  entry.keep_until = entry.fresh_until + absl::Hours(1);
  return entry;
}

TEST_CASE("redis cache: entries are stored encoded and expire with keep_until", "[redis]") {
  IoThreads io;
  const RedisOptions options = FixtureOptions(43);
  Replica replica(io, options);
  REQUIRE(WaitFor([&] { return replica.client.ready(); }));
  const std::string key = TrackingKey("acme", "ups", "1Z1");
  const absl::Time now = absl::Now();
  replica.cache.Put(key, Entry(now, "payload"), now);
  auto found = Await<absl::StatusOr<std::shared_ptr<const CacheEntry>>>(
      [&](auto done) { replica.cache.Get(key, std::move(done)); });
  REQUIRE_THAT(found.status(), testing::IsOk());
  REQUIRE(*found != nullptr);
  CHECK((*found)->payload == "payload");

  testing::SyncRedis sync(options.port, options.database);
  const int64_t ttl_ms = sync.Command({"PTTL", key}).integer;
  CHECK(ttl_ms > absl::ToInt64Milliseconds(absl::Minutes(80) - absl::Seconds(5)));
  CHECK(ttl_ms <= absl::ToInt64Milliseconds(absl::Minutes(80)));

  // Garbage, or another key's value, is refused rather than served.
  sync.Command({"SET", key, "not an entry"});
  auto garbage = Await<absl::StatusOr<std::shared_ptr<const CacheEntry>>>(
      [&](auto done) { replica.cache.Get(key, std::move(done)); });
  CHECK_THAT(garbage.status(), StatusIs(absl::StatusCode::kDataLoss));
  sync.Command({"SET", key, EncodeCacheEntry(TrackingKey("other", "ups", "1Z1"), Entry(now, "x"))});
  auto foreign = Await<absl::StatusOr<std::shared_ptr<const CacheEntry>>>(
      [&](auto done) { replica.cache.Get(key, std::move(done)); });
  CHECK_THAT(foreign.status(), StatusIs(absl::StatusCode::kDataLoss, "another key"));
  auto missing = Await<absl::StatusOr<std::shared_ptr<const CacheEntry>>>(
      [&](auto done) { replica.cache.Get(key + "-nope", std::move(done)); });
  REQUIRE_THAT(missing.status(), testing::IsOk());
  CHECK(*missing == nullptr);
}

TEST_CASE("redis rate limiter: one bucket for every replica", "[redis][rate_limit]") {
  IoThreads io;
  const RedisOptions options = FixtureOptions(44);
  Replica a(io, options);
  Replica b(io, options);
  REQUIRE(WaitFor([&] { return a.client.ready() && b.client.ready(); }));
  const RateLimit limit{.per_second = 2, .burst = 5};
  const std::string key = RateLimitKey("acme", "ups");
  auto acquire = [&](Replica& replica, absl::Duration patience) {
    return Await<absl::Status>([&](auto done) {
      replica.limiter.Acquire(key, limit, 1, absl::Now() + patience, std::move(done));
    });
  };
  for (int i = 0; i < 3; ++i) CHECK_THAT(acquire(a, absl::ZeroDuration()), testing::IsOk());
  for (int i = 0; i < 2; ++i) CHECK_THAT(acquire(b, absl::ZeroDuration()), testing::IsOk());
  // The burst is spent across both replicas: the next slot is ~500 ms away.
  CHECK_THAT(acquire(b, absl::Milliseconds(200)),
             StatusIs(absl::StatusCode::kResourceExhausted, "past the deadline"));
  const absl::Time asked = absl::Now();
  CHECK_THAT(acquire(a, absl::Seconds(2)), testing::IsOk());
  const absl::Duration waited = absl::Now() - asked;
  CHECK(waited >= absl::Milliseconds(350));
  CHECK(waited <= absl::Milliseconds(1500));
  CHECK(a.limiter.fallbacks() == 0);
  CHECK(b.limiter.fallbacks() == 0);
}

TEST_CASE("redis rate limiter: the in-process limiter takes over while Redis is down",
          "[redis][rate_limit]") {
  IoThreads io;
  RedisClient client(io.context(), {.host = "127.0.0.1", .port = testing::FreePort()});
  client.Start();
  RedisRateLimiter limiter(client, AsioScheduler(io.context()));
  const RateLimit limit{.per_second = 1, .burst = 2};
  int granted = 0;
  for (int i = 0; i < 3; ++i) {
    const absl::Status status = Await<absl::Status>([&](auto done) {
      limiter.Acquire("k", limit, 1, absl::Now() + absl::Milliseconds(100), std::move(done));
    });
    if (status.ok()) ++granted;
  }
  CHECK(granted == 2);  // still limited
  CHECK(limiter.fallbacks() == 3);
}

TEST_CASE("shared flight: one replica leads, the other gets its answer", "[redis]") {
  IoThreads io;
  const RedisOptions options = FixtureOptions(45);
  Replica a(io, options);
  Replica b(io, options);
  REQUIRE(WaitFor([&] { return a.client.ready() && b.client.ready(); }));
  const std::string key = TrackingKey("acme", "ups", "1Z2");
  const Freshness want{.now = absl::Now()};

  auto lead = Await<SharedFlight::Outcome>([&](auto done) {
    a.flight.Begin(key, want, absl::Now() + absl::Seconds(5), std::move(done));
  });
  REQUIRE(lead.kind == SharedFlight::Outcome::Kind::kLead);

  std::optional<SharedFlight::Outcome> waited;
  absl::Notification answered;
  b.flight.Begin(key, want, absl::Now() + absl::Seconds(5), [&](SharedFlight::Outcome outcome) {
    waited = std::move(outcome);
    answered.Notify();
  });
  absl::SleepFor(absl::Milliseconds(100));
  CHECK_FALSE(answered.HasBeenNotified());  // waiting on a's lock
  const absl::Time now = absl::Now();
  a.cache.Put(key, Entry(now, "a's answer"), now);
  lead.release();
  REQUIRE(answered.WaitForNotificationWithTimeout(absl::Seconds(2)));
  REQUIRE(waited->kind == SharedFlight::Outcome::Kind::kAnswered);
  CHECK(waited->entry->payload == "a's answer");
  CHECK(testing::SyncRedis(options.port, options.database)
            .Command({"EXISTS", FlightLockKey(key)})
            .integer == 0);
}

TEST_CASE("shared flight: a leader that fails hands over, a silent one is waited out", "[redis]") {
  IoThreads io;
  const RedisOptions options = FixtureOptions(46);
  Replica a(io, options);
  Replica b(io, options,
            {.max_wait = absl::Milliseconds(300), .poll_interval = absl::Milliseconds(10)});
  REQUIRE(WaitFor([&] { return a.client.ready() && b.client.ready(); }));
  const Freshness want{.now = absl::Now()};
  auto begin = [&](Replica& replica, const std::string& key) {
    return Await<SharedFlight::Outcome>([&](auto done) {
      replica.flight.Begin(key, want, absl::Now() + absl::Seconds(5), std::move(done));
    });
  };

  const std::string failing = TrackingKey("acme", "ups", "1Z3");
  auto lead = begin(a, failing);
  REQUIRE(lead.kind == SharedFlight::Outcome::Kind::kLead);
  std::optional<SharedFlight::Outcome> taken_over;
  absl::Notification decided;
  b.flight.Begin(failing, want, absl::Now() + absl::Seconds(5), [&](SharedFlight::Outcome outcome) {
    taken_over = std::move(outcome);
    decided.Notify();
  });
  absl::SleepFor(absl::Milliseconds(50));
  lead.release();  // nothing stored: the upstream failed
  REQUIRE(decided.WaitForNotificationWithTimeout(absl::Seconds(2)));
  CHECK(taken_over->kind == SharedFlight::Outcome::Kind::kLead);

  const std::string silent = TrackingKey("acme", "ups", "1Z4");
  REQUIRE(begin(a, silent).kind == SharedFlight::Outcome::Kind::kLead);  // never released
  const absl::Time started = absl::Now();
  CHECK(begin(b, silent).kind == SharedFlight::Outcome::Kind::kFallback);
  CHECK(absl::Now() - started >= absl::Milliseconds(250));
  CHECK(absl::Now() - started < absl::Seconds(2));

  // The replica that left the lock behind (its release never reached Redis)
  // knows it is not fetching: it adopts the orphan at once instead of waiting.
  const absl::Time adopting = absl::Now();
  auto adopted = begin(a, silent);
  CHECK(adopted.kind == SharedFlight::Outcome::Kind::kLead);
  CHECK(absl::Now() - adopting < absl::Seconds(1));
  adopted.release();
  CHECK(WaitFor([&] {
    return testing::SyncRedis(options.port, options.database)
               .Command({"EXISTS", FlightLockKey(silent)})
               .integer == 0;
  }));
}

TEST_CASE("shared flight: without Redis every replica fetches at once", "[redis]") {
  IoThreads io;
  RedisClient client(io.context(), {.host = "127.0.0.1", .port = testing::FreePort()});
  client.Start();
  RedisSharedFlight flight(client, {}, AsioScheduler(io.context()));
  const absl::Time started = absl::Now();
  auto outcome = Await<SharedFlight::Outcome>([&](auto done) {
    flight.Begin("k", {.now = absl::Now()}, absl::Now() + absl::Seconds(5), std::move(done));
  });
  CHECK(outcome.kind == SharedFlight::Outcome::Kind::kFallback);
  CHECK(absl::Now() - started < absl::Milliseconds(500));
}

}  // namespace
}  // namespace trackenrich::cache
