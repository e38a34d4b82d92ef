// The config's callers, tenants, logging and gRPC TLS sections.
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>
#include <unistd.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

#include "services/auth/api_key_auth.h"
#include "services/config/service_config.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::server {
namespace {

using testing::StatusIs;
constexpr auto kInvalid = absl::StatusCode::kInvalidArgument;

std::string Digest(absl::string_view key) { return auth::HashApiKey(key); }

std::string TempFile(const std::string& contents) {
  char path[] = "/tmp/trackenrich-tenant-config-XXXXXX";
  const int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  close(fd);
  std::ofstream(path) << contents;
  return path;
}

TEST_CASE("config: tenants with key digests turn auth on", "[config][auth]") {
  const std::string json = absl::StrCat(R"({"tenants": {
      "acme": {"api_keys": [")",
                                        Digest("a1"), R"(", ")", Digest("a2"), R"("]},
      "globex": {"api_keys": [")",
                                        absl::AsciiStrToUpper(Digest("g1")), R"("]}}})");
  auto config = ParseServiceConfig(json);
  REQUIRE(config.ok());
  CHECK(config->auth.required);
  REQUIRE(config->auth.tenants.size() == 2);
  CHECK(config->auth.tenants[0].tenant == "acme");
  CHECK(config->auth.tenants[0].api_key_sha256.size() == 2);
  // Digests are kept in lower case, whatever case the file used.
  CHECK(config->auth.tenants[1].api_key_sha256[0] == Digest("g1"));
  CHECK(config->effective_json.find(R"("required": true)") != std::string::npos);

  auto open =
      ParseServiceConfig(absl::StrCat(R"({"tenants": {"acme": {"api_keys": [")", Digest("a1"),
                                      R"("]}}, "auth": {"required": false}})"));
  REQUIRE(open.ok());
  CHECK_FALSE(open->auth.required);

  auto none = ParseServiceConfig("{}");
  REQUIRE(none.ok());
  CHECK_FALSE(none->auth.required);
  CHECK(none->auth.tenants.empty());
  CHECK(none->log_format == logging::LogFormat::kJson);
}

TEST_CASE("config: bad tenants and keys are refused, naming the key", "[config][auth]") {
  const std::string literal_key = "sk_live_this_is_a_real_key_by_mistake";
  const absl::Status pasted =
      ParseServiceConfig(
          absl::StrCat(R"({"tenants": {"acme": {"api_keys": [")", literal_key, R"("]}}})"))
          .status();
  CHECK_THAT(pasted, StatusIs(kInvalid, "tenants.acme.api_keys[0]: must be the SHA-256"));
  // The value is never echoed: it may be a real key.
  CHECK(pasted.message().find(literal_key) == absl::string_view::npos);

  CHECK_THAT(ParseServiceConfig(R"({"tenants": {"acme": {"api_keys": []}}})").status(),
             StatusIs(kInvalid, "tenants.acme.api_keys: at least one"));
  CHECK_THAT(ParseServiceConfig(R"({"tenants": {"acme": {}}})").status(),
             StatusIs(kInvalid, "tenants.acme.api_keys"));
  CHECK_THAT(ParseServiceConfig(R"({"tenants": {"Acme Corp": {"api_keys": []}}})").status(),
             StatusIs(kInvalid, "tenants.Acme Corp: a tenant name may hold only"));
  CHECK_THAT(ParseServiceConfig(absl::StrCat(R"({"tenants": {"acme": {"api_keys": [")", Digest("k"),
                                             R"("], "colour": "red"}}})"))
                 .status(),
             StatusIs(kInvalid, "tenants.acme.colour: unknown key"));
  CHECK_THAT(
      ParseServiceConfig(absl::StrCat(R"({"tenants": {"acme": {"api_keys": [")", Digest("k"),
                                      R"("]}, "globex": {"api_keys": [")", Digest("k"), R"("]}}})"))
          .status(),
      StatusIs(kInvalid,
               "tenants.globex.api_keys[0]: the same key is already listed for "
               "tenant 'acme'"));
  CHECK_THAT(ParseServiceConfig(R"({"auth": {"required": true}})").status(),
             StatusIs(kInvalid, "auth.required: needs at least one tenant"));
  CHECK_THAT(ParseServiceConfig(R"({"auth": {"required": "yes"}})").status(),
             StatusIs(kInvalid, "auth.required: must be true or false"));
  CHECK_THAT(ParseServiceConfig(R"({"logging": {"format": "xml"}})").status(),
             StatusIs(kInvalid, "logging.format: must be \"json\" or \"text\""));
  CHECK(ParseServiceConfig(R"({"logging": {"format": "text"}})")->log_format ==
        logging::LogFormat::kText);
}

