// The cache acceptance list against a real redis-server (the ctest fixture)
// and the sandbox upstream: the whole service in-process, two instances
// standing for two replicas that share Redis but not their L1.
#include <atomic>
#include <map>
#include <thread>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "adapters/common/time_util.h"
#include "cache/cache_entry_codec.h"
#include "cache/cache_keys.h"
#include "cache/local_rate_limiter.h"
#include "cache/memory/memory_cache.h"
#include "cache/redis/redis_cache.h"
#include "cache/redis/redis_client.h"
#include "cache/scheduler.h"
#include "cache/tiered_cache.h"
#include "services/lookup/shipment_lookup.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/grpc_load.h"
#include "tests/support/http_get.h"
#include "tests/support/io_threads.h"
#include "tests/support/redis_server.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;
using testing::WaitFor;

std::string Number(absl::string_view scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber("ups", scenario);
}

std::string KeyOf(const std::string& number, absl::string_view tenant = "default") {
  return server::ShipmentLookup::CacheKey(tenant, v1::CARRIER_UPS, number);
}

uint16_t RedisPort() {
  const uint16_t port = testing::FixtureRedisPort();
  if (port == 0)
    FAIL("no Redis: run through ctest (fixture `redis`) or set TRACKENRICH_REDIS_PORT");
  return port;
}

// A sandbox-mode service on Redis database `database` (one per test case:
// the fixture's server is shared by tests running in parallel).
server::ServiceConfig RedisConfig(int database) {
  server::ServiceConfig config = testing::SandboxConfig();
  config.redis_configured = true;
  config.redis.host = "127.0.0.1";
  config.redis.port = RedisPort();
  config.redis.database = database;
  config.redis.command_timeout = absl::Milliseconds(500);
  return config;
}

void FlushDatabase(int database) { testing::SyncRedis(RedisPort(), database).Command({"FLUSHDB"}); }

bool RedisReady(testing::TestServer& server) {
  return WaitFor([&] {
    return absl::StrContains(testing::HttpGet(server.server().admin_port(), "/readyz").body,
                             "\"redis\":\"ok\"");
  });
}

int64_t UpstreamCalls(testing::TestServer& server) {
  return testing::SandboxRequestCount(testing::PortOfUrl(server.server().sandbox_url()),
                                      "ups.track");
}

grpc::Status Track(testing::TestServer& server, const std::string& number,
                   v1::TrackShipmentResponse* response, v1::CacheControl cache = {}) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  *request.mutable_cache() = cache;
  return server.Stub()->TrackShipment(&context, request, response);
}

v1::CacheControl MaxAge(absl::Duration age) {
  v1::CacheControl cache;
  cache.mutable_max_age()->set_seconds(absl::ToInt64Seconds(age));
  cache.mutable_max_age()->set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(age - absl::Seconds(absl::ToInt64Seconds(age)))));
  return cache;
}

v1::CacheControl ForceRefresh() {
  v1::CacheControl cache;
  cache.set_force_refresh(true);
  return cache;
}

// The entry Redis holds for `number`, decoded.
absl::StatusOr<cache::CacheEntry> StoredEntry(int database, const std::string& number) {
  const cache::RedisReply value =
      testing::SyncRedis(RedisPort(), database).Command({"GET", KeyOf(number)});
  if (value.type != cache::RedisReply::Type::kString) return absl::NotFoundError("no entry");
  return cache::DecodeCacheEntry(value.str, KeyOf(number));
}

// Waits until Redis holds an entry for `number` stored after `after`: the
// service writes to Redis without waiting, so the test waits instead.
cache::CacheEntry WaitStored(int database, const std::string& number,
                             absl::Time after = absl::InfinitePast()) {
  absl::StatusOr<cache::CacheEntry> entry;
  const bool stored = WaitFor([&] {
    entry = StoredEntry(database, number);
    return entry.ok() && entry->stored_at > after;
  });
  INFO(number << ": " << entry.status().ToString());
  REQUIRE(stored);
  return *entry;
}

