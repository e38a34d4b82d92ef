// The bad-input corpus (tests/data/reliability/bad_requests.json) sent to the
// service over a real gRPC channel: every request is refused with
// INVALID_ARGUMENT and a message that starts with the offending field, and
// the sandbox upstream sees no request for it. A batch whose item is bad
// (field "requests[N]...") is answered: item N carries the INVALID_ARGUMENT
// LookupError naming the field and only the other items are looked up;
// a batch that is itself bad (empty, too many items) or that protobuf cannot
// parse (a string that is not UTF-8) is refused whole. The count per RPC is
// printed and kept in build/reports/bad_input_corpus.txt.
#include <future>
#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
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

// What the service answered to one bad request.
struct Outcome {
  grpc::Status status;
  // Whether protobuf can parse the request's bytes (strings are UTF-8).
  bool parses = true;
  // For a batch answered OK: each item's error code and message ("" and OK
  // when it was answered with a result), and each good item's subject.
  std::vector<std::pair<grpc::StatusCode, std::string>> items;
  std::vector<std::string> good_subjects;
};

template <typename Result>
void CollectResult(const Result& result, const std::string& subject, Outcome& outcome) {
  if (result.has_error()) {
    outcome.items.emplace_back(static_cast<grpc::StatusCode>(result.error().code()),
                               result.error().message());
  } else {
    outcome.items.emplace_back(grpc::StatusCode::OK, "");
  }
  if (!result.has_error() ||
      result.error().code() != static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT)) {
    outcome.good_subjects.push_back(subject);
  }
}

// Parses `text` into the RPC's request type and calls it.
template <typename Request, typename Response>
Outcome Call(const BadRequest& bad,
             grpc::Status (v1::TrackingService::Stub::*method)(grpc::ClientContext*, const Request&,
                                                               Response*),
             v1::TrackingService::Stub& stub) {
  Request request;
  INFO(bad.rpc << " / " << bad.what);
  REQUIRE(google::protobuf::TextFormat::ParseFromString(bad.text, &request));
  Outcome outcome;
  Request reparsed;
  outcome.parses = reparsed.ParseFromString(request.SerializeAsString());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  Response response;
  outcome.status = (stub.*method)(&context, request, &response);
  if constexpr (std::is_same_v<Response, v1::BatchTrackShipmentsResponse>) {
    for (int i = 0; i < response.results_size(); ++i) {
      CollectResult(response.results(i), request.requests(i).shipment().tracking_number(), outcome);
    }
  } else if constexpr (std::is_same_v<Response, v1::BatchGetOrderTrackingResponse>) {
    for (int i = 0; i < response.results_size(); ++i) {
      CollectResult(response.results(i), request.requests(i).order().order_id(), outcome);
    }
  }
  return outcome;
}

Outcome Send(const BadRequest& bad, v1::TrackingService::Stub& stub) {
  using Stub = v1::TrackingService::Stub;
  if (bad.rpc == "TrackShipment") return Call(bad, &Stub::TrackShipment, stub);
  if (bad.rpc == "BatchTrackShipments") return Call(bad, &Stub::BatchTrackShipments, stub);
  if (bad.rpc == "GetOrderTracking") return Call(bad, &Stub::GetOrderTracking, stub);
  if (bad.rpc == "BatchGetOrderTracking") return Call(bad, &Stub::BatchGetOrderTracking, stub);
  if (bad.rpc == "EnrichTicket") return Call(bad, &Stub::EnrichTicket, stub);
  if (bad.rpc == "DetectCarrier") return Call(bad, &Stub::DetectCarrier, stub);
  if (bad.rpc == "RenderReply") return Call(bad, &Stub::RenderReply, stub);
  FAIL("unknown rpc " << bad.rpc);
  return {};
}

// "requests[7].order.order_id" → 7; -1 when the field names no batch item.
int ItemIndex(const std::string& field) {
  int index = -1;
  if (!absl::StartsWith(field, "requests[")) return -1;
  const size_t close = field.find(']');
  if (close == std::string::npos || !absl::SimpleAtoi(field.substr(9, close - 9), &index)) {
    return -1;
  }
  return index;
}

