#include <string>

#include <catch2/catch.hpp>

#include "adapters/amazon/lwa_parser.h"
#include "adapters/amazon/lwa_request.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::amazon {
namespace {

using testing::Response;
using testing::StatusIs;

TEST_CASE("LWA request: refresh-token grant, every secret in the form body", "[lwa]") {
  const http::HttpRequest request = BuildLwaTokenRequest("amzn1.app", "s+cret", "Atzr|r/1");
  CHECK(request.method == "POST");
  CHECK(request.target == "/auth/o2/token");
  CHECK(absl::StartsWith(request.Header("Content-Type"), "application/x-www-form-urlencoded"));
  CHECK(request.body ==
        "grant_type=refresh_token&refresh_token=Atzr%7Cr%2F1&client_id=amzn1.app&"
        "client_secret=s%2Bcret");
  CHECK(request.target.find("cret") == std::string::npos);
  CHECK(request.target.find("Atzr") == std::string::npos);
}

TEST_CASE("LWA token response", "[lwa]") {
  const absl::Time now = absl::FromUnixSeconds(1'767'225'600);
  auto token = ParseLwaTokenResponse(
      "amazon_shipping",
      Response(200, testing::ReadFile(testing::TestData("amazon_shipping/lwa-token.json"))), now);
  REQUIRE(token.ok());
  CHECK(token->access_token == "Atza|test-token-1");
  CHECK(token->expires_at == now + absl::Hours(1));
  auto revoked = ParseLwaTokenResponse(
      "amazon_shipping",
      Response(400, testing::ReadFile(testing::TestData("amazon_shipping/lwa-invalid-grant.json"))),
      now);
  CHECK_THAT(revoked.status(),
             StatusIs(absl::StatusCode::kFailedPrecondition, "amazon_shipping lwa"));
  CHECK_THAT(revoked.status(), StatusIs(absl::StatusCode::kFailedPrecondition, "invalid_grant"));
  CHECK_THAT(ParseLwaTokenResponse("sp_api", Response(429, "{}"), now).status(),
             StatusIs(absl::StatusCode::kResourceExhausted, "sp_api"));
  CHECK_THAT(ParseLwaTokenResponse("sp_api", Response(200, "[]"), now).status(),
             StatusIs(absl::StatusCode::kUnavailable));
}

}  // namespace
}  // namespace trackenrich::adapters::amazon
