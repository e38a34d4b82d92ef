// The UPS Track Alert subscription request and response
// (adapters/ups/ups_track_alert.h), against the shapes in
// UPS-API/api-documentation UPSTrackAlert.yaml.
#include "adapters/ups/ups_track_alert.h"

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "boost/json.hpp"

namespace trackenrich::adapters::ups {
namespace {

namespace json = boost::json;

http::HttpResponse Response(int status, std::string body) {
  http::HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

TEST_CASE("UPS subscription request: path, headers and the documented body", "[ups]") {
  const std::vector<std::string> numbers = {"1ZCIETST0111111114", "1ZCIETST0422222228"};
  const http::HttpRequest request =
      BuildUpsSubscriptionRequest(numbers, "tok", "te-sub-7", "en_US",
                                  {.url = "https://desk.example.test/push/ups",
                                   .credential_type = "Bearer",
                                   .credential = "s3cret-credential"});
  CHECK(request.method == "POST");
  CHECK(request.target == "/api/track/v1/subscription/standard/package");
  CHECK_FALSE(request.idempotent);
  auto header = [&](const std::string& name) {
    for (const auto& [key, value] : request.headers) {
      if (key == name) return value;
    }
    return std::string();
  };
  CHECK(header("Authorization") == "Bearer tok");
  CHECK(header("transId") == "te-sub-7");
  CHECK(header("transactionSrc") == "trackenrich");
  const json::object body = json::parse(request.body).as_object();
  CHECK(body.at("locale") == "en_US");
  CHECK(body.at("countryCode") == "US");
  CHECK(body.at("trackingNumberList") == json::array{"1ZCIETST0111111114", "1ZCIETST0422222228"});
  const json::object& destination = body.at("destination").as_object();
  CHECK(destination.at("url") == "https://desk.example.test/push/ups");
  CHECK(destination.at("credentialType") == "Bearer");
  CHECK(destination.at("credential") == "s3cret-credential");
}

TEST_CASE("UPS subscription response: valid, invalid, refused and failed", "[ups]") {
  SECTION("partial success (the spec's PartialSuccessExample)") {
    auto answer = ParseUpsSubscriptionResponse(
        Response(200, R"({"validTrackingNumbers":["1Z12345678912345560"],
                 "invalidTrackingNumbers":["1Z1234567$8"]})"));
    REQUIRE(answer.ok());
    CHECK(answer->valid == std::vector<std::string>{"1Z12345678912345560"});
    CHECK(answer->invalid == std::vector<std::string>{"1Z1234567$8"});
  }
  SECTION("complete success without invalidTrackingNumbers") {
    auto answer =
        ParseUpsSubscriptionResponse(Response(200, R"({"validTrackingNumbers":["1ZA"]})"));
    REQUIRE(answer.ok());
    CHECK(answer->valid.size() == 1);
    CHECK(answer->invalid.empty());
  }
  SECTION("400 VSS210 naming the numbers: every number invalid, an answer") {
    auto answer = ParseUpsSubscriptionResponse(
        Response(400, R"({"response":{"errors":[{"code":"VSS210","message":"..."}]},
                 "invalidTrackingNumbers":["1ZBAD"]})"));
    REQUIRE(answer.ok());
    CHECK(answer->valid.empty());
    CHECK(answer->invalid == std::vector<std::string>{"1ZBAD"});
  }
  SECTION("400 without numbers: an error") {
    auto answer = ParseUpsSubscriptionResponse(
        Response(400, R"({"response":{"errors":[{"code":"VSS300","message":"Locale"}]}})"));
    CHECK(answer.status().code() == absl::StatusCode::kInternal);
  }
  SECTION("401, 429 and 500 map like every upstream") {
    CHECK(ParseUpsSubscriptionResponse(Response(401, R"({"errors":[{"code":"UJ0001"}]})"))
              .status()
              .code() == absl::StatusCode::kFailedPrecondition);
    CHECK(ParseUpsSubscriptionResponse(Response(429, "{}")).status().code() ==
          absl::StatusCode::kResourceExhausted);
    CHECK(ParseUpsSubscriptionResponse(Response(500, "{}")).status().code() ==
          absl::StatusCode::kUnavailable);
  }
  SECTION("a 200 of the wrong shape") {
    auto answer = ParseUpsSubscriptionResponse(Response(200, R"({"validTrackingNumbers":"1Z"})"));
    CHECK(answer.status().code() == absl::StatusCode::kUnavailable);
    CHECK(absl::StrContains(answer.status().message(), "ups subscription"));
  }
}

}  // namespace
}  // namespace trackenrich::adapters::ups