TEST_CASE("config: an Amazon seller must be a configured tenant", "[config][auth]") {
  ::setenv("TE_TEST_SP_ID", "sp-id", 1);
  ::setenv("TE_TEST_SP_SECRET", "sp-secret", 1);
  ::setenv("TE_TEST_SP_TOKEN", "sp-token", 1);
  const std::string amazon = R"("amazon": {"client_id": {"env": "TE_TEST_SP_ID"},
      "client_secret": {"env": "TE_TEST_SP_SECRET"},
      "sellers": {"initech": {"refresh_token": {"env": "TE_TEST_SP_TOKEN"}}}})";
  CHECK_THAT(
      ParseServiceConfig(absl::StrCat("{", amazon, R"(, "tenants": {"acme": {"api_keys": [")",
                                      Digest("k"), R"("]}}})"))
          .status(),
      StatusIs(kInvalid, "amazon.sellers.initech: no tenant 'initech' is configured"));
  CHECK(ParseServiceConfig(absl::StrCat("{", amazon, R"(, "tenants": {"initech": {"api_keys": [")",
                                        Digest("k"), R"("]}}})"))
            .ok());
  // Without tenants nothing is checked: every call is tenant "default".
  CHECK(ParseServiceConfig(absl::StrCat("{", amazon, "}")).ok());
}

TEST_CASE("config: a Shopify shop must belong to a configured tenant", "[config][auth]") {
  ::setenv("TE_TEST_SHOPIFY_TOKEN", "shpat_test", 1);
  const std::string shopify = R"("shopify": {"shops": {
      "acme": {"shop": "acme.myshopify.com", "access_token": {"env": "TE_TEST_SHOPIFY_TOKEN"}},
      "initech": {"shop": "initech.myshopify.com",
                  "access_token": {"env": "TE_TEST_SHOPIFY_TOKEN"}}}})";
  const auto with_tenants = [&](const std::string& names) {
    std::string tenants;
    for (const absl::string_view name : absl::StrSplit(names, ',')) {
      absl::StrAppend(&tenants, tenants.empty() ? "" : ", ", "\"", name, "\": {\"api_keys\": [\"",
                      Digest(std::string(name)), "\"]}");
    }
    return ParseServiceConfig(absl::StrCat("{", shopify, ", \"tenants\": {", tenants, "}}"));
  };
  // The error names the key and the tenant that is missing.
  CHECK_THAT(with_tenants("acme").status(),
             StatusIs(kInvalid,
                      "shopify.shops.initech: no tenant 'initech' is configured "
                      "(tenants.initech)"));
  CHECK_THAT(with_tenants("initech").status(),
             StatusIs(kInvalid, "shopify.shops.acme: no tenant 'acme' is configured"));
  auto both = with_tenants("acme,initech");
  REQUIRE(both.ok());
  CHECK(both->shopify.shops.at("initech").shop == "initech.myshopify.com");
  // Without tenants nothing is checked: every call is tenant "default".
  CHECK(ParseServiceConfig(absl::StrCat("{", shopify, "}")).ok());
}

