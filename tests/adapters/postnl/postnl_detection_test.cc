// PostNL numbers in carrier detection: the domestic 3S barcodes PostNL's
// barcode specification describes ("3S", a range of 1-4 letters, a serie of
// digits, 13 or 15 characters in all; no check digit), and S10 numbers ending
// NL, which PostNL's descriptor claims (check digit per UPU S10).
#include <catch2/catch.hpp>

#include "adapters/detection/carrier_detection.h"

namespace trackenrich::detection {
namespace {

struct Case {
  const char* number;
  v1::ChecksumResult checksum;
};

TEST_CASE("PostNL 3S barcodes and NL S10 numbers are detected as PostNL", "[postnl][detection]") {
  // PostNL's own examples (barcode specification, OpenAPI examples) and the sandbox's.
  constexpr Case kPostnl[] = {
      {"3SABCD1234567", v1::CHECKSUM_RESULT_NOT_APPLICABLE},
      {"3SABCD3427702", v1::CHECKSUM_RESULT_NOT_APPLICABLE},
      {"3SAB83691658823", v1::CHECKSUM_RESULT_NOT_APPLICABLE},
      {"3SDEVC172649258", v1::CHECKSUM_RESULT_NOT_APPLICABLE},
      {"3SDEVC6659149", v1::CHECKSUM_RESULT_NOT_APPLICABLE},
      {"3s devc 665 9149", v1::CHECKSUM_RESULT_NOT_APPLICABLE},
      {"3SSAND0000001", v1::CHECKSUM_RESULT_NOT_APPLICABLE},
      {"CX900000019NL", v1::CHECKSUM_RESULT_VALID},
      {"RR123456785NL", v1::CHECKSUM_RESULT_VALID},
      {"LA123456785NL", v1::CHECKSUM_RESULT_VALID},
  };
  for (const Case& entry : kPostnl) {
    INFO(entry.number);
    const v1::DetectCarrierResponse response = DetectCarrier(entry.number);
    REQUIRE(response.candidates_size() >= 1);
    CHECK(v1::Carrier_Name(response.candidates(0).carrier()) == "CARRIER_POSTNL");
    CHECK(v1::ChecksumResult_Name(response.candidates(0).checksum()) ==
          v1::ChecksumResult_Name(entry.checksum));
    CHECK(response.candidates(0).confidence() >= kLikelyTrackingNumberConfidence);
  }
  // An NL S10 number with a wrong check digit is still PostNL's, flagged invalid.
  const v1::DetectCarrierResponse wrong = DetectCarrier("RR123456786NL");
  REQUIRE(wrong.candidates_size() >= 1);
  CHECK(wrong.candidates(0).carrier() == v1::CARRIER_POSTNL);
  CHECK(wrong.candidates(0).checksum() == v1::CHECKSUM_RESULT_INVALID);
}

TEST_CASE("Near-misses of the 3S shape are not PostNL", "[postnl][detection]") {
  for (const char* number : {
           "3SABCD123456",    // 12 characters
           "3SABCD12345678",  // 14
           "3SABCDE123456",   // five letters
           "3S1234567890",    // no range letters (12)
           "4SABCD1234567",   // not 3S
           "3SABCD12345A7",   // a letter in the serie
       }) {
    INFO(number);
    const v1::DetectCarrierResponse response = DetectCarrier(number);
    for (const auto& candidate : response.candidates()) {
      CHECK(candidate.carrier() != v1::CARRIER_POSTNL);
    }
  }
}

}  // namespace
}  // namespace trackenrich::detection
