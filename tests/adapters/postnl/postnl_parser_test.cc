#include "adapters/postnl/postnl_parser.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/ascii.h"

#include "adapters/postnl/postnl_request.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::postnl {
namespace {

using testing::CheckShipment;
using testing::Response;
using testing::UtcString;
using Expectation = testing::ShipmentExpectation;

constexpr absl::string_view kNumber = "3SABCD1234567";

absl::StatusOr<v1::Shipment> Parse(const std::string& file, int status = 200,
                                   absl::string_view number = kNumber) {
  return ParsePostnlTrackResponse(Response(status, testing::ReadFile(testing::TestData(file))),
                                  number);
}

TEST_CASE("PostNL parser: the project's own PostNL payloads", "[postnl]") {
  const std::vector<Expectation> table = {
      // 13:05 Dutch summer time (CEST) is 11:05 UTC.
      {"postnl/delivered-neighbour-summer.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED, "2026-07-15T11:05:00Z", 5},
      {"postnl/refused-returning.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNING,
       v1::STATE_REASON_REFUSED, "", 5},
      // Status 11 ("delivered" group), event J23: waiting in a parcel locker.
      {"postnl/parcel-locker-status-11.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP, "", 5},
      // An unpublished code saying "Shipment delivered": the newest published
      // event (J01, sorted) decides.
      {"postnl/unknown-code-says-delivered.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED, "", 4},
      {"postnl/collection-missed.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED, "", 2},
      // Status 99 says nothing; the one event (a bare object) does.
      {"postnl/winter-delay-single-event.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_WEATHER, "", 1},
      {"postnl/truncated.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"postnl/truncated.json", 502, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"postnl/docs-error-401.json", 403, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    auto shipment = Parse(expected.file, expected.http_status);
    CheckShipment(expected, shipment);
    if (!shipment.ok()) continue;
    CHECK(shipment->carrier() == v1::CARRIER_POSTNL);
    CHECK(shipment->carrier_name() == "PostNL");
    CHECK(shipment->tracking_number() == kNumber);
  }
}

TEST_CASE("PostNL parser: Dutch wall times to UTC, offsets kept, events oldest first", "[postnl]") {
  auto shipment = Parse("postnl/delivered-neighbour-summer.json");
  REQUIRE(shipment.ok());
  REQUIRE(shipment->events_size() == 5);
  const v1::TrackingEvent& first = shipment->events(0);
  CHECK(first.carrier_code() == "A01");
  CHECK(UtcString(first.time()) == "2026-07-14T16:19:31Z");
  CHECK(first.utc_offset_seconds() == 7200);
  CHECK_FALSE(first.offset_known());
  CHECK(first.state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(first.location().facility() == "888888");
  const v1::TrackingEvent& last = shipment->events(4);
  CHECK(last.carrier_code() == "I10");
  CHECK(last.description() == "Shipment delivered to neighbour");
  CHECK(shipment->events(3).state() == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  // First carrier scan: B01 (received), not the A01 pre-alert.
  CHECK(UtcString(shipment->first_scan_at()) == "2026-07-14T21:48:39Z");
  CHECK(shipment->proof_of_delivery().delivery_location() == "neighbour");
  CHECK(shipment->carrier_status_code() == "11");
  CHECK(shipment->destination().city() == "Amsterdam");
  CHECK(shipment->destination().postal_code() == "1012AB");
  CHECK(shipment->origin().city() == "Utrecht");

  auto winter = Parse("postnl/winter-delay-single-event.json");
  REQUIRE(winter.ok());
  REQUIRE(winter->events_size() == 1);
  CHECK(winter->events(0).utc_offset_seconds() == 3600);
  CHECK(UtcString(winter->events(0).time()) == "2026-01-20T07:00:00Z");
  CHECK(winter->carrier_status_code() == "99");
}

TEST_CASE("PostNL parser: a collection that failed is no carrier scan", "[postnl]") {
  auto shipment = Parse("postnl/collection-missed.json");
  REQUIRE(shipment.ok());
  CHECK_FALSE(shipment->has_first_scan_at());
  CHECK(shipment->events(1).state() == v1::SHIPMENT_STATE_LABEL_CREATED);
}

TEST_CASE("PostNL times: both published formats, milliseconds, and bad text", "[postnl]") {
  auto dotted = ParsePostnlTime("08-11-2022 00:10:11.081");
  REQUIRE(dotted.ok());
  CHECK(absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", dotted->time, absl::UTCTimeZone()) ==
        "2022-11-07T23:10:11.081Z");
  CHECK(dotted->utc_offset_seconds == 3600);
  CHECK_FALSE(dotted->offset_given);
  auto iso = ParsePostnlTime("2022-11-08T14:50:00");
  REQUIRE(iso.ok());
  CHECK(absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", iso->time, absl::UTCTimeZone()) ==
        "2022-11-08T13:50:00Z");
  // The autumn fall-back hour is read as summer time.
  auto fall_back = ParsePostnlTime("25-10-2026 02:30:00");
  REQUIRE(fall_back.ok());
  CHECK(fall_back->utc_offset_seconds == 7200);
  for (const char* bad : {"", "{}", "32-13-2022 10:00:00", "08-11-2022", "08/11/2022 10:13:20",
                          "08-11-2022 25:13:20", "yesterday"}) {
    INFO(bad);
    CHECK_FALSE(ParsePostnlTime(bad).ok());
  }
}

TEST_CASE("PostNL request: status by barcode, key in the apikey header only", "[postnl]") {
  const http::HttpRequest request = BuildPostnlTrackRequest("3SDEVC172649258", "secret-key");
  CHECK(request.method == "GET");
  CHECK(request.target == "/shipment/v2/status/barcode/3SDEVC172649258?detail=true&language=EN");
  CHECK(request.Header("apikey") == "secret-key");
  CHECK(request.Header("Accept") == "application/json");
  CHECK(request.target.find("secret") == std::string::npos);
  // Nothing in a number can change the path.
  CHECK(BuildPostnlTrackRequest("3S/../x?y", "k").target ==
        "/shipment/v2/status/barcode/3S%2F..%2Fx%3Fy?detail=true&language=EN");
}

TEST_CASE("PostNL parser: every cut and flipped byte of its payloads parses or is refused",
          "[postnl]") {
  int parsed = 0;
  int refused = 0;
  for (const char* file : {"postnl/docs-complete-status.json", "postnl/docs-multicollo.json",
                           "postnl/delivered-neighbour-summer.json"}) {
    const std::string body = testing::ReadFile(testing::TestData(file));
    std::vector<std::string> variants;
    for (size_t cut = 0; cut < body.size(); cut += 3) variants.push_back(body.substr(0, cut));
    // A letter or digit swapped (codes, times, barcodes change; the JSON
    // stays well formed), or any byte made 0xFF (never UTF-8).
    for (size_t at = 0; at < body.size(); at += 5) {
      std::string swapped = body;
      const unsigned char c = static_cast<unsigned char>(body[at]);
      if (absl::ascii_isalnum(c)) swapped[at] = absl::ascii_isdigit(c) ? 'X' : '9';
      variants.push_back(std::move(swapped));
      std::string flipped = body;
      flipped[at] = static_cast<char>(0xFF);
      variants.push_back(std::move(flipped));
    }
    for (const std::string& variant : variants) {
      auto shipment = ParsePostnlTrackResponse(Response(200, variant), kNumber);
      if (!shipment.ok()) {
        ++refused;
        continue;
      }
      ++parsed;
      // What parses can be sent: strict UTF-8 in every string.
      v1::Shipment received;
      CHECK(received.ParseFromString(shipment->SerializeAsString()));
    }
  }
  CHECK(parsed > 0);
  CHECK(refused > 0);
}

}  // namespace
}  // namespace trackenrich::adapters::postnl