TEST_CASE("config: the ebay section, its secrets and its sellers", "[config][auth]") {
  ::setenv("TE_TEST_EBAY_ID", "ebay-app-id", 1);
  ::setenv("TE_TEST_EBAY_SECRET", "ebay-cert-id", 1);
  ::setenv("TE_TEST_EBAY_TOKEN", "v^1.1#i^1#r^1#ebay-refresh", 1);
  const std::string ebay = R"("ebay": {"client_id": {"env": "TE_TEST_EBAY_ID"},
      "client_secret": {"env": "TE_TEST_EBAY_SECRET"},
      "sellers": {"initech": {"refresh_token": {"env": "TE_TEST_EBAY_TOKEN"}}}})";
  auto config = ParseServiceConfig(absl::StrCat("{", ebay, "}"));
  REQUIRE(config.ok());
  CHECK(config->ebay_configured);
  CHECK(config->ebay.client_id == "ebay-app-id");
  CHECK(config->ebay.client_secret == "ebay-cert-id");
  CHECK(config->ebay.sellers.at("initech").refresh_token == "v^1.1#i^1#r^1#ebay-refresh");
  CHECK(config->ebay.api_url == "https://api.ebay.com");
  CHECK(config->ebay.identity_url == "https://api.ebay.com");
  CHECK(config->ebay.scope == "https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly");
  CHECK_FALSE(ParseServiceConfig("{}")->ebay_configured);
  auto sandbox = ParseServiceConfig(R"({"ebay": {"sandbox": true}})");
  REQUIRE(sandbox.ok());
  CHECK(sandbox->ebay.api_url == "https://api.sandbox.ebay.com");
  CHECK(sandbox->ebay.identity_url == "https://api.sandbox.ebay.com");

  CHECK_THAT(ParseServiceConfig(absl::StrCat("{", ebay, R"(, "tenants": {"acme": {"api_keys": [")",
                                             Digest("k"), R"("]}}})"))
                 .status(),
             StatusIs(kInvalid, "ebay.sellers.initech: no tenant 'initech' is configured"));
  CHECK(ParseServiceConfig(absl::StrCat("{", ebay, R"(, "tenants": {"initech": {"api_keys": [")",
                                        Digest("k"), R"("]}}})"))
            .ok());
  CHECK_THAT(ParseServiceConfig(R"({"ebay": {"client_id": {"env": "TE_TEST_EBAY_ID"}}})").status(),
             StatusIs(kInvalid, "ebay: client_id and client_secret go together"));
  CHECK_THAT(
      ParseServiceConfig(
          R"({"ebay": {"sellers": {"acme": {"refresh_token": {"env": "TE_TEST_EBAY_TOKEN"}}}}})")
          .status(),
      StatusIs(kInvalid, "ebay.client_id: required when sellers are configured"));
  CHECK_THAT(ParseServiceConfig(R"({"ebay": {"sellers": {"acme": {}}}})").status(),
             StatusIs(kInvalid, "ebay.sellers.acme.refresh_token: required"));
  CHECK_THAT(ParseServiceConfig(R"({"ebay": {"scope": ""}})").status(),
             StatusIs(kInvalid, "ebay.scope"));
  CHECK_THAT(ParseServiceConfig(R"({"ebay": {"refresh_token": "x"}})").status(),
             StatusIs(kInvalid, "ebay.refresh_token"));
  // A secret given inline (not by reference) is refused.
  CHECK_THAT(ParseServiceConfig(R"({"ebay": {"client_id": "inline", "client_secret": "inline"}})")
                 .status(),
             StatusIs(kInvalid, "ebay.client_id"));
}

