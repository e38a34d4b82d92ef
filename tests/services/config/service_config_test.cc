#include "services/config/service_config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/ups/ups_adapter.h"
#include "tests/support/carrier_settings.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::server {
namespace {

using testing::StatusIs;
constexpr auto kInvalid = absl::StatusCode::kInvalidArgument;

TEST_CASE("config: defaults, values and durations", "[config]") {
  auto config = ParseServiceConfig(R"({
    "grpc_listen": "0.0.0.0:7000", "io_threads": 4, "default_deadline": "2500ms",
    "cache": {"delivered_ttl": "48h", "memory_max_entries": 5000}
  })");
  REQUIRE(config.ok());
  CHECK(config->grpc_listen == "0.0.0.0:7000");
  CHECK(config->admin_listen == "127.0.0.1:8080");
  CHECK(config->io_threads == 4);
  CHECK(config->default_deadline == absl::Milliseconds(2500));
  CHECK(config->cache_policy.delivered_ttl == absl::Hours(48));
  CHECK(config->memory_cache.max_entries == 5000);
  CHECK_FALSE(config->sandbox);  // a config file means production unless it says otherwise
  auto upstreams = ParseServiceConfig(R"({"upstreams": {"max_connections": 8, "max_attempts": 2,
    "breaker_failures": 7, "breaker_open_for": "30s", "connect_timeout": "1s", "max_body_kib": 512}})");
  REQUIRE(upstreams.ok());
  CHECK(upstreams->upstream.max_connections == 8);
  CHECK(upstreams->upstream.retry.max_attempts == 2);
  CHECK(upstreams->upstream.breaker.consecutive_failures == 7);
  CHECK(upstreams->upstream.breaker.open_for == absl::Seconds(30));
  CHECK(upstreams->upstream.connect_timeout == absl::Seconds(1));
  CHECK(upstreams->upstream.max_body_bytes == 512u * 1024);
  CHECK_THAT(ParseServiceConfig(R"({"upstreams": {"max_attempts": 0}})").status(),
             StatusIs(kInvalid, "upstreams.max_attempts: must be between 1 and 10"));
  CHECK_FALSE(config->carriers.contains("ups"));
}

TEST_CASE("config: errors name the key", "[config]") {
  CHECK_THAT(ParseServiceConfig("{").status(), StatusIs(kInvalid, "config: not valid JSON"));
  CHECK_THAT(ParseServiceConfig("[]").status(), StatusIs(kInvalid, "top level"));
  CHECK_THAT(ParseServiceConfig(R"({"grpc_listn": "x"})").status(),
             StatusIs(kInvalid, "grpc_listn: unknown key"));
  CHECK_THAT(ParseServiceConfig(R"({"io_threads": 0})").status(),
             StatusIs(kInvalid, "io_threads: must be between 1 and 256"));
  CHECK_THAT(ParseServiceConfig(R"({"io_threads": "2"})").status(),
             StatusIs(kInvalid, "io_threads: must be a whole number"));
  CHECK_THAT(ParseServiceConfig(R"({"cache": {"in_transit_ttl": "soon"}})").status(),
             StatusIs(kInvalid, "cache.in_transit_ttl: must be a duration"));
  CHECK_THAT(ParseServiceConfig(R"({"carriers": {"fedx": {}}})").status(),
             StatusIs(kInvalid, "carriers.fedx: unknown key"));
  CHECK_THAT(ParseServiceConfig(R"({"carriers": {"ups": {"base_uri": "x"}}})").status(),
             StatusIs(kInvalid, "carriers.ups.base_uri: unknown key"));
  CHECK_THAT(ParseServiceConfig(R"({"sandbox": "yes"})").status(),
             StatusIs(kInvalid, "sandbox: must be true or false"));
}

TEST_CASE("config: cache.memory_max_entries 0 turns the in-process cache off", "[config]") {
  auto off = ParseServiceConfig(R"({"cache": {"memory_max_entries": 0}})");
  REQUIRE(off.ok());
  CHECK(off->memory_cache.max_entries == 0);
  CHECK_THAT(ParseServiceConfig(R"({"cache": {"memory_max_entries": 8}})").status(),
             StatusIs(kInvalid,
                      "cache.memory_max_entries: must be 0 (no in-process cache) or "
                      "between 16 and 100000000"));
  CHECK_THAT(ParseServiceConfig(R"({"cache": {"memory_max_entries": -1}})").status(),
             StatusIs(kInvalid, "cache.memory_max_entries: must be between 0 and"));
}

