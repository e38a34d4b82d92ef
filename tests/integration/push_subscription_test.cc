// UPS Track Alert subscriptions of watched numbers, through the real binary:
// `trackenrich` processes sharing one Redis (own redis-server) and the
// standalone sandbox, which counts the subscription calls it receives
// (route "ups.subscribe"). Lifetimes are shortened by config
// (push.ups.subscribe.lifetime / renew_before) so renewals happen in seconds.
//   - three replicas, one number watched through all of them: exactly one
//     subscription call; one renewal as the subscription nears its end (not
//     one per replica); after Unwatch, no renewal and no subscription left;
//   - a number UPS refuses (invalidTrackingNumbers): one call, an
//     INVALID_TRACKING event for the watch, never retried;
//   - a delivered package: its subscription is not renewed;
//   - 401 and 429 from UPS: retried with backoff until accepted, counted in
//     /metrics.
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
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

constexpr char kSubscribeRoute[] = "ups.subscribe";

const std::vector<std::pair<std::string, std::string>> kEnv = {
    {"TE_SUB_UPS_ID", std::string(sandbox::kSandboxClientId)},
    {"TE_SUB_UPS_SECRET", std::string(sandbox::kSandboxClientSecret)},
    {"TE_SUB_UPS_CREDENTIAL", "push-subscription-test-credential-4b1f"}};

// A replica: UPS on the sandbox, watches polled every `poll_every`,
// subscriptions living `lifetime` and renewed `renew_before` their end.
std::string Config(const testing::SandboxProcess& upstream, const testing::RedisServer& redis,
                   const std::string& lifetime, const std::string& renew_before,
                   const std::string& poll_every = "10m") {
  return absl::Substitute(R"({
    "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0", "sandbox": false,
    "carriers": {"ups": {"base_url": "$0",
      "client_id": {"env": "TE_SUB_UPS_ID"}, "client_secret": {"env": "TE_SUB_UPS_SECRET"}}},
    "redis": {"address": "127.0.0.1:$1", "command_timeout": "2s"},
    "watch": {"tick": "100ms", "lease": "4s", "poll_timeout": "3s", "poll_max_age": "0s",
              "jitter": 0, "retry_after_error": "1s",
              "poll_every": {"out_for_delivery": "$4", "in_transit": "$4", "label_created": "$4",
                             "exception": "$4", "other": "$4"}},
    "push": {"ups": {"credential": {"env": "TE_SUB_UPS_CREDENTIAL"}, "tenant": "default",
      "subscribe": {"url": "https://desk.example.test/push/ups", "lifetime": "$2",
                    "renew_before": "$3", "tick": "100ms", "lease": "4s", "call_timeout": "3s",
                    "retry_base": "300ms", "retry_max": "1s"}}}
  })",
                          upstream.base_url(), redis.port(), lifetime, renew_before, poll_every);
}

bool RedisReady(const testing::ServiceProcess& replica) {
  return testing::WaitFor([&] {
    return absl::StrContains(testing::HttpGet(replica.admin_port(), "/readyz").body,
                             "\"redis\":\"ok\"");
  });
}

v1::Watch Watch(testing::ServiceProcess& replica, const std::string& number,
                const std::string& ticket) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::WatchShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  request.set_ticket_id(ticket);
  v1::WatchShipmentResponse response;
  const grpc::Status status = replica.Stub()->WatchShipment(&context, request, &response);
  INFO(status.error_message());
  REQUIRE(status.ok());
  return response.watch();
}

void Unwatch(testing::ServiceProcess& replica, const std::string& watch_id) {
  grpc::ClientContext context;
  v1::UnwatchRequest request;
  request.set_watch_id(watch_id);
  v1::UnwatchResponse response;
  REQUIRE(replica.Stub()->Unwatch(&context, request, &response).ok());
  REQUIRE(response.removed());
}

