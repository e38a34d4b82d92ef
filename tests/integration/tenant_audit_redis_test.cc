// Tenant isolation through Redis: two tenants' lookups of the same number
// land in separate cache keys and in separate audit streams.
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#include "cache/cache_keys.h"
#include "services/auth/api_key_auth.h"
#include "services/config/service_config.h"
#include "services/lookup/shipment_lookup.h"
#include "services/sandbox/sandbox_upstream.h"
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

constexpr int kDatabase = 14;
constexpr char kAcmeKey[] = "acme-audit-key-3c9e";
constexpr char kGlobexKey[] = "globex-audit-key-8a1f";

uint16_t RedisPort() {
  const uint16_t port = testing::FixtureRedisPort();
  if (port == 0) FAIL("no Redis: run through ctest (fixture `redis`)");
  return port;
}

std::vector<std::map<std::string, std::string>> StreamEntries(const std::string& key) {
  return testing::SyncRedis(RedisPort(), kDatabase).StreamEntries(key);
}

TEST_CASE("tenants: cache entries and audit streams are per tenant in Redis",
          "[redis][integration]") {
  testing::SyncRedis(RedisPort(), kDatabase).Command({"FLUSHDB"});
  auto config = server::ParseServiceConfig(absl::StrCat(
      R"({"sandbox": true, "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0",
          "redis": {"address": "127.0.0.1:)",
      RedisPort(), R"(", "database": )", kDatabase, R"(},
          "tenants": {"acme": {"api_keys": [")",
      auth::HashApiKey(kAcmeKey), R"("]}, "globex": {"api_keys": [")", auth::HashApiKey(kGlobexKey),
      R"("]}}})"));
  REQUIRE(config.ok());
  testing::TestServer server(*config);
  REQUIRE(WaitFor([&] {
    return absl::StrContains(testing::HttpGet(server.server().admin_port(), "/readyz").body,
                             "\"redis\":\"ok\"");
  }));
  auto stub = server.Stub();
  const std::string number = sandbox::SandboxUpstream::ScenarioNumber("ups", "in_transit");
  auto track = [&](const char* key) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    context.AddMetadata("x-api-key", key);
    v1::TrackShipmentRequest request;
    request.mutable_shipment()->set_tracking_number(number);
    v1::TrackShipmentResponse response;
    return stub->TrackShipment(&context, request, &response);
  };
  REQUIRE_THAT(track(kAcmeKey), GrpcStatusIs(grpc::StatusCode::OK));
  REQUIRE_THAT(track(kGlobexKey), GrpcStatusIs(grpc::StatusCode::OK));
  {
    grpc::ClientContext context;
    context.AddMetadata("x-api-key", kAcmeKey);
    v1::EnrichTicketRequest request;
    request.set_ticket_id("T-ACME-9");
    request.mutable_shipment()->set_tracking_number(number);
    v1::EnrichTicketResponse response;
    REQUIRE_THAT(stub->EnrichTicket(&context, request, &response),
                 GrpcStatusIs(grpc::StatusCode::OK));
  }
  // Each tenant's first lookup reached the upstream; acme's second was its own cache's.
  CHECK(testing::SandboxRequestCount(testing::PortOfUrl(server.server().sandbox_url()),
                                     "ups.track") == 2);

  // Two cache entries, one under each tenant's key.
  testing::SyncRedis redis(RedisPort(), kDatabase);
  REQUIRE(WaitFor([&] {
    return redis.Command(
                    {"EXISTS", server::ShipmentLookup::CacheKey("acme", v1::CARRIER_UPS, number)})
                   .integer == 1 &&
           redis.Command(
                    {"EXISTS", server::ShipmentLookup::CacheKey("globex", v1::CARRIER_UPS, number)})
                   .integer == 1;
  }));
  CHECK(
      redis
          .Command({"EXISTS", server::ShipmentLookup::CacheKey("default", v1::CARRIER_UPS, number)})
          .integer == 0);

  // Each tenant's audit entries in its own stream, none in anyone else's.
  std::vector<std::map<std::string, std::string>> acme;
  std::vector<std::map<std::string, std::string>> globex;
  REQUIRE(WaitFor([&] {
    acme = StreamEntries(cache::AuditStreamKey("acme"));
    globex = StreamEntries(cache::AuditStreamKey("globex"));
    return acme.size() >= 2 && globex.size() >= 1;
  }));
  REQUIRE(acme.size() == 2);
  CHECK(acme[0].at("method") == "TrackShipment");
  CHECK(acme[1].at("method") == "EnrichTicket");
  CHECK(acme[1].at("ticket_id") == "T-ACME-9");
  REQUIRE(globex.size() == 1);
  CHECK(globex[0].at("method") == "TrackShipment");
  CHECK(globex[0].at("subjects") == number);
  for (const auto& entry : globex) CHECK(entry.at("ticket_id").empty());
  CHECK(StreamEntries(cache::AuditStreamKey("default")).empty());
}

}  // namespace
}  // namespace trackenrich
