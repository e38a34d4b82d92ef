#include "adapters/detection/carrier_detection.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"

#include "tests/adapters/detection/detection_test_util.h"

namespace trackenrich::detection {
namespace {

using v1::ChecksumResult;

// The carriers of the response's candidates, in order.
std::vector<v1::Carrier> CarriersOf(const v1::DetectCarrierResponse& response) {
  std::vector<v1::Carrier> carriers;
  for (const v1::CarrierCandidate& candidate : response.candidates()) {
    carriers.push_back(candidate.carrier());
  }
  return carriers;
}

double BestConfidence(const v1::DetectCarrierResponse& response) {
  return response.candidates().empty() ? 0.0 : response.candidates(0).confidence();
}

struct KnownNumber {
  const char* number;
  v1::Carrier carrier;
  // VALID or NOT_APPLICABLE: `carrier` is the first candidate, with this
  // result. INVALID: `carrier` is a candidate with a failed check, below
  // kLikelyTrackingNumberConfidence. UNSPECIFIED: `carrier` is no candidate.
  ChecksumResult checksum;
};

// Numbers the project checks on its own, whether or not ../shared is there.
// Most come from tracking_number_data's test numbers; the rest were made for
// these tests (check digits computed by hand) or are carriers' published
// examples (UPS 1Z999AA10123456784).
constexpr KnownNumber kKnownNumbers[] = {
    {"1Z999AA10123456784", v1::CARRIER_UPS, v1::CHECKSUM_RESULT_VALID},
    {"1Z5R89390357567127", v1::CARRIER_UPS, v1::CHECKSUM_RESULT_VALID},
    {"1Z 879E 930 3468 3444 0", v1::CARRIER_UPS, v1::CHECKSUM_RESULT_VALID},
    {"1Z999AA10123456785", v1::CARRIER_UPS, v1::CHECKSUM_RESULT_INVALID},
    {"K1506235620", v1::CARRIER_UPS, v1::CHECKSUM_RESULT_VALID},
    {"J4603636538", v1::CARRIER_UPS, v1::CHECKSUM_RESULT_INVALID},

    {"986578788855", v1::CARRIER_FEDEX, v1::CHECKSUM_RESULT_VALID},
    {"996578788855", v1::CARRIER_FEDEX, v1::CHECKSUM_RESULT_INVALID},
    {"0414 4176 0228 964", v1::CARRIER_FEDEX, v1::CHECKSUM_RESULT_VALID},
    {"9611020987654312345672", v1::CARRIER_FEDEX, v1::CHECKSUM_RESULT_VALID},
    {"1001921334250001000300779017972697", v1::CARRIER_FEDEX, v1::CHECKSUM_RESULT_VALID},
    {"1001901781990001000300617767839438", v1::CARRIER_FEDEX, v1::CHECKSUM_RESULT_INVALID},

    {"9400 1112 0620 6406 2607 87", v1::CARRIER_USPS, v1::CHECKSUM_RESULT_VALID},
    {"9261292700768711948021", v1::CARRIER_USPS, v1::CHECKSUM_RESULT_VALID},
    {"9361 2898 7870 0317 6337 95", v1::CARRIER_USPS, v1::CHECKSUM_RESULT_VALID},
    {"9400111206206406260788", v1::CARRIER_USPS, v1::CHECKSUM_RESULT_INVALID},
    {"420 22153 9101026837331000039521", v1::CARRIER_USPS, v1::CHECKSUM_RESULT_VALID},
    {"0307 1790 0005 2348 3741", v1::CARRIER_USPS, v1::CHECKSUM_RESULT_VALID},
    {"RB123456785US", v1::CARRIER_USPS, v1::CHECKSUM_RESULT_VALID},

    {"3318810025", v1::CARRIER_DHL, v1::CHECKSUM_RESULT_VALID},
    {"3318810010", v1::CARRIER_DHL, v1::CHECKSUM_RESULT_INVALID},
    {"73891051146", v1::CARRIER_DHL, v1::CHECKSUM_RESULT_VALID},
    {"JJD0099999999", v1::CARRIER_DHL, v1::CHECKSUM_RESULT_NOT_APPLICABLE},
    {"5108 7693037816", v1::CARRIER_DHL, v1::CHECKSUM_RESULT_NOT_APPLICABLE},
    {"GM2951173225174494", v1::CARRIER_DHL, v1::CHECKSUM_RESULT_NOT_APPLICABLE},
    {"00340434161094015902", v1::CARRIER_DHL, v1::CHECKSUM_RESULT_VALID},

    {"0081 827 0998 0000 0200 33 350 276 C", v1::CARRIER_DPD, v1::CHECKSUM_RESULT_VALID},
    {"0998 0000 0200 34D", v1::CARRIER_DPD, v1::CHECKSUM_RESULT_VALID},
    {"09980000020033D", v1::CARRIER_DPD, v1::CHECKSUM_RESULT_INVALID},

    {"TBA502887274000", v1::CARRIER_AMAZON, v1::CHECKSUM_RESULT_NOT_APPLICABLE},
    {"tbc 0000 1234 5678", v1::CARRIER_AMAZON, v1::CHECKSUM_RESULT_NOT_APPLICABLE},
    {"TBB502887274000", v1::CARRIER_AMAZON, v1::CHECKSUM_RESULT_UNSPECIFIED},

    {"RB123456785GB", v1::CARRIER_ROYAL_MAIL, v1::CHECKSUM_RESULT_VALID},
    {"rb 123 456 786 gb", v1::CARRIER_ROYAL_MAIL, v1::CHECKSUM_RESULT_INVALID},
    {"RB123456785UK", v1::CARRIER_ROYAL_MAIL, v1::CHECKSUM_RESULT_UNSPECIFIED},
    {"RR123456785DE", v1::CARRIER_DEUTSCHE_POST, v1::CHECKSUM_RESULT_VALID},
    {"CP123456785IT", v1::CARRIER_POSTE_ITALIANE, v1::CHECKSUM_RESULT_VALID},
    {"EE123456785CA", v1::CARRIER_CANADA_POST, v1::CHECKSUM_RESULT_VALID},

    {"C11031500001879", v1::CARRIER_ONTRAC, v1::CHECKSUM_RESULT_VALID},
    {"LX17635036", v1::CARRIER_LASERSHIP, v1::CHECKSUM_RESULT_NOT_APPLICABLE},
    {"1LS7119013618127-1", v1::CARRIER_LASERSHIP, v1::CHECKSUM_RESULT_NOT_APPLICABLE},
    {"3SABCD1234567", v1::CARRIER_POSTNL, v1::CHECKSUM_RESULT_NOT_APPLICABLE},
    {"8D00432154798", v1::CARRIER_LA_POSTE, v1::CHECKSUM_RESULT_NOT_APPLICABLE},
    {"0073938000549297", v1::CARRIER_CANADA_POST, v1::CHECKSUM_RESULT_VALID},
};

TEST_CASE("The project's own numbers are detected as their carriers", "[detection]") {
  for (const KnownNumber& known : kKnownNumbers) {
    INFO(known.number << " as " << v1::Carrier_Name(known.carrier));
    const v1::DetectCarrierResponse response = DetectCarrier(known.number);
    const v1::CarrierCandidate* candidate = FindCandidate(response, known.carrier);
    switch (known.checksum) {
      case v1::CHECKSUM_RESULT_VALID:
      case v1::CHECKSUM_RESULT_NOT_APPLICABLE:
        REQUIRE_FALSE(response.candidates().empty());
        CHECK(response.candidates(0).carrier() == known.carrier);
        CHECK(response.candidates(0).checksum() == known.checksum);
        CHECK_FALSE(response.invalid_checksum());
        break;
      case v1::CHECKSUM_RESULT_INVALID:
        REQUIRE(candidate != nullptr);
        CHECK(candidate->checksum() == v1::CHECKSUM_RESULT_INVALID);
        CHECK(candidate->confidence() < kLikelyTrackingNumberConfidence);
        CHECK(response.invalid_checksum());
        break;
      default:
        CHECK(candidate == nullptr);
        break;
    }
  }
}

TEST_CASE("Candidates are sorted and name each carrier once", "[detection]") {
  for (const KnownNumber& known : kKnownNumbers) {
    INFO(known.number);
    const v1::DetectCarrierResponse response = DetectCarrier(known.number);
    std::vector<v1::Carrier> seen;
    double previous = 1.0;
    for (const v1::CarrierCandidate& candidate : response.candidates()) {
      CHECK(candidate.confidence() <= previous);
      CHECK(candidate.confidence() > 0.0);
      CHECK_FALSE(candidate.format().empty());
      CHECK(std::find(seen.begin(), seen.end(), candidate.carrier()) == seen.end());
      seen.push_back(candidate.carrier());
      previous = candidate.confidence();
    }
  }
}

TEST_CASE("NormalizeTrackingNumber keeps letters and digits, upper-cased", "[detection]") {
  CHECK(NormalizeTrackingNumber(" 1z 999-aa1 0123 456 784 ") == "1Z999AA10123456784");
  CHECK(NormalizeTrackingNumber("+1 (555) 123-4567") == "15551234567");
  CHECK(NormalizeTrackingNumber("rb.123.456.785/gb") == "RB123456785GB");
  CHECK(NormalizeTrackingNumber("\xe2\x82\xac 49,90") == "4990");  // "€ 49,90"
  CHECK(NormalizeTrackingNumber("\t9400\n1112 ") == "94001112");
  CHECK(NormalizeTrackingNumber("").empty());
  CHECK(NormalizeTrackingNumber(" - ").empty());
}

TEST_CASE("DetectCarrier answers for the normalized number", "[detection]") {
  const v1::DetectCarrierResponse response = DetectCarrier("1z999aa1-0123-456-784");
  CHECK(response.normalized_tracking_number() == "1Z999AA10123456784");
  REQUIRE(response.candidates_size() == 1);
  const v1::CarrierCandidate& ups = response.candidates(0);
  CHECK(ups.carrier() == v1::CARRIER_UPS);
  CHECK(ups.format() == "UPS 1Z");
  CHECK(ups.checksum() == v1::CHECKSUM_RESULT_VALID);
  CHECK(ups.confidence() >= 0.9);
  CHECK(ups.tracking_url() == "https://www.ups.com/track?tracknum=1Z999AA10123456784");
}

TEST_CASE("Numbers matching no format get no candidates", "[detection]") {
  for (const char* text : {"", "HELLO WORLD", "ABC", "1Z", "RB123456785XX", "TBA12345"}) {
    INFO(text);
    const v1::DetectCarrierResponse response = DetectCarrier(text);
    CHECK(response.candidates().empty());
    CHECK_FALSE(response.invalid_checksum());
  }
}

TEST_CASE("Placeholders of one repeated character are no tracking numbers", "[detection]") {
  // All zeros passes most check digits; sellers type it when they have no number.
  for (const char* text : {"000000000000", "000000000000000", "0000000000000000000000",
                           "1111111111", "ZZZZZZZZZZZZZ"}) {
    INFO(text);
    CHECK(DetectCarrier(text).candidates().empty());
  }
}

// 12-digit international numbers are left out: one in ten passes FedEx
// Express's check, which is worth 0.6 (see tracking_number_formats.cc).
TEST_CASE("Phone numbers of 10 and 11 digits are never likely tracking numbers",
          "[detection][ticket_text]") {
  for (const char* phone : {"+1 (555) 123-4567", "(212) 555-0199", "1-800-275-8777",
                            "06 12 34 56 78", "+49 30 1234567"}) {
    INFO(phone);
    CHECK(BestConfidence(DetectCarrier(phone)) < kLikelyTrackingNumberConfidence);
  }
  // Every 10- and 11-digit number, check digit or not (a sample of them).
  uint64_t state = 0x9E3779B97F4A7C15u;
  for (int i = 0; i < 20000; ++i) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    const int digits = 10 + i % 2;
    const uint64_t modulus = digits == 10 ? 10'000'000'000u : 100'000'000'000u;
    const std::string number = absl::StrFormat("%0*d", digits, (state >> 11) % modulus);
    INFO(number);
    REQUIRE(number.size() == static_cast<size_t>(digits));
    REQUIRE(BestConfidence(DetectCarrier(number)) < kLikelyTrackingNumberConfidence);
  }
}

TEST_CASE("Dates are no tracking numbers", "[detection][ticket_text]") {
  for (int year = 1990; year <= 2040; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 31; ++day) {
        for (const std::string& date : {absl::StrFormat("%04d%02d%02d", year, month, day),
                                        absl::StrFormat("%02d.%02d.%04d", day, month, year),
                                        absl::StrFormat("%04d-%02d-%02d", year, month, day)}) {
          INFO(date);
          REQUIRE(DetectCarrier(date).candidates().empty());
        }
      }
    }
  }
  CHECK(DetectCarrier("20260126").candidates().empty());
}