// trackenrich_push_subscriptions_total{carrier="ups",outcome="<outcome>"}
// summed over `replicas`.
int64_t Outcome(const std::vector<testing::ServiceProcess*>& replicas, const std::string& outcome) {
  int64_t total = 0;
  const std::regex line(
      absl::StrCat(R"re(trackenrich_push_subscriptions_total\{carrier="ups",outcome=")re", outcome,
                   R"re("\} ([0-9.e+]+))re"));
  for (testing::ServiceProcess* replica : replicas) {
    const std::string text = testing::HttpGet(replica->admin_port(), "/metrics").body;
    std::smatch match;
    if (std::regex_search(text, match, line)) total += std::stoll(match[1].str());
  }
  return total;
}

int64_t Calls(const testing::SandboxProcess& upstream) {
  return testing::SandboxRequestCount(upstream.port(), kSubscribeRoute);
}

TEST_CASE("UPS Track Alert: three replicas subscribe a watched number once and renew it once",
          "[watch]") {
  testing::RedisServer redis_server;
  testing::SandboxProcess upstream(TRACKENRICH_SANDBOX_BINARY);
  std::vector<std::unique_ptr<testing::ServiceProcess>> owned;
  std::vector<testing::ServiceProcess*> replicas;
  for (int i = 0; i < 3; ++i) {
    owned.push_back(std::make_unique<testing::ServiceProcess>(
        TRACKENRICH_SERVER_BINARY, Config(upstream, redis_server, "6s", "3s"), kEnv));
    replicas.push_back(owned.back().get());
    REQUIRE(RedisReady(*replicas.back()));
  }
  const std::string number = testing::SandboxUpsBulkNumber(4242);
  // The same watch through every replica, and a second ticket on the number.
  std::string first_id;
  for (testing::ServiceProcess* replica : replicas) {
    first_id = Watch(*replica, number, "T-1").watch_id();
  }
  const std::string second_id = Watch(*replicas[1], number, "T-2").watch_id();
  const absl::Time watched = absl::Now();

  REQUIRE(testing::WaitFor([&] { return Calls(upstream) >= 1; }, absl::Seconds(5)));
  // All three replicas claim every 100 ms: a second call would show by now.
  absl::SleepFor(absl::Seconds(1));
  CHECK(Calls(upstream) == 1);
  CHECK(Outcome(replicas, "subscribed") == 1);

  // Renewed once, about renew_before (3 s) before the 6 s lifetime ends.
  REQUIRE(testing::WaitFor([&] { return Calls(upstream) >= 2; }, absl::Seconds(8)));
  const absl::Duration renewed_after = absl::Now() - watched;
  CHECK(renewed_after >= absl::Milliseconds(2500));
  absl::SleepFor(absl::Seconds(1));
  CHECK(Calls(upstream) == 2);
  CHECK(Outcome(replicas, "renewed") == 1);

  // No watch left: the next renewal time passes without a call.
  Unwatch(*replicas[2], first_id);
  Unwatch(*replicas[0], second_id);
  absl::SleepFor(absl::Seconds(5));
  CHECK(Calls(upstream) == 2);
  CHECK(Outcome(replicas, "ended") == 1);
  testing::SyncRedis redis(redis_server.port());
  CHECK(redis.Command({"ZCARD", "trackenrich:v1:subscription:due"}).integer == 0);
  CHECK(redis.Command({"EXISTS", absl::StrCat("trackenrich:v1:default:subscription:ups:", number)})
            .integer == 0);
}

