// The JSON/HTTP gateway on the admin port: every route answers as its gRPC
// twin does for the same request, and gRPC codes become HTTP statuses.
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"
#include "google/protobuf/util/json_util.h"

#include "services/auth/api_key_auth.h"
#include "services/config/service_config.h"
#include "services/gateway/json_gateway.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

namespace json = boost::json;
using Stub = v1::TrackingService::Stub;

constexpr char kKey[] = "gateway-test-key-55d1";

server::ServiceConfig GatewayConfig() {
  auto config = server::ParseServiceConfig(absl::StrCat(
      R"({"sandbox": true, "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0",
          "tenants": {"acme": {"api_keys": [")",
      auth::HashApiKey(kKey), R"("]}, "globex": {"api_keys": [")",
      auth::HashApiKey("globex-other-key"), R"("]}}})"));
  if (!config.ok()) FAIL(config.status().ToString());
  return *config;
}

// Calls one RPC with the request given as JSON; the answer as JSON.
using TwinCall = std::function<grpc::Status(Stub&, grpc::ClientContext*, const std::string& body,
                                            std::string* answer)>;

template <typename Request, typename Response>
TwinCall Twin(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*)) {
  return [method](Stub& stub, grpc::ClientContext* context, const std::string& body,
                  std::string* answer) {
    Request request;
    REQUIRE(google::protobuf::util::JsonStringToMessage(body, &request).ok());
    Response response;
    const grpc::Status status = (stub.*method)(context, request, &response);
    REQUIRE(google::protobuf::util::MessageToJsonString(response, answer).ok());
    return status;
  };
}

struct Route {
  std::string name;
  TwinCall twin;
};

const std::vector<Route>& Routes() {
  static const auto* const routes = new std::vector<Route>{
      {"EnrichTicket", Twin(&Stub::EnrichTicket)},
      {"GetOrderTracking", Twin(&Stub::GetOrderTracking)},
      {"BatchGetOrderTracking", Twin(&Stub::BatchGetOrderTracking)},
      {"TrackShipment", Twin(&Stub::TrackShipment)},
      {"BatchTrackShipments", Twin(&Stub::BatchTrackShipments)},
      {"DetectCarrier", Twin(&Stub::DetectCarrier)},
      {"RenderReply", Twin(&Stub::RenderReply)},
  };
  return *routes;
}

const TwinCall& TwinOf(const std::string& route) {
  for (const Route& candidate : Routes()) {
    if (candidate.name == route) return candidate.twin;
  }
  FAIL("no route " << route);
  throw std::logic_error("unreachable");
}

// Drops what depends on when and how an answer was served: the cache layer
// and age (the twin's call fills the cache the gateway's is then served
// from) and when the evidence was assembled.
void DropServingFields(json::value& value) {
  if (value.is_object()) {
    auto& object = value.as_object();
    object.erase("cacheLayer");
    object.erase("age");
    object.erase("assembledAt");
    for (auto& [key, member] : object) DropServingFields(member);
  } else if (value.is_array()) {
    for (auto& item : value.as_array()) DropServingFields(item);
  }
}

std::string Normalized(const std::string& text) {
  json::value value = json::parse(text);
  DropServingFields(value);
  return json::serialize(value);
}

std::string Ups(absl::string_view scenario) {
  return sandbox::SandboxUpstream::ScenarioNumber("ups", scenario);
}