TEST_CASE("config: a tenant's own carrier credentials", "[config][auth]") {
  ::setenv("TE_TEST_ACME_UPS_ID", "acme-ups-id", 1);
  ::setenv("TE_TEST_ACME_UPS_SECRET", "acme-ups-secret", 1);
  ::setenv("TE_TEST_ACME_DHL_KEY", "acme-dhl-key", 1);
  const std::string tenant = absl::StrCat(R"("tenants": {"acme": {"api_keys": [")", Digest("k"),
                                          R"("], "carriers": {
      "ups": {"client_id": {"env": "TE_TEST_ACME_UPS_ID"},
              "client_secret": {"env": "TE_TEST_ACME_UPS_SECRET"}},
      "dhl": {"api_key": {"env": "TE_TEST_ACME_DHL_KEY"}}}}})");
  // In sandbox mode every carrier has an adapter to override.
  auto config = ParseServiceConfig(absl::StrCat(R"({"sandbox": true, )", tenant, "}"));
  REQUIRE(config.ok());
  const auto& acme = config->tenant_carriers.at("acme");
  CHECK(acme.at("ups").at("client_id") == "acme-ups-id");
  CHECK(acme.at("ups").at("client_secret") == "acme-ups-secret");
  CHECK(acme.at("dhl").at("api_key") == "acme-dhl-key");
  // Shown only as references.
  CHECK(config->effective_json.find("acme-ups-secret") == std::string::npos);
  CHECK(config->effective_json.find("TE_TEST_ACME_UPS_SECRET") != std::string::npos);

  // Outside sandbox mode the carrier needs its own section.
  CHECK_THAT(ParseServiceConfig(absl::StrCat("{", tenant, "}")).status(),
             StatusIs(kInvalid, "tenants.acme.carriers.ups: needs a carriers.ups section"));
  // Only that carrier's credential keys, and only by reference.
  CHECK_THAT(
      ParseServiceConfig(absl::StrCat(R"({"sandbox": true, "tenants": {"acme": {"api_keys": [")",
                                      Digest("k"),
                                      R"("], "carriers": {"dhl": {"client_id": {"env": "X"}}}}}})"))
          .status(),
      StatusIs(kInvalid, "tenants.acme.carriers.dhl.client_id: unknown key"));
  CHECK_THAT(
      ParseServiceConfig(absl::StrCat(R"({"sandbox": true, "tenants": {"acme": {"api_keys": [")",
                                      Digest("k"),
                                      R"("], "carriers": {"dhl": {"api_key": "literal"}}}}})"))
          .status(),
      StatusIs(kInvalid, "tenants.acme.carriers.dhl.api_key: secrets are given by reference"));
  CHECK_THAT(
      ParseServiceConfig(
          absl::StrCat(R"({"sandbox": true, "tenants": {"acme": {"api_keys": [")", Digest("k"),
                       R"("], "carriers": {"dhl": {"api_key": {"env": "TE_TEST_UNSET_VAR"}}}}}})"))
          .status(),
      StatusIs(kInvalid,
               "tenants.acme.carriers.dhl.api_key: environment variable "
               "TE_TEST_UNSET_VAR is not set"));
}

TEST_CASE("config: grpc_tls reads the chain, key and client CA", "[config][tls]") {
  const std::string chain =
      TempFile("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
  const std::string key =
      TempFile("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
  const std::string not_pem = TempFile("hello");
  auto config = ParseServiceConfig(absl::StrCat(R"({"grpc_tls": {"certificate_chain": ")", chain,
                                                R"(", "private_key": {"file": ")", key,
                                                R"("}, "client_ca": ")", chain, R"("}})"));
  REQUIRE(config.ok());
  CHECK(config->grpc_tls_certificate_chain_pem.find("BEGIN CERTIFICATE") != std::string::npos);
  CHECK(config->grpc_tls_private_key_pem.find("BEGIN PRIVATE KEY") != std::string::npos);
  CHECK_FALSE(config->grpc_tls_client_ca_pem.empty());
  CHECK(config->effective_json.find("MIIE") == std::string::npos);

  CHECK_THAT(
      ParseServiceConfig(absl::StrCat(R"({"grpc_tls": {"private_key": {"file": ")", key, R"("}}})"))
          .status(),
      StatusIs(kInvalid, "grpc_tls.certificate_chain: required"));
  CHECK_THAT(
      ParseServiceConfig(absl::StrCat(R"({"grpc_tls": {"certificate_chain": ")", chain, R"("}})"))
          .status(),
      StatusIs(kInvalid, "grpc_tls.private_key: required"));
  CHECK_THAT(
      ParseServiceConfig(
          absl::StrCat(
              R"({"grpc_tls": {"certificate_chain": "/nonexistent.pem", "private_key": {"file": ")",
              key, R"("}}})"))
          .status(),
      StatusIs(kInvalid, "grpc_tls.certificate_chain: cannot read /nonexistent.pem"));
  CHECK_THAT(ParseServiceConfig(absl::StrCat(R"({"grpc_tls": {"certificate_chain": ")", not_pem,
                                             R"(", "private_key": {"file": ")", key, R"("}}})"))
                 .status(),
             StatusIs(kInvalid, "grpc_tls.certificate_chain: " + not_pem + " holds no PEM block"));
  CHECK_THAT(ParseServiceConfig(absl::StrCat(R"({"grpc_tls": {"certificate_chain": ")", chain,
                                             R"(", "private_key": {"file": ")", not_pem, R"("}}})"))
                 .status(),
             StatusIs(kInvalid, "grpc_tls.private_key: is not a PEM private key"));
  for (const std::string& file : {chain, key, not_pem}) std::remove(file.c_str());
}

}  // namespace
}  // namespace trackenrich::server
