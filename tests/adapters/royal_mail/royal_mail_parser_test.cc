// The Royal Mail request builder and events parser on payloads shaped like
// Royal Mail's documented ones, and the carrier's plug-in: S10 numbers with
// the GB suffix detected as Royal Mail, its page, names and ticket words.
#include "adapters/royal_mail/royal_mail_parser.h"

#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "adapters/carrier.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_number_formats.h"
#include "adapters/detection/tracking_urls.h"
#include "adapters/royal_mail/royal_mail_request.h"
#include "tests/support/shipment_expectations.h"

namespace trackenrich::adapters::royal_mail {
namespace {

using testing::Response;
using testing::UtcString;

constexpr char kNumber[] = "TT900000019GB";

std::string Piece(const std::string& events, const std::string& extra = "") {
  return R"({"mailPieces": {"mailPieceId": "TT900000019GB", "carrierShortName": "RM",
             "summary": {"productName": "Royal Mail Tracked 24"}, "events": [)" +
         events + "]" + extra + R"(}, "errors": []})";
}

TEST_CASE("Royal Mail request: GET the item's events with the client ID and secret in headers",
          "[royal_mail]") {
  const http::HttpRequest request = BuildRoyalMailEventsRequest(kNumber, "id-1", "secret-1");
  CHECK(request.method == "GET");
  CHECK(request.target == "/mailpieces/v2/TT900000019GB/events");
  CHECK(request.Header("X-IBM-Client-Id") == "id-1");
  CHECK(request.Header("X-IBM-Client-Secret") == "secret-1");
  CHECK(request.Header("X-Accept-RMG-Terms") == "yes");
  CHECK(request.Header("Accept") == "application/json");
  CHECK_FALSE(absl::StrContains(request.target, "secret"));
}

TEST_CASE("Royal Mail parser: events newest first become oldest first, in UTC with the offset",
          "[royal_mail]") {
  const auto shipment = ParseRoyalMailEventsResponse(Response(200, Piece(R"(
        {"eventCode": "EVGPD", "eventName": "Due to be delivered today",
         "eventDateTime": "2026-07-01T07:30:00+01:00", "locationName": "Camden DO"},
        {"eventCode": "EVDAV", "eventName": "Item Received",
         "eventDateTime": "2026-06-30T22:15:00+01:00", "locationName": "Warrington Mail Centre"},
        {"eventCode": "EVPPA", "eventName": "Accepted at Post Office",
         "eventDateTime": "not a time"})")),
                                                     kNumber);
  REQUIRE(shipment.ok());
  CHECK(shipment->carrier() == v1::CARRIER_ROYAL_MAIL);
  CHECK(shipment->carrier_name() == "Royal Mail");
  CHECK(shipment->service_name() == "Royal Mail Tracked 24");
  // No summary code: the newest event decides.
  CHECK(shipment->state() == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(shipment->carrier_status_code() == "EVGPD");
  REQUIRE(shipment->events_size() == 2);  // the undated one is dropped
  const v1::TrackingEvent& first = shipment->events(0);
  CHECK(first.carrier_code() == "EVDAV");
  CHECK(UtcString(first.time()) == "2026-06-30T21:15:00Z");
  CHECK(first.utc_offset_seconds() == 3600);
  CHECK(first.offset_known());
  CHECK(first.location().facility() == "Warrington Mail Centre");
  CHECK(first.state() == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(shipment->events(1).description() == "Due to be delivered today");
  CHECK(UtcString(shipment->first_scan_at()) == "2026-06-30T21:15:00Z");
  CHECK_FALSE(shipment->has_delivered_at());
}

TEST_CASE("Royal Mail parser: a delivered item carries who signed, when and the image's ID",
          "[royal_mail]") {
  const auto shipment = ParseRoyalMailEventsResponse(
      Response(200, Piece(R"({"eventCode": "EVKSP", "eventName": "Delivered and Signed",
                              "eventDateTime": "2026-01-12T11:02:00Z"})",
                          R"(, "signature": {"recipientName": "A. SMITH",
                               "signatureDateTime": "2026-01-12T11:02:00Z",
                               "imageId": "001234"})")),
      kNumber);
  REQUIRE(shipment.ok());
  CHECK(shipment->state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(UtcString(shipment->delivered_at()) == "2026-01-12T11:02:00Z");
  CHECK(shipment->proof_of_delivery().signed_by() == "A. SMITH");
  CHECK(shipment->proof_of_delivery().signature_captured());
  REQUIRE(shipment->proof_of_delivery().document_refs_size() == 1);
  CHECK(shipment->proof_of_delivery().document_refs(0) == "royal_mail:signature:001234");
  CHECK(shipment->events(0).offset_known());
  CHECK(shipment->events(0).utc_offset_seconds() == 0);
}

TEST_CASE("Royal Mail parser: the summary's last event outranks the event list", "[royal_mail]") {
  const auto shipment = ParseRoyalMailEventsResponse(
      Response(200,
               Piece(R"({"eventCode": "EVDAV", "eventDateTime": "2026-01-12T01:00:00Z"})", "")),
      kNumber);
  REQUIRE(shipment.ok());
  CHECK(shipment->state() == v1::SHIPMENT_STATE_IN_TRANSIT);

  const std::string refused = R"({"mailPieces": {"summary": {"lastEventCode": "EVKRF",
      "lastEventName": "Refused"}, "events": [{"eventCode": "EVGPD",
      "eventDateTime": "2026-01-12T08:00:00Z"}]}})";
  const auto returning = ParseRoyalMailEventsResponse(Response(200, refused), kNumber);
  REQUIRE(returning.ok());
  CHECK(returning->state() == v1::SHIPMENT_STATE_RETURNING);
  CHECK(returning->reason() == v1::STATE_REASON_REFUSED);
  CHECK(returning->carrier_status_text() == "Refused");
}

