// The watch poller's throughput and due-time lag: three `trackenrich`
// processes (by default) sharing a private redis-server and the standalone
// sandbox, 100,000 watches on distinct in-transit UPS numbers.
//   burst:  every watch due at the same instant: polls per second until all
//           are polled, and each watch's lag (its poll's commit time minus
//           its due time);
//   spread: due times spread evenly over --spread: lag p50/p99/max at a
//           steady rate.
// Lag is read back from Redis (each watch's last_polled_at). Not a test:
// figures only (BENCHMARKS.md).
//   build/tests/watch_bench --watches=100000 --replicas=3 --spread=120s
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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

ABSL_FLAG(int, watches, 100000, "watches to make");
ABSL_FLAG(int, replicas, 3, "trackenrich processes");
ABSL_FLAG(absl::Duration, spread, absl::Seconds(120), "due times spread over this (spread phase)");
ABSL_FLAG(int, max_in_flight, 100, "watch.max_in_flight per process");

namespace trackenrich {
namespace {

constexpr char kDue[] = "trackenrich:v1:watch:due";
constexpr char kLease[] = "trackenrich:v1:watch:lease";

std::string ReplicaConfig(const testing::SandboxProcess& upstream,
                          const testing::RedisServer& redis) {
  return absl::Substitute(R"({
    "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0", "sandbox": false,
    "carriers": {"ups": {"base_url": "$0",
      "client_id": {"env": "TE_WATCH_BENCH_UPS_ID"},
      "client_secret": {"env": "TE_WATCH_BENCH_UPS_SECRET"}}},
    "redis": {"address": "127.0.0.1:$1", "command_timeout": "2s"},
    "watch": {"tick": "100ms", "batch_size": 200, "max_in_flight": $2, "lease": "30s",
              "poll_timeout": "10s", "poll_max_age": "0s", "jitter": 0,
              "poll_every": {"out_for_delivery": "10h", "in_transit": "10h",
                             "label_created": "10h", "exception": "10h", "other": "10h"}}
  })",
                          upstream.base_url(), redis.port(), absl::GetFlag(FLAGS_max_in_flight));
}

bool RoundDone(testing::SyncRedis& redis, absl::Time horizon) {
  const auto due =
      redis.Command({"ZCOUNT", kDue, "-inf", absl::StrCat(absl::ToUnixMillis(horizon))});
  return due.integer == 0 && redis.Command({"HLEN", kLease}).integer == 0;
}

// Each watch's lag: last_polled_at minus `due_of(index)`, in ms.
std::vector<double> Lags(testing::SyncRedis& redis, const std::vector<std::string>& members,
                         const std::vector<absl::Time>& due) {
  std::vector<double> lags;
  lags.reserve(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    const auto w = redis.Command({"HGET", members[i], "w"});
    v1::Watch watch;
    if (!watch.ParseFromString(w.str)) continue;
    const absl::Time polled = absl::FromUnixSeconds(watch.last_polled_at().seconds()) +
                              absl::Nanoseconds(watch.last_polled_at().nanos());
    lags.push_back(absl::ToDoubleMilliseconds(polled - due[i]));
  }
  std::sort(lags.begin(), lags.end());
  return lags;
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * (sorted.size() - 1)))];
}

void SetDue(testing::SyncRedis& redis, const std::vector<std::string>& members,
            const std::vector<absl::Time>& due) {
  for (size_t i = 0; i < members.size(); i += 1000) {
    std::vector<std::string> args = {"ZADD", kDue};
    for (size_t j = i; j < std::min(members.size(), i + 1000); ++j) {
      args.push_back(absl::StrCat(absl::ToUnixMillis(due[j])));
      args.push_back(members[j]);
    }
    redis.Command(args);
  }
}

