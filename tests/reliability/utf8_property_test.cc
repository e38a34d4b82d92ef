// Every string the service sends is well-formed UTF-8 (issue 19), as a
// property: carrier payloads whose text fields hold random mixes of ASCII,
// multi-byte characters, bytes that are not UTF-8 (ISO-8859-1, overlong
// forms, surrogates, stray continuation bytes), sequences cut short, and
// codes longer than the adapters keep, go through each carrier's parser
// (error bodies and event payloads alike), into a response the way the
// service builds it (TrackShipmentResponse, LookupError), through the
// boundary guard RpcScope applies (RepairUtf8Strings), and are decoded with
// protobuf's strict proto3 parser. Then the same through the real server:
// the sandbox's DPD scenarios with ISO-8859-1 event text and a SOAP fault
// whose long code straddles the 64-byte cut, decoded by a real gRPC client.
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "boost/json.hpp"

#include "adapters/amazon/fulfillment_outbound_parser.h"
#include "adapters/amazon_shipping/amazon_shipping_parser.h"
#include "adapters/common/utf8.h"
#include "adapters/dhl/dhl_parser.h"
#include "adapters/dpd/dpd_parser.h"
#include "adapters/fedex/fedex_parser.h"
#include "adapters/ups/ups_parser.h"
#include "adapters/usps/usps_parser.h"
#include "services/lookup/order_lookup.h"
#include "tests/support/http_get.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"
#include "tests/support/test_server.h"
#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich {
namespace {

namespace json = boost::json;
using ParseFn =
    std::function<absl::StatusOr<v1::Shipment>(const http::HttpResponse&, absl::string_view)>;

constexpr char kSlot[] = "@TEXT@";
constexpr size_t kSlotSize = sizeof(kSlot) - 1;

// Pieces the random text is made of.
constexpr absl::string_view kValidPieces[] = {"Zugestellt", " ", "ü", "ß", "€", "日本", "😀",
                                              "Ö",          "-", "é", "ł", "_", "A1"};
constexpr absl::string_view kInvalidPieces[] = {
    "\xfc",              // ISO-8859-1 ü
    "\xff",              // never in UTF-8
    "\xc0\xaf",          // overlong "/"
    "\xed\xa0\x80",      // a UTF-16 surrogate, UTF-8 encoded
    "\x80",              // a stray continuation byte
    "\xe2\x82",          // "€" cut short
    "\xf0\x9f\x98",      // "😀" cut short
    "\xf4\x90\x80\x80",  // past U+10FFFF
};
// JSON escapes that decode to something that is not a character.
constexpr absl::string_view kJsonEscapes[] = {"\\ud800", "\\udfff", "\\ud83d"};

struct Text {
  std::string raw;   // for XML, and for JSON as raw bytes
  std::string json;  // for JSON: the same with \u escapes of lone surrogates
};

// What the random text may hold. A JSON parser refuses a document with a
// byte that is not UTF-8, so JSON payloads also get rounds of valid text
// (long codes cut at 64 bytes) and of escapes that decode to no character.
enum class Mix { kAnyBytes, kEscapes, kValid };

// Random text; some of it longer than the 64 bytes codes are cut to, with a
// multi-byte character placed across byte 64.
Text RandomText(std::mt19937& random, Mix mix = Mix::kAnyBytes) {
  Text text;
  const int pieces = std::uniform_int_distribution<int>(1, 12)(random);
  for (int i = 0; i < pieces; ++i) {
    int pick = std::uniform_int_distribution<int>(0, 9)(random);
    if (mix == Mix::kValid || (mix == Mix::kEscapes && pick < 9 && pick >= 6)) pick = 0;
    if (pick < 6) {
      const auto& piece = kValidPieces[random() % std::size(kValidPieces)];
      absl::StrAppend(&text.raw, piece);
      absl::StrAppend(&text.json, piece);
    } else if (pick < 9) {
      const auto& piece = kInvalidPieces[random() % std::size(kInvalidPieces)];
      absl::StrAppend(&text.raw, piece);
      absl::StrAppend(&text.json, piece);
    } else {
      absl::StrAppend(&text.raw, "\xef\xbf\xbd");
      absl::StrAppend(&text.json, kJsonEscapes[random() % std::size(kJsonEscapes)]);
    }
  }
  if (random() % 3 == 0) {
    const std::string pad(63, 'X');
    text.raw = absl::StrCat(pad, "ß", text.raw);
    text.json = absl::StrCat(pad, "ß", text.json);
  }
  return text;
}

// Keys of carrier JSON whose values are free text or codes.
bool IsTextKey(absl::string_view key) {
  static constexpr absl::string_view kKeys[] = {"description",
                                                "message",
                                                "code",
                                                "detail",
                                                "title",
                                                "eventDescription",
                                                "city",
                                                "statusByLocale",
                                                "remark",
                                                "currentStatusDescription",
                                                "signedForBy",
                                                "addressLocality",
                                                "signatureName",
                                                "receivedByName",
                                                "locationDescription",
                                                "countryCode",
                                                "stateProvince",
                                                "eventCity",
                                                "eventType",
                                                "statusSummary",
                                                "eventState",
                                                "mailClass"};
  for (absl::string_view text_key : kKeys) {
    if (key == text_key) return true;
  }
  return false;
}

void MarkSlots(json::value& value) {
  if (json::object* object = value.if_object()) {
    for (auto& [key, child] : *object) {
      if (child.is_string() && IsTextKey(absl::string_view(key.data(), key.size()))) {
        child = kSlot;
      } else {
        MarkSlots(child);
      }
    }
  } else if (json::array* array = value.if_array()) {
    for (json::value& child : *array) MarkSlots(child);
  }
}

// `body` with every text value replaced by a slot; "" when it is not JSON.
std::string JsonTemplate(const std::string& body) {
  json::error_code error;
  json::value value = json::parse(body, error);
  if (error) return "";
  MarkSlots(value);
  return json::serialize(value);
}

// `body` with the text of every <content> (dates excepted), <errorCode> and
// <faultstring> element replaced by a slot.
std::string XmlTemplate(const std::string& body) {
  std::string out;
  size_t at = 0;
  while (at < body.size()) {
    size_t open = std::string::npos;
    size_t open_end = 0;
    for (const char* tag : {"content>", "errorCode>", "faultstring>"}) {
      size_t found = body.find(tag, at);
      // Opening tags only, and not a date's <content>: the events must parse.
      while (found != std::string::npos &&
             (found == 0 || body[found - 1] != '<' ||
              (found >= 7 && body.compare(found - 7, 6, "<date>") == 0))) {
        found = body.find(tag, found + 1);
      }
      if (found == std::string::npos) continue;
      if (open == std::string::npos || found < open) {
        open = found;
        open_end = found + std::strlen(tag);
      }
    }
    if (open == std::string::npos) break;
    const size_t close = body.find('<', open_end);
    if (close == std::string::npos) break;
    out.append(body, at, open_end - at);
    // Leaf text only: a <content> holding another element keeps it.
    if (close > open_end) {
      out.append(kSlot);
    }
    at = close;
  }
  out.append(body, at, std::string::npos);
  return out;
}

// The tracking number a JSON payload answers for (parsers pick the result
// for the number asked); `fallback` when none is found.
std::string NumberIn(const std::string& body, const std::string& fallback) {
  for (const char* key : {"\"trackingNumber\"", "\"inquiryNumber\"", "\"trackingId\"", "\"id\""}) {
    size_t at = body.find(key);
    if (at == std::string::npos) continue;
    at = body.find('"', body.find(':', at) + 1);
    const size_t end = body.find('"', at + 1);
    if (at == std::string::npos || end == std::string::npos) continue;
    return body.substr(at + 1, end - at - 1);
  }
  return fallback;
}

std::string Fill(const std::string& templ, std::mt19937& random, bool as_json, Mix mix) {
  std::string out;
  size_t at = 0;
  for (size_t slot = templ.find(kSlot); slot != std::string::npos; slot = templ.find(kSlot, at)) {
    out.append(templ, at, slot - at);
    const Text text = RandomText(random, mix);
    out.append(as_json ? text.json
                       : absl::StrReplaceAll(text.raw, {{"<", "&lt;"}, {"&", "&amp;"}}));
    at = slot + kSlotSize;
  }
  out.append(templ, at, std::string::npos);
  return out;
}

struct Carrier {
  const char* name;
  ParseFn parse;
  const char* number;
  bool xml;
  std::vector<std::string> bodies;
};

std::vector<std::string> Files(const std::string& dir, std::vector<std::string> names) {
  std::vector<std::string> bodies;
  for (const std::string& name : names) {
    bodies.push_back(testing::ReadFile(testing::TestData(absl::StrCat(dir, "/", name))));
  }
  return bodies;
}

std::vector<Carrier> Carriers() {
  std::vector<Carrier> carriers = {
      {"ups", adapters::ups::ParseUpsTrackResponse, "1Z5338FF0107231059", false,
       Files("ups", {"in-transit-gmt.json", "exception-address.json", "returning.json",
                     "delivered-then-late-scan.json", "error-TV1002-invalid-inquiry.json"})},
      {"fedex", adapters::fedex::ParseFedexTrackResponse, "123456789012", false,
       Files("fedex",
             {"running-late.json", "delivery-exception.json", "delivered-then-late-scan.json",
              "batch-mixed.json", "error-quota.json", "error-unauthorized.json"})},
      {"usps", adapters::usps::ParseUspsTrackResponse, "9400111899223817576349", false,
       Files("usps",
             {"arriving-late.json", "notice-left-no-gmt.json", "returned-to-sender.json",
              "error-invalid-number.json", "error-bad-request.json", "could-not-locate.json"})},
      {"dhl", adapters::dhl::ParseDhlTrackResponse, "00340434161094042557", false,
       Files("dhl", {"failure-attempt.json", "transit-returning.json", "text-says-delivered.json",
                     "error-invalid-number.json", "error-quota.json"})},
      {"dpd", adapters::dpd::ParseDpdTrackResponse, "05308801410058", true,
       Files("dpd", {"german-dates.xml", "delivered-winter.xml", "delivered-then-late-scan.xml",
                     "fault-unknown.xml", "label-only.xml"})},
      {"amazon_shipping", adapters::amazon_shipping::ParseAmazonShippingTrackResponse,
       "TBA000000000001", false,
       Files("amazon_shipping",
             {"returning.json", "delivered-photo.json", "in-transit-wrapped.json",
              "error-invalid-tracking-id.json", "error-quota.json"})},
      {"amazon_mcf",
       [](const http::HttpResponse& response, absl::string_view) {
         return adapters::amazon::ParsePackageTrackingResponse(response, "acme");
       },
       "",
       false,
       {R"({"errors":[{"code":"InvalidInput","message":"Package not found","details":"x"}]})"}},
  };
  if (testing::SharedDirExists()) {
    carriers.back().bodies.push_back(testing::ReadFile(
        testing::SharedFixture("sp-api/fbaOutbound.getPackageTrackingDetails.200.example.json")));
  }
  return carriers;
}

// What a client receives: the response as the service builds it for this
// result, through the boundary guard, serialized.
std::string Sent(const absl::StatusOr<v1::Shipment>& result, absl::string_view number) {
  v1::BatchTrackShipmentsResponse response;
  v1::ShipmentResult* slot = response.add_results();
  if (result.ok()) {
    *slot->mutable_shipment() = *result;
  } else {
    *slot->mutable_error() = server::ToLookupError(number, result.status());
  }
  adapters::RepairUtf8Strings(&response);
  return response.SerializeAsString();
}

TEST_CASE("UTF-8 property: every carrier's fault and event text reaches the client decodable",
          "[utf8]") {
  std::mt19937 random(20261204);
  constexpr int kRounds = 40;
  constexpr int kStatuses[] = {200, 400, 404, 500};
  for (const Carrier& carrier : Carriers()) {
    INFO(carrier.name);
    int ok_answers = 0;
    int error_answers = 0;
    int repaired_answers = 0;
    for (const std::string& body : carrier.bodies) {
      const std::string templ = carrier.xml ? XmlTemplate(body) : JsonTemplate(body);
      // Payloads without free text (Amazon Shipping's events are codes only).
      if (!absl::StrContains(templ, kSlot)) continue;
      for (int round = 0; round < kRounds; ++round) {
        http::HttpResponse response;
        response.status = kStatuses[round % std::size(kStatuses)];
        const Mix mix = carrier.xml ? Mix::kAnyBytes : static_cast<Mix>(round % 3);
        response.body = Fill(templ, random, !carrier.xml, mix);
        const std::string number = carrier.xml ? carrier.number : NumberIn(body, carrier.number);
        const absl::StatusOr<v1::Shipment> result = carrier.parse(response, number);
        if (result.ok()) {
          ++ok_answers;
          // Shipments are repaired where they are made (FinalizeShipment), so
          // the cache never holds one a client cannot read.
          v1::Shipment cached;
          INFO(response.body);
          CHECK(cached.ParseFromString(result->SerializeAsString()));
        } else {
          ++error_answers;
          if (!adapters::IsValidUtf8(result.status().message())) ++repaired_answers;
        }
        const std::string sent = Sent(result, number);
        v1::BatchTrackShipmentsResponse received;
        INFO(response.body);
        REQUIRE(received.ParseFromString(sent));
        // Decoded and valid: the guard has nothing left to change.
        CHECK(adapters::RepairUtf8Strings(&received) == 0);
      }
    }
    // Both paths were exercised for every carrier.
    CHECK(ok_answers > 0);
    CHECK(error_answers > 0);
    WARN(carrier.name << ": " << ok_answers << " shipments, " << error_answers << " errors, "
                      << repaired_answers << " error messages repaired at the boundary");
  }
}

TEST_CASE("UTF-8 property: without the boundary guard a bad error message fails the client's parse",
          "[utf8]") {
  // The check above is strict: protobuf refuses what the guard repairs.
  v1::BatchTrackShipmentsResponse response;
  *response.add_results()->mutable_error() =
      server::ToLookupError("09981122330021B", absl::UnavailableError("dpd: fault (\xdc)"));
  v1::BatchTrackShipmentsResponse received;
  CHECK_FALSE(received.ParseFromString(response.SerializeAsString()));
  CHECK(adapters::RepairUtf8Strings(&response) == 1);
  REQUIRE(received.ParseFromString(response.SerializeAsString()));
  CHECK(received.results(0).error().message() == "dpd: fault (\xef\xbf\xbd)");
}

TEST_CASE("UTF-8: cuts fall on character boundaries", "[utf8]") {
  CHECK(adapters::Utf8Prefix("Müller", 2) == "M");
  CHECK(adapters::Utf8Prefix("Müller", 3) == "Mü");
  CHECK(adapters::Utf8Prefix("abc", 3) == "abc");
  CHECK(adapters::Utf8Prefix("ab😀", 5) == "ab");
  CHECK(adapters::Utf8Prefix("ab😀", 6) == "ab😀");
  CHECK(adapters::Utf8Prefix("\x80\x80\x80", 2).empty());
  std::string code = absl::StrCat(std::string(63, '_'), "ß", "E");
  adapters::TruncateUtf8(&code, 64);
  CHECK(code == std::string(63, '_'));
  CHECK(adapters::IsValidUtf8("Zugestellt in Köln 日本 😀"));
  CHECK_FALSE(adapters::IsValidUtf8("K\xf6ln"));
  CHECK_FALSE(adapters::IsValidUtf8("\xed\xa0\x80"));
  CHECK_FALSE(adapters::IsValidUtf8("\xc0\xaf"));
  CHECK_FALSE(adapters::IsValidUtf8("\xe2\x82"));
}

TEST_CASE("UTF-8 property: random text cut anywhere stays valid after repair", "[utf8]") {
  std::mt19937 random(19);
  for (int round = 0; round < 2000; ++round) {
    const Text text = RandomText(random);
    const size_t cut = std::uniform_int_distribution<size_t>(0, text.raw.size())(random);
    std::string cut_text = text.raw;
    adapters::TruncateUtf8(&cut_text, cut);
    INFO(text.raw << " cut at " << cut);
    CHECK(cut_text.size() <= cut);
    CHECK(absl::StartsWith(text.raw, cut_text));
    // A cut of valid text is valid; so is any text once repaired.
    if (adapters::IsValidUtf8(text.raw)) CHECK(adapters::IsValidUtf8(cut_text));
    adapters::RepairUtf8(&cut_text);
    CHECK(adapters::IsValidUtf8(cut_text));
  }
}

TEST_CASE("UTF-8 end to end: the sandbox's ISO-8859-1 DPD texts reach a gRPC client decodable",
          "[utf8][integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  constexpr char kLatin1[] = "09981122330020D";
  constexpr char kFault[] = "09981122330021B";

  grpc::ClientContext track_context;
  v1::TrackShipmentRequest track;
  track.mutable_shipment()->set_tracking_number(kLatin1);
  v1::TrackShipmentResponse shipment;
  // The client's stub decodes strictly: a bad byte would fail the call.
  REQUIRE_THAT(stub->TrackShipment(&track_context, track, &shipment),
               testing::GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(shipment.shipment().state() == v1::SHIPMENT_STATE_DELIVERED);
  // The ISO-8859-1 bytes arrive as U+FFFD.
  CHECK(absl::StrContains(shipment.SerializeAsString(), "K\xef\xbf\xbdln"));

  grpc::ClientContext batch_context;
  v1::BatchTrackShipmentsRequest batch;
  batch.add_requests()->mutable_shipment()->set_tracking_number(kFault);
  batch.add_requests()->mutable_shipment()->set_tracking_number(kLatin1);
  v1::BatchTrackShipmentsResponse results;
  REQUIRE_THAT(stub->BatchTrackShipments(&batch_context, batch, &results),
               testing::GrpcStatusIs(grpc::StatusCode::OK));
  REQUIRE(results.results_size() == 2);
  const v1::LookupError& error = results.results(0).error();
  CHECK(error.code() == static_cast<int>(grpc::StatusCode::UNAVAILABLE));
  // The code cut before the "ß" that straddles byte 64, the ISO-8859-1 "Ü"
  // sent as U+FFFD.
  CHECK(absl::StrContains(error.message(),
                          "DEPOT_\xef\xbf\xbd"
                          "BERLASTET_"));
  CHECK_FALSE(absl::StrContains(error.message(), "E_ZUSTELLUNG"));
  CHECK(adapters::IsValidUtf8(error.message()));

  grpc::ClientContext fault_context;
  v1::TrackShipmentRequest fault;
  fault.mutable_shipment()->set_tracking_number(kFault);
  v1::TrackShipmentResponse none;
  const grpc::Status status = stub->TrackShipment(&fault_context, fault, &none);
  CHECK_THAT(status, testing::GrpcStatusIs(grpc::StatusCode::UNAVAILABLE));
  CHECK(adapters::IsValidUtf8(status.error_message()));

  const std::string metrics = testing::HttpGet(server.server().admin_port(), "/metrics").body;
  CHECK(absl::StrContains(metrics,
                          "trackenrich_utf8_repairs_total{method=\"BatchTrackShipments\"} 1"));
  CHECK(absl::StrContains(metrics, "trackenrich_utf8_repairs_total{method=\"TrackShipment\"} 1"));
}

}  // namespace
}  // namespace trackenrich