TEST_CASE("redis: a miss fetches and stores, another replica's L1 miss is a Redis hit",
          "[redis][integration]") {
  constexpr int kDatabase = 1;
  FlushDatabase(kDatabase);
  testing::TestServer a(RedisConfig(kDatabase));
  testing::TestServer b(RedisConfig(kDatabase));
  REQUIRE(RedisReady(a));
  REQUIRE(RedisReady(b));

  v1::TrackShipmentResponse miss;
  REQUIRE_THAT(Track(a, Number("in_transit"), &miss), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(miss.shipment().provenance().cache_layer() == v1::CACHE_LAYER_NONE);
  CHECK(UpstreamCalls(a) == 1);
  WaitStored(kDatabase, Number("in_transit"));

  v1::TrackShipmentResponse hit;
  REQUIRE_THAT(Track(b, Number("in_transit"), &hit), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(hit.shipment().provenance().cache_layer() == v1::CACHE_LAYER_REDIS);
  CHECK(hit.shipment().state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(hit.shipment().provenance().payload_sha256() ==
        miss.shipment().provenance().payload_sha256());
  CHECK(UpstreamCalls(b) == 0);

  v1::TrackShipmentResponse local;
  REQUIRE(Track(b, Number("in_transit"), &local).ok());
  CHECK(local.shipment().provenance().cache_layer() == v1::CACHE_LAYER_MEMORY);
  const auto metrics = testing::HttpGet(b.server().admin_port(), "/metrics").body;
  CHECK(absl::StrContains(metrics,
                          "trackenrich_cache_lookups_total{layer=\"redis\",result=\"hit\"} 1"));
  CHECK(absl::StrContains(metrics, "trackenrich_redis_connected 1"));
}

TEST_CASE("redis: TTL follows the state", "[redis][integration]") {
  constexpr int kDatabase = 2;
  FlushDatabase(kDatabase);
  server::ServiceConfig config = RedisConfig(kDatabase);
  config.cache_policy.in_transit_ttl = absl::Seconds(1);
  config.cache_policy.delivered_ttl = absl::Hours(1);
  config.cache_policy.stale_horizon = absl::Hours(2);
  testing::TestServer a(config);
  testing::TestServer b(config);
  REQUIRE(RedisReady(a));
  REQUIRE(RedisReady(b));
  v1::TrackShipmentResponse response;
  REQUIRE(Track(a, Number("in_transit"), &response).ok());
  REQUIRE(Track(a, Number("delivered"), &response).ok());

  const cache::CacheEntry in_transit = WaitStored(kDatabase, Number("in_transit"));
  const cache::CacheEntry delivered = WaitStored(kDatabase, Number("delivered"));
  const absl::Duration in_transit_fresh = in_transit.fresh_until - in_transit.stored_at;
  const absl::Duration delivered_fresh = delivered.fresh_until - delivered.stored_at;
  CHECK(in_transit_fresh >= absl::Milliseconds(900));  // 1 s, jitter ±10%
  CHECK(in_transit_fresh <= absl::Milliseconds(1100));
  CHECK(delivered_fresh >= absl::Minutes(54));
  CHECK(delivered_fresh <= absl::Minutes(66));
  // Redis keeps each value until its stale horizon ends.
  const int64_t delivered_pttl = testing::SyncRedis(RedisPort(), kDatabase)
                                     .Command({"PTTL", KeyOf(Number("delivered"))})
                                     .integer;
  CHECK(delivered_pttl > absl::ToInt64Milliseconds(absl::Minutes(170)));

  absl::SleepFor(absl::Milliseconds(1200));
  v1::TrackShipmentResponse expired;
  REQUIRE(Track(b, Number("in_transit"), &expired).ok());
  CHECK(expired.shipment().provenance().cache_layer() == v1::CACHE_LAYER_NONE);
  v1::TrackShipmentResponse still_fresh;
  REQUIRE(Track(b, Number("delivered"), &still_fresh).ok());
  CHECK(still_fresh.shipment().provenance().cache_layer() == v1::CACHE_LAYER_REDIS);
  CHECK(UpstreamCalls(b) == 1);
}

TEST_CASE("redis: NOT_FOUND is cached briefly, and shared", "[redis][integration]") {
  constexpr int kDatabase = 3;
  FlushDatabase(kDatabase);
  server::ServiceConfig config = RedisConfig(kDatabase);
  config.cache_policy.not_found_ttl = absl::Seconds(1);
  testing::TestServer a(config);
  testing::TestServer b(config);
  REQUIRE(RedisReady(a));
  REQUIRE(RedisReady(b));
  v1::TrackShipmentResponse response;
  CHECK_THAT(Track(a, Number("not_found"), &response),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "TW0001"));
  const cache::CacheEntry negative = WaitStored(kDatabase, Number("not_found"));
  CHECK(negative.code == absl::StatusCode::kNotFound);
  const int64_t pttl = testing::SyncRedis(RedisPort(), kDatabase)
                           .Command({"PTTL", KeyOf(Number("not_found"))})
                           .integer;
  CHECK(pttl > 0);
  CHECK(pttl <= 1100);

  CHECK_THAT(Track(b, Number("not_found"), &response),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "TW0001"));
  CHECK(UpstreamCalls(b) == 0);
  absl::SleepFor(absl::Milliseconds(1200));
  CHECK_THAT(Track(b, Number("not_found"), &response), GrpcStatusIs(grpc::StatusCode::NOT_FOUND));
  CHECK(UpstreamCalls(b) == 1);
}

TEST_CASE("redis: max-age and forced refresh", "[redis][integration]") {
  constexpr int kDatabase = 4;
  FlushDatabase(kDatabase);
  testing::TestServer a(RedisConfig(kDatabase));
  testing::TestServer b(RedisConfig(kDatabase));
  testing::TestServer c(RedisConfig(kDatabase));
  REQUIRE(RedisReady(a));
  REQUIRE(RedisReady(b));
  REQUIRE(RedisReady(c));
  v1::TrackShipmentResponse response;
  REQUIRE(Track(a, Number("in_transit"), &response).ok());
  const absl::Time first_stored = WaitStored(kDatabase, Number("in_transit")).stored_at;
  absl::SleepFor(absl::Milliseconds(300));

  // Old enough for one caller, too old for another.
  REQUIRE(Track(b, Number("in_transit"), &response, MaxAge(absl::Seconds(10))).ok());
  CHECK(response.shipment().provenance().cache_layer() == v1::CACHE_LAYER_REDIS);
  CHECK(UpstreamCalls(b) == 0);
  REQUIRE(Track(b, Number("in_transit"), &response, MaxAge(absl::Milliseconds(100))).ok());
  CHECK(response.shipment().provenance().cache_layer() == v1::CACHE_LAYER_NONE);
  CHECK(UpstreamCalls(b) == 1);
  const absl::Time refetched = WaitStored(kDatabase, Number("in_transit"), first_stored).stored_at;

  // A forced refresh always asks the upstream, and shares what it got.
  absl::SleepFor(absl::Milliseconds(50));
  REQUIRE(Track(c, Number("in_transit"), &response, ForceRefresh()).ok());
  CHECK(response.shipment().provenance().cache_layer() == v1::CACHE_LAYER_NONE);
  CHECK(UpstreamCalls(c) == 1);
  const absl::Time refreshed = WaitStored(kDatabase, Number("in_transit"), refetched).stored_at;
  testing::TestServer d(RedisConfig(kDatabase));
  REQUIRE(RedisReady(d));
  REQUIRE(Track(d, Number("in_transit"), &response).ok());
  CHECK(response.shipment().provenance().cache_layer() == v1::CACHE_LAYER_REDIS);
  CHECK(adapters::FromProto(response.shipment().provenance().fetched_at()) ==
        absl::FromUnixMicros(absl::ToUnixMicros(refreshed)));
}

TEST_CASE("redis: an upstream failure serves the entry Redis kept, marked stale",
          "[redis][integration]") {
  constexpr int kDatabase = 5;
  FlushDatabase(kDatabase);
  const std::string number = Number("unavailable");  // the sandbox answers 503
  v1::Shipment kept;
  kept.set_carrier(v1::CARRIER_UPS);
  kept.set_tracking_number(number);
  kept.set_state(v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  kept.set_carrier_status_text("kept from an earlier answer");
  cache::CacheEntry entry;
  entry.payload = kept.SerializeAsString();
  entry.stored_at = absl::Now() - absl::Hours(2);
  entry.fresh_until = absl::Now() - absl::Hours(1);
  entry.keep_until = absl::Now() + absl::Hours(1);
  testing::SyncRedis(RedisPort(), kDatabase)
      .Command(
          {"SET", KeyOf(number), cache::EncodeCacheEntry(KeyOf(number), entry), "PX", "3600000"});

  testing::TestServer a(RedisConfig(kDatabase));
  REQUIRE(RedisReady(a));
  v1::TrackShipmentResponse response;
  REQUIRE_THAT(Track(a, number, &response), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.shipment().provenance().stale());
  CHECK(response.shipment().provenance().cache_layer() == v1::CACHE_LAYER_REDIS);
  CHECK(response.shipment().state() == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(response.shipment().carrier_status_text() == "kept from an earlier answer");
  CHECK(response.shipment().provenance().age().seconds() >= 7200);
  CHECK(UpstreamCalls(a) >= 1);  // it was asked, and failed

  // Without a kept entry the failure is the answer.
  testing::SyncRedis(RedisPort(), kDatabase).Command({"DEL", KeyOf(number)});
  testing::TestServer b(RedisConfig(kDatabase));
  REQUIRE(RedisReady(b));
  CHECK_THAT(Track(b, number, &response), GrpcStatusIs(grpc::StatusCode::UNAVAILABLE));
}

TEST_CASE("redis: 1,000 concurrent requests for one number cause exactly 1 upstream call",
          "[redis][integration]") {
  constexpr int kDatabase = 6;
  FlushDatabase(kDatabase);
  testing::TestServer server(RedisConfig(kDatabase));
  REQUIRE(RedisReady(server));
  auto stub = server.Stub();
  const std::string number = Number("in_transit");
  const testing::TrackTally tally =
      testing::TrackConcurrently(*stub, 1000, [&](int, v1::TrackShipmentRequest* request) {
        request->mutable_shipment()->set_tracking_number(number);
      });
  const int64_t calls = UpstreamCalls(server);
  WARN("1000 concurrent requests: " << tally.Describe() << "; upstream calls: " << calls);
  CHECK(tally.ok == 1000);
  CHECK(calls == 1);
}

// A TrackingSource that says whose tenant's lookup asked it, by counting.
class CountingSource final : public adapters::TrackingSource {
 public:
  absl::string_view name() const override { return "counting"; }
  v1::Carrier carrier() const override { return v1::CARRIER_UPS; }
  void Track(const adapters::TrackQuery& query, adapters::ShipmentCallback done) override {
    const int call = ++calls;
    v1::Shipment shipment;
    shipment.set_tracking_number(query.tracking_number);
    shipment.set_state(v1::SHIPMENT_STATE_IN_TRANSIT);
    shipment.set_carrier_status_text(absl::StrCat("fetch #", call));
    done(std::move(shipment));
  }
  std::atomic<int> calls{0};
};

TEST_CASE("redis: tenant A never reads an entry written for tenant B", "[redis][integration]") {
  constexpr int kDatabase = 7;
  FlushDatabase(kDatabase);
  testing::IoThreads io;
  cache::RedisClient client(io.context(),
                            {.host = "127.0.0.1", .port = RedisPort(), .database = kDatabase});
  client.Start();
  REQUIRE(WaitFor([&] { return client.ready(); }));
  cache::RedisCache shared(client);
  adapters::AdapterRegistry registry;
  auto owned = std::make_unique<CountingSource>();
  CountingSource* source = owned.get();
  registry.Add(std::move(owned));
  server::ServiceMetrics metrics;

  // Each lookup is a replica of its own: its own L1, the same Redis.
  struct Replica {
    Replica(adapters::AdapterRegistry& registry, cache::SharedStore& shared,
            server::ServiceMetrics& metrics)
        : memory({}), tiered(memory, &shared), lookup(registry, tiered, metrics, {}) {}
    cache::MemoryCache memory;
    cache::TieredCache tiered;
    server::ShipmentLookup lookup;
  };
  auto track = [](Replica& replica, const std::string& tenant) {
    return testing::Await<absl::StatusOr<v1::Shipment>>([&](auto done) {
      server::TrackRequest request;
      request.tenant = tenant;
      request.tracking_number = "1ZSBX0010300000029";
      request.carrier = v1::CARRIER_UPS;
      request.deadline = absl::Now() + absl::Seconds(5);
      replica.lookup.Track(request, std::move(done));
    });
  };

  Replica writer(registry, shared, metrics);
  auto for_b = track(writer, "tenant-b");
  REQUIRE(for_b.ok());
  CHECK(for_b->carrier_status_text() == "fetch #1");
  REQUIRE(WaitFor([&] {
    return testing::SyncRedis(RedisPort(), kDatabase)
               .Command({"EXISTS", KeyOf("1ZSBX0010300000029", "tenant-b")})
               .integer == 1;
  }));

  Replica reader(registry, shared, metrics);
  auto for_a = track(reader, "tenant-a");
  REQUIRE(for_a.ok());
  CHECK(for_a->carrier_status_text() == "fetch #2");  // not tenant B's answer
  CHECK(for_a->provenance().cache_layer() == v1::CACHE_LAYER_NONE);

  // The same key from a third replica does come from Redis: sharing works.
  Replica third(registry, shared, metrics);
  auto b_again = track(third, "tenant-b");
  REQUIRE(b_again.ok());
  CHECK(b_again->carrier_status_text() == "fetch #1");
  CHECK(b_again->provenance().cache_layer() == v1::CACHE_LAYER_REDIS);

  // Even tenant B's value copied under tenant A's key is refused.
  testing::SyncRedis sync(RedisPort(), kDatabase);
  const std::string b_value = sync.Command({"GET", KeyOf("1ZSBX0010300000029", "tenant-b")}).str;
  sync.Command({"SET", KeyOf("1ZSBX0010300000029", "tenant-a"), b_value});
  Replica fourth(registry, shared, metrics);
  auto a_again = track(fourth, "tenant-a");
  REQUIRE(a_again.ok());
  CHECK(a_again->carrier_status_text() == "fetch #3");
  CHECK(source->calls.load() == 3);
  CHECK(absl::StrContains(metrics.Serialize(),
                          "trackenrich_cache_lookups_total{layer=\"redis\",result=\"error\"} 1"));
  client.Stop();
}

}  // namespace
}  // namespace trackenrich

namespace trackenrich {
namespace {

std::vector<std::map<std::string, std::string>> StreamEntries(int database,
                                                              const std::string& key) {
  return testing::SyncRedis(RedisPort(), database).StreamEntries(key);
}

TEST_CASE("redis: every lookup leaves an audit entry in the tenant's capped stream",
          "[redis][integration]") {
  constexpr int kDatabase = 13;
  FlushDatabase(kDatabase);
  server::ServiceConfig config = RedisConfig(kDatabase);
  config.audit_max_len = 50;
  testing::TestServer server(config);
  REQUIRE(RedisReady(server));
  const std::string key = cache::AuditStreamKey("default");
  CHECK(key == "trackenrich:v1:default:audit");

  v1::EnrichTicketRequest request;
  request.set_ticket_id("T-AUDIT-1");
  request.set_language("en");
  request.mutable_text()->set_body("Where is my order 113-5550001-0000001? Call me, Ann");
  v1::EnrichTicketResponse enriched;
  {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    REQUIRE(server.Stub()->EnrichTicket(&context, request, &enriched).ok());
  }
  v1::TrackShipmentResponse tracked;
  REQUIRE(Track(server, Number("delivered"), &tracked).ok());

  std::vector<std::map<std::string, std::string>> entries;
  REQUIRE(WaitFor([&] {
    entries = StreamEntries(kDatabase, key);
    return entries.size() >= 2;
  }));
  const auto& ticket = entries[0];
  CHECK(ticket.at("method") == "EnrichTicket");
  CHECK(ticket.at("ticket_id") == "T-AUDIT-1");
  CHECK(ticket.at("outcome") == "OK");
  CHECK(absl::StrContains(ticket.at("subjects"), "113-5550001-0000001"));
  CHECK(absl::StrContains(ticket.at("states"), "113-5550001-0000001=SHIPPED"));
  CHECK(ticket.at("digest") == enriched.enrichment().evidence().digest());
  CHECK(ticket.at("digest").size() == 64);
  // Identifiers and states only: never the ticket's words.
  for (const auto& [field, value] : ticket) CHECK_FALSE(absl::StrContains(value, "Call me"));
  const auto& track = entries[1];
  CHECK(track.at("method") == "TrackShipment");
  CHECK(track.at("subjects") == Number("delivered"));
  CHECK(absl::StrContains(track.at("states"), "=DELIVERED(none)"));
  CHECK(track.at("digest") == tracked.shipment().provenance().payload_sha256());

  // Capped: far more lookups than the cap leave about the cap (MAXLEN ~
  // trims whole stream nodes of 100 entries).
  for (int i = 0; i < 400; ++i) {
    v1::TrackShipmentResponse again;
    REQUIRE(Track(server, Number("delivered"), &again).ok());
  }
  int64_t length = 0;
  REQUIRE(WaitFor([&] {
    length = testing::SyncRedis(RedisPort(), kDatabase).Command({"XLEN", key}).integer;
    return length >= 50 && length < 300;
  }));
  WARN("audit stream after 402 lookups, capped at ~50: " << length << " entries");
  // Other tenants' streams are separate keys.
  CHECK(cache::AuditStreamKey("acme") != key);
}

}  // namespace
}  // namespace trackenrich