int Run() {
  const int n = absl::GetFlag(FLAGS_watches);
  setenv("TE_WATCH_BENCH_UPS_ID", std::string(sandbox::kSandboxClientId).c_str(), 1);
  setenv("TE_WATCH_BENCH_UPS_SECRET", std::string(sandbox::kSandboxClientSecret).c_str(), 1);
  testing::RedisServer redis_server;
  testing::SandboxProcess upstream(TRACKENRICH_SANDBOX_BINARY);
  std::vector<std::optional<testing::ServiceProcess>> replicas(absl::GetFlag(FLAGS_replicas));
  for (auto& replica : replicas) {
    replica.emplace(TRACKENRICH_SERVER_BINARY, ReplicaConfig(upstream, redis_server),
                    std::vector<std::pair<std::string, std::string>>{});
    if (!testing::WaitFor([&] {
          return absl::StrContains(testing::HttpGet(replica->admin_port(), "/readyz").body,
                                   "\"redis\":\"ok\"");
        })) {
      std::fprintf(stderr, "a replica did not reach Redis\n");
      return 1;
    }
  }
  testing::SyncRedis redis(redis_server.port());

  const absl::Time create_start = absl::Now();
  std::atomic<int> failed{0};
  {
    std::vector<std::thread> callers;
    constexpr int kCallers = 16;
    for (int c = 0; c < kCallers; ++c) {
      callers.emplace_back([&, c] {
        auto stub = replicas[c % replicas.size()]->Stub();
        for (int i = c; i < n; i += kCallers) {
          grpc::ClientContext context;
          context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
          v1::WatchShipmentRequest request;
          request.mutable_shipment()->set_tracking_number(testing::SandboxUpsBulkNumber(i));
          request.set_ticket_id(absl::StrCat("B-", i));
          v1::WatchShipmentResponse response;
          if (!stub->WatchShipment(&context, request, &response).ok()) ++failed;
        }
      });
    }
    for (auto& caller : callers) caller.join();
  }
  const absl::Duration create_time = absl::Now() - create_start;
  std::vector<std::string> members;
  for (const auto& member : redis.Command({"ZRANGE", kDue, "0", "-1"}).elements) {
    members.push_back(member.str);
  }
  std::printf("made %zu watches (%d failed) in %s through %zu processes (%.0f/s)\n", members.size(),
              failed.load(), absl::FormatDuration(create_time).c_str(), replicas.size(),
              members.size() / absl::ToDoubleSeconds(create_time));

  // Burst: all due now.
  testing::HttpSend(upstream.port(), "POST", "/__sandbox/reset", "");
  const absl::Time burst = absl::Now() + absl::Milliseconds(200);
  std::vector<absl::Time> due(members.size(), burst);
  SetDue(redis, members, due);
  testing::WaitFor([&] { return RoundDone(redis, burst + absl::Hours(1)); }, absl::Minutes(30));
  const absl::Duration burst_time = absl::Now() - burst;
  const int64_t burst_calls = testing::SandboxRequestCount(upstream.port(), "ups.track");
  const auto burst_lags = Lags(redis, members, due);
  std::printf(
      "burst: %zu watches due at once: all polled in %s, %.0f polls/s, %lld upstream calls; "
      "lag p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
      members.size(), absl::FormatDuration(burst_time).c_str(),
      members.size() / absl::ToDoubleSeconds(burst_time), static_cast<long long>(burst_calls),
      Percentile(burst_lags, 0.5), Percentile(burst_lags, 0.99), Percentile(burst_lags, 1.0));

  // Spread: due evenly over the window, starting in 2 s.
  const absl::Duration spread = absl::GetFlag(FLAGS_spread);
  const absl::Time start = absl::Now() + absl::Seconds(2);
  std::vector<size_t> order(members.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937_64(42));
  for (size_t k = 0; k < order.size(); ++k) {
    due[order[k]] = start + spread * (static_cast<double>(k) / order.size());
  }
  SetDue(redis, members, due);
  testing::WaitFor([&] { return RoundDone(redis, start + spread + absl::Hours(1)); },
                   spread + absl::Minutes(30));
  const auto lags = Lags(redis, members, due);
  std::printf(
      "spread: %zu watches due over %s (%.0f/s): lag p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
      members.size(), absl::FormatDuration(spread).c_str(),
      members.size() / absl::ToDoubleSeconds(spread), Percentile(lags, 0.5), Percentile(lags, 0.99),
      Percentile(lags, 1.0));
  return 0;
}

}  // namespace
}  // namespace trackenrich

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return trackenrich::Run();
}
