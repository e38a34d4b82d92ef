// The watch RPCs on the JSON gateway, through the real binary (admin port,
// POST /v1/<Method>): WatchShipment, WatchOrder, Unwatch, ListWatches and
// StreamEvents as a long poll, with a real Redis (own redis-server) and the
// standalone sandbox, whose package story is advanced so events appear.
// Bad input on each route is 400 with a JSON error naming the field.
#include <algorithm>
#include <chrono>
#include <future>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/json.hpp"

#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "tests/support/io_threads.h"
#include "tests/support/redis_server.h"
#include "tests/support/sandbox_carriers.h"
#include "tests/support/service_process.h"

namespace trackenrich {
namespace {

namespace json = boost::json;

const std::vector<std::pair<std::string, std::string>> kEnv = {
    {"TE_GW_UPS_ID", std::string(sandbox::kSandboxClientId)},
    {"TE_GW_UPS_SECRET", std::string(sandbox::kSandboxClientSecret)}};

std::string Config(const testing::SandboxProcess& upstream, const testing::RedisServer& redis) {
  return absl::Substitute(R"({
    "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0", "sandbox": false,
    "carriers": {"ups": {"base_url": "$0",
      "client_id": {"env": "TE_GW_UPS_ID"}, "client_secret": {"env": "TE_GW_UPS_SECRET"}}},
    "redis": {"address": "127.0.0.1:$1", "command_timeout": "2s"},
    "watch": {"tick": "100ms", "lease": "4s", "poll_timeout": "3s", "poll_max_age": "0s",
              "jitter": 0, "stream_poll_interval": "50ms",
              "poll_every": {"out_for_delivery": "300ms", "in_transit": "300ms",
                             "label_created": "300ms", "exception": "300ms", "other": "300ms"}}
  })",
                          upstream.base_url(), redis.port());
}

struct Answer {
  int status = 0;
  json::object body;
  absl::Duration took;
};

Answer Post(const testing::ServiceProcess& replica, const std::string& route,
            const std::string& body, const std::string& timeout = "") {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!timeout.empty()) headers.emplace_back("Grpc-Timeout", timeout);
  const absl::Time start = absl::Now();
  const auto http = testing::HttpSendWithHeaders(replica.admin_port(), "POST",
                                                 absl::StrCat("/v1/", route), body, headers);
  Answer answer;
  answer.took = absl::Now() - start;
  answer.status = http.status;
  INFO(route << " answered " << http.status << ": " << http.body);
  REQUIRE(http.content_type == "application/json");
  answer.body = json::parse(http.body).as_object();
  return answer;
}

void SetStory(const testing::SandboxProcess& upstream, const std::string& number,
              const std::string& stage) {
  REQUIRE(testing::HttpSend(
              upstream.port(), "POST", "/__sandbox/story",
              absl::StrCat(R"({"tracking_number": ")", number, R"(", "stage": ")", stage, R"("})"))
              .status == 200);
}