TEST_CASE("Postcodes, prices and Amazon order IDs are no tracking numbers",
          "[detection][ticket_text]") {
  for (const char* text : {"07652", "90210-1234", "SW1A 1AA", "EC1A 1BB", "10115", "00184", "75008",
                           "M5V 3L9", "$1,299.99", "\xe2\x82\xac 49,90", "EUR 1.234,56", "19.99",
                           "USD 12,345.00", "114-3941689-8772232", "026-1234567-1234567"}) {
    INFO(text);
    CHECK(DetectCarrier(text).candidates().empty());
  }
}

TEST_CASE("Overlapping formats are ranked by specificity and check digit", "[detection]") {
  SECTION("an S10 number beats the DHL eCommerce prefix it shares") {
    const v1::DetectCarrierResponse response = DetectCarrier("LX123456785DE");
    CHECK(CarriersOf(response) == std::vector{v1::CARRIER_DEUTSCHE_POST, v1::CARRIER_DHL});
    CHECK(response.candidates(0).format() == "S10");
    CHECK(response.candidates(0).checksum() == v1::CHECKSUM_RESULT_VALID);
  }
  SECTION("a 12-digit number that passes FedEx's check is FedEx first") {
    const v1::DetectCarrierResponse response = DetectCarrier("986578788855");
    CHECK(CarriersOf(response) == std::vector{v1::CARRIER_FEDEX, v1::CARRIER_GLS, v1::CARRIER_BRT,
                                              v1::CARRIER_POSTE_ITALIANE});
    CHECK(response.candidates(0).confidence() >= kLikelyTrackingNumberConfidence);
    CHECK(response.candidates(1).confidence() < kLikelyTrackingNumberConfidence);
  }
  SECTION("a 12-digit number that fails FedEx's check puts FedEx last") {
    const v1::DetectCarrierResponse response = DetectCarrier("996578788855");
    CHECK(CarriersOf(response) == std::vector{v1::CARRIER_GLS, v1::CARRIER_BRT,
                                              v1::CARRIER_POSTE_ITALIANE, v1::CARRIER_FEDEX});
    CHECK(response.candidates(3).checksum() == v1::CHECKSUM_RESULT_INVALID);
    CHECK(response.invalid_checksum());
  }
  SECTION("a DHL Paket SSCC is DHL before USPS's 20-digit form") {
    CHECK(CarriersOf(DetectCarrier("00340434161094015902")) ==
          std::vector{v1::CARRIER_DHL, v1::CARRIER_USPS});
  }
  SECTION("an IMpb Parcel Select number (92 612 9...) is USPS first, FedEx SmartPost second") {
    const v1::DetectCarrierResponse response = DetectCarrier("420902459261290336128704042634");
    REQUIRE(CarriersOf(response) == std::vector{v1::CARRIER_USPS, v1::CARRIER_FEDEX});
    CHECK(response.candidates(0).format() == "USPS IMpb");
    CHECK(response.candidates(1).format() == "FedEx SmartPost (22)");
    for (const v1::CarrierCandidate& candidate : response.candidates()) {
      CHECK(candidate.checksum() == v1::CHECKSUM_RESULT_VALID);
      // The routing prefix is no part of the tracking number.
      CHECK(absl::EndsWith(candidate.tracking_url(), "=9261290336128704042634"));
    }
  }
  SECTION("a SmartPost number printed without its 92 fails USPS's own 20-digit checks") {
    const v1::DetectCarrierResponse response = DetectCarrier("61299998820821171811");
    REQUIRE(CarriersOf(response) == std::vector{v1::CARRIER_FEDEX, v1::CARRIER_USPS});
    CHECK(response.candidates(0).checksum() == v1::CHECKSUM_RESULT_VALID);
    CHECK(response.candidates(1).checksum() == v1::CHECKSUM_RESULT_INVALID);
    CHECK_FALSE(response.invalid_checksum());
  }
  SECTION("IMpb identifiers 92 and 93 fix the mailer ID's length") {
    // 93 with a mailer ID starting 9 (nine digits, which 93 does not take),
    // and 92 with one starting 1 (six digits, which 92 does not take); both
    // pass the GS1 check. The same digits under 94 are USPS.
    for (const char* number : {"9361299999999999999997", "9200111899223790000016"}) {
      INFO(number);
      const v1::DetectCarrierResponse response = DetectCarrier(number);
      CHECK(FindCandidate(response, v1::CARRIER_USPS) == nullptr);
    }
    for (const char* number : {"9461299999999999999996", "9400111899223790000014"}) {
      INFO(number);
      const v1::DetectCarrierResponse response = DetectCarrier(number);
      REQUIRE_FALSE(response.candidates().empty());
      CHECK(response.candidates(0).carrier() == v1::CARRIER_USPS);
      CHECK(response.candidates(0).checksum() == v1::CHECKSUM_RESULT_VALID);
    }
  }
  SECTION("14 bare digits are DHL eCommerce first; DPD needs its check character") {
    const v1::DetectCarrierResponse bare = DetectCarrier("0998 0000 0200 34");
    CHECK(CarriersOf(bare) == std::vector{v1::CARRIER_DHL, v1::CARRIER_DPD});
    CHECK(bare.candidates(0).format() == "DHL eCommerce (14)");
    const v1::DetectCarrierResponse checked = DetectCarrier("0998 0000 0200 34D");
    REQUIRE_FALSE(checked.candidates().empty());
    CHECK(checked.candidates(0).carrier() == v1::CARRIER_DPD);
    CHECK(checked.candidates(0).checksum() == v1::CHECKSUM_RESULT_VALID);
  }
  SECTION("an S10 number of another postal operator") {
    const v1::DetectCarrierResponse response = DetectCarrier("RB123456785CN");
    REQUIRE(response.candidates_size() == 1);
    CHECK(response.candidates(0).carrier() == v1::CARRIER_OTHER);
    CHECK(response.candidates(0).checksum() == v1::CHECKSUM_RESULT_VALID);
    CHECK(response.candidates(0).tracking_url().empty());
  }
}

