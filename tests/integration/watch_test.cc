// Watches end to end, in process: a sandbox-mode service with a real Redis
// (the ctest fixture `redis`), a real gRPC client, the embedded sandbox on
// loopback and a webhook receiver in the test. A watched sandbox shipment's
// story is advanced (POST /__sandbox/story) and the change must arrive on
// StreamEvents and at the webhook, signed, within the shortened poll
// interval; reconnecting with the last event ID repeats and misses nothing;
// a failing receiver gets every event in order once it recovers, and one
// that never recovers ends in the dead-letter list.
#include <atomic>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/json.hpp"
#include "grpcpp/client_context.h"

#include "adapters/dhl/sandbox/dhl_scenarios.h"
#include "adapters/fedex/sandbox/fedex_scenarios.h"
#include "services/http/http_server.h"
#include "services/integrations/common/signature.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/shopify_scenarios.h"
#include "services/watch/webhook_sender.h"
#include "tests/support/http_get.h"
#include "tests/support/io_threads.h"
#include "tests/support/redis_server.h"
#include "tests/support/sandbox_carriers.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/test_data.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

namespace json = boost::json;
constexpr char kSecret[] = "watch-test-webhook-secret-7d1e";

// Receives webhook POSTs; answers `status` (settable) and keeps every request.
class WebhookReceiver {
 public:
  WebhookReceiver()
      : server_(io_.context(), [this](const http::HttpRequest& request) {
          absl::MutexLock lock(&mu_);
          requests_.push_back(request);
          server::HttpServer::Reply reply;
          reply.response.status = status_;
          return reply;
        }) {
    auto port = server_.Listen("127.0.0.1", 0);
    if (!port.ok()) throw std::runtime_error(port.status().ToString());
    url_ = absl::StrCat("http://127.0.0.1:", *port, "/hooks/trackenrich");
  }
  ~WebhookReceiver() { server_.Stop(); }

  const std::string& url() const { return url_; }
  void set_status(int status) {
    absl::MutexLock lock(&mu_);
    status_ = status;
  }
  std::vector<http::HttpRequest> requests() {
    absl::MutexLock lock(&mu_);
    return requests_;
  }
  // The requests answered 2xx are those received while status_ was 2xx; the
  // test tracks that itself.

 private:
  testing::IoThreads io_;
  server::HttpServer server_;
  std::string url_;
  absl::Mutex mu_;
  int status_ ABSL_GUARDED_BY(mu_) = 200;
  std::vector<http::HttpRequest> requests_ ABSL_GUARDED_BY(mu_);
};

uint16_t RedisPort() {
  const uint16_t port = testing::FixtureRedisPort();
  if (port == 0) FAIL("no Redis: run through ctest (fixture `redis`)");
  return port;
}

// Sandbox mode with Redis database `database` (flushed), polls every
// second (and a second after a failed poll: a loaded machine may time one
// out), webhooks to `hook_url` with `webhook_extra` settings.
server::ServiceConfig WatchConfig(int database, const std::string& hook_url,
                                  const std::string& webhook_extra = "") {
  testing::SyncRedis(RedisPort(), database).Command({"FLUSHDB"});
  setenv("TE_WATCH_TEST_SECRET", kSecret, 1);
  auto config = server::ParseServiceConfig(absl::Substitute(
      R"({"sandbox": true, "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0",
          "redis": {"address": "127.0.0.1:$0", "database": $1},
          "watch": {"tick": "100ms", "poll_max_age": "0s", "jitter": 0,
                    "poll_every": {"out_for_delivery": "1s", "in_transit": "1s",
                                   "label_created": "1s", "exception": "1s", "other": "1s"},
                    "lease": "5s", "poll_timeout": "3s", "retry_after_error": "1s",
                    "stream_poll_interval": "50ms",
                    "webhook_tick": "50ms", "webhook_base_backoff": "100ms",
                    "webhook_max_backoff": "400ms" $3,
                    "webhooks": {"default": {"url": "$2",
                                             "secret": {"env": "TE_WATCH_TEST_SECRET"}}}}})",
      RedisPort(), database, hook_url, webhook_extra));
  if (!config.ok()) FAIL(config.status().ToString());
  return *config;
}

// Watches need Redis connected (UNAVAILABLE before): wait for it.
void WaitForRedis(testing::TestServer& server) {
  REQUIRE(testing::WaitFor([&] {
    return absl::StrContains(testing::HttpGet(server.server().admin_port(), "/readyz").body,
                             "\"redis\":\"ok\"");
  }));
}

void SetStory(testing::TestServer& server, const std::string& number, const std::string& stage) {
  const auto reply = testing::HttpSend(
      testing::PortOfUrl(server.server().sandbox_url()), "POST", "/__sandbox/story",
      absl::StrCat(R"({"tracking_number": ")", number, R"(", "stage": ")", stage, R"("})"));
  REQUIRE(reply.status == 200);
}

v1::WatchShipmentResponse Watch(v1::TrackingService::Stub& stub, const std::string& number,
                                const std::string& ticket) {
  grpc::ClientContext context;
  v1::WatchShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  request.set_ticket_id(ticket);
  (*request.mutable_labels())["desk"] = "zendesk";
  v1::WatchShipmentResponse response;
  const grpc::Status status = stub.WatchShipment(&context, request, &response);
  INFO(status.error_message());
  REQUIRE(status.ok());
  return response;
}