TEST_CASE("config: secrets only by reference, never echoed", "[config]") {
  ::setenv("TE_TEST_UPS_ID", "id-from-env", 1);
  const auto literal = ParseServiceConfig(
      R"({"carriers": {"ups": {"client_id": {"env": "TE_TEST_UPS_ID"}, "client_secret": "hunter2"}}})");
  CHECK_THAT(literal.status(),
             StatusIs(kInvalid, "carriers.ups.client_secret: secrets are given by reference"));
  CHECK_FALSE(absl::StrContains(literal.status().message(), "hunter2"));

  ::unsetenv("TE_TEST_UPS_ID");
  CHECK_THAT(
      ParseServiceConfig(R"({"carriers": {"ups": {"client_id": {"env": "TE_TEST_UPS_ID"},
                                    "client_secret": {"env": "TE_TEST_UPS_ID"}}}})")
          .status(),
      StatusIs(kInvalid, "carriers.ups.client_id: environment variable TE_TEST_UPS_ID is not set"));

  ::setenv("TE_TEST_UPS_ID", "id-from-env", 1);
  const std::string secret_file =
      (std::filesystem::temp_directory_path() / "trackenrich-config-test-secret").string();
  {
    std::ofstream file(secret_file);
    file << "secret-from-file\n";
  }
  auto config = ParseServiceConfig(absl::StrCat(
      R"({"carriers": {"ups": {"client_id": {"env": "TE_TEST_UPS_ID"}, "client_secret": {"file": ")",
      secret_file, R"("}}}})"));
  REQUIRE(config.ok());
  CHECK(config->carriers.contains("ups"));
  CHECK(testing::CarrierSettings<adapters::ups::UpsSettings>(*config, "ups").client_id ==
        "id-from-env");
  CHECK(testing::CarrierSettings<adapters::ups::UpsSettings>(*config, "ups").client_secret ==
        "secret-from-file");
  std::filesystem::remove(secret_file);

  CHECK_THAT(ParseServiceConfig(R"({"carriers": {"ups": {"client_id": {"env": "TE_TEST_UPS_ID"},
                                    "client_secret": {"file": "/nonexistent/secret"}}}})")
                 .status(),
             StatusIs(kInvalid, "carriers.ups.client_secret: cannot read secret file"));
  CHECK_THAT(
      ParseServiceConfig(R"({"carriers": {"ups": {"client_id": {"env": "A", "file": "B"}}}})")
          .status(),
      StatusIs(kInvalid, "carriers.ups.client_id: expected exactly one"));
}

TEST_CASE("config: enrichment thresholds and the reply link policy", "[config]") {
  auto defaults = ParseServiceConfig("{}");
  REQUIRE(defaults.ok());
  CHECK(defaults->enrichment.StalledAfter(v1::CARRIER_UPS) == absl::Hours(48));
  CHECK_FALSE(defaults->reply_policy.amazon_links);
  CHECK(defaults->reply_policy.shopify_links);
  CHECK(defaults->templates == enrichment::TemplateCatalog::Builtin());

  auto config = ParseServiceConfig(R"({
    "enrichment": {"late_grace": "12h", "ship_by_grace": "1h", "stalled_after": "96h",
                   "no_record_after": "48h",
                   "stalled_after_by_carrier": {"ups": "24h", "royal_mail": "120h"}},
    "templates": {"tracking_links": {"amazon": true, "ebay": false}}
  })");
  REQUIRE(config.ok());
  CHECK(config->enrichment.late_grace == absl::Hours(12));
  CHECK(config->enrichment.ship_by_grace == absl::Hours(1));
  CHECK(config->enrichment.no_record_after == absl::Hours(48));
  CHECK(config->enrichment.StalledAfter(v1::CARRIER_UPS) == absl::Hours(24));
  CHECK(config->enrichment.StalledAfter(v1::CARRIER_ROYAL_MAIL) == absl::Hours(120));
  CHECK(config->enrichment.StalledAfter(v1::CARRIER_FEDEX) == absl::Hours(48));
  CHECK(config->enrichment.StalledAfter(v1::CARRIER_OTHER) == absl::Hours(96));
  CHECK(config->reply_policy.amazon_links);
  CHECK_FALSE(config->reply_policy.ebay_links);
  CHECK(config->reply_policy.shopify_links);

  CHECK_THAT(ParseServiceConfig(R"({"enrichment": {"stalled_aftr": "1h"}})").status(),
             StatusIs(kInvalid, "enrichment.stalled_aftr: unknown key"));
  CHECK_THAT(ParseServiceConfig(R"({"enrichment": {"late_grace": 5}})").status(),
             StatusIs(kInvalid, "enrichment.late_grace: must be a duration"));
  CHECK_THAT(ParseServiceConfig(R"({"enrichment": {"stalled_after_by_carrier": {"fedx": "1h"}}})")
                 .status(),
             StatusIs(kInvalid, "enrichment.stalled_after_by_carrier.fedx: unknown carrier"));
  CHECK_THAT(ParseServiceConfig(R"({"enrichment": {"stalled_after_by_carrier": {"ups": "soon"}}})")
                 .status(),
             StatusIs(kInvalid, "enrichment.stalled_after_by_carrier.ups: must be a duration"));
  CHECK_THAT(ParseServiceConfig(R"({"templates": {"tracking_links": {"amazn": true}}})").status(),
             StatusIs(kInvalid, "templates.tracking_links.amazn: unknown key"));
  CHECK_THAT(ParseServiceConfig(R"({"templates": {"files": "a.json"}})").status(),
             StatusIs(kInvalid, "templates.files: must be an array of strings"));
  CHECK_THAT(ParseServiceConfig(R"({"templates": {"files": ["/nonexistent/t.json"]}})").status(),
             StatusIs(kInvalid, "templates.files[0]: cannot read /nonexistent/t.json"));
}