TEST_CASE("invalid_checksum needs every check to fail and no plausible unchecked format",
          "[detection]") {
  CHECK(DetectCarrier("1Z999AA10123456785").invalid_checksum());
  CHECK_FALSE(DetectCarrier("1Z999AA10123456784").invalid_checksum());
  // A UPS waybill shape failing its check is still a plausible Amazon
  // International number, which has no check digit.
  const v1::DetectCarrierResponse waybill = DetectCarrier("A1506235622");
  CHECK_FALSE(waybill.invalid_checksum());
  REQUIRE(waybill.candidates_size() == 2);
  CHECK(waybill.candidates(0).carrier() == v1::CARRIER_AMAZON);
  CHECK(waybill.candidates(1).checksum() == v1::CHECKSUM_RESULT_INVALID);
  // Only formats without a check digit: nothing failed.
  CHECK_FALSE(DetectCarrier("60120172242323").invalid_checksum());
}

TEST_CASE("Tracking URLs use the part of the number the carrier takes", "[detection]") {
  const v1::DetectCarrierResponse dpd = DetectCarrier("008182709980000020033350276C");
  REQUIRE_FALSE(dpd.candidates().empty());
  CHECK(absl::EndsWith(dpd.candidates(0).tracking_url(), "parcelNumber=09980000020033"));
  const v1::DetectCarrierResponse fedex = DetectCarrier("1001921334250001000300779017972697");
  REQUIRE_FALSE(fedex.candidates().empty());
  CHECK(fedex.candidates(0).tracking_url() ==
        "https://www.fedex.com/fedextrack/?trknbr=779017972697");
}

}  // namespace
}  // namespace trackenrich::detection
