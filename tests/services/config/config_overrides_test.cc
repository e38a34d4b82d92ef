#include "services/config/config_overrides.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/ups/ups_adapter.h"
#include "services/config/service_config.h"
#include "tests/support/carrier_settings.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::server {
namespace {

using testing::StatusIs;
constexpr auto kInvalid = absl::StatusCode::kInvalidArgument;

std::vector<ConfigOverride> FromEnvironment(const std::vector<std::string>& environment) {
  auto overrides = ConfigOverridesFromEnvironment(environment);
  REQUIRE(overrides.ok());
  return *overrides;
}

// A file holding `contents`, removed at the end of the test.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& contents)
      : path_(std::filesystem::temp_directory_path() / absl::StrCat("trackenrich-", name)) {
    std::ofstream(path_) << contents;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST_CASE("config overrides: environment names become dotted keys", "[config]") {
  const auto overrides = FromEnvironment({
      "PATH=/usr/bin",
      "TRACKENRICH_SINGLE=ignored",
      "TRACKENRICH__REDIS__ADDRESS=redis:6379",
      "TRACKENRICH__CACHE__MEMORY_MAX_ENTRIES=5000",
      "TRACKENRICH__CACHE={\"in_transit_ttl\": \"5m\"}",
  });
  REQUIRE(overrides.size() == 3);
  // Sorted by name: the whole section before the key inside it.
  CHECK(overrides[0].key == "cache");
  CHECK(overrides[1].key == "cache.memory_max_entries");
  CHECK(overrides[1].value == "5000");
  CHECK(overrides[1].source == "environment variable TRACKENRICH__CACHE__MEMORY_MAX_ENTRIES");
  CHECK(overrides[2].key == "redis.address");

  CHECK_THAT(ConfigOverridesFromEnvironment({"TRACKENRICH__CACHE____TTL=1s"}).status(),
             StatusIs(kInvalid, "environment variable TRACKENRICH__CACHE____TTL: empty key level"));
  CHECK_THAT(ConfigOverridesFromEnvironment({"TRACKENRICH__=1"}).status(),
             StatusIs(kInvalid, "environment variable TRACKENRICH__: empty key level"));
}

TEST_CASE("config overrides: environment wins over the file, flags over the environment",
          "[config]") {
  const std::string file = R"({
    "grpc_listen": "127.0.0.1:7000", "admin_listen": "127.0.0.1:7001", "io_threads": 2,
    "cache": {"memory_max_entries": 100, "in_transit_ttl": "20m"}
  })";
  std::vector<ConfigOverride> overrides = FromEnvironment({
      "TRACKENRICH__CACHE__MEMORY_MAX_ENTRIES=5000",
      "TRACKENRICH__IO_THREADS=4",
      "TRACKENRICH__SANDBOX=true",
      "TRACKENRICH__GRPC_LISTEN=127.0.0.1:7100",
      "TRACKENRICH__ADMIN_LISTEN=127.0.0.1:7101",
      "TRACKENRICH__REDIS={\"address\": \"redis:6379\", \"database\": 2}",
      "TRACKENRICH__REDIS__COMMAND_TIMEOUT=100ms",
  });
  overrides.push_back(FlagOverride("grpc_listen", "127.0.0.1:7200"));

  auto config = ParseServiceConfig(file, overrides);
  REQUIRE_THAT(config.status(), testing::IsOk());
  CHECK(config->memory_cache.max_entries == 5000);                  // env over file
  CHECK(config->cache_policy.in_transit_ttl == absl::Minutes(20));  // the file's, untouched
  CHECK(config->io_threads == 4);
  CHECK(config->sandbox);
  CHECK(config->grpc_listen == "127.0.0.1:7200");   // flag over env over file
  CHECK(config->admin_listen == "127.0.0.1:7101");  // env over file
  CHECK(config->redis_configured);                  // a whole section as JSON
  CHECK(config->redis.host == "redis");
  CHECK(config->redis.database == 2);
  CHECK(config->redis.command_timeout == absl::Milliseconds(100));

  // Without a file, overrides apply on top of zero config.
  auto zero = ParseServiceConfig(kZeroConfigJson, FromEnvironment({"TRACKENRICH__IO_THREADS=3"}));
  REQUIRE(zero.ok());
  CHECK(zero->sandbox);
  CHECK(zero->io_threads == 3);

  // A flag's value is a string even when it looks like JSON.
  CHECK_THAT(ParseServiceConfig("{}", {FlagOverride("admin_listen", "8080")}).status(),
             StatusIs(kInvalid,
                      "admin_listen: expected HOST:PORT, got \"8080\" (set by flag "
                      "--admin_listen, key admin_listen)"));
}

