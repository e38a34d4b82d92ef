// The docker-compose topology without Docker: the real binary on
// deploy/config/compose.json, a real redis-server and the standalone sandbox
// upstream as child processes. The compose host names (redis, sandbox) are
// pointed at loopback through TRACKENRICH__ environment overrides, the way an
// operator would adapt the file, so the test also exercises the overrides on
// a real start.
#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#include "adapters/amazon_shipping/sandbox/amazon_shipping_scenarios.h"
#include "adapters/dhl/sandbox/dhl_scenarios.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "tests/support/io_threads.h"
#include "tests/support/redis_server.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/service_process.h"
#include "tests/support/test_data.h"
#include "tests/support/test_paths.h"

namespace trackenrich {
namespace {

std::string ComposeConfig() {
  return testing::ReadFile(
      (std::filesystem::path(testing::TestDataDir()).parent_path().parent_path() / "deploy" /
       "config" / "compose.json")
          .string());
}

TEST_CASE("compose config: every carrier through the standalone sandbox, cache in Redis",
          "[redis][integration]") {
  testing::RedisServer redis;
  testing::SandboxProcess upstream(TRACKENRICH_SANDBOX_BINARY);
  const std::vector<std::string> carriers = {"ups", "fedex", "usps",
                                             "dhl", "dpd",   "amazon_shipping"};
  // The credentials docker-compose.yml gives the service (the sandbox's own).
  std::vector<std::pair<std::string, std::string>> env = {
      {"SANDBOX_CLIENT_ID", std::string(sandbox::kSandboxClientId)},
      {"SANDBOX_CLIENT_SECRET", std::string(sandbox::kSandboxClientSecret)},
      {"SANDBOX_DHL_API_KEY", std::string(sandbox::kSandboxDhlApiKey)},
      {"SANDBOX_REFRESH_TOKEN", std::string(sandbox::kSandboxRefreshToken)},
      {"TRACKENRICH__GRPC_LISTEN", "127.0.0.1:0"},
      {"TRACKENRICH__ADMIN_LISTEN", "127.0.0.1:0"},
      {"TRACKENRICH__REDIS__ADDRESS", absl::StrCat("127.0.0.1:", redis.port())},
      {"TRACKENRICH__CARRIERS__AMAZON_SHIPPING__LWA_URL", upstream.base_url()}};
  for (const std::string& carrier : carriers) {
    env.emplace_back(
        absl::StrCat("TRACKENRICH__CARRIERS__", absl::AsciiStrToUpper(carrier), "__BASE_URL"),
        upstream.base_url());
  }
  testing::ServiceProcess service(TRACKENRICH_SERVER_BINARY, ComposeConfig(), env);
  REQUIRE(testing::WaitFor([&] {
    return absl::StrContains(testing::HttpGet(service.admin_port(), "/readyz").body,
                             "\"redis\":\"ok\"");
  }));
  const std::string readyz = testing::HttpGet(service.admin_port(), "/readyz").body;
  CHECK(absl::StrContains(readyz, "\"mode\":\"production\""));  // no embedded sandbox

  auto stub = service.Stub();
  for (const std::string& carrier : carriers) {
    INFO(carrier);
    const std::string number = sandbox::SandboxUpstream::ScenarioNumber(carrier, "delivered");
    REQUIRE_FALSE(number.empty());
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    v1::TrackShipmentRequest request;
    request.mutable_shipment()->set_tracking_number(number);
    v1::TrackShipmentResponse response;
    const grpc::Status status = stub->TrackShipment(&context, request, &response);
    INFO(status.error_message());
    REQUIRE(status.ok());
    CHECK(response.shipment().state() == v1::SHIPMENT_STATE_DELIVERED);
  }
  CHECK(testing::SandboxRequestCount(upstream.port(), "ups.track") == 1);
}

}  // namespace
}  // namespace trackenrich
