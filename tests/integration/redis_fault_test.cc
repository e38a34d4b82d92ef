// Redis trouble never fails a request: with Redis killed (then restarted) or
// stalled under load, every RPC still succeeds through L1 and the upstream,
// /readyz says the cache is degraded (and stays 200), metrics count the
// errors, and the client comes back by itself. The counts are printed.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/grpc_load.h"
#include "tests/support/http_get.h"
#include "tests/support/io_threads.h"
#include "tests/support/redis_server.h"
#include "tests/support/report.h"
#include "tests/support/sandbox_carriers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::WaitFor;

std::string Number(absl::string_view scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber("ups", scenario);
}

server::ServiceConfig FaultConfig(uint16_t redis_port) {
  server::ServiceConfig config = testing::SandboxConfig();
  config.redis_configured = true;
  config.redis.host = "127.0.0.1";
  config.redis.port = redis_port;
  config.redis.command_timeout = absl::Milliseconds(150);
  config.redis.connect_timeout = absl::Milliseconds(300);
  config.redis.max_reconnect_backoff = absl::Milliseconds(500);
  return config;
}

std::string Readyz(testing::TestServer& server) {
  return testing::HttpGet(server.server().admin_port(), "/readyz").body;
}

bool RedisOk(testing::TestServer& server) {
  return WaitFor([&] { return absl::StrContains(Readyz(server), "\"redis\":\"ok\""); });
}

// A counter's value from /metrics (0 when absent).
double MetricValue(testing::TestServer& server, absl::string_view series) {
  const std::string text = testing::HttpGet(server.server().admin_port(), "/metrics").body;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (absl::ConsumePrefix(&line, series) && absl::ConsumePrefix(&line, " ")) {
      double value = 0;
      if (absl::SimpleAtod(line, &value)) return value;
    }
  }
  return 0;
}

constexpr absl::string_view kRedisHits =
    "trackenrich_cache_lookups_total{layer=\"redis\",result=\"hit\"}";

// Calls TrackShipment in a loop until stopped, counting failures and the
// slowest call. With `burst` above 1, each round sends that many calls at
// once, spread over every carrier's sandbox numbers.
class Driver {
 public:
  Driver(testing::TestServer& server, std::string number, v1::CacheControl cache, int burst = 1)
      : thread_([this, stub = server.Stub(), number = std::move(number), cache, burst]() mutable {
          const std::vector<sandbox::Scenario>& scenarios = sandbox::SandboxUpstream::Scenarios();
          for (int round = 0; !stop_.load(); ++round) {
            const absl::Time started = absl::Now();
            const testing::TrackTally tally = testing::TrackConcurrently(
                *stub, burst,
                [&](int i, v1::TrackShipmentRequest* request) {
                  const sandbox::Scenario& scenario =
                      scenarios[(round * burst + i) % scenarios.size()];
                  request->mutable_shipment()->set_tracking_number(
                      burst == 1 || !testing::AnswersOkAtOnce(scenario.name)
                          ? number
                          : scenario.tracking_number);
                  *request->mutable_cache() = cache;
                },
                std::chrono::seconds(5));
            const absl::Duration took = absl::Now() - started;
            {
              std::lock_guard<std::mutex> lock(mu_);
              calls_ += tally.total;
              slowest_ = std::max(slowest_, took);
              failures_ += tally.total - tally.ok;
              if (first_failure_.empty()) first_failure_ = tally.first_error;
            }
            absl::SleepFor(absl::Milliseconds(20));
          }
        }) {}

  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  ~Driver() { Stop(); }

  int calls() {
    std::lock_guard<std::mutex> lock(mu_);
    return calls_;
  }
  int failures() {
    std::lock_guard<std::mutex> lock(mu_);
    return failures_;
  }
  absl::Duration slowest() {
    std::lock_guard<std::mutex> lock(mu_);
    return slowest_;
  }
  std::string first_failure() {
    std::lock_guard<std::mutex> lock(mu_);
    return first_failure_;
  }

 private:
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  int calls_ = 0;
  int failures_ = 0;
  absl::Duration slowest_;
  std::string first_failure_;
  std::thread thread_;
};

// Polls /readyz, remembering whether it ever said degraded and whether it
// ever answered anything but 200.
class ReadinessWatch {
 public:
  explicit ReadinessWatch(testing::TestServer& server)
      : thread_([this, port = server.server().admin_port()] {
          while (!stop_.load()) {
            const testing::HttpGetResult ready = testing::HttpGet(port, "/readyz");
            if (ready.status != 200) non_200_.fetch_add(1);
            if (absl::StrContains(ready.body, "\"redis\":\"degraded\"")) degraded_.fetch_add(1);
            absl::SleepFor(absl::Milliseconds(50));
          }
        }) {}
  ~ReadinessWatch() { Stop(); }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int degraded() const { return degraded_.load(); }
  int non_200() const { return non_200_.load(); }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> degraded_{0};
  std::atomic<int> non_200_{0};
  std::thread thread_;
};

v1::CacheControl ForceRefresh() {
  v1::CacheControl cache;
  cache.set_force_refresh(true);
  return cache;
}

v1::CacheControl MaxAge(absl::Duration age) {
  v1::CacheControl cache;
  cache.mutable_max_age()->set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(age)));
  return cache;
}