TEST_CASE("config overrides: an unknown key or a wrong type names the variable and the key",
          "[config]") {
  CHECK_THAT(
      ParseServiceConfig("{}", FromEnvironment({"TRACKENRICH__CACHE__CAPACITY=5000"})).status(),
      StatusIs(kInvalid,
               "cache.capacity: unknown key (set by environment variable "
               "TRACKENRICH__CACHE__CAPACITY, key cache.capacity)"));
  // A new section named by a deeper key: the error names the section, then the variable.
  CHECK_THAT(
      ParseServiceConfig("{}", FromEnvironment({"TRACKENRICH__CARRIERS__FEDX__BASE_URL=http://x"}))
          .status(),
      StatusIs(kInvalid,
               "carriers.fedx: unknown key (set by environment variable "
               "TRACKENRICH__CARRIERS__FEDX__BASE_URL, key carriers.fedx.base_url)"));
  CHECK_THAT(ParseServiceConfig("{}", FromEnvironment({"TRACKENRICH__IO_THREADS=many"})).status(),
             StatusIs(kInvalid,
                      "io_threads: must be a whole number (set by environment "
                      "variable TRACKENRICH__IO_THREADS"));
  CHECK_THAT(
      ParseServiceConfig("{}", FromEnvironment({"TRACKENRICH__CACHE__IN_TRANSIT_TTL=5"})).status(),
      StatusIs(kInvalid, "cache.in_transit_ttl: must be a duration"));
  CHECK_THAT(ParseServiceConfig(R"({"grpc_listen": "127.0.0.1:1"})",
                                FromEnvironment({"TRACKENRICH__GRPC_LISTEN__HOST=x"}))
                 .status(),
             StatusIs(kInvalid,
                      "environment variable TRACKENRICH__GRPC_LISTEN__HOST: cannot set "
                      "grpc_listen.host, grpc_listen is not a section"));
  // An error the overrides had nothing to do with comes back as it is.
  const auto untouched = ParseServiceConfig(
      R"({"io_threads": 0})", FromEnvironment({"TRACKENRICH__CACHE__IN_TRANSIT_TTL=5m"}));
  CHECK_THAT(untouched.status(), StatusIs(kInvalid, "io_threads: must be between 1 and 256"));
  CHECK_FALSE(absl::StrContains(untouched.status().message(), "TRACKENRICH__"));
}

TEST_CASE("config overrides: a secret is overridden only by reference, never echoed", "[config]") {
  const std::string literal = "Literal-Secret-5b7e1c";
  const auto refused = ParseServiceConfig(
      R"({"carriers": {"ups": {}}})",
      FromEnvironment({absl::StrCat("TRACKENRICH__CARRIERS__UPS__CLIENT_SECRET=", literal)}));
  CHECK_THAT(refused.status(),
             StatusIs(kInvalid, "carriers.ups.client_secret: secrets are given by reference"));
  CHECK_THAT(refused.status(),
             StatusIs(kInvalid,
                      "TRACKENRICH__CARRIERS__UPS__CLIENT_SECRET, key "
                      "carriers.ups.client_secret); a secret is overridden only by "
                      "reference"));
  CHECK_FALSE(absl::StrContains(refused.status().message(), literal));

  // Numbers and JSON strings are literals too.
  CHECK_THAT(
      ParseServiceConfig("{}", FromEnvironment({"TRACKENRICH__CARRIERS__DHL__API_KEY=123456"}))
          .status(),
      StatusIs(kInvalid, "carriers.dhl.api_key: secrets are given by reference"));
  CHECK_THAT(ParseServiceConfig(R"({"redis": {"address": "redis:6379"}})",
                                FromEnvironment({"TRACKENRICH__REDIS__PASSWORD=\"pw-5b7e1c\""}))
                 .status(),
             StatusIs(kInvalid, "never by its value"));

  ::setenv("TE_OVERRIDE_UPS_ID", "ups-id-5b7e1c", 1);
  ::setenv("TE_OVERRIDE_UPS_SECRET", "ups-secret-5b7e1c", 1);
  auto by_reference = ParseServiceConfig(
      R"({"carriers": {"ups": {"client_id": {"env": "TE_OVERRIDE_UPS_ID"},
                               "client_secret": {"file": "/nonexistent/ups_secret"}}}})",
      FromEnvironment(
          {R"(TRACKENRICH__CARRIERS__UPS__CLIENT_SECRET={"env": "TE_OVERRIDE_UPS_SECRET"})"}));
  REQUIRE_THAT(by_reference.status(), testing::IsOk());
  CHECK(testing::CarrierSettings<adapters::ups::UpsSettings>(*by_reference, "ups").client_id ==
        "ups-id-5b7e1c");
  CHECK(testing::CarrierSettings<adapters::ups::UpsSettings>(*by_reference, "ups").client_secret ==
        "ups-secret-5b7e1c");
  ::unsetenv("TE_OVERRIDE_UPS_ID");
  ::unsetenv("TE_OVERRIDE_UPS_SECRET");
}