TEST_CASE("UPS Track Alert: invalid numbers flagged, delivered not renewed, failures retried",
          "[watch]") {
  testing::RedisServer redis_server;
  testing::SandboxProcess upstream(TRACKENRICH_SANDBOX_BINARY);
  testing::ServiceProcess replica(TRACKENRICH_SERVER_BINARY,
                                  Config(upstream, redis_server, "4s", "2s", "500ms"), kEnv);
  REQUIRE(RedisReady(replica));
  std::vector<testing::ServiceProcess*> replicas = {&replica};
  testing::SyncRedis redis(redis_server.port());

  SECTION("a number UPS refuses: one call, an INVALID_TRACKING event, no retry") {
    const std::string refused = sandbox::SandboxUpstream::ScenarioNumber("ups", "not_found");
    REQUIRE(!refused.empty());
    const v1::Watch watch = Watch(replica, refused, "T-invalid");
    v1::WatchEvent flagged;
    REQUIRE(testing::WaitFor(
        [&] {
          for (const auto& entry : redis.StreamEntries("trackenrich:v1:default:events")) {
            v1::WatchEvent event;
            if (event.ParseFromString(entry.at("e")) && event.flags_size() > 0 &&
                event.flags(0).kind() == v1::RISK_FLAG_KIND_INVALID_TRACKING &&
                absl::StrContains(event.flags(0).reason(), "UPS refused")) {
              flagged = event;
              return true;
            }
          }
          return false;
        },
        absl::Seconds(5)));
    CHECK(flagged.watch_id() == watch.watch_id());
    CHECK(flagged.ticket_id() == "T-invalid");
    CHECK(flagged.shipment().tracking_number() == refused);
    absl::SleepFor(absl::Seconds(3));
    CHECK(Calls(upstream) == 1);
    CHECK(Outcome(replicas, "invalid") == 1);
    CHECK(redis.Command({"ZCARD", "trackenrich:v1:subscription:due"}).integer == 0);
  }

  SECTION("a delivered package: subscribed once, not renewed") {
    const std::string number = testing::SandboxUpsBulkNumber(777);
    Watch(replica, number, "T-delivered");
    REQUIRE(testing::WaitFor([&] { return Calls(upstream) == 1; }, absl::Seconds(5)));
    const auto story = testing::HttpSend(
        upstream.port(), "POST", "/__sandbox/story",
        absl::StrCat(R"({"tracking_number": ")", number, R"(", "stage": "delivered"})"));
    REQUIRE(story.status == 200);
    // Polled every 500 ms, it is DELIVERED well before the renewal (2 s).
    absl::SleepFor(absl::Seconds(4));
    CHECK(Calls(upstream) == 1);
    CHECK(Outcome(replicas, "ended") == 1);
    CHECK(Outcome(replicas, "renewed") == 0);
  }

  SECTION("401 then 429 from UPS: retried with backoff until accepted") {
    testing::InjectSandboxFault(
        upstream.port(),
        R"({"path": "/api/track/v1/subscription/", "kind": "status", "status": 401, "times": 2})");
    testing::InjectSandboxFault(
        upstream.port(),
        R"({"path": "/api/track/v1/subscription/", "kind": "rate_limited", "retry_after_s": 1,
            "times": 1})");
    Watch(replica, testing::SandboxUpsBulkNumber(31337), "T-retry");
    REQUIRE(
        testing::WaitFor([&] { return Outcome(replicas, "subscribed") == 1; }, absl::Seconds(8)));
    // 401 (refreshed token, 401 again), 429, then accepted.
    CHECK(Outcome(replicas, "failed") == 2);
    CHECK(Calls(upstream) == 4);
    const std::string text = testing::HttpGet(replica.admin_port(), "/metrics").body;
    CHECK(absl::StrContains(
        text,
        R"(trackenrich_push_subscription_calls_total{carrier="ups",code="FAILED_PRECONDITION"} 1)"));
    CHECK(absl::StrContains(
        text,
        R"(trackenrich_push_subscription_calls_total{carrier="ups",code="RESOURCE_EXHAUSTED"} 1)"));
    CHECK(absl::StrContains(
        text, R"(trackenrich_push_subscription_calls_total{carrier="ups",code="OK"} 1)"));
  }
}

}  // namespace
}  // namespace trackenrich