// Reads StreamEvents from `last_event_id` on a thread until Stop(). Returns
// once the server has fixed the start position (its response headers): an
// event emitted after that reaches this reader, even with "" (from now on).
class EventReader {
 public:
  EventReader(v1::TrackingService::Stub& stub, const std::string& last_event_id) {
    v1::StreamEventsRequest request;
    request.set_last_event_id(last_event_id);
    reader_ = stub.StreamEvents(&context_, request);
    reader_->WaitForInitialMetadata();
    thread_ = std::thread([this] {
      v1::StreamEventsResponse next;
      while (reader_->Read(&next)) {
        absl::MutexLock lock(&mu_);
        events_.push_back(next.event());
      }
    });
  }
  ~EventReader() { Stop(); }
  void Stop() {
    if (!thread_.joinable()) return;
    context_.TryCancel();
    thread_.join();
    (void)reader_->Finish();
  }
  std::vector<v1::WatchEvent> events() {
    absl::MutexLock lock(&mu_);
    return events_;
  }
  bool WaitForCount(size_t count, absl::Duration timeout = absl::Seconds(10)) {
    return testing::WaitFor([&] { return events().size() >= count; }, timeout);
  }

 private:
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<v1::StreamEventsResponse>> reader_;
  std::thread thread_;
  absl::Mutex mu_;
  std::vector<v1::WatchEvent> events_ ABSL_GUARDED_BY(mu_);
};

bool HasFlag(const v1::WatchEvent& event, v1::RiskFlagKind kind) {
  for (const auto& flag : event.flags()) {
    if (flag.kind() == kind) return true;
  }
  return false;
}

std::string EventIdOf(const http::HttpRequest& request) {
  return std::string(request.Header("Trackenrich-Event-Id"));
}