TEST_CASE("config: seller template files are loaded and checked at start", "[config]") {
  const std::string example =
      (std::filesystem::path(testing::TestDataDir()).parent_path().parent_path() / "deploy" /
       "templates" / "seller-templates.example.json")
          .string();
  auto config =
      ParseServiceConfig(absl::StrCat(R"({"templates": {"files": [")", example, R"("]}})"));
  REQUIRE(config.ok());
  CHECK(config->template_files == std::vector<std::string>{example});
  CHECK(config->templates->Find("pickup_reminder") != nullptr);
  CHECK(config->templates->Find("fba_redirect") != nullptr);

  const auto broken = std::filesystem::temp_directory_path() / "trackenrich_broken_templates.json";
  std::ofstream(broken) << R"({"templates": {"x": {"languages": {"en": {"subject": "{nme}",
                              "body": "b"}}}}})";
  CHECK_THAT(
      ParseServiceConfig(absl::StrCat(R"({"templates": {"files": [")", broken.string(), R"("]}})"))
          .status(),
      StatusIs(kInvalid, "templates.x.languages.en.subject: unknown placeholder {nme}"));
  std::filesystem::remove(broken);
}

TEST_CASE("config: redis and per-carrier rate limits", "[config]") {
  auto defaults = ParseServiceConfig("{}");
  REQUIRE(defaults.ok());
  CHECK_FALSE(defaults->redis_configured);  // the in-process cache alone
  CHECK(defaults->rate_limits.empty());

  ::setenv("TE_TEST_REDIS_PASSWORD", "redis-pw-from-env", 1);
  auto config = ParseServiceConfig(R"({
    "redis": {"address": "10.0.0.5:6380", "username": "svc",
              "password": {"env": "TE_TEST_REDIS_PASSWORD"}, "database": 3,
              "command_timeout": "100ms", "connect_timeout": "2s",
              "reconnect_max_backoff": "5s", "lock_ttl": "4s", "lock_wait": "1500ms",
              "lock_poll_interval": "20ms"},
    "carriers": {"ups": {"rate_limit": {"per_second": 2.5, "burst": 5}}}
  })");
  REQUIRE_THAT(config.status(), testing::IsOk());
  CHECK(config->redis_configured);
  CHECK(config->redis.host == "10.0.0.5");
  CHECK(config->redis.port == 6380);
  CHECK(config->redis.username == "svc");
  CHECK(config->redis.password == "redis-pw-from-env");
  CHECK(config->redis.database == 3);
  CHECK(config->redis.command_timeout == absl::Milliseconds(100));
  CHECK(config->redis.connect_timeout == absl::Seconds(2));
  CHECK(config->redis.max_reconnect_backoff == absl::Seconds(5));
  CHECK(config->shared_flight.lock_ttl == absl::Seconds(4));
  CHECK(config->shared_flight.max_wait == absl::Milliseconds(1500));
  CHECK(config->shared_flight.poll_interval == absl::Milliseconds(20));
  REQUIRE(config->rate_limits.contains("ups"));
  CHECK(config->rate_limits.at("ups").per_second == 2.5);
  CHECK(config->rate_limits.at("ups").burst == 5);
  // A rate limit alone does not point UPS anywhere.
  CHECK_FALSE(config->carriers.contains("ups"));
}