TEST_CASE("gateway: the five watch RPCs over JSON through the real binary", "[watch]") {
  testing::RedisServer redis_server;
  testing::SandboxProcess upstream(TRACKENRICH_SANDBOX_BINARY);
  testing::ServiceProcess replica(TRACKENRICH_SERVER_BINARY, Config(upstream, redis_server), kEnv);
  REQUIRE(testing::WaitFor([&] {
    return absl::StrContains(testing::HttpGet(replica.admin_port(), "/readyz").body,
                             "\"redis\":\"ok\"");
  }));
  const std::string number = testing::SandboxUpsBulkNumber(9090);
  const std::string watch_body = absl::StrCat(R"({"shipment": {"trackingNumber": ")", number,
                                              R"("}, "ticketId": "T-9",
                                               "labels": {"desk": "zendesk"}})");

  // WatchShipment: created, then idempotent.
  Answer watched = Post(replica, "WatchShipment", watch_body);
  REQUIRE(watched.status == 200);
  CHECK(watched.body.at("created") == true);
  CHECK(watched.body.at("durable") == true);
  const json::object& watch = watched.body.at("watch").as_object();
  const std::string watch_id(watch.at("watchId").as_string());
  CHECK(watch_id.size() == 24);
  CHECK(watch.at("ticketId") == "T-9");
  CHECK(watch.at("lastState") == "SHIPMENT_STATE_IN_TRANSIT");
  Answer again = Post(replica, "WatchShipment", watch_body);
  REQUIRE(again.status == 200);
  CHECK_FALSE(again.body.contains("created"));  // false: omitted in proto JSON
  CHECK(again.body.at("watch").at("watchId") == watch_id.c_str());

  // WatchOrder: stored even though no order source answers yet.
  Answer order = Post(replica, "WatchOrder",
                      R"({"order": {"orderId": "113-5550001-0000001"}, "ticketId": "T-10"})");
  REQUIRE(order.status == 200);
  CHECK(order.body.at("created") == true);
  const std::string order_watch_id(order.body.at("watch").at("watchId").as_string());

  // ListWatches, one per page.
  Answer page1 = Post(replica, "ListWatches", R"({"pageSize": 1})");
  REQUIRE(page1.status == 200);
  REQUIRE(page1.body.at("watches").as_array().size() == 1);
  const std::string token(page1.body.at("nextPageToken").as_string());
  Answer page2 = Post(replica, "ListWatches",
                      absl::StrCat(R"({"pageSize": 1, "pageToken": ")", token, R"("})"));
  REQUIRE(page2.status == 200);
  REQUIRE(page2.body.at("watches").as_array().size() == 1);
  CHECK_FALSE(page2.body.contains("nextPageToken"));
  std::vector<std::string> listed = {
      std::string(page1.body.at("watches").at(0).at("watchId").as_string()),
      std::string(page2.body.at("watches").at(0).at("watchId").as_string())};
  std::sort(listed.begin(), listed.end());
  std::vector<std::string> expected = {watch_id, order_watch_id};
  std::sort(expected.begin(), expected.end());
  CHECK(listed == expected);

  // StreamEvents, nothing yet: answered empty when the wait (1 s) ends.
  Answer quiet = Post(replica, "StreamEvents", R"({"lastEventId": "0"})", "1S");
  REQUIRE(quiet.status == 200);
  CHECK(quiet.body.at("events").as_array().empty());
  CHECK(quiet.body.at("lastEventId") == "0");
  CHECK(quiet.took >= absl::Milliseconds(900));

  // A long poll waiting when the package moves to exception gets the event.
  auto waiting = std::async(std::launch::async, [&] {
    return Post(replica, "StreamEvents", R"({"lastEventId": "0"})", "20S");
  });
  absl::SleepFor(absl::Milliseconds(500));
  SetStory(upstream, number, "exception");
  Answer moved = waiting.get();
  REQUIRE(moved.status == 200);
  CHECK(moved.took < absl::Seconds(15));
  REQUIRE(moved.body.at("events").as_array().size() >= 1);
  const json::object& event = moved.body.at("events").at(0).as_object();
  CHECK(event.at("watchId") == watch_id.c_str());
  CHECK(event.at("ticketId") == "T-9");
  CHECK(event.at("newState") == "SHIPMENT_STATE_EXCEPTION");
  CHECK(event.at("labels").at("desk") == "zendesk");
  const std::string last(moved.body.at("lastEventId").as_string());
  CHECK(last == std::string(moved.body.at("events").as_array().back().at("eventId").as_string()));

  // Resuming after it: nothing twice; the next change only.
  SetStory(upstream, number, "delivered");
  Answer next =
      Post(replica, "StreamEvents", absl::StrCat(R"({"lastEventId": ")", last, R"("})"), "20S");
  REQUIRE(next.status == 200);
  for (const json::value& later : next.body.at("events").as_array()) {
    CHECK(later.at("eventId") != last.c_str());
    CHECK(later.at("newState") == "SHIPMENT_STATE_DELIVERED");
  }
  CHECK(next.body.at("events").as_array().size() == 1);

  // Unwatch.
  Answer removed = Post(replica, "Unwatch", absl::StrCat(R"({"watchId": ")", watch_id, R"("})"));
  REQUIRE(removed.status == 200);
  CHECK(removed.body.at("removed") == true);
  Answer gone = Post(replica, "Unwatch", absl::StrCat(R"({"watchId": ")", watch_id, R"("})"));
  REQUIRE(gone.status == 200);
  CHECK_FALSE(gone.body.contains("removed"));

  // Bad input on each route: 400 naming the field.
  const std::pair<std::string, std::pair<std::string, std::string>> bad[] = {
      {"WatchShipment",
       {R"({"shipment": {"trackingNumber": ""}, "ticketId": "T-1"})", "shipment.tracking_number"}},
      {"WatchShipment",
       {absl::StrCat(R"({"shipment": {"trackingNumber": ")", number, R"("}})"), "ticket_id"}},
      {"WatchOrder", {R"({"order": {"orderId": ""}, "ticketId": "T-1"})", "order.order_id"}},
      {"Unwatch", {R"({"watchId": "not-a-watch"})", "watch_id"}},
      {"ListWatches", {R"({"pageSize": 501})", "page_size"}},
      {"StreamEvents", {R"({"lastEventId": "yesterday"})", "last_event_id"}},
      {"StreamEvents", {R"({"lastEventID": "1-0"})", "request body"}},
  };
  for (const auto& [route, input] : bad) {
    INFO(route << " " << input.first);
    Answer refused = Post(replica, route, input.first, "5S");
    CHECK(refused.status == 400);
    CHECK(refused.body.at("code") == "INVALID_ARGUMENT");
    CHECK(absl::StrContains(std::string(refused.body.at("message").as_string()), input.second));
  }
}

}  // namespace
}  // namespace trackenrich