TEST_CASE(
    "watch: a story's EXCEPTION reaches StreamEvents and the signed webhook, and a resume misses "
    "nothing",
    "[watch][redis]") {
  WebhookReceiver hook;
  testing::TestServer server(WatchConfig(20, hook.url()));
  WaitForRedis(server);
  auto stub = server.Stub();
  const std::string number = testing::SandboxUpsBulkNumber(140001);

  const v1::WatchShipmentResponse first = Watch(*stub, number, "ZD-4711");
  CHECK(first.created());
  CHECK(first.durable());
  CHECK(first.watch().last_state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(first.watch().watch_id().size() == 24);
  // Idempotent on tenant + subject + ticket; another ticket is another watch.
  const v1::WatchShipmentResponse again = Watch(*stub, number, "ZD-4711");
  CHECK_FALSE(again.created());
  CHECK(again.watch().watch_id() == first.watch().watch_id());
  CHECK(Watch(*stub, number, "ZD-4712").watch().watch_id() != first.watch().watch_id());

  EventReader live(*stub, "");
  const absl::Time advanced = absl::Now();
  SetStory(server, number, "exception");
  // Two watches (two tickets) on the number: two events.
  REQUIRE(live.WaitForCount(2, absl::Seconds(8)));
  const absl::Duration took = absl::Now() - advanced;
  const v1::WatchEvent exception = live.events()[0];
  CHECK(exception.new_state() == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(exception.old_state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(exception.shipment().tracking_number() == number);
  CHECK((exception.ticket_id() == "ZD-4711" || exception.ticket_id() == "ZD-4712"));
  CHECK(exception.labels().at("desk") == "zendesk");
  CHECK(HasFlag(exception, v1::RISK_FLAG_KIND_EXCEPTION));
  CHECK(exception.next_action().kind() != v1::NEXT_ACTION_KIND_UNSPECIFIED);
  CHECK(exception.shipment_status().state() == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK_FALSE(exception.event_id().empty());
  // Polled every second (config): the change shows within about one interval.
  CHECK(took < absl::Seconds(3));

  // The webhook gets the same event, signed over timestamp + "." + body.
  REQUIRE(testing::WaitFor([&] { return hook.requests().size() >= 2; }, absl::Seconds(5)));
  const http::HttpRequest posted = hook.requests()[0];
  CHECK(posted.method == "POST");
  CHECK(posted.target == "/hooks/trackenrich");
  CHECK(EventIdOf(posted) == exception.event_id());
  CHECK(watch::VerifyWebhookSignature(kSecret, posted.Header("Trackenrich-Signature"), posted.body,
                                      absl::Now(), absl::Minutes(5)));
  CHECK_FALSE(watch::VerifyWebhookSignature("another-secret-entirely",
                                            posted.Header("Trackenrich-Signature"), posted.body,
                                            absl::Now(), absl::Minutes(5)));
  CHECK_FALSE(watch::VerifyWebhookSignature(kSecret, posted.Header("Trackenrich-Signature"),
                                            posted.body + " ", absl::Now(), absl::Minutes(5)));
  const json::value body = json::parse(posted.body);
  CHECK(body.at("eventId").as_string() == exception.event_id());
  CHECK(body.at("newState").as_string() == "SHIPMENT_STATE_EXCEPTION");

  // Disconnect after the first two events; delivered happens meanwhile.
  live.Stop();
  const std::string last_seen = live.events().back().event_id();
  REQUIRE(live.events().size() == 2);
  SetStory(server, number, "delivered");
  REQUIRE(testing::WaitFor([&] { return hook.requests().size() >= 4; }, absl::Seconds(8)));

  // Resuming from the last event seen: exactly the two delivered events.
  EventReader resumed(*stub, last_seen);
  REQUIRE(resumed.WaitForCount(2));
  absl::SleepFor(absl::Milliseconds(500));
  const auto after = resumed.events();
  REQUIRE(after.size() == 2);
  for (const auto& event : after) {
    CHECK(event.new_state() == v1::SHIPMENT_STATE_DELIVERED);
    CHECK(event.old_state() == v1::SHIPMENT_STATE_EXCEPTION);
    CHECK(event.event_id() != last_seen);
  }
  // From "0": everything the stream holds, each once, in order.
  EventReader all(*stub, "0");
  REQUIRE(all.WaitForCount(4));
  absl::SleepFor(absl::Milliseconds(300));
  const auto everything = all.events();
  REQUIRE(everything.size() == 4);
  for (size_t i = 1; i < everything.size(); ++i) {
    CHECK(watch::EventIdAfter(everything[i].event_id(), everything[i - 1].event_id()));
  }
  // Every event reached the webhook once (a 2xx receiver), in stream order.
  const auto posts = hook.requests();
  REQUIRE(posts.size() == 4);
  for (size_t i = 0; i < posts.size(); ++i) CHECK(EventIdOf(posts[i]) == everything[i].event_id());
}

TEST_CASE("watch: ListWatches pages, Unwatch ends a watch, bad input names the field",
          "[watch][redis]") {
  WebhookReceiver hook;
  testing::TestServer server(WatchConfig(21, hook.url()));
  WaitForRedis(server);
  auto stub = server.Stub();
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(
        Watch(*stub, testing::SandboxUpsBulkNumber(140100 + i), "T-1").watch().watch_id());
  }
  std::vector<std::string> listed;
  std::string token;
  int pages = 0;
  do {
    grpc::ClientContext context;
    v1::ListWatchesRequest request;
    request.set_page_size(2);
    request.set_page_token(token);
    v1::ListWatchesResponse response;
    REQUIRE(stub->ListWatches(&context, request, &response).ok());
    for (const auto& watch : response.watches()) listed.push_back(watch.watch_id());
    token = response.next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  CHECK(pages == 3);
  std::sort(ids.begin(), ids.end());
  CHECK(listed == ids);

  {
    grpc::ClientContext context;
    v1::UnwatchRequest request;
    request.set_watch_id(ids[0]);
    v1::UnwatchResponse response;
    REQUIRE(stub->Unwatch(&context, request, &response).ok());
    CHECK(response.removed());
  }
  {
    grpc::ClientContext context;
    v1::UnwatchRequest request;
    request.set_watch_id(ids[0]);
    v1::UnwatchResponse response;
    REQUIRE(stub->Unwatch(&context, request, &response).ok());
    CHECK_FALSE(response.removed());
  }
  auto refused = [&](v1::WatchShipmentRequest request, const std::string& field) {
    grpc::ClientContext context;
    v1::WatchShipmentResponse response;
    const grpc::Status status = stub->WatchShipment(&context, request, &response);
    CHECK(status.error_code() == grpc::StatusCode::INVALID_ARGUMENT);
    CHECK(absl::StartsWith(status.error_message(), field));
  };
  v1::WatchShipmentRequest no_ticket;
  no_ticket.mutable_shipment()->set_tracking_number(testing::SandboxUpsBulkNumber(1));
  refused(no_ticket, "ticket_id");
  v1::WatchShipmentRequest bad_ticket = no_ticket;
  bad_ticket.set_ticket_id("T 1<script>");
  refused(bad_ticket, "ticket_id");
  v1::WatchShipmentRequest no_number;
  no_number.set_ticket_id("T-1");
  refused(no_number, "shipment");
  {
    grpc::ClientContext context;
    v1::StreamEventsRequest request;
    request.set_last_event_id("yesterday");
    auto reader = stub->StreamEvents(&context, request);
    v1::StreamEventsResponse event;
    CHECK_FALSE(reader->Read(&event));
    const grpc::Status status = reader->Finish();
    CHECK(status.error_code() == grpc::StatusCode::INVALID_ARGUMENT);
    CHECK(absl::StartsWith(status.error_message(), "last_event_id"));
  }
}

TEST_CASE("watch: a webhook receiver failing for a while gets every event, in order per subject",
          "[watch][redis]") {
  WebhookReceiver hook;
  hook.set_status(500);
  testing::TestServer server(WatchConfig(22, hook.url()));
  WaitForRedis(server);
  auto stub = server.Stub();
  const std::string a = testing::SandboxUpsBulkNumber(140201);
  const std::string b = testing::SandboxUpsBulkNumber(140202);
  Watch(*stub, a, "T-A");
  Watch(*stub, b, "T-B");
  EventReader stream(*stub, "");
  SetStory(server, a, "exception");
  SetStory(server, b, "out_for_delivery");
  REQUIRE(stream.WaitForCount(2));
  SetStory(server, a, "delivered");
  SetStory(server, b, "delivered");
  REQUIRE(stream.WaitForCount(4));
  // Refused meanwhile, retried with backoff.
  REQUIRE(testing::WaitFor([&] { return hook.requests().size() >= 3; }));
  hook.set_status(200);
  const auto events = stream.events();
  REQUIRE(testing::WaitFor(
      [&] {
        const auto posts = hook.requests();
        return !posts.empty() && EventIdOf(posts.back()) == events.back().event_id();
      },
      absl::Seconds(10)));
  // Each event was posted until accepted; the accepted ones, in order, are
  // the stream's events, so each subject's events arrived in order.
  std::vector<std::string> order;
  for (const auto& post : hook.requests()) {
    const std::string id = EventIdOf(post);
    if (order.empty() || order.back() != id) order.push_back(id);
  }
  REQUIRE(order.size() == events.size());
  for (size_t i = 0; i < events.size(); ++i) CHECK(order[i] == events[i].event_id());
  // The last 2xx is counted once the sender has read it.
  std::string metrics;
  CHECK(testing::WaitFor([&] {
    metrics = testing::HttpGet(server.server().admin_port(), "/metrics").body;
    return absl::StrContains(metrics,
                             "trackenrich_webhook_deliveries_total{outcome=\"delivered\"} 4");
  }));
  CHECK(absl::StrContains(metrics, "trackenrich_webhook_deliveries_total{outcome=\"failed\"}"));
  CHECK(absl::StrContains(metrics,
                          "trackenrich_webhook_deliveries_total{outcome=\"dead_lettered\"} 0"));
}

TEST_CASE("watch: a receiver that never recovers: dead-letter list and /metrics",
          "[watch][redis]") {
  WebhookReceiver hook;
  hook.set_status(503);
  testing::TestServer server(WatchConfig(23, hook.url(), R"(, "webhook_retry_window": "1s")"));
  WaitForRedis(server);
  auto stub = server.Stub();
  const std::string number = testing::SandboxUpsBulkNumber(140301);
  Watch(*stub, number, "T-D");
  EventReader stream(*stub, "");
  SetStory(server, number, "exception");
  REQUIRE(stream.WaitForCount(1));
  REQUIRE(testing::WaitFor(
      [&] {
        return absl::StrContains(
            testing::HttpGet(server.server().admin_port(), "/metrics").body,
            "trackenrich_webhook_deliveries_total{outcome=\"dead_lettered\"} 1");
      },
      absl::Seconds(10)));
  testing::SyncRedis redis(RedisPort(), 23);
  const cache::RedisReply dead =
      redis.Command({"LRANGE", "trackenrich:v1:default:webhook:dead", "0", "-1"});
  REQUIRE(dead.elements.size() == 1);
  CHECK(json::parse(dead.elements[0].str).at("eventId").as_string() ==
        stream.events()[0].event_id());
  CHECK(hook.requests().size() >= 2);
}

TEST_CASE("watch: a UPS Track Alert push refreshes the cache and emits the event at once",
          "[watch][redis]") {
  testing::SyncRedis(RedisPort(), 25).Command({"FLUSHDB"});
  setenv("TE_WATCH_TEST_UPS_CREDENTIAL", "ups-track-alert-credential-93f1", 1);
  auto config = server::ParseServiceConfig(absl::Substitute(
      R"({"sandbox": true, "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0",
          "redis": {"address": "127.0.0.1:$0", "database": 25},
          "public_http": {"listen": "127.0.0.1:0", "max_body_bytes": 4096},
          "push": {"ups": {"credential": {"env": "TE_WATCH_TEST_UPS_CREDENTIAL"}}},
          "watch": {"tick": "100ms", "stream_poll_interval": "50ms",
                    "poll_every": {"out_for_delivery": "1h", "in_transit": "1h",
                                   "label_created": "1h", "exception": "1h", "other": "1h"}}})",
      RedisPort()));
  REQUIRE(config.ok());
  testing::TestServer server(*config);
  WaitForRedis(server);
  auto stub = server.Stub();
  const uint16_t http = server.server().http_port();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const std::string number = testing::SandboxUpsBulkNumber(140501);
  Watch(*stub, number, "T-P");
  EventReader stream(*stub, "");
  SetStory(server, number, "exception");
  const std::string body = absl::StrCat(
      R"({"trackingNumber": ")", number,
      R"(", "activityStatus": {"type": "X", "code": "UA", "description": "ADDRESS CORRECTION"},)"
      R"( "gmtActivityDate": "20261204", "gmtActivityTime": "221500"})");
  auto post = [&](const std::string& payload,
                  std::vector<std::pair<std::string, std::string>> headers) {
    headers.emplace_back("User-Agent", "UPSPubSubTrackingService");
    return testing::HttpSendWithHeaders(http, "POST", "/push/ups", payload, headers);
  };
  const int64_t calls_before = testing::SandboxRequestCount(sandbox, "ups.track");

  // Refused pushes change nothing: no upstream call, no event.
  CHECK(post(body, {}).status == 401);
  CHECK(post(body, {{"credential", "ups-track-alert-credential-93f2"}}).status == 401);
  CHECK(post("{\"trackingNumber\": ", {{"credential", "ups-track-alert-credential-93f1"}}).status ==
        400);
  CHECK(post(R"({"trackingNumber": "not a number!"})",
             {{"credential", "ups-track-alert-credential-93f1"}})
            .status == 400);
  CHECK(post(std::string(8192, ' ') + body, {{"credential", "ups-track-alert-credential-93f1"}})
            .status == 413);
  absl::SleepFor(absl::Milliseconds(300));
  CHECK(testing::SandboxRequestCount(sandbox, "ups.track") == calls_before);
  CHECK(stream.events().empty());

  // A valid push: the cache refreshed (one Track call) and the event at once,
  // though the next poll is an hour away.
  const absl::Time pushed = absl::Now();
  const auto accepted = post(body, {{"credential", "ups-track-alert-credential-93f1"}});
  CHECK(accepted.status == 202);
  CHECK(absl::StrContains(accepted.body, R"("watches":1)"));
  REQUIRE(stream.WaitForCount(1, absl::Seconds(5)));
  CHECK(absl::Now() - pushed < absl::Seconds(3));
  CHECK(stream.events()[0].new_state() == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(testing::SandboxRequestCount(sandbox, "ups.track") == calls_before + 1);
  {
    grpc::ClientContext context;
    v1::TrackShipmentRequest request;
    request.mutable_shipment()->set_tracking_number(number);
    v1::TrackShipmentResponse response;
    REQUIRE(stub->TrackShipment(&context, request, &response).ok());
    CHECK(response.shipment().state() == v1::SHIPMENT_STATE_EXCEPTION);
    CHECK(response.shipment().provenance().cache_layer() != v1::CACHE_LAYER_NONE);
  }
  // The same delivery again is a replay: ignored.
  const auto replay = post(body, {{"credential", "ups-track-alert-credential-93f1"}});
  CHECK(replay.status == 200);
  CHECK(absl::StrContains(replay.body, "replay"));
  absl::SleepFor(absl::Milliseconds(300));
  CHECK(testing::SandboxRequestCount(sandbox, "ups.track") == calls_before + 1);
  CHECK(stream.events().size() == 1);
}

TEST_CASE("watch: WatchOrder watches a sandbox Amazon order by its packages' state",
          "[watch][redis]") {
  WebhookReceiver hook;
  testing::TestServer server(WatchConfig(24, hook.url()));
  WaitForRedis(server);
  auto stub = server.Stub();
  auto watch_order = [&](const std::string& order_id, v1::WatchOrderResponse* response) {
    grpc::ClientContext context;
    v1::WatchOrderRequest request;
    request.mutable_order()->set_order_id(order_id);
    request.mutable_order()->set_channel(v1::SALES_CHANNEL_AMAZON);
    request.set_ticket_id("ZD-9");
    return stub->WatchOrder(&context, request, response);
  };
  v1::WatchOrderResponse shipped;
  REQUIRE(watch_order("113-5550001-0000001", &shipped).ok());
  CHECK(shipped.created());
  CHECK(shipped.watch().order().order_id() == "113-5550001-0000001");
  CHECK(shipped.watch().last_state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  v1::WatchOrderResponse again;
  REQUIRE(watch_order("113-5550001-0000001", &again).ok());
  CHECK_FALSE(again.created());
  CHECK(again.watch().watch_id() == shipped.watch().watch_id());
  v1::WatchOrderResponse unshipped;
  REQUIRE(watch_order("113-5550002-0000002", &unshipped).ok());
  CHECK(unshipped.watch().last_state() == v1::SHIPMENT_STATE_PENDING);
  v1::WatchOrderResponse bad;
  const grpc::Status status = watch_order("113-55500", &bad);
  CHECK(status.error_code() == grpc::StatusCode::INVALID_ARGUMENT);
  CHECK(absl::StartsWith(status.error_message(), "order.order_id"));
}

TEST_CASE("watch: without Redis, watches are kept in process and say they are not durable",
          "[watch]") {
  testing::TestServer server;
  auto stub = server.Stub();
  const v1::WatchShipmentResponse response =
      Watch(*stub, testing::SandboxUpsBulkNumber(140401), "T-M");
  CHECK(response.created());
  CHECK_FALSE(response.durable());
  const std::string ready = testing::HttpGet(server.server().admin_port(), "/readyz").body;
  CHECK(absl::StrContains(ready, R"("watches":{"store":"memory","durable":false)"));
}

// --- FedEx, DHL and Shopify pushes (services/push) ---

constexpr char kFedexToken[] = "FedexPushToken4Watch7estsAbc";  // 28: FedEx takes 26-100
constexpr char kDhlHeader[] = "X-DHL-Push-Token";
constexpr char kDhlToken[] = "dhl-push-token-watch-test-5c2e";
constexpr char kShopifySecret[] = "shopify-client-secret-watch-9a1f";
constexpr char kUpsCredential[] = "ups-track-alert-credential-93f1";

// Sandbox mode, Redis database `database`, every push configured, polls an
// hour apart (so only a push makes a change show at once).
server::ServiceConfig PushConfig(int database) {
  testing::SyncRedis(RedisPort(), database).Command({"FLUSHDB"});
  setenv("TE_PUSH_TEST_FEDEX", kFedexToken, 1);
  setenv("TE_PUSH_TEST_DHL", kDhlToken, 1);
  setenv("TE_PUSH_TEST_SHOPIFY", kShopifySecret, 1);
  setenv("TE_PUSH_TEST_UPS", kUpsCredential, 1);
  auto config = server::ParseServiceConfig(absl::Substitute(
      R"({"sandbox": true, "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0",
          "redis": {"address": "127.0.0.1:$0", "database": $1},
          "public_http": {"listen": "127.0.0.1:0", "max_body_bytes": 4096},
          "push": {"ups": {"credential": {"env": "TE_PUSH_TEST_UPS"}},
                   "fedex": {"security_token": {"env": "TE_PUSH_TEST_FEDEX"}},
                   "dhl": {"header": "$2", "token": {"env": "TE_PUSH_TEST_DHL"}},
                   "shopify": {"client_secret": {"env": "TE_PUSH_TEST_SHOPIFY"}}},
          "watch": {"tick": "100ms", "stream_poll_interval": "50ms",
                    "poll_every": {"out_for_delivery": "1h", "in_transit": "1h",
                                   "label_created": "1h", "exception": "1h", "other": "1h"}}})",
      RedisPort(), database, kDhlHeader));
  if (!config.ok()) FAIL(config.status().ToString());
  return *config;
}