// Upstream lookups (tracking calls and order reads; not token fetches) the
// sandbox has served.
int64_t SandboxLookups(uint16_t sandbox_port) {
  const auto counts = testing::SandboxRequestCounts(sandbox_port);
  REQUIRE(counts.has_value());
  int64_t lookups = 0;
  for (const auto& [route, count] : *counts) {
    if (absl::EndsWith(route, ".track") || absl::StartsWith(route, "sp_api.orders")) {
      lookups += count;
    }
  }
  return lookups;
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
    int per_item = 0;
  };
  std::map<std::string, Tally> by_rpc;
  // Requests refused whole first: not one upstream request for any of them.
  // Then batches with a bad item: upstream lookups only for the good items.
  std::vector<std::pair<const BadRequest*, Outcome>> item_cases;
  for (const BadRequest& bad : corpus) {
    INFO(bad.rpc << " / " << bad.what << ": " << absl::CEscape(bad.text.substr(0, 200)));
    if (ItemIndex(bad.field) >= 0) continue;
    const Outcome outcome = Send(bad, *stub);
    const grpc::Status& status = outcome.status;
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

  std::set<std::string> good_subjects;
  for (const BadRequest& bad : corpus) {
    const int index = ItemIndex(bad.field);
    if (index < 0) continue;
    INFO(bad.rpc << " / " << bad.what << ": " << absl::CEscape(bad.text.substr(0, 200)));
    const Outcome outcome = Send(bad, *stub);
    const grpc::Status& status = outcome.status;
    INFO("message: " << status.error_message());
    bool refused = false;
    if (!outcome.parses) {
      // Not a request at all: refused whole, the repeated field named.
      refused = status.error_code() == grpc::StatusCode::INVALID_ARGUMENT &&
                absl::StartsWith(status.error_message(), WithoutIndices(bad.field) + ": ") &&
                absl::StrContains(status.error_message(), "UTF-8");
      CHECK(refused);
    } else {
      REQUIRE(status.ok());
      REQUIRE(index < static_cast<int>(outcome.items.size()));
      const auto& [code, message] = outcome.items[index];
      INFO("item message: " << message);
      refused =
          code == grpc::StatusCode::INVALID_ARGUMENT && absl::StartsWith(message, bad.field + ": ");
      CHECK(refused);
      for (size_t i = 0; i < outcome.items.size(); ++i) {
        if (static_cast<int>(i) == index) continue;
        INFO("item " << i << ": " << outcome.items[i].second);
        CHECK(outcome.items[i].first != grpc::StatusCode::INVALID_ARGUMENT);
      }
      for (const std::string& subject : outcome.good_subjects) good_subjects.insert(subject);
    }
    Tally& tally = by_rpc[bad.rpc];
    ++tally.sent;
    if (refused) ++tally.refused;
    if (outcome.parses) ++tally.per_item;
  }
  // At most one lookup per good item (the cache answers repeats); none for
  // the bad ones.
  const int64_t lookups = SandboxLookups(sandbox_port);
  CHECK(lookups <= static_cast<int64_t>(good_subjects.size()));

  std::vector<std::vector<std::string>> rows;
  int sent = 0;
  int refused = 0;
  int per_item = 0;
  for (const auto& [rpc, tally] : by_rpc) {
    rows.push_back(
        {rpc, absl::StrCat(tally.sent), absl::StrCat(tally.refused), absl::StrCat(tally.per_item)});
    sent += tally.sent;
    refused += tally.refused;
    per_item += tally.per_item;
  }
  rows.push_back({"all", absl::StrCat(sent), absl::StrCat(refused), absl::StrCat(per_item)});
  testing::PublishReport(
      "bad_input_corpus",
      absl::StrCat("Bad-input corpus: ", sent, " requests, ", refused,
                   " refused as INVALID_ARGUMENT naming the field (", per_item,
                   " of them in a batch item's result), ", upstream_calls,
                   " upstream calls for the requests refused whole, ", lookups,
                   " upstream lookups for ", good_subjects.size(), " distinct good batch items\n",
                   testing::FormatTable(
                       {"rpc", "requests", "INVALID_ARGUMENT + field", "of them per item"}, rows)));
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
