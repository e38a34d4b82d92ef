// Two real service processes (the trackenrich binary with a JSON config)
// share one Redis and one standalone sandbox upstream: single-flight and the
// rate limit hold across them. The counts are printed for the record.
#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"

#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/grpc_load.h"
#include "tests/support/http_get.h"
#include "tests/support/io_threads.h"
#include "tests/support/redis_server.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/service_process.h"

namespace trackenrich {
namespace {

const std::vector<std::pair<std::string, std::string>> kUpsCredentials = {
    {"TE_SCALE_OUT_UPS_ID", std::string(sandbox::kSandboxClientId)},
    {"TE_SCALE_OUT_UPS_SECRET", std::string(sandbox::kSandboxClientSecret)}};

// A production-mode config: UPS at the standalone sandbox, Redis shared.
std::string ReplicaConfig(const testing::SandboxProcess& upstream,
                          const testing::RedisServer& redis, const std::string& rate_limit = "") {
  return absl::Substitute(R"({
    "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0", "sandbox": false,
    "carriers": {"ups": {
      "base_url": "$0",
      "client_id": {"env": "TE_SCALE_OUT_UPS_ID"},
      "client_secret": {"env": "TE_SCALE_OUT_UPS_SECRET"}$1}},
    "redis": {"address": "127.0.0.1:$2", "command_timeout": "500ms"}
  })",
                          upstream.base_url(),
                          rate_limit.empty() ? "" : absl::StrCat(", \"rate_limit\": ", rate_limit),
                          redis.port());
}

bool RedisReady(const testing::ServiceProcess& replica) {
  return testing::WaitFor([&] {
    return absl::StrContains(testing::HttpGet(replica.admin_port(), "/readyz").body,
                             "\"redis\":\"ok\"");
  });
}

TEST_CASE("scale-out: two processes, 500 concurrent requests each, at most 2 upstream calls",
          "[redis][integration]") {
  testing::RedisServer redis;
  testing::SandboxProcess upstream(TRACKENRICH_SANDBOX_BINARY);
  testing::ServiceProcess a(TRACKENRICH_SERVER_BINARY, ReplicaConfig(upstream, redis),
                            kUpsCredentials);
  testing::ServiceProcess b(TRACKENRICH_SERVER_BINARY, ReplicaConfig(upstream, redis),
                            kUpsCredentials);
  REQUIRE(RedisReady(a));
  REQUIRE(RedisReady(b));

  const std::string number = sandbox::SandboxUpstream::ScenarioNumber("ups", "in_transit");
  auto fill = [&](int, v1::TrackShipmentRequest* request) {
    request->mutable_shipment()->set_tracking_number(number);
  };
  auto stub_a = a.Stub();
  auto stub_b = b.Stub();
  testing::TrackTally tally_a;
  testing::TrackTally tally_b;
  std::thread load_a([&] { tally_a = testing::TrackConcurrently(*stub_a, 500, fill); });
  std::thread load_b([&] { tally_b = testing::TrackConcurrently(*stub_b, 500, fill); });
  load_a.join();
  load_b.join();

  const int64_t calls = testing::SandboxRequestCount(upstream.port(), "ups.track");
  const std::string report = absl::StrCat(
      "scale-out single-flight: 2 processes x 500 concurrent requests -> ", calls,
      " upstream call(s); process A: ", tally_a.Describe(), "; process B: ", tally_b.Describe());
  std::printf("%s\n", report.c_str());
  WARN(report);
  CHECK(tally_a.ok == 500);
  CHECK(tally_b.ok == 500);
  CHECK(calls >= 1);
  CHECK(calls <= 2);
}

TEST_CASE("scale-out: a 2 rps, burst 5 limit holds across two processes for 10 s",
          "[redis][integration]") {
  testing::RedisServer redis;
  testing::SandboxProcess upstream(TRACKENRICH_SANDBOX_BINARY);
  const std::string limit = R"({"per_second": 2, "burst": 5})";
  testing::ServiceProcess a(TRACKENRICH_SERVER_BINARY, ReplicaConfig(upstream, redis, limit),
                            kUpsCredentials);
  testing::ServiceProcess b(TRACKENRICH_SERVER_BINARY, ReplicaConfig(upstream, redis, limit),
                            kUpsCredentials);
  REQUIRE(RedisReady(a));
  REQUIRE(RedisReady(b));

  // Four callers per process, each sending a new number (no cache can help)
  // as soon as the last answer came (10 ms after a RESOURCE_EXHAUSTED), every
  // call due by the end of the 10 s.
  const auto end = std::chrono::system_clock::now() + std::chrono::seconds(10);
  std::mutex mu;
  std::map<grpc::StatusCode, int> codes;
  std::vector<std::thread> callers;
  std::vector<std::unique_ptr<v1::TrackingService::Stub>> stubs;
  stubs.push_back(a.Stub());
  stubs.push_back(b.Stub());
  for (int caller = 0; caller < 8; ++caller) {
    callers.emplace_back([&, caller] {
      v1::TrackingService::Stub& stub = *stubs[caller % 2];
      for (int i = 0; std::chrono::system_clock::now() < end; ++i) {
        grpc::ClientContext context;
        context.set_deadline(
            std::min(end, std::chrono::system_clock::now() + std::chrono::seconds(1)));
        v1::TrackShipmentRequest request;
        request.mutable_shipment()->set_tracking_number(absl::StrCat("RATE", caller, "X", i));
        request.mutable_shipment()->set_carrier(v1::CARRIER_UPS);
        v1::TrackShipmentResponse response;
        const grpc::Status status = stub.TrackShipment(&context, request, &response);
        {
          std::lock_guard<std::mutex> lock(mu);
          ++codes[status.error_code()];
        }
        // A client told the quota is spent backs off a little.
        if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      }
    });
  }
  for (auto& caller : callers) caller.join();

  const int64_t calls = testing::SandboxRequestCount(upstream.port(), "ups.track");
  std::string outcomes;
  for (const auto& [code, count] : codes)
    absl::StrAppend(&outcomes, " code ", code, ": ", count, ";");
  const std::string report =
      absl::StrCat("scale-out rate limit: 2 rps, burst 5, 2 processes, 10 s -> ", calls,
                   " upstream calls (at most ", 5 + 2 * 10, ");", outcomes);
  std::printf("%s\n", report.c_str());
  WARN(report);
  CHECK(calls <= 5 + 2 * 10);
  CHECK(calls >= 10);  // limited, not starved
  CHECK(codes[grpc::StatusCode::RESOURCE_EXHAUSTED] > 0);
}

}  // namespace
}  // namespace trackenrich
