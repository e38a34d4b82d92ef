#include "adapters/la_poste/la_poste_parser.h"

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/common/utf8.h"
#include "adapters/la_poste/la_poste_request.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::la_poste {
namespace {

using testing::CheckShipment;
using testing::Response;
using testing::StatusIs;
using testing::UtcString;
using Expectation = testing::ShipmentExpectation;

constexpr absl::string_view kNumber = "6A12345678903";

absl::StatusOr<v1::Shipment> Parse(const std::string& file, int status = 200,
                                   absl::string_view number = kNumber) {
  return ParseLaPosteTrackResponse(
      Response(status, testing::ReadFile(testing::TestData("la_poste/" + file))), number);
}

TEST_CASE("La Poste parser: the project's own Suivi v2 payloads", "[la_poste]") {
  const std::vector<Expectation> table = {
      // deliveryDate is the delivered time; a sorting scan after it changes nothing.
      {"delivered-then-late-scan.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELIVERED,
       v1::STATE_REASON_UNSPECIFIED, "2026-03-30T09:42:00Z", 6},
      // DI2 is final and on timeline step 5, but back with the sender.
      {"returned-to-sender.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNED,
       v1::STATE_REASON_RETURN_TO_SENDER, "", 4},
      {"pickup-after-failed-attempt.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP, "", 4},
      {"undeliverable-address.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_ADDRESS_ISSUE, "", 3},
      {"customs-held.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_EXCEPTION,
       v1::STATE_REASON_CUSTOMS, "", 5},
      {"label-only.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_LABEL_CREATED,
       v1::STATE_REASON_UNSPECIFIED, "", 1},
      // The event dated "not a date" has nothing to place.
      {"dates-without-offset.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
       v1::STATE_REASON_UNSPECIFIED, "", 2},
      {"timeline-only.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
       v1::STATE_REASON_UNSPECIFIED, "", 0},
      {"delayed.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_DELAYED,
       v1::STATE_REASON_CARRIER_DELAY, "", 3},
      // A code La Poste never published does not deliver, whatever its label.
      {"unpublished-code.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
       v1::STATE_REASON_UNSPECIFIED, "", 2},
      {"two-answers.json", 207, absl::StatusCode::kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
       v1::STATE_REASON_UNSPECIFIED, "", 1},
      // returnCode 104: no record yet, a shipment and not an error.
      {"not-yet-available.json", 404, absl::StatusCode::kOk, v1::SHIPMENT_STATE_NOT_FOUND,
       v1::STATE_REASON_UNSPECIFIED, "", 0},
      {"unknown-number.json", 404, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {"unauthorized.json", 401, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      {"quota.json", 429, absl::StatusCode::kResourceExhausted, {}, {}, "", 0},
      {"gateway-timeout.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"truncated.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"truncated.json", 503, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"truncated.json", 404, absl::StatusCode::kNotFound, {}, {}, "", 0},
      {"truncated.json", 401, absl::StatusCode::kFailedPrecondition, {}, {}, "", 0},
      // A 400 without La Poste's body is a request we built wrong.
      {"truncated.json", 400, absl::StatusCode::kInternal, {}, {}, "", 0},
      // Not a Suivi answer at all.
      {"quota.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    auto shipment = Parse(expected.file, expected.http_status);
    CheckShipment(expected, shipment);
    if (!shipment.ok()) continue;
    CHECK(shipment->carrier() == v1::CARRIER_LA_POSTE);
    CHECK(shipment->carrier_name() == "La Poste / Colissimo");
    CHECK(shipment->tracking_number() == kNumber);
  }
}

TEST_CASE("La Poste parser: events in UTC with their own offset, raw codes and labels kept",
          "[la_poste]") {
  auto delivered = Parse("delivered-then-late-scan.json");
  REQUIRE(delivered.ok());
  // Oldest first: DR1 at 10:02 +01:00 (winter), DI1 at 11:42 +02:00 (summer).
  const v1::TrackingEvent& first = delivered->events(0);
  CHECK(first.carrier_code() == "DR1");
  CHECK(first.state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(UtcString(first.time()) == "2026-03-27T09:02:00Z");
  CHECK(first.utc_offset_seconds() == 3600);
  CHECK(first.offset_known());
  const v1::TrackingEvent& delivery = delivered->events(4);
  CHECK(delivery.carrier_code() == "DI1");
  CHECK(delivery.description() == "Your parcel has been delivered.");
  CHECK(delivery.utc_offset_seconds() == 7200);
  CHECK(delivered->carrier_status_code() == "DI1");
  CHECK(delivered->service_name() == "Colissimo");
  CHECK(delivered->origin().country_code() == "FR");
  // The first carrier scan is PC1 (the drop-off), not DR1 (the sender's data).
  CHECK(UtcString(delivered->first_scan_at()) == "2026-03-27T16:05:00Z");
  CHECK(UtcString(delivered->last_event_at()) == "2026-03-30T16:10:00Z");
  CHECK_FALSE(delivered->has_estimated_delivery());

  auto bare = Parse("dates-without-offset.json");
  REQUIRE(bare.ok());
  // "2026-07-02T06:30:00" takes the nearest event's +02:00, and says so.
  const v1::TrackingEvent& sorting = bare->events(1);
  CHECK(sorting.carrier_code() == "ET1");
  CHECK(UtcString(sorting.time()) == "2026-07-02T04:30:00Z");
  CHECK(sorting.utc_offset_seconds() == 7200);
  CHECK_FALSE(sorting.offset_known());
  CHECK(bare->events(0).offset_known());

  auto customs = Parse("customs-held.json", 200, "CP123456785FR");
  REQUIRE(customs.ok());
  CHECK(customs->events(0).utc_offset_seconds() == 3600);
  CHECK(customs->events(4).utc_offset_seconds() == 0);
  CHECK(customs->destination().country_code() == "GB");
  CHECK(customs->carrier_status_code() == "DO3");
  CHECK(customs->service_name() == "Colissimo International");
  // estimDate: one day, start and end alike.
  CHECK(UtcString(customs->estimated_delivery().start()) == "2026-01-19T23:00:00Z");
  CHECK(UtcString(customs->estimated_delivery().end()) == "2026-01-19T23:00:00Z");
}

TEST_CASE("La Poste parser: returned, held for pickup and label-only shipments", "[la_poste]") {
  auto returned = Parse("returned-to-sender.json");
  REQUIRE(returned.ok());
  CHECK(returned->carrier_status_code() == "DI2");
  CHECK_FALSE(returned->has_delivered_at());
  CHECK_FALSE(returned->has_estimated_delivery());

  auto pickup = Parse("pickup-after-failed-attempt.json");
  REQUIRE(pickup.ok());
  CHECK(pickup->destination().facility() == "BUREAU DE POSTE LYON TERREAUX");
  // The failed attempt before it keeps its own reason.
  CHECK(pickup->events(2).carrier_code() == "ND1");
  CHECK(pickup->events(2).reason() == v1::STATE_REASON_RECIPIENT_UNAVAILABLE);

  auto label = Parse("label-only.json");
  REQUIRE(label.ok());
  CHECK_FALSE(label->has_first_scan_at());
  CHECK(UtcString(label->estimated_delivery().start()) == "2026-04-15T07:00:00Z");
  CHECK(UtcString(label->estimated_delivery().end()) == "2026-04-15T11:00:00Z");

  auto letter = Parse("timeline-only.json", 200, "1K12345678901");
  REQUIRE(letter.ok());
  CHECK(letter->carrier_status_text() == "Being processed");
  CHECK(letter->service_name() == "Courrier");

  auto not_yet = Parse("not-yet-available.json", 404);
  REQUIRE(not_yet.ok());
  CHECK(not_yet->carrier_status_code() == "104");
  CHECK_THAT(not_yet->carrier_status_text(), Catch::StartsWith("Votre suivi n'est pas encore"));
  CHECK(not_yet->events_size() == 0);
}

TEST_CASE("La Poste parser: errors name the adapter and carry La Poste's message, not the key",
          "[la_poste]") {
  auto unknown = Parse("unknown-number.json", 404);
  CHECK_THAT(unknown.status(), StatusIs(absl::StatusCode::kNotFound));
  CHECK_THAT(std::string(unknown.status().message()), Catch::StartsWith("la_poste: "));
  CHECK_THAT(std::string(unknown.status().message()),
             Catch::Contains("returnCode 105: Your number is unknown."));

  auto unauthorized = Parse("unauthorized.json", 401);
  CHECK_THAT(std::string(unauthorized.status().message()), Catch::Contains("Okapi key"));

  // The published 400: the number is not valid for La Poste → not found.
  const std::string invalid = R"({"returnCode": 400, "returnMessage": "Le numéro que vous avez )"
                              R"(saisi n’est pas valide.", "lang": "fr_FR", "scope": "open"})";
  auto rejected = ParseLaPosteTrackResponse(Response(400, invalid), kNumber);
  CHECK_THAT(rejected.status(), StatusIs(absl::StatusCode::kNotFound));
  CHECK_THAT(std::string(rejected.status().message()), Catch::Contains("n’est pas valide"));

  // A long message is cut on a character boundary.
  const std::string long_message =
      absl::StrCat(R"({"returnCode": 105, "returnMessage": ")", std::string(199, 'x'), "é\"}");
  auto cut = ParseLaPosteTrackResponse(Response(404, long_message), kNumber);
  CHECK_THAT(std::string(cut.status().message()), Catch::EndsWith("x)"));

  // An empty array: no answer for the number.
  CHECK_THAT(ParseLaPosteTrackResponse(Response(200, "[]"), kNumber).status(),
             StatusIs(absl::StatusCode::kNotFound));
  CHECK_THAT(ParseLaPosteTrackResponse(Response(200, "42"), kNumber).status(),
             StatusIs(absl::StatusCode::kUnavailable));
  CHECK_THAT(ParseLaPosteTrackResponse(Response(200, R"([{"returnCode": 200}])"), kNumber).status(),
             StatusIs(absl::StatusCode::kUnavailable));
}

TEST_CASE("La Poste parser: every cut and flipped byte of every payload parses or is refused",
          "[la_poste]") {
  std::mt19937 random(20261204);
  int answers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::TestData("la_poste"))) {
    if (entry.path().extension() != ".json") continue;
    const std::string body = testing::ReadFile(entry.path().string());
    INFO(entry.path().filename().string());
    std::vector<std::string> variants;
    for (size_t cut = 0; cut < body.size(); cut += 5) variants.push_back(body.substr(0, cut));
    for (int i = 0; i < 40; ++i) {
      std::string flipped = body;
      flipped[random() % flipped.size()] = static_cast<char>(random() % 256);
      variants.push_back(std::move(flipped));
    }
    for (const std::string& variant : variants) {
      for (int status : {200, 400, 404}) {
        auto shipment = ParseLaPosteTrackResponse(Response(status, variant), kNumber);
        if (!shipment.ok()) {
          CHECK_THAT(std::string(shipment.status().message()), Catch::StartsWith("la_poste"));
          continue;
        }
        ++answers;
        // What goes to a client is valid UTF-8 as the parser made it.
        v1::Shipment copy = *shipment;
        CHECK(RepairUtf8Strings(&copy) == 0);
        CHECK(shipment->tracking_number() == kNumber);
      }
    }
  }
  CHECK(answers > 0);
}

TEST_CASE("La Poste request: GET idships with the key in a header and the language asked",
          "[la_poste]") {
  const http::HttpRequest request = BuildLaPosteTrackRequest(kNumber, "secret-key", "en_GB");
  CHECK(request.method == "GET");
  CHECK(request.target == "/suivi/v2/idships/6A12345678903?lang=en_GB");
  CHECK(request.Header("X-Okapi-Key") == "secret-key");
  CHECK(request.Header("Accept") == "application/json");
  CHECK_THAT(request.target, !Catch::Contains("secret"));
  // Nothing in a number can change the path or add a parameter.
  CHECK(BuildLaPosteTrackRequest("A/B?x=1", "k", "fr_FR").target ==
        "/suivi/v2/idships/A%2FB%3Fx%3D1?lang=fr_FR");

  for (absl::string_view lang : {"fr_FR", "en_GB", "de_DE", "es_ES", "it_IT", "nl_NL"}) {
    CHECK(IsLaPosteLanguage(lang));
  }
  CHECK_FALSE(IsLaPosteLanguage("en_US"));
  CHECK_FALSE(IsLaPosteLanguage(""));
}

}  // namespace
}  // namespace trackenrich::adapters::la_poste