v1::WatchShipmentResponse WatchCarrier(v1::TrackingService::Stub& stub, const std::string& number,
                                       v1::Carrier carrier, const std::string& ticket) {
  grpc::ClientContext context;
  v1::WatchShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  request.mutable_shipment()->set_carrier(carrier);
  request.set_ticket_id(ticket);
  v1::WatchShipmentResponse response;
  const grpc::Status status = stub.WatchShipment(&context, request, &response);
  INFO(status.error_message());
  REQUIRE(status.ok());
  return response;
}

v1::Shipment Tracked(v1::TrackingService::Stub& stub, const std::string& number,
                     v1::Carrier carrier) {
  grpc::ClientContext context;
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  request.mutable_shipment()->set_carrier(carrier);
  v1::TrackShipmentResponse response;
  const grpc::Status status = stub.TrackShipment(&context, request, &response);
  INFO(status.error_message());
  REQUIRE(status.ok());
  return response.shipment();
}

// Asks the pushing sandbox to send a push (POST /__sandbox/push) and waits
// for the service's answer; returns its HTTP status.
int SandboxPush(testing::TestServer& server, json::object request) {
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const std::string carrier(request.at("carrier").as_string());
  request["target"] =
      absl::StrCat("http://127.0.0.1:", server.server().http_port(), "/push/", carrier);
  const auto sent = testing::HttpSend(sandbox, "POST", "/__sandbox/push", json::serialize(request));
  INFO(sent.body);
  REQUIRE(sent.status == 202);
  const int64_t id = json::parse(sent.body).at("push").as_int64();
  int status = 0;
  REQUIRE(testing::WaitFor([&] {
    const json::value pushes =
        json::parse(testing::HttpGet(sandbox, "/__sandbox/pushes").body).at("pushes");
    for (const json::value& push : pushes.as_array()) {
      if (push.at("push").as_int64() == id) status = static_cast<int>(push.at("status").as_int64());
    }
    return status != 0;
  }));
  return status;
}

