// Help-desk write-back across replicas: two service instances share one
// Redis (the ctest fixture `redis`) and write their Zendesk notes to one
// sandbox fake; the same signed webhook delivered to both writes one note,
// because the claim is a Redis key (cache::WriteBackClaimKey), not process
// memory.
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/json.hpp"

#include "cache/cache_keys.h"
#include "services/auth/api_key_auth.h"
#include "services/config/service_config.h"
#include "services/integrations/common/signature.h"
#include "tests/support/http_get.h"
#include "tests/support/redis_server.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

namespace json = boost::json;
using integrations::Base64Hmac;
using integrations::HmacAlgorithm;
using testing::HttpGetResult;

constexpr int kDatabase = 11;
constexpr char kKey[] = "helpdesk-redis-test-key-5b2c";
constexpr char kZendeskSecret[] = "zendesk-redis-test-signing-secret";

uint16_t RedisPort() {
  const uint16_t port = testing::FixtureRedisPort();
  if (port == 0) FAIL("no Redis: run through ctest (fixture `redis`)");
  return port;
}

// A sandbox-mode replica with Redis; its Zendesk notes go to `zendesk_url`
// ("" for its own sandbox's fake).
server::ServiceConfig ReplicaConfig(const std::string& zendesk_url) {
  setenv("TE_TEST_TENANT_KEY", kKey, 1);
  setenv("TE_TEST_ZENDESK_SECRET", kZendeskSecret, 1);
  setenv("TE_TEST_ZENDESK_TOKEN", "sandbox-token", 1);
  const std::string desk_url =
      zendesk_url.empty() ? ""
                          : absl::StrCat(R"("base_url": ")", zendesk_url,
                                         R"(", "email": "sandbox@trackenrich.test",)"
                                         R"( "api_token": {"env": "TE_TEST_ZENDESK_TOKEN"},)");
  auto config = server::ParseServiceConfig(absl::StrCat(
      R"({"sandbox": true, "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0",
          "redis": {"address": "127.0.0.1:)",
      RedisPort(), R"(", "database": )", kDatabase, R"(},
          "public_http": {"listen": "127.0.0.1:0", "request_timeout": "5s"},
          "helpdesks": {"zendesk": {)",
      desk_url, R"( "signing_secret": {"env": "TE_TEST_ZENDESK_SECRET"},
                                    "tenant": "acme",
                                    "tenant_api_key": {"env": "TE_TEST_TENANT_KEY"}}},
          "tenants": {"acme": {"api_keys": [")",
      auth::HashApiKey(kKey), R"("]}}, "auth": {"required": true}})"));
  if (!config.ok()) FAIL(config.status().ToString());
  return *config;
}

json::array Notes(uint16_t sandbox) {
  const HttpGetResult notes = testing::HttpGet(sandbox, "/__sandbox/helpdesk/notes");
  REQUIRE(notes.status == 200);
  return json::parse(notes.body).at("notes").as_array();
}

// The number of "<outcome>" write-backs in `admin`'s /metrics.
bool HasOutcome(uint16_t admin, absl::string_view outcome) {
  const HttpGetResult metrics = testing::HttpGet(admin, "/metrics");
  return absl::StrContains(
      metrics.body,
      absl::StrCat(R"(trackenrich_helpdesk_writebacks_total{desk="zendesk",outcome=")", outcome,
                   R"("} 1)"));
}

TEST_CASE("zendesk: one webhook delivered to two replicas sharing Redis -> 1 note",
          "[redis][helpdesk]") {
  testing::TestServer first(ReplicaConfig(""));
  const std::string fake = absl::StrCat(first.server().sandbox_url(), "/zendesk");
  testing::TestServer second(ReplicaConfig(fake));
  const uint16_t sandbox = testing::PortOfUrl(first.server().sandbox_url());

  // A ticket id of its own per run: earlier runs' claims live on in Redis.
  const std::string ticket = absl::StrCat(absl::ToUnixMicros(absl::Now()));
  const std::string body =
      absl::StrCat(R"({"ticket_id": ")", ticket, R"(", "subject": "Where is my parcel?",)",
                   R"( "description": "Hello, tracking 1ZSBX0010300000047 has not moved.",)",
                   R"( "requester_email": "ada@example.com", "language": "de"})");
  const std::string timestamp =
      absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(), absl::UTCTimeZone());
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Type", "application/json"},
      {"X-Zendesk-Webhook-Signature",
       Base64Hmac(HmacAlgorithm::kSha256, kZendeskSecret, timestamp + body)},
      {"X-Zendesk-Webhook-Signature-Timestamp", timestamp}};
  for (testing::TestServer* replica : {&first, &second}) {
    const HttpGetResult answer = testing::HttpSendWithHeaders(
        replica->server().http_port(), "POST", "/integrations/zendesk", body, headers);
    REQUIRE(answer.status == 202);
  }

  // One replica writes, the other counts a duplicate.
  const uint16_t admins[] = {first.server().admin_port(), second.server().admin_port()};
  // Polled, so a loaded machine only makes the wait longer.
  const absl::Time give_up = absl::Now() + absl::Seconds(30);
  auto settled = [&] {
    return (HasOutcome(admins[0], "written") || HasOutcome(admins[1], "written")) &&
           (HasOutcome(admins[0], "duplicate") || HasOutcome(admins[1], "duplicate"));
  };
  while (!settled() && absl::Now() < give_up) absl::SleepFor(absl::Milliseconds(20));
  if (!settled()) {
    for (uint16_t admin : admins) {
      const std::string metrics = testing::HttpGet(admin, "/metrics").body;
      for (absl::string_view line : absl::StrSplit(metrics, '\n')) {
        if (absl::StrContains(line, "helpdesk")) UNSCOPED_INFO(std::string(line));
      }
    }
  }
  CHECK(settled());
  absl::SleepFor(absl::Milliseconds(200));

  int notes_for_ticket = 0;
  for (const json::value& note : Notes(sandbox)) {
    if (note.at("ticket_id").as_string() == ticket) ++notes_for_ticket;
  }
  CHECK(notes_for_ticket == 1);
  CHECK(Notes(testing::PortOfUrl(second.server().sandbox_url())).empty());

  // The claim is the tenant's key in Redis, with the dedupe window as expiry.
  testing::SyncRedis redis(RedisPort(), kDatabase);
  const auto keys = redis.Command(
      {"KEYS", absl::StrCat(cache::kKeyNamespace, ":acme:wb:zendesk:", ticket, ":*")});
  REQUIRE(keys.elements.size() == 1);
  const auto ttl = redis.Command({"PTTL", keys.elements[0].str});
  CHECK(ttl.integer > 0);
  CHECK(ttl.integer <= absl::ToInt64Milliseconds(absl::Hours(24)));
}

}  // namespace
}  // namespace trackenrich