TEST_CASE("gateway: every route answers as its gRPC twin", "[integration][gateway]") {
  testing::TestServer server(GatewayConfig());
  auto stub = server.Stub();
  const uint16_t admin = server.server().admin_port();
  const std::pair<std::string, std::string> requests[] = {
      {"EnrichTicket", absl::StrCat(R"({"ticketId": "T-1", "language": "de",
          "text": {"subject": "Wo ist mein Paket?", "body": "Sendung )",
                                    Ups("exception"), R"( kommt nicht an"}})")},
      {"GetOrderTracking", R"({"order": {"orderId": "113-5550001-0000001"}})"},
      {"BatchGetOrderTracking",
       R"({"requests": [{"order": {"orderId": "113-5550003-0000003"}},
                        {"order": {"orderId": "113-5550404-0000000"}},
                        {"order": {"orderId": "MCF-SANDBOX-1", "channel": "SALES_CHANNEL_SHOPIFY"}}]})"},
      {"TrackShipment",
       absl::StrCat(R"({"shipment": {"trackingNumber": ")", Ups("delivered"), R"("}})")},
      {"BatchTrackShipments",
       absl::StrCat(R"({"requests": [{"shipment": {"trackingNumber": ")", Ups("in_transit"),
                    R"("}}, {"shipment": {"tracking_number": ")", Ups("not_found"),
                    R"("}}, {"shipment": {"trackingNumber": ")",
                    sandbox::SandboxUpstream::ScenarioNumber("dhl", "delivered"), R"("}}]})")},
      {"DetectCarrier", R"({"trackingNumber": "RR123456785GB"})"},
      {"RenderReply",
       R"({"templateId": "fba_redirect", "language": "de-AT",
           "shipment": {"trackingNumber": "TBA304125876100", "carrier": "CARRIER_AMAZON",
                        "state": "SHIPMENT_STATE_IN_TRANSIT"},
           "order": {"orderId": "302-5550199-1234567", "channel": "SALES_CHANNEL_AMAZON",
                     "fulfillment": "FULFILLMENT_FBA"}})"},
  };
  REQUIRE(std::size(requests) == Routes().size());
  for (const auto& [route, body] : requests) {
    INFO(route);
    grpc::ClientContext context;
    context.AddMetadata("x-api-key", kKey);
    std::string grpc_answer;
    REQUIRE_THAT(TwinOf(route)(*stub, &context, body, &grpc_answer),
                 testing::GrpcStatusIs(grpc::StatusCode::OK));
    const auto http = testing::HttpSendWithHeaders(admin, "POST", absl::StrCat("/v1/", route), body,
                                                   {{"X-Api-Key", kKey}});
    REQUIRE(http.status == 200);
    CHECK(http.content_type == "application/json");
    CHECK(http.Header("X-Request-Id").size() == 32);
    CHECK(Normalized(http.body) == Normalized(grpc_answer));
    // Something was compared: every answer has content.
    CHECK(json::parse(http.body).as_object().size() > 0);
  }
}

TEST_CASE("gateway: gRPC codes become HTTP statuses with a JSON error", "[integration][gateway]") {
  testing::TestServer server(GatewayConfig());
  auto stub = server.Stub();
  const uint16_t admin = server.server().admin_port();
  struct Row {
    const char* what;
    std::string route;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    grpc::StatusCode code;
    int http_status;
  };
  const std::vector<std::pair<std::string, std::string>> key = {{"X-Api-Key", kKey}};
  const Row rows[] = {
      {"bad input", "TrackShipment", R"({"shipment": {"trackingNumber": "1Z/12"}})", key,
       grpc::StatusCode::INVALID_ARGUMENT, 400},
      {"no key",
       "TrackShipment",
       R"({"shipment": {"trackingNumber": "1ZSBX0010300000010"}})",
       {},
       grpc::StatusCode::UNAUTHENTICATED,
       401},
      {"wrong key",
       "DetectCarrier",
       R"({"trackingNumber": "1ZSBX0010300000010"})",
       {{"X-Api-Key", "not-a-key"}},
       grpc::StatusCode::UNAUTHENTICATED,
       401},
      {"bearer key, other tenant",
       "DetectCarrier",
       R"({"trackingNumber": "1ZSBX0010300000010"})",
       {{"Authorization", absl::StrCat("Bearer ", kKey)}, {"X-Tenant", "globex"}},
       grpc::StatusCode::PERMISSION_DENIED,
       403},
      {"not found", "TrackShipment",
       absl::StrCat(R"({"shipment": {"trackingNumber": ")", Ups("not_found"), R"("}})"), key,
       grpc::StatusCode::NOT_FOUND, 404},
      {"unknown template", "RenderReply",
       R"({"templateId": "no_such_template", "shipment": {"trackingNumber": "1ZSBX0010300000010"}})",
       key, grpc::StatusCode::NOT_FOUND, 404},
      {"seller credentials refused", "GetOrderTracking",
       R"({"order": {"orderId": "113-5550403-0000000"}})", key,
       grpc::StatusCode::FAILED_PRECONDITION, 422},
      {"usage plan exhausted", "GetOrderTracking",
       R"({"order": {"orderId": "113-5550429-0000000"}})", key,
       grpc::StatusCode::RESOURCE_EXHAUSTED, 429},
      {"upstream down", "TrackShipment",
       absl::StrCat(R"({"shipment": {"trackingNumber": ")", Ups("unavailable"), R"("}})"), key,
       grpc::StatusCode::UNAVAILABLE, 503},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    for (const auto& [name, value] : row.headers) {
      context.AddMetadata(absl::AsciiStrToLower(name), value);
    }
    std::string unused;
    const grpc::Status twin = TwinOf(row.route)(*stub, &context, row.body, &unused);
    CHECK(twin.error_code() == row.code);
    const auto http = testing::HttpSendWithHeaders(admin, "POST", absl::StrCat("/v1/", row.route),
                                                   row.body, row.headers);
    CHECK(http.status == row.http_status);
    CHECK(http.status == server::HttpStatusFor(row.code));
    REQUIRE(http.content_type == "application/json");
    const auto error = json::parse(http.body).as_object();
    CHECK(error.at("code").as_string() ==
          absl::StatusCodeToString(static_cast<absl::StatusCode>(row.code)));
    CHECK_FALSE(error.at("message").as_string().empty());
    if (row.code != grpc::StatusCode::UNAVAILABLE) {
      CHECK(error.at("message").as_string() == twin.error_message());
    }
  }
}