TEST_CASE("Royal Mail parser: errors map to the documented codes, never echoing secrets",
          "[royal_mail]") {
  struct Row {
    int http_status;
    const char* body;
    absl::StatusCode code;
  };
  const Row rows[] = {
      {404, R"({"errors": [{"errorCode": "E1142", "errorDescription": "not recognised"}]})",
       absl::StatusCode::kNotFound},
      {400, R"({"errors": [{"errorCode": "E1283"}]})", absl::StatusCode::kNotFound},
      {404, R"({"errors": [{"errorCode": "E1284"}]})", absl::StatusCode::kNotFound},
      {404, R"({"errors": [{"errorCode": "E1308"}]})", absl::StatusCode::kNotFound},
      {429, R"({"errors": [{"errorCode": "E0010"}]})", absl::StatusCode::kResourceExhausted},
      {429, "", absl::StatusCode::kResourceExhausted},
      {503, R"({"errors": [{"errorCode": "E1307"}]})", absl::StatusCode::kUnavailable},
      {500, R"({"errors": [{"errorCode": "E0009"}]})", absl::StatusCode::kUnavailable},
      {503, R"({"errors": [{"errorCode": "E0001"}]})", absl::StatusCode::kUnavailable},
      {502, "<html>bad gateway</html>", absl::StatusCode::kUnavailable},
      {401, R"({"httpCode": "401", "moreInformation": "Client id not registered."})",
       absl::StatusCode::kFailedPrecondition},
      {400, R"({"errors": [{"errorCode": "E0004"}]})", absl::StatusCode::kInternal},
      {400, R"({"errors": [{"errorCode": "E0013"}]})", absl::StatusCode::kInternal},
      {200, R"({"errors": [{"errorCode": "E1142"}]})", absl::StatusCode::kNotFound},
      {200, R"({"mailPieces": {"events": []}})", absl::StatusCode::kUnavailable},
      {200, R"({"something": "else"})", absl::StatusCode::kUnavailable},
      {200, R"({"mailPieces": )", absl::StatusCode::kUnavailable},
  };
  for (const Row& row : rows) {
    INFO(row.http_status << " " << row.body);
    const auto shipment =
        ParseRoyalMailEventsResponse(Response(row.http_status, row.body), kNumber);
    REQUIRE_FALSE(shipment.ok());
    CHECK(shipment.status().code() == row.code);
    CHECK(absl::StartsWith(shipment.status().message(), "royal_mail"));
  }
}

TEST_CASE("Royal Mail plug-in: GB S10 numbers are Royal Mail's, with its page and names",
          "[royal_mail]") {
  const CarrierDescriptor* carrier = FindCarrier("royal_mail");
  REQUIRE(carrier != nullptr);
  CHECK(DescriptorOf(v1::CARRIER_ROYAL_MAIL) == carrier);
  CHECK(detection::S10Carrier("GB") == v1::CARRIER_ROYAL_MAIL);
  for (const char* number : {"RR123456785GB", "TT900000019GB", "tt 9000 0001 9 gb"}) {
    INFO(number);
    const v1::DetectCarrierResponse detected = detection::DetectCarrier(number);
    REQUIRE(detected.candidates_size() >= 1);
    CHECK(detected.candidates(0).carrier() == v1::CARRIER_ROYAL_MAIL);
    CHECK(detected.candidates(0).checksum() == v1::CHECKSUM_RESULT_VALID);
  }
  // One digit off fails the S10 check digit.
  CHECK(detection::DetectCarrier("RR123456786GB").candidates(0).checksum() ==
        v1::CHECKSUM_RESULT_INVALID);
  CHECK(detection::TrackingUrl(v1::CARRIER_ROYAL_MAIL, "TT900000019GB") ==
        "https://www.royalmail.com/track-your-item#/tracking-results/TT900000019GB");
  for (const char* language : {"en", "it", "de", "fr", "es"}) {
    CHECK(detection::CarrierDisplayName(v1::CARRIER_ROYAL_MAIL, language) == "Royal Mail");
  }
}

}  // namespace
}  // namespace trackenrich::adapters::royal_mail