using Headers = std::vector<std::pair<std::string, std::string>>;

// After one event: a later push through the pushing sandbox moves the
// package on to delivered, and exactly one more event follows.
void ExpectDeliveredByPush(testing::TestServer& server, EventReader& stream,
                           const std::string& carrier, const std::string& number) {
  CHECK(SandboxPush(server, json::object{{"carrier", carrier},
                                         {"tracking_number", number},
                                         {"stage", "delivered"}}) == 202);
  REQUIRE(stream.WaitForCount(2, absl::Seconds(5)));
  absl::SleepFor(absl::Milliseconds(300));
  CHECK(stream.events().size() == 2);
  CHECK(stream.events()[1].new_state() == v1::SHIPMENT_STATE_DELIVERED);
}

testing::HttpGetResult PostPush(testing::TestServer& server, const std::string& route,
                                const std::string& body, Headers headers) {
  headers.emplace_back("Content-Type", "application/json");
  return testing::HttpSendWithHeaders(server.server().http_port(), "POST", route, body, headers);
}

TEST_CASE(
    "watch: a FedEx push (fdx-signature) updates the cache and emits the event, "
    "refused and replayed pushes change nothing",
    "[watch][redis]") {
  testing::TestServer server(PushConfig(26));
  WaitForRedis(server);
  auto stub = server.Stub();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const std::string number = sandbox::SandboxUpstream::ScenarioNumber("fedex", "in_transit");
  const auto watched = WatchCarrier(*stub, number, v1::CARRIER_FEDEX, "FX-1");
  CHECK(watched.watch().last_state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  EventReader stream(*stub, "");
  const int64_t calls = testing::SandboxRequestCount(sandbox, "fedex.track");
  const std::string body = *sandbox::FedexPushBody(number, "exception", absl::Now());
  const std::string good =
      integrations::Base64Hmac(integrations::HmacAlgorithm::kSha256, kFedexToken, body);

  // Refused: nothing cached, no event, no upstream call.
  CHECK(PostPush(server, "/push/fedex", body, {}).status == 401);
  CHECK(PostPush(server, "/push/fedex", body, {{"fdx-signature", good + "x"}}).status == 401);
  CHECK(SandboxPush(server, json::object{{"carrier", "fedex"},
                                         {"tracking_number", number},
                                         {"stage", "exception"},
                                         {"sign", "bad"}}) == 401);
  const std::string broken = "{\"output\": [";
  CHECK(PostPush(server, "/push/fedex", broken,
                 {{"fdx-signature", integrations::Base64Hmac(integrations::HmacAlgorithm::kSha256,
                                                             kFedexToken, broken)}})
            .status == 400);
  const std::string huge = std::string(5000, ' ') + body;
  CHECK(PostPush(server, "/push/fedex", huge,
                 {{"fdx-signature", integrations::Base64Hmac(integrations::HmacAlgorithm::kSha256,
                                                             kFedexToken, huge)}})
            .status == 413);
  absl::SleepFor(absl::Milliseconds(300));
  CHECK(stream.events().empty());
  CHECK(Tracked(*stub, number, v1::CARRIER_FEDEX).state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(testing::SandboxRequestCount(sandbox, "fedex.track") == calls);

  // Signed: the payload itself is cached (no Track call) and the event follows.
  const auto accepted = PostPush(server, "/push/fedex", body, {{"fdx-signature", good}});
  INFO(accepted.body);
  CHECK(accepted.status == 202);
  CHECK(absl::StrContains(accepted.body, R"("watches":1)"));
  REQUIRE(stream.WaitForCount(1, absl::Seconds(5)));
  CHECK(stream.events()[0].old_state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(stream.events()[0].new_state() == v1::SHIPMENT_STATE_EXCEPTION);
  const v1::Shipment cached = Tracked(*stub, number, v1::CARRIER_FEDEX);
  CHECK(cached.state() == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(cached.provenance().cache_layer() != v1::CACHE_LAYER_NONE);
  CHECK(testing::SandboxRequestCount(sandbox, "fedex.track") == calls);

  // The same delivery again (FedEx sends no ID: the same body) is ignored.
  const auto replay = PostPush(server, "/push/fedex", body, {{"fdx-signature", good}});
  CHECK(replay.status == 200);
  CHECK(absl::StrContains(replay.body, "replay"));
  ExpectDeliveredByPush(server, stream, "fedex", number);
  // FedEx may deliver out of order: a push whose scans are older than the
  // cached answer's is taken (202) and changes nothing.
  const std::string late =
      *sandbox::FedexPushBody(number, "in_transit", absl::Now() - absl::Hours(48));
  const auto older = PostPush(
      server, "/push/fedex", late,
      {{"fdx-signature",
        integrations::Base64Hmac(integrations::HmacAlgorithm::kSha256, kFedexToken, late)}});
  CHECK(older.status == 202);
  CHECK(absl::StrContains(older.body, R"("older_than_cached":1)"));
  absl::SleepFor(absl::Milliseconds(300));
  CHECK(stream.events().size() == 2);
  CHECK(Tracked(*stub, number, v1::CARRIER_FEDEX).state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(testing::SandboxRequestCount(sandbox, "fedex.track") == calls);
}

TEST_CASE(
    "watch: a DHL push (the subscription's header and token) updates the cache and "
    "emits the event, refused and replayed pushes change nothing",
    "[watch][redis]") {
  testing::TestServer server(PushConfig(27));
  WaitForRedis(server);
  auto stub = server.Stub();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const std::string number = sandbox::SandboxUpstream::ScenarioNumber("dhl", "in_transit");
  const auto watched = WatchCarrier(*stub, number, v1::CARRIER_DHL, "DHL-1");
  CHECK(watched.watch().last_state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  EventReader stream(*stub, "");
  const int64_t calls = testing::SandboxRequestCount(sandbox, "dhl.track");
  const std::string body = *sandbox::DhlPushBody(number, "exception", absl::Now());

  CHECK(PostPush(server, "/push/dhl", body, {}).status == 401);
  CHECK(PostPush(server, "/push/dhl", body, {{kDhlHeader, "dhl-push-token-watch-test-5c2f"}})
            .status == 401);
  CHECK(PostPush(server, "/push/dhl", body, {{"DHL-API-Key", kDhlToken}}).status == 401);
  CHECK(SandboxPush(server, json::object{{"carrier", "dhl"},
                                         {"tracking_number", number},
                                         {"stage", "exception"},
                                         {"sign", "none"}}) == 401);
  CHECK(PostPush(server, "/push/dhl", R"({"shipments": [{"id": true}]})", {{kDhlHeader, kDhlToken}})
            .status == 400);
  CHECK(PostPush(server, "/push/dhl", std::string(5000, ' ') + body, {{kDhlHeader, kDhlToken}})
            .status == 413);
  absl::SleepFor(absl::Milliseconds(300));
  CHECK(stream.events().empty());
  CHECK(Tracked(*stub, number, v1::CARRIER_DHL).state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(testing::SandboxRequestCount(sandbox, "dhl.track") == calls);

  const auto accepted = PostPush(server, "/push/dhl", body, {{kDhlHeader, kDhlToken}});
  INFO(accepted.body);
  CHECK(accepted.status == 202);
  REQUIRE(stream.WaitForCount(1, absl::Seconds(5)));
  CHECK(stream.events()[0].new_state() == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(Tracked(*stub, number, v1::CARRIER_DHL).state() == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(PostPush(server, "/push/dhl", body, {{kDhlHeader, kDhlToken}}).status == 200);
  ExpectDeliveredByPush(server, stream, "dhl", number);
  CHECK(testing::SandboxRequestCount(sandbox, "dhl.track") == calls);
}

TEST_CASE(
    "watch: a Shopify fulfillments/update push updates the cached order and emits one "
    "order-change event, refused and replayed deliveries change nothing",
    "[watch][redis]") {
  testing::TestServer server(PushConfig(28));
  WaitForRedis(server);
  auto stub = server.Stub();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  {
    grpc::ClientContext context;
    v1::WatchOrderRequest request;
    request.mutable_order()->set_order_id("#1003");
    request.mutable_order()->set_channel(v1::SALES_CHANNEL_SHOPIFY);
    request.set_ticket_id("SHOP-1");
    v1::WatchOrderResponse response;
    const grpc::Status status = stub->WatchOrder(&context, request, &response);
    INFO(status.error_message());
    REQUIRE(status.ok());
  }
  EventReader stream(*stub, "");
  const int64_t graphql = testing::SandboxRequestCount(sandbox, "shopify.graphql");
  const int64_t total = testing::SandboxRequestTotal(sandbox);
  json::object fulfillment{{"carrier", "shopify"},
                           {"order", "#1003"},
                           {"order_id", 5000000001003},
                           {"tracking_number", "SNDL00001003"},
                           {"tracking_company", "Sendle"},
                           {"stage", "in_transit"},
                           {"webhook_id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"}};

  json::object unsigned_push = fulfillment;
  unsigned_push["sign"] = "none";
  CHECK(SandboxPush(server, unsigned_push) == 401);
  json::object wrong = fulfillment;
  wrong["sign"] = "bad";
  wrong["webhook_id"] = "wrong-1";
  CHECK(SandboxPush(server, wrong) == 401);
  json::object elsewhere = fulfillment;
  elsewhere["shop"] = "someone-else.myshopify.com";
  elsewhere["webhook_id"] = "elsewhere-1";
  CHECK(SandboxPush(server, elsewhere) == 403);
  const std::string broken = R"({"id": 1, "order_id": "x"})";
  CHECK(PostPush(server, "/push/shopify", broken,
                 {{"X-Shopify-Hmac-SHA256",
                   integrations::Base64Hmac(integrations::HmacAlgorithm::kSha256, kShopifySecret,
                                            broken)},
                  {"X-Shopify-Shop-Domain", std::string(sandbox::kSandboxShopifyShop)}})
            .status == 400);
  absl::SleepFor(absl::Milliseconds(300));
  CHECK(stream.events().empty());
  CHECK(testing::SandboxRequestTotal(sandbox) == total);

  // Signed: the fulfillment lands in the cached order (no GraphQL call) and
  // the order watch sees its package.
  CHECK(SandboxPush(server, fulfillment) == 202);
  REQUIRE(stream.WaitForCount(1, absl::Seconds(5)));
  const v1::WatchEvent event = stream.events()[0];
  CHECK(event.ticket_id() == "SHOP-1");
  CHECK(event.has_order());
  CHECK(event.new_state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(event.old_state() != v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(testing::SandboxRequestCount(sandbox, "shopify.graphql") == graphql);
  {
    grpc::ClientContext context;
    v1::GetOrderTrackingRequest request;
    request.mutable_order()->set_order_id("#1003");
    request.mutable_order()->set_channel(v1::SALES_CHANNEL_SHOPIFY);
    v1::GetOrderTrackingResponse response;
    REQUIRE(stub->GetOrderTracking(&context, request, &response).ok());
    REQUIRE(response.order().shipments_size() == 1);
    CHECK(response.order().shipments(0).tracking_number() == "SNDL00001003");
    CHECK(response.order().shipments(0).package_id() == "gid://shopify/Fulfillment/50000000010031");
  }
  // The same X-Shopify-Webhook-Id again (a redelivery, a new body): ignored.
  json::object again = fulfillment;
  again["stage"] = "delivered";
  CHECK(SandboxPush(server, again) == 200);
  absl::SleepFor(absl::Milliseconds(500));
  CHECK(stream.events().size() == 1);
  CHECK(testing::SandboxRequestCount(sandbox, "shopify.graphql") == graphql);
}

TEST_CASE("watch: the bad-push corpus: 4xx naming the problem, nothing changed", "[watch][redis]") {
  testing::TestServer server(PushConfig(29));
  WaitForRedis(server);
  auto stub = server.Stub();
  const uint16_t sandbox = testing::PortOfUrl(server.server().sandbox_url());
  const std::string fedex = sandbox::SandboxUpstream::ScenarioNumber("fedex", "in_transit");
  const std::string dhl = sandbox::SandboxUpstream::ScenarioNumber("dhl", "in_transit");
  WatchCarrier(*stub, fedex, v1::CARRIER_FEDEX, "C-1");
  WatchCarrier(*stub, dhl, v1::CARRIER_DHL, "C-2");
  EventReader stream(*stub, "");
  const int64_t before = testing::SandboxRequestTotal(sandbox);
  const json::value corpus =
      json::parse(testing::ReadFile(testing::TestData("reliability/bad_pushes.json")));
  int checked = 0;
  for (const json::value& entry : corpus.at("requests").as_array()) {
    const json::object& bad = entry.as_object();
    auto field = [&](const char* name) {
      const json::value* value = bad.if_contains(name);
      return value == nullptr ? std::string() : std::string(value->as_string());
    };
    CAPTURE(field("what"));
    const std::string body = testing::ExpandRepeats(field("body"));
    const std::string target = field("target");
    const std::string sign = field("sign");
    std::map<std::string, std::string> headers;
    auto hmac = [&](const char* secret) {
      const std::string over = sign == "other" ? body + " " : body;
      const std::string key = sign == "bad" ? "another-secret-of-someone-else-00" : secret;
      if (sign == "hex") {
        std::string raw;
        absl::Base64Unescape(
            integrations::Base64Hmac(integrations::HmacAlgorithm::kSha256, key, over), &raw);
        return absl::BytesToHexString(raw);
      }
      return integrations::Base64Hmac(integrations::HmacAlgorithm::kSha256, key, over);
    };
    if (sign != "none") {
      if (target == "/push/fedex") headers["fdx-signature"] = hmac(kFedexToken);
      if (target == "/push/shopify") headers["X-Shopify-Hmac-SHA256"] = hmac(kShopifySecret);
      if (target == "/push/dhl")
        headers[kDhlHeader] = sign == "bad" ? "another-token-0000" : kDhlToken;
      if (target == "/push/ups") {
        headers["credential"] = sign == "bad" ? "another-credential-000" : kUpsCredential;
      }
    }
    if (target == "/push/shopify") {
      headers["X-Shopify-Shop-Domain"] = std::string(sandbox::kSandboxShopifyShop);
      headers["X-Shopify-Topic"] = "fulfillments/update";
      headers["X-Shopify-Webhook-Id"] = absl::StrCat("corpus-", checked);
    }
    if (const json::value* extra = bad.if_contains("headers")) {
      for (const auto& [name, value] : extra->as_object()) {
        std::string text = testing::ExpandRepeats(std::string(value.as_string()));
        if (text == "@@TOKEN@@") text = kDhlToken;
        if (text.empty()) {
          headers.erase(std::string(name));
        } else {
          headers[std::string(name)] = text;
        }
      }
    }
    Headers list(headers.begin(), headers.end());
    list.emplace_back("Content-Type", "application/json");
    const auto answer = testing::HttpSendWithHeaders(server.server().http_port(), field("method"),
                                                     target, body, list);
    CHECK(answer.status == bad.at("status").as_int64());
    CHECK(absl::StrContains(answer.body, field("message")));
    for (const char* secret : {kFedexToken, kDhlToken, kShopifySecret, kUpsCredential}) {
      CHECK_FALSE(absl::StrContains(answer.body, secret));
    }
    ++checked;
  }
  CHECK(checked >= 45);
  absl::SleepFor(absl::Milliseconds(300));
  CHECK(stream.events().empty());
  CHECK(testing::SandboxRequestTotal(sandbox) == before);
  // Nothing was cached either: the watched numbers still read as in transit.
  CHECK(Tracked(*stub, fedex, v1::CARRIER_FEDEX).state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(Tracked(*stub, dhl, v1::CARRIER_DHL).state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(testing::SandboxRequestTotal(sandbox) == before);
}

}  // namespace
}  // namespace trackenrich