TEST_CASE("config overrides: a missing secret names the key", "[config]") {
  ::unsetenv("TE_OVERRIDE_UNSET");
  CHECK_THAT(
      ParseServiceConfig(R"({"carriers": {"dhl": {"api_key": {"env": "TE_OVERRIDE_UNSET"}}}})")
          .status(),
      StatusIs(kInvalid,
               "carriers.dhl.api_key: environment variable TE_OVERRIDE_UNSET is not set"));
  CHECK_THAT(
      ParseServiceConfig(
          "{}",
          FromEnvironment(
              {R"(TRACKENRICH__REDIS={"address": "r:6379", "password": {"file": "/nonexistent/pw"}})"}))
          .status(),
      StatusIs(kInvalid, "redis.password: cannot read secret file /nonexistent/pw"));
  const TempFile empty("empty-secret", "\n");
  CHECK_THAT(ParseServiceConfig(absl::StrCat(R"({"carriers": {"dhl": {"api_key": {"file": ")",
                                             empty.path(), R"("}}}})"))
                 .status(),
             StatusIs(kInvalid, "carriers.dhl.api_key: secret file"));
}

TEST_CASE("config overrides: the effective config shows defaults and overrides, never a secret",
          "[config]") {
  const std::string ups_id = "UpsId-Distinctive-41c9";
  const std::string ups_secret = "UpsSecret-Distinctive-41c9";
  const std::string redis_password = "RedisPw-Distinctive-41c9";
  const std::string dhl_key = "DhlKey-Distinctive-41c9";
  ::setenv("TE_EFFECTIVE_UPS_ID", ups_id.c_str(), 1);
  ::setenv("TE_EFFECTIVE_DHL_KEY", dhl_key.c_str(), 1);
  const TempFile ups_secret_file("effective-ups-secret", ups_secret + "\n");
  const TempFile redis_password_file("effective-redis-pw", redis_password);

  std::vector<ConfigOverride> overrides = FromEnvironment({
      "TRACKENRICH__CACHE__MEMORY_MAX_ENTRIES=5000",
      absl::StrCat(R"(TRACKENRICH__REDIS__PASSWORD={"file": ")", redis_password_file.path(),
                   R"("})"),
  });
  overrides.push_back(FlagOverride("admin_listen", "0.0.0.0:9090"));
  auto config = ParseServiceConfig(absl::StrCat(R"({
    "carriers": {
      "ups": {"client_id": {"env": "TE_EFFECTIVE_UPS_ID"},
              "client_secret": {"file": ")",
                                                ups_secret_file.path(), R"("},
              "rate_limit": {"per_second": 2.5, "burst": 5}},
      "dhl": {"api_key": {"env": "TE_EFFECTIVE_DHL_KEY"}}
    },
    "redis": {"address": "redis:6379", "username": "svc"}
  })"),
                                   overrides);
  REQUIRE_THAT(config.status(), testing::IsOk());
  REQUIRE(testing::CarrierSettings<adapters::ups::UpsSettings>(*config, "ups").client_secret ==
          ups_secret);
  REQUIRE(config->redis.password == redis_password);
  const std::string& dump = config->effective_json;
  INFO(dump);

  for (const std::string& secret : {ups_id, ups_secret, redis_password, dhl_key}) {
    CHECK_FALSE(absl::StrContains(dump, secret));
  }
  boost::system::error_code error;
  const boost::json::value effective = boost::json::parse(dump, error);
  REQUIRE_FALSE(error);
  const auto& ups = effective.at("carriers").at("ups");
  CHECK(ups.at("client_id") == boost::json::parse(R"({"env": "TE_EFFECTIVE_UPS_ID"})"));
  CHECK(ups.at("client_secret").at("file") == ups_secret_file.path().c_str());
  CHECK(ups.at("base_url") == "https://onlinetools.ups.com");  // a default
  CHECK(ups.at("rate_limit").at("per_second") == 2.5);
  CHECK(effective.at("redis").at("password").at("file") == redis_password_file.path().c_str());
  CHECK(effective.at("redis").at("command_timeout") == "250ms");  // a default
  CHECK(effective.at("cache").at("memory_max_entries") == 5000);  // the override
  CHECK(effective.at("cache").at("delivered_ttl") == "24h");
  CHECK(effective.at("admin_listen") == "0.0.0.0:9090");  // the flag
  CHECK(effective.at("grpc_listen") == "127.0.0.1:50051");
  CHECK(effective.at("sandbox") == false);

  // The dump is a config the service takes back, to the same effect.
  auto again = ParseServiceConfig(dump);
  REQUIRE_THAT(again.status(), testing::IsOk());
  CHECK(again->effective_json == dump);
  CHECK(again->redis.password == redis_password);
  CHECK(again->memory_cache.max_entries == 5000);

  // A secret's value pasted into another field is redacted there too.
  auto pasted = ParseServiceConfig(R"({"carriers": {"dhl": {
      "api_key": {"env": "TE_EFFECTIVE_DHL_KEY"},
      "base_url": "https://example.test/DhlKey-Distinctive-41c9"}}})");
  REQUIRE(pasted.ok());
  CHECK_FALSE(absl::StrContains(pasted->effective_json, dhl_key));
  CHECK(boost::json::parse(pasted->effective_json).at("carriers").at("dhl").at("base_url") ==
        "<redacted>");
  ::unsetenv("TE_EFFECTIVE_UPS_ID");
  ::unsetenv("TE_EFFECTIVE_DHL_KEY");
}

}  // namespace
}  // namespace trackenrich::server