TEST_CASE("config: redis and rate-limit errors name the key", "[config]") {
  CHECK_THAT(ParseServiceConfig(R"({"redis": {}})").status(),
             StatusIs(kInvalid, "redis.address: required"));
  CHECK_THAT(ParseServiceConfig(R"({"redis": {"address": "redis"}})").status(),
             StatusIs(kInvalid, "redis.address: expected HOST:PORT"));
  CHECK_THAT(ParseServiceConfig(R"({"redis": {"address": "redis:0"}})").status(),
             StatusIs(kInvalid, "redis.address: port must be 1..65535"));
  CHECK_THAT(ParseServiceConfig(R"({"redis": {"address": "redis:6379", "databse": 1}})").status(),
             StatusIs(kInvalid, "redis.databse: unknown key"));
  CHECK_THAT(ParseServiceConfig(R"({"redis": {"address": "redis:6379", "command_timeout": "0s"}})")
                 .status(),
             StatusIs(kInvalid, "redis.command_timeout: must be above zero"));
  const auto literal =
      ParseServiceConfig(R"({"redis": {"address": "redis:6379", "password": "hunter2"}})");
  CHECK_THAT(literal.status(),
             StatusIs(kInvalid, "redis.password: secrets are given by reference"));
  CHECK_FALSE(absl::StrContains(literal.status().message(), "hunter2"));

  auto limit = [](const std::string& json) {
    return ParseServiceConfig(absl::StrCat(R"({"carriers": {"ups": {"rate_limit": )", json, "}}}"))
        .status();
  };
  CHECK_THAT(limit(R"({"burst": 5})"),
             StatusIs(kInvalid, "carriers.ups.rate_limit.per_second: required"));
  CHECK_THAT(limit(R"({"per_second": 0})"),
             StatusIs(kInvalid, "carriers.ups.rate_limit.per_second: required"));
  CHECK_THAT(limit(R"({"per_second": "2"})"),
             StatusIs(kInvalid, "carriers.ups.rate_limit.per_second: must be a number"));
  CHECK_THAT(limit(R"({"per_second": 2, "burst": 0})"),
             StatusIs(kInvalid, "carriers.ups.rate_limit.burst: must be between 1"));
  CHECK_THAT(limit(R"({"per_second": 2, "brust": 3})"),
             StatusIs(kInvalid, "carriers.ups.rate_limit.brust: unknown key"));
  CHECK_THAT(limit("5"), StatusIs(kInvalid, "carriers.ups.rate_limit: must be an object"));
}

// Sets every variable that `value` references as a secret ({"env": "NAME"})
// to a placeholder, as a deployment would.
void SetReferencedVariables(const boost::json::value& value) {
  if (value.is_object()) {
    const boost::json::object& object = value.as_object();
    if (object.size() == 1 && object.contains("env") && object.at("env").is_string()) {
      ::setenv(std::string(object.at("env").as_string()).c_str(), "example-value", 1);
    }
    for (const auto& entry : object) SetReferencedVariables(entry.value());
  } else if (value.is_array()) {
    for (const auto& item : value.as_array()) SetReferencedVariables(item);
  }
}

TEST_CASE("config: the example configs in deploy/config load", "[config]") {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TestDataDir()).parent_path().parent_path() / "deploy" /
      "config";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().string());
    const std::string text = testing::ReadFile(entry.path().string());
    SetReferencedVariables(boost::json::parse(text));
    auto config = ParseServiceConfig(text);
    // Secret files are deployment-specific; everything else must be valid.
    if (!config.ok() && absl::StrContains(config.status().message(), "cannot read secret file")) {
      ++checked;
      continue;
    }
    CHECK(config.ok());
    ++checked;
  }
  CHECK(checked >= 2);
}

}  // namespace
}  // namespace trackenrich::server