TEST_CASE("faults: Redis killed in a 20 s load and restarted 5 s later fails no RPC",
          "[redis][fault]") {
  testing::RedisServer redis;
  // Two replicas: the writer refreshes an answer into Redis all the time; the
  // reader wants it fresher than its own L1 keeps it, so it reads Redis.
  testing::TestServer writer(FaultConfig(redis.port()));
  testing::TestServer reader(FaultConfig(redis.port()));
  REQUIRE(RedisOk(writer));
  REQUIRE(RedisOk(reader));

  const absl::Time start = absl::Now();
  ReadinessWatch watch(reader);
  std::vector<std::unique_ptr<Driver>> drivers;
  drivers.push_back(std::make_unique<Driver>(writer, Number("in_transit"), ForceRefresh()));
  drivers.push_back(
      std::make_unique<Driver>(reader, Number("in_transit"), MaxAge(absl::Milliseconds(300))));
  drivers.push_back(std::make_unique<Driver>(reader, Number("delivered"), v1::CacheControl()));
  drivers.push_back(
      std::make_unique<Driver>(writer, Number("out_for_delivery"), v1::CacheControl()));
  // Bursts of 50 calls at once across every carrier's numbers, half of them
  // wanting answers fresher than L1 keeps, so Redis is asked all the time.
  drivers.push_back(
      std::make_unique<Driver>(reader, Number("in_transit"), MaxAge(absl::Milliseconds(300)), 50));

  absl::SleepFor(start + absl::Milliseconds(7500) - absl::Now());
  const double hits_before_kill = MetricValue(reader, kRedisHits);
  redis.Kill();
  const double hits_at_kill = MetricValue(reader, kRedisHits);
  REQUIRE(WaitFor([&] { return absl::StrContains(Readyz(reader), "\"redis\":\"degraded\""); }));
  absl::SleepFor(start + absl::Milliseconds(12500) - absl::Now());
  const double hits_before_restart = MetricValue(reader, kRedisHits);
  redis.Restart();
  const absl::Time restarted = absl::Now();
  REQUIRE(RedisOk(reader));
  const absl::Duration recovery = absl::Now() - restarted;
  const double hits_after_recovery = MetricValue(reader, kRedisHits);
  absl::SleepFor(start + absl::Seconds(20) - absl::Now());
  int calls = 0;
  int failures = 0;
  std::string first_failure;
  for (auto& driver : drivers) {
    driver->Stop();
    calls += driver->calls();
    failures += driver->failures();
    if (first_failure.empty()) first_failure = driver->first_failure();
  }
  watch.Stop();
  const double hits_end = MetricValue(reader, kRedisHits);
  const double connection_errors =
      MetricValue(reader, "trackenrich_redis_errors_total{kind=\"connection\"}");

  const std::string report = absl::StrCat(
      "Redis kill/restart under load: ", calls, " RPCs, ", failures,
      " failed; Redis hits before "
      "the kill ",
      hits_before_kill, ", while down ", hits_before_restart - hits_at_kill, ", after the restart ",
      hits_end - hits_after_recovery, "; reconnected ", absl::FormatDuration(recovery),
      " after the restart; /readyz degraded in ", watch.degraded(), " polls, non-200 in ",
      watch.non_200(), "; connection errors counted ", connection_errors);
  testing::PublishReport("redis_kill_restart", report);
  WARN(report);
  INFO(first_failure);
  CHECK(failures == 0);
  CHECK(calls > 500);
  CHECK(hits_before_kill > 0);
  CHECK(hits_before_restart - hits_at_kill == 0);
  CHECK(hits_end - hits_after_recovery > 0);
  CHECK(watch.degraded() > 0);
  CHECK(watch.non_200() == 0);
  CHECK(absl::StrContains(Readyz(reader), "\"redis\":\"ok\""));
  CHECK(connection_errors > 0);
}

TEST_CASE("faults: a stalled Redis costs at most a timeout and fails no RPC", "[redis][fault]") {
  testing::RedisServer redis;
  testing::TestServer server(FaultConfig(redis.port()));
  REQUIRE(RedisOk(server));
  {
    Driver warm(server, Number("delivered"), v1::CacheControl());
    absl::SleepFor(absl::Milliseconds(100));
  }
  Driver refreshing(server, Number("in_transit"), ForceRefresh());
  Driver cached(server, Number("delivered"), v1::CacheControl());
  absl::SleepFor(absl::Milliseconds(500));
  redis.Pause();
  REQUIRE(WaitFor([&] { return absl::StrContains(Readyz(server), "\"redis\":\"degraded\""); }));
  absl::SleepFor(absl::Seconds(2));
  redis.Resume();
  REQUIRE(RedisOk(server));
  absl::SleepFor(absl::Milliseconds(300));
  refreshing.Stop();
  cached.Stop();

  const double timeouts = MetricValue(server, "trackenrich_redis_errors_total{kind=\"timeout\"}");
  const std::string report =
      absl::StrCat("Redis stalled (SIGSTOP) under load: ", refreshing.calls() + cached.calls(),
                   " RPCs, ", refreshing.failures() + cached.failures(), " failed; slowest ",
                   absl::FormatDuration(std::max(refreshing.slowest(), cached.slowest())),
                   "; Redis timeouts counted ", timeouts);
  testing::PublishReport("redis_stall", report);
  WARN(report);
  CHECK(refreshing.failures() == 0);
  CHECK(cached.failures() == 0);
  CHECK(timeouts >= 1);
  // One command timeout (150 ms) on top of an upstream call, with room for a loaded machine.
  CHECK(std::max(refreshing.slowest(), cached.slowest()) < absl::Seconds(1));
}

}  // namespace
}  // namespace trackenrich
