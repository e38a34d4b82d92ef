// Watches across replicas: three `trackenrich` processes share one Redis and
// the standalone sandbox. Every watch is made due at once (one ZADD score
// for all), then:
//   round 1: each watch polled exactly once (the sandbox's UPS track count
//            equals the number of watches), no event (nothing changed);
//   round 2: a subset's story moves to EXCEPTION, one process is killed
//            (SIGKILL) mid-round: no watch is lost, every watch is polled,
//            each changed watch emits exactly one event, and the upstream
//            calls exceed the watches by at most what the dead process had
//            in flight (a poll whose answer died with it is redone).
// TRACKENRICH_WATCH_SCALE_N sets the number of watches (default 10,000).
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/client_context.h"

#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "tests/support/io_threads.h"
#include "tests/support/redis_server.h"
#include "tests/support/sandbox_carriers.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/service_process.h"

namespace trackenrich {
namespace {

constexpr int kMaxInFlight = 100;
constexpr char kDue[] = "trackenrich:v1:watch:due";
constexpr char kLease[] = "trackenrich:v1:watch:lease";

const std::vector<std::pair<std::string, std::string>> kUpsCredentials = {
    {"TE_WATCH_SCALE_UPS_ID", std::string(sandbox::kSandboxClientId)},
    {"TE_WATCH_SCALE_UPS_SECRET", std::string(sandbox::kSandboxClientSecret)}};

std::string ReplicaConfig(const testing::SandboxProcess& upstream,
                          const testing::RedisServer& redis) {
  return absl::Substitute(R"({
    "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0", "sandbox": false,
    "carriers": {"ups": {"base_url": "$0",
      "client_id": {"env": "TE_WATCH_SCALE_UPS_ID"},
      "client_secret": {"env": "TE_WATCH_SCALE_UPS_SECRET"}}},
    "redis": {"address": "127.0.0.1:$1", "command_timeout": "2s"},
    "watch": {"tick": "100ms", "batch_size": 200, "max_in_flight": $2, "lease": "4s",
              "poll_timeout": "3s", "poll_max_age": "0s", "jitter": 0,
              "retry_after_error": "1s",
              "poll_every": {"out_for_delivery": "10m", "in_transit": "10m",
                             "label_created": "10m", "exception": "10m", "other": "10m"}}
  })",
                          upstream.base_url(), redis.port(), kMaxInFlight);
}

int WatchCount() {
  const char* n = std::getenv("TRACKENRICH_WATCH_SCALE_N");
  return n != nullptr && std::atoi(n) > 0 ? std::atoi(n) : 10'000;
}

// Makes every watch due at `when` in one step.
void AllDueAt(testing::SyncRedis& redis, absl::Time when) {
  const auto reply = redis.Command(
      {"EVAL",
       "local m = redis.call('ZRANGE', KEYS[1], 0, -1) "
       "for _, k in ipairs(m) do redis.call('ZADD', KEYS[1], ARGV[1], k) end return #m",
       "1", kDue, absl::StrCat(absl::ToUnixMillis(when))});
  REQUIRE(reply.type == cache::RedisReply::Type::kInteger);
}

// Polled round done: nothing due before `horizon`, nothing leased.
bool RoundDone(testing::SyncRedis& redis, absl::Time horizon) {
  const auto due =
      redis.Command({"ZCOUNT", kDue, "-inf", absl::StrCat(absl::ToUnixMillis(horizon))});
  const auto leased = redis.Command({"HLEN", kLease});
  return due.integer == 0 && leased.integer == 0;
}

bool RedisReady(const testing::ServiceProcess& replica) {
  return testing::WaitFor([&] {
    return absl::StrContains(testing::HttpGet(replica.admin_port(), "/readyz").body,
                             "\"redis\":\"ok\"");
  });
}

