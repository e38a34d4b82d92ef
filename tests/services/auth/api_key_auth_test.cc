#include "services/auth/api_key_auth.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "services/auth/hash_api_key_command.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::auth {
namespace {

using testing::StatusIs;

AuthSettings TwoTenants() {
  return {.required = true,
          .tenants = {{"acme", {HashApiKey("acme-key-1"), HashApiKey("acme-key-2")}},
                      {"globex", {HashApiKey("globex-key")}}}};
}

TEST_CASE("auth: the digest is SHA-256 in lower-case hex", "[auth]") {
  CHECK(HashApiKey("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(IsApiKeyDigest(HashApiKey("anything")));
  CHECK(IsApiKeyDigest("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
  CHECK_FALSE(IsApiKeyDigest("abc"));
  CHECK_FALSE(IsApiKeyDigest(std::string(64, 'g')));
}

TEST_CASE("auth: a key maps to its tenant", "[auth]") {
  const ApiKeyAuthenticator auth(TwoTenants());
  CHECK(*auth.Authenticate("acme-key-1", "") == "acme");
  CHECK(*auth.Authenticate("acme-key-2", "") == "acme");
  CHECK(*auth.Authenticate("globex-key", "") == "globex");
  CHECK(*auth.Authenticate("globex-key", "globex") == "globex");
  CHECK(auth.tenants() == std::vector<std::string>{"acme", "globex"});
}

TEST_CASE("auth: missing and unknown keys are UNAUTHENTICATED without a hint", "[auth]") {
  const ApiKeyAuthenticator auth(TwoTenants());
  CHECK_THAT(auth.Authenticate("", "").status(),
             StatusIs(absl::StatusCode::kUnauthenticated, "x-api-key"));
  const absl::Status unknown = auth.Authenticate("nobody", "").status();
  const absl::Status near_miss = auth.Authenticate("acme-key-3", "").status();
  CHECK_THAT(unknown, StatusIs(absl::StatusCode::kUnauthenticated));
  // The same answer whether or not a similar key exists.
  CHECK(unknown.message() == near_miss.message());
  CHECK(unknown.message().find("acme") == absl::string_view::npos);
}

TEST_CASE("auth: naming another tenant is PERMISSION_DENIED", "[auth]") {
  const ApiKeyAuthenticator auth(TwoTenants());
  CHECK_THAT(auth.Authenticate("acme-key-1", "globex").status(),
             StatusIs(absl::StatusCode::kPermissionDenied, "globex"));
}

TEST_CASE("auth: without `required`, a call without a key is tenant default", "[auth]") {
  AuthSettings settings = TwoTenants();
  settings.required = false;
  const ApiKeyAuthenticator auth(settings);
  CHECK(*auth.Authenticate("", "") == "default");
  CHECK(*auth.Authenticate("", "default") == "default");
  CHECK_THAT(auth.Authenticate("", "acme").status(), StatusIs(absl::StatusCode::kPermissionDenied));
  // A key that is presented is still checked.
  CHECK(*auth.Authenticate("globex-key", "") == "globex");
  CHECK_THAT(auth.Authenticate("wrong", "").status(), StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_CASE("auth: the key comes from x-api-key or a bearer token", "[auth]") {
  CHECK(ApiKeyFromHeaders("k1", "Bearer k2") == "k1");
  CHECK(ApiKeyFromHeaders("", "Bearer k2") == "k2");
  CHECK(ApiKeyFromHeaders("", "bearer  k2 ") == "k2");
  CHECK(ApiKeyFromHeaders("", "Basic dXNlcjpwdw==").empty());
  CHECK(ApiKeyFromHeaders("", "Bearer").empty());
  CHECK(ApiKeyFromHeaders("  ", "").empty());
}

TEST_CASE("auth: tenant names are safe to put in keys", "[auth]") {
  CHECK(ValidateTenantName("acme").ok());
  CHECK(ValidateTenantName("acme-eu_2").ok());
  CHECK_THAT(ValidateTenantName(""), StatusIs(absl::StatusCode::kInvalidArgument, "1 to 64"));
  CHECK_THAT(ValidateTenantName(std::string(65, 'a')),
             StatusIs(absl::StatusCode::kInvalidArgument, "1 to 64"));
  CHECK_THAT(ValidateTenantName("Acme"), StatusIs(absl::StatusCode::kInvalidArgument, "'A'"));
  CHECK_THAT(ValidateTenantName("a:b"), StatusIs(absl::StatusCode::kInvalidArgument, "':'"));
}

TEST_CASE("auth: --hash_api_key prints the digest of stdin's key", "[auth]") {
  std::istringstream in("acme-key-1\n");
  std::ostringstream out;
  std::ostringstream err;
  CHECK(RunHashApiKeyCommand(in, out, err) == 0);
  CHECK(out.str() == HashApiKey("acme-key-1") + "\n");
  std::istringstream empty(" \n");
  std::ostringstream out2;
  CHECK(RunHashApiKeyCommand(empty, out2, err) == 2);
  CHECK(out2.str().empty());
  CHECK(err.str().find("stdin") != std::string::npos);
}

}  // namespace
}  // namespace trackenrich::auth
