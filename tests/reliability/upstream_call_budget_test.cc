// The upstream traffic the in-process cache and rate limits promise, counted
// by the sandbox for every carrier adapter (no Redis: the embedded default):
// identical lookups within the TTL, sequential or concurrent, cost one
// upstream call, a not-found answer is cached too, and a limit of 2 calls/s
// with a burst of 5 holds under steady demand. Redis-backed counterparts are
// in integration/redis_*_test.cc. The figures are printed and kept in
// build/reports/.
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/grpc_load.h"
#include "tests/support/report.h"
#include "tests/support/sandbox_carriers.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

std::string Number(const testing::SandboxCarrier& carrier, const char* scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber(carrier.name, scenario);
}

grpc::Status Track(v1::TrackingService::Stub& stub, const std::string& number, v1::Carrier carrier,
                   std::chrono::system_clock::time_point deadline) {
  grpc::ClientContext context;
  context.set_deadline(deadline);
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  request.mutable_shipment()->set_carrier(carrier);
  v1::TrackShipmentResponse response;
  return stub.TrackShipment(&context, request, &response);
}

TEST_CASE("call budget: identical lookups within the TTL cost one upstream call per carrier",
          "[fault]") {
  testing::TestServer server;
  auto stub = server.Stub();
  const uint16_t sandbox_port = testing::PortOfUrl(server.server().sandbox_url());
  constexpr int kSequential = 25;
  constexpr int kConcurrent = 200;
  constexpr int kNotFound = 20;

  std::vector<std::vector<std::string>> rows;
  for (const testing::SandboxCarrier& carrier : testing::kSandboxCarriers) {
    INFO(carrier.name);
    const std::string route = absl::StrCat(carrier.name, ".track");
    int ok = 0;
    for (int i = 0; i < kSequential; ++i) {
      const auto deadline = std::chrono::system_clock::now() + std::chrono::seconds(10);
      ok += Track(*stub, Number(carrier, "in_transit"), carrier.carrier, deadline).ok();
    }
    CHECK(ok == kSequential);
    const int64_t after_sequential = testing::SandboxRequestCount(sandbox_port, route);

    const testing::TrackTally tally =
        testing::TrackConcurrently(*stub, kConcurrent, [&](int, v1::TrackShipmentRequest* r) {
          r->mutable_shipment()->set_tracking_number(Number(carrier, "delivered"));
          r->mutable_shipment()->set_carrier(carrier.carrier);
        });
    INFO(tally.Describe());
    CHECK(tally.ok == kConcurrent);
    const int64_t after_concurrent = testing::SandboxRequestCount(sandbox_port, route);

    int not_found = 0;
    for (int i = 0; i < kNotFound; ++i) {
      const auto deadline = std::chrono::system_clock::now() + std::chrono::seconds(10);
      not_found +=
          Track(*stub, Number(carrier, "not_found"), carrier.carrier, deadline).error_code() ==
          grpc::StatusCode::NOT_FOUND;
    }
    CHECK(not_found == kNotFound);
    const int64_t after_not_found = testing::SandboxRequestCount(sandbox_port, route);
    const int64_t tokens = carrier.token_route[0] == '\0'
                               ? 0
                               : testing::SandboxRequestCount(sandbox_port, carrier.token_route);

    CHECK(after_sequential == 1);
    CHECK(after_concurrent - after_sequential == 1);
    CHECK(after_not_found - after_concurrent == 1);
    CHECK(tokens <= 1);
    rows.push_back({carrier.name, absl::StrCat(after_sequential),
                    absl::StrCat(after_concurrent - after_sequential),
                    absl::StrCat(after_not_found - after_concurrent), absl::StrCat(tokens)});
  }
  testing::PublishReport(
      "call_budget_cache",
      absl::StrCat("Upstream calls for identical lookups (in-process cache, no Redis)\n",
                   testing::FormatTable({"carrier", absl::StrCat(kSequential, " sequential"),
                                         absl::StrCat(kConcurrent, " concurrent"),
                                         absl::StrCat(kNotFound, " not found"), "token calls"},
                                        rows)));
}

TEST_CASE("call budget: a 2 calls/s, burst 5 limit holds per carrier under steady demand",
          "[fault]") {
  constexpr double kPerSecond = 2;
  constexpr int64_t kBurst = 5;
  server::ServiceConfig config = testing::SandboxConfig();
  for (const testing::SandboxCarrier& carrier : testing::kSandboxCarriers) {
    config.rate_limits[carrier.name] = {.per_second = kPerSecond, .burst = kBurst};
  }
  testing::TestServer server(config);
  const uint16_t sandbox_port = testing::PortOfUrl(server.server().sandbox_url());

  // Two callers per carrier, each asking for a new number (no cache can help)
  // as soon as the last answer came, every call due by the end.
  constexpr int kCallersPerCarrier = 2;
  const auto start = std::chrono::system_clock::now();
  const auto end = start + std::chrono::seconds(5);
  std::mutex mu;
  std::map<std::string, std::map<grpc::StatusCode, int>> codes;
  std::vector<std::thread> callers;
  for (const testing::SandboxCarrier& carrier : testing::kSandboxCarriers) {
    for (int caller = 0; caller < kCallersPerCarrier; ++caller) {
      callers.emplace_back([&, carrier, caller, stub = server.Stub()] {
        for (int i = 0; std::chrono::system_clock::now() < end; ++i) {
          const grpc::Status status =
              Track(*stub, absl::StrCat("RATE", caller, "X", i), carrier.carrier,
                    std::min(end, std::chrono::system_clock::now() + std::chrono::seconds(1)));
          {
            std::lock_guard<std::mutex> lock(mu);
            ++codes[carrier.name][status.error_code()];
          }
          if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
          }
        }
      });
    }
  }
  for (auto& caller : callers) caller.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::system_clock::now() - start).count();
  // GCRA: at most the burst at once, then one call per interval.
  const int64_t bound = kBurst + static_cast<int64_t>(std::ceil(kPerSecond * seconds));

  std::vector<std::vector<std::string>> rows;
  for (const testing::SandboxCarrier& carrier : testing::kSandboxCarriers) {
    INFO(carrier.name);
    const int64_t calls =
        testing::SandboxRequestCount(sandbox_port, absl::StrCat(carrier.name, ".track"));
    int lookups = 0;
    for (const auto& [code, count] : codes[carrier.name]) lookups += count;
    const int refused = codes[carrier.name][grpc::StatusCode::RESOURCE_EXHAUSTED];
    CHECK(calls <= bound);
    CHECK(calls >= kBurst);  // the limit paces calls; it does not starve them
    CHECK(refused > 0);      // demand was above the limit
    rows.push_back({carrier.name, absl::StrCat(lookups), absl::StrCat(calls), absl::StrCat(bound),
                    absl::StrCat(refused)});
  }
  testing::PublishReport(
      "call_budget_rate_limit",
      absl::StrCat("Rate limit 2/s burst 5 per carrier, in-process, ",
                   absl::StrFormat("%.1f", seconds), " s of demand\n",
                   testing::FormatTable({"carrier", "lookups", "upstream calls",
                                         "bound (burst + rate x time)", "RESOURCE_EXHAUSTED"},
                                        rows)));
}

}  // namespace
}  // namespace trackenrich
