#include "adapters/detection/tracking_number_formats.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>

namespace trackenrich::detection {
namespace {

TEST_CASE("MatchesShape classes, sets, counts and alternatives", "[detection][formats]") {
  CHECK(MatchesShape("#@*", "1A2"));
  CHECK(MatchesShape("#@*", "1AB"));
  CHECK_FALSE(MatchesShape("#@*", "A12"));
  CHECK(MatchesShape("TB[ACM]#{12}", "TBM502887274000"));
  CHECK_FALSE(MatchesShape("TB[ACM]#{12}", "TBB502887274000"));
  CHECK_FALSE(MatchesShape("TB[ACM]#{12}", "TBA50288727400"));    // one digit short
  CHECK_FALSE(MatchesShape("TB[ACM]#{12}", "TBA5028872740001"));  // one digit over
  CHECK(MatchesShape("L[AEHINX][1-3]#{7}", "LH13830790"));
  CHECK_FALSE(MatchesShape("L[AEHINX][1-3]#{7}", "LA97635036"));  // 9 is outside 1-3
  CHECK(MatchesShape("#{10}|#{11}", "73891051146"));
  CHECK(MatchesShape("#{10}|#{11}", "3318810025"));
  CHECK_FALSE(MatchesShape("#{10}|#{11}", "331881002"));
  CHECK_FALSE(MatchesShape("#{3}", ""));
}

TEST_CASE("SpanOf clips to the number", "[detection][formats]") {
  CHECK(SpanOf("1Z999AA10123456784", 2, 16) == "999AA10123456784");
  CHECK(SpanOf("1Z999AA10123456784", 2, 0) == "999AA10123456784");
  CHECK(SpanOf("12345", 3, 10) == "45");
  CHECK(SpanOf("12345", 5, 1).empty());
}

TEST_CASE("S10Carrier maps country suffixes to postal operators", "[detection][formats]") {
  CHECK(S10Carrier("US") == v1::CARRIER_USPS);
  CHECK(S10Carrier("GB") == v1::CARRIER_ROYAL_MAIL);
  CHECK(S10Carrier("DE") == v1::CARRIER_DEUTSCHE_POST);
  CHECK(S10Carrier("IT") == v1::CARRIER_POSTE_ITALIANE);
  CHECK(S10Carrier("FR") == v1::CARRIER_LA_POSTE);
  CHECK(S10Carrier("CA") == v1::CARRIER_CANADA_POST);
  CHECK(S10Carrier("AU") == v1::CARRIER_AUSTRALIA_POST);
  CHECK(S10Carrier("ES") == v1::CARRIER_CORREOS);
  CHECK(S10Carrier("NL") == v1::CARRIER_POSTNL);
  CHECK(S10Carrier("CN") == v1::CARRIER_OTHER);
  CHECK(S10Carrier("TW") == v1::CARRIER_OTHER);
  CHECK(S10Carrier("XX") == v1::CARRIER_UNSPECIFIED);
  CHECK(S10Carrier("UK") == v1::CARRIER_UNSPECIFIED);  // Royal Mail prints GB
  CHECK(S10Carrier("G") == v1::CARRIER_UNSPECIFIED);
  CHECK(S10Carrier("G1") == v1::CARRIER_UNSPECIFIED);
}

TEST_CASE("Every format in the table is well formed", "[detection][formats]") {
  const auto formats = TrackingNumberFormats();
  REQUIRE(formats.size() >= 30);
  std::set<v1::Carrier> carriers;
  for (const TrackingNumberFormat& format : formats) {
    INFO(std::string(format.name));
    CHECK_FALSE(format.name.empty());
    CHECK((format.shape != nullptr) != (format.matches != nullptr));
    CHECK(format.confidence > 0.0);
    CHECK(format.confidence <= 1.0);
    CHECK((format.carrier == v1::CARRIER_UNSPECIFIED) == (format.carrier_for != nullptr));
    if (format.check == nullptr) {
      CHECK(format.check_offset == 0);
      CHECK(format.check_length == 0);
    }
    carriers.insert(format.carrier);
  }
  // Every carrier but those known only through S10 has a format of its own.
  for (v1::Carrier carrier :
       {v1::CARRIER_UPS, v1::CARRIER_FEDEX, v1::CARRIER_USPS, v1::CARRIER_DHL, v1::CARRIER_DPD,
        v1::CARRIER_AMAZON, v1::CARRIER_GLS, v1::CARRIER_POSTE_ITALIANE, v1::CARRIER_BRT,
        v1::CARRIER_LA_POSTE, v1::CARRIER_CANADA_POST, v1::CARRIER_ONTRAC, v1::CARRIER_LASERSHIP,
        v1::CARRIER_CORREOS, v1::CARRIER_POSTNL, v1::CARRIER_EVRI}) {
    INFO(v1::Carrier_Name(carrier));
    CHECK(carriers.count(carrier) == 1);
  }
}

}  // namespace
}  // namespace trackenrich::detection