TEST_CASE("gateway: deadlines, bad bodies, unknown routes and methods", "[integration][gateway]") {
  testing::TestServer server(GatewayConfig());
  const uint16_t admin = server.server().admin_port();
  const std::vector<std::pair<std::string, std::string>> key = {{"X-Api-Key", kKey}};
  const std::string slow =
      absl::StrCat(R"({"shipment": {"trackingNumber": ")", Ups("slow"), R"("}})");

  auto deadline = key;
  deadline.emplace_back("Grpc-Timeout", "200m");
  const auto late =
      testing::HttpSendWithHeaders(admin, "POST", "/v1/TrackShipment", slow, deadline);
  CHECK(late.status == 504);
  CHECK(late.body.find("DEADLINE_EXCEEDED") != std::string::npos);

  auto bad_timeout = key;
  bad_timeout.emplace_back("Grpc-Timeout", "soon");
  const auto refused =
      testing::HttpSendWithHeaders(admin, "POST", "/v1/TrackShipment", slow, bad_timeout);
  CHECK(refused.status == 400);
  CHECK(refused.body.find("Grpc-Timeout") != std::string::npos);

  const auto malformed =
      testing::HttpSendWithHeaders(admin, "POST", "/v1/TrackShipment", "{\"shipment\": ", key);
  CHECK(malformed.status == 400);
  CHECK(malformed.body.find("TrackShipmentRequest") != std::string::npos);
  const auto unknown_field = testing::HttpSendWithHeaders(
      admin, "POST", "/v1/TrackShipment", R"({"shipment": {"trackingNumbr": "1Z"}})", key);
  CHECK(unknown_field.status == 400);
  CHECK(unknown_field.body.find("trackingNumbr") != std::string::npos);

  const auto no_route = testing::HttpSendWithHeaders(admin, "POST", "/v1/Track", "{}", key);
  CHECK(no_route.status == 404);
  CHECK(no_route.body.find("/v1/TrackShipment") != std::string::npos);
  const auto get = testing::HttpSendWithHeaders(admin, "GET", "/v1/TrackShipment", "", key);
  CHECK(get.status == 405);
  CHECK(get.Header("Allow") == "POST");

  // The admin endpoints are unchanged.
  CHECK(testing::HttpGet(admin, "/healthz").status == 200);
  const std::string metrics = testing::HttpGet(admin, "/metrics").body;
  CHECK(
      metrics.find(R"(trackenrich_gateway_requests_total{route="TrackShipment",status="504"} 1)") !=
      std::string::npos);
  CHECK(metrics.find(R"(trackenrich_gateway_requests_total{route="other",status="404"} 1)") !=
        std::string::npos);
}

}  // namespace
}  // namespace trackenrich