TEST_CASE("watch scale: three processes, every watch polled once per due time, one killed",
          "[watch]") {
  const int n = WatchCount();
  testing::RedisServer redis_server;
  testing::SandboxProcess upstream(TRACKENRICH_SANDBOX_BINARY);
  std::vector<std::optional<testing::ServiceProcess>> replicas(3);
  for (auto& replica : replicas) {
    replica.emplace(TRACKENRICH_SERVER_BINARY, ReplicaConfig(upstream, redis_server),
                    kUpsCredentials);
    REQUIRE(RedisReady(*replica));
  }
  testing::SyncRedis redis(redis_server.port());

  // N watches on N distinct in-transit numbers, made through all three.
  const absl::Time create_start = absl::Now();
  std::atomic<int> made{0}, failed{0};
  {
    std::vector<std::thread> callers;
    constexpr int kCallers = 12;
    for (int c = 0; c < kCallers; ++c) {
      callers.emplace_back([&, c] {
        auto stub = replicas[c % 3]->Stub();
        for (int i = c; i < n; i += kCallers) {
          grpc::ClientContext context;
          context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
          v1::WatchShipmentRequest request;
          request.mutable_shipment()->set_tracking_number(
              testing::SandboxUpsBulkNumber(200000 + i));
          request.set_ticket_id(absl::StrCat("T-", i));
          v1::WatchShipmentResponse response;
          if (stub->WatchShipment(&context, request, &response).ok() && response.created()) {
            ++made;
          } else {
            ++failed;
          }
        }
      });
    }
    for (auto& caller : callers) caller.join();
  }
  const absl::Duration create_time = absl::Now() - create_start;
  REQUIRE(failed.load() == 0);
  REQUIRE(made.load() == n);
  REQUIRE(redis.Command({"ZCARD", kDue}).integer == n);

  // Round 1: all due at once; each polled exactly once.
  REQUIRE(testing::HttpSend(upstream.port(), "POST", "/__sandbox/reset", "").status == 200);
  absl::Time round = absl::Now();
  AllDueAt(redis, round);
  REQUIRE(testing::WaitFor([&] { return RoundDone(redis, round + absl::Minutes(5)); },
                           absl::Seconds(90)));
  const absl::Duration round1_time = absl::Now() - round;
  const int64_t round1_calls = testing::SandboxRequestCount(upstream.port(), "ups.track");
  CHECK(round1_calls == n);
  CHECK(redis.Command({"XLEN", "trackenrich:v1:default:events"}).integer == 0);

  // Round 2: a subset changes; one process dies mid-round.
  const int changed = std::min(n, 200);
  for (int i = 0; i < changed; ++i) {
    const auto reply =
        testing::HttpSend(upstream.port(), "POST", "/__sandbox/story",
                          absl::StrCat(R"({"tracking_number": ")",
                                       testing::SandboxUpsBulkNumber(200000 + i * (n / changed)),
                                       R"(", "stage": "exception"})"));
    REQUIRE(reply.status == 200);
  }
  REQUIRE(testing::HttpSend(upstream.port(), "POST", "/__sandbox/reset", "").status == 200);
  round = absl::Now();
  AllDueAt(redis, round);
  REQUIRE(testing::WaitFor(
      [&] { return testing::SandboxRequestCount(upstream.port(), "ups.track") >= n / 3; },
      absl::Seconds(60)));
  replicas[2].reset();  // SIGKILL, mid-round
  const int64_t at_kill = testing::SandboxRequestCount(upstream.port(), "ups.track");
  REQUIRE(testing::WaitFor([&] { return RoundDone(redis, round + absl::Minutes(5)); },
                           absl::Seconds(90)));
  const absl::Duration round2_time = absl::Now() - round;
  const int64_t round2_calls = testing::SandboxRequestCount(upstream.port(), "ups.track");
  CHECK(redis.Command({"ZCARD", kDue}).integer == n);
  CHECK(round2_calls >= n);
  CHECK(round2_calls <= n + kMaxInFlight);
  // Each changed watch: exactly one event.
  const auto entries = redis.StreamEntries("trackenrich:v1:default:events");
  std::map<std::string, int> per_watch;
  for (const auto& entry : entries) {
    v1::WatchEvent event;
    REQUIRE(event.ParseFromString(entry.at("e")));
    CHECK(event.new_state() == v1::SHIPMENT_STATE_EXCEPTION);
    ++per_watch[event.watch_id()];
  }
  CHECK(static_cast<int>(entries.size()) == changed);
  CHECK(static_cast<int>(per_watch.size()) == changed);

  const std::string report = absl::StrCat(
      "watch scale: ", n, " watches over 3 processes; created in ",
      absl::FormatDuration(create_time), "; round 1: ", round1_calls, " upstream calls in ",
      absl::FormatDuration(round1_time), " (",
      static_cast<int64_t>(n / absl::ToDoubleSeconds(round1_time)), " polls/s); round 2 with ",
      "one process killed at ", at_kill, " calls: ", round2_calls, " upstream calls in ",
      absl::FormatDuration(round2_time), ", ", entries.size(), " events for ", changed,
      " changed watches");
  std::printf("%s\n", report.c_str());
  WARN(report);
}

}  // namespace
}  // namespace trackenrich
