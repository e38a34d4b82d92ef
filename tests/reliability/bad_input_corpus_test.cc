// The bad-input corpus (tests/data/reliability/bad_requests.json) sent to the
// service over a real gRPC channel: every request is refused with
// INVALID_ARGUMENT and a message that starts with the offending field, and
// the sandbox upstream sees no request at all. The count per RPC is printed
// and kept in build/reports/bad_input_corpus.txt.
#include <future>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "boost/json.hpp"
#include "google/protobuf/text_format.h"
#include "grpcpp/generic/generic_stub.h"

#include "tests/support/http_get.h"
#include "tests/support/report.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

namespace json = boost::json;

struct BadRequest {
  std::string rpc;
  std::string field;
  std::string what;
  std::string text;  // the request in protobuf text format, macros expanded
};

// "@@N:TEXT@@" → TEXT repeated N times.
std::string ExpandRepeats(const std::string& text) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    const size_t open = text.find("@@", pos);
    if (open == std::string::npos) break;
    const size_t colon = text.find(':', open);
    const size_t close = text.find("@@", open + 2);
    int count = 0;
    if (colon == std::string::npos || close == std::string::npos || colon > close ||
        !absl::SimpleAtoi(text.substr(open + 2, colon - open - 2), &count)) {
      FAIL("bad @@N:TEXT@@ macro in " << text.substr(0, 80));
    }
    out.append(text, pos, open - pos);
    const std::string unit = text.substr(colon + 1, close - colon - 1);
    for (int i = 0; i < count; ++i) out += unit;
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

// "requests[1].shipment.tracking_number" → "requests[].shipment.tracking_number"
std::string WithoutIndices(const std::string& field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    out += field[i];
    if (field[i] != '[') continue;
    while (i + 1 < field.size() && absl::ascii_isdigit(static_cast<unsigned char>(field[i + 1]))) {
      ++i;
    }
  }
  return out;
}

std::string StringAt(const json::object& object, const char* key) {
  const json::value* value = object.if_contains(key);
  REQUIRE(value != nullptr);
  REQUIRE(value->is_string());
  return std::string(value->as_string());
}

std::vector<BadRequest> LoadCorpus() {
  const json::value root =
      json::parse(testing::ReadFile(testing::TestData("reliability/bad_requests.json")));
  std::vector<BadRequest> corpus;
  for (const json::value& family : root.at("families").as_array()) {
    const std::string name = StringAt(family.as_object(), "name");
    for (const json::value& site : family.at("sites").as_array()) {
      for (const json::value& value : family.at("values").as_array()) {
        const std::string request = absl::StrReplaceAll(
            StringAt(site.as_object(), "request"), {{"$V", StringAt(value.as_object(), "text")}});
        corpus.push_back({StringAt(site.as_object(), "rpc"), StringAt(site.as_object(), "field"),
                          absl::StrCat(name, ": ", StringAt(value.as_object(), "what")),
                          ExpandRepeats(request)});
      }
    }
  }
  for (const json::value& entry : root.at("cases").as_array()) {
    const json::object& object = entry.as_object();
    corpus.push_back({StringAt(object, "rpc"), StringAt(object, "field"), StringAt(object, "what"),
                      ExpandRepeats(StringAt(object, "request"))});
  }
  return corpus;
}

// Parses `text` into the RPC's request type and calls it.
template <typename Request, typename Response>
grpc::Status Call(const BadRequest& bad,
                  grpc::Status (v1::TrackingService::Stub::*method)(grpc::ClientContext*,
                                                                    const Request&, Response*),
                  v1::TrackingService::Stub& stub) {
  Request request;
  INFO(bad.rpc << " / " << bad.what);
  REQUIRE(google::protobuf::TextFormat::ParseFromString(bad.text, &request));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  Response response;
  return (stub.*method)(&context, request, &response);
}

grpc::Status Send(const BadRequest& bad, v1::TrackingService::Stub& stub) {
  using Stub = v1::TrackingService::Stub;
  if (bad.rpc == "TrackShipment") return Call(bad, &Stub::TrackShipment, stub);
  if (bad.rpc == "BatchTrackShipments") return Call(bad, &Stub::BatchTrackShipments, stub);
  if (bad.rpc == "GetOrderTracking") return Call(bad, &Stub::GetOrderTracking, stub);
  if (bad.rpc == "BatchGetOrderTracking") return Call(bad, &Stub::BatchGetOrderTracking, stub);
  if (bad.rpc == "EnrichTicket") return Call(bad, &Stub::EnrichTicket, stub);
  if (bad.rpc == "DetectCarrier") return Call(bad, &Stub::DetectCarrier, stub);
  if (bad.rpc == "RenderReply") return Call(bad, &Stub::RenderReply, stub);
  FAIL("unknown rpc " << bad.rpc);
  return grpc::Status::CANCELLED;
}

TEST_CASE(
    "bad-input corpus: every request is INVALID_ARGUMENT naming its field, none reaches "
    "an upstream",
    "[fault]") {
  const std::vector<BadRequest> corpus = LoadCorpus();
  REQUIRE(corpus.size() >= 200);
  testing::TestServer server;
  auto stub = server.Stub();
  const uint16_t sandbox_port = testing::PortOfUrl(server.server().sandbox_url());
  REQUIRE(testing::SandboxRequestTotal(sandbox_port) == 0);

  struct Tally {
    int sent = 0;
    int refused = 0;
  };
  std::map<std::string, Tally> by_rpc;
  for (const BadRequest& bad : corpus) {
    INFO(bad.rpc << " / " << bad.what << ": " << absl::CEscape(bad.text.substr(0, 200)));
    const grpc::Status status = Send(bad, *stub);
    // A string that is not UTF-8 stops protobuf before validation: the field
    // is named, but not which element of a repeated one ("requests[]").
    const bool names_field =
        absl::StartsWith(status.error_message(), bad.field + ": ") ||
        (absl::StartsWith(status.error_message(), WithoutIndices(bad.field) + ": ") &&
         absl::StrContains(status.error_message(), "UTF-8"));
    const bool refused = status.error_code() == grpc::StatusCode::INVALID_ARGUMENT && names_field;
    CHECK(absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code())) ==
          "INVALID_ARGUMENT");
    INFO("message: " << status.error_message());
    CHECK(names_field);
    Tally& tally = by_rpc[bad.rpc];
    ++tally.sent;
    if (refused) ++tally.refused;
  }
  const int64_t upstream_calls = testing::SandboxRequestTotal(sandbox_port);
  CHECK(upstream_calls == 0);

  std::vector<std::vector<std::string>> rows;
  int sent = 0;
  int refused = 0;
  for (const auto& [rpc, tally] : by_rpc) {
    rows.push_back({rpc, absl::StrCat(tally.sent), absl::StrCat(tally.refused)});
    sent += tally.sent;
    refused += tally.refused;
  }
  rows.push_back({"all", absl::StrCat(sent), absl::StrCat(refused)});
  testing::PublishReport(
      "bad_input_corpus",
      absl::StrCat("Bad-input corpus: ", sent, " requests, ", refused,
                   " refused as INVALID_ARGUMENT naming the field, ", upstream_calls,
                   " upstream calls\n",
                   testing::FormatTable({"rpc", "requests", "INVALID_ARGUMENT + field"}, rows)));
  CHECK(by_rpc.size() == 7);  // every RPC of TrackingService
}

// Sends `bytes` as the request of `method` ("TrackShipment"), as a client with
// a broken serializer would.
grpc::Status SendRaw(testing::TestServer& server, const std::string& method,
                     const std::string& bytes) {
  grpc::GenericStub stub(server.channel());
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, absl::StrCat("/trackenrich.v1.TrackingService/", method), {}, &request,
                 &response, [&](grpc::Status status) { done.set_value(std::move(status)); });
  return done.get_future().get();
}

TEST_CASE("bad-input corpus: bytes that do not parse are INVALID_ARGUMENT, and counted",
          "[fault]") {
  testing::TestServer server;
  // Field 1 (shipment), length 3, then field 1 (tracking_number) of length 9: too short.
  CHECK_THAT(SendRaw(server, "TrackShipment", std::string("\x0a\x03\x0a\x09\x41", 5)),
             testing::GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                                   "request: not a valid trackenrich.v1.TrackShipmentRequest"));
  // An event description that is not UTF-8, three levels down.
  v1::RenderReplyRequest render;
  render.set_template_id("fbm_status_update");
  render.mutable_shipment()->set_tracking_number("1ZSBX0010300000010");
  render.mutable_shipment()->add_events()->set_description("scan \xff");
  CHECK_THAT(SendRaw(server, "RenderReply", render.SerializeAsString()),
             testing::GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                                   "shipment.events[].description: not valid UTF-8"));
  const std::string metrics = testing::HttpGet(server.server().admin_port(), "/metrics").body;
  CHECK_THAT(metrics, Catch::Contains(R"(code="INVALID_ARGUMENT",method="TrackShipment"} 1)") ||
                          Catch::Contains(R"(method="TrackShipment",code="INVALID_ARGUMENT"} 1)"));
}

}  // namespace
}  // namespace trackenrich
