// DHL's statusCode crosswalk against DHL's own list: the Unified API's
// statusCode enumeration (developer.dhl.com shipment-tracking reference:
// pre-transit, transit, delivered, failure, unknown).
#include <catch2/catch.hpp>

#include "adapters/dhl/dhl_status_map.h"
#include "tests/support/crosswalk_expectations.h"

namespace trackenrich::adapters::dhl {
namespace {

using testing::CheckCrosswalkIs;
using testing::CrosswalkProblems;
using testing::ExpectedCode;

constexpr ExpectedCode kPublished[] = {
    {"pre-transit", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"transit", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"delivered", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"failure", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},
    // Not classified by DHL (a label's announcement): never a carrier scan.
    {"unknown", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
};

TEST_CASE("DHL crosswalk: every published statusCode, and only those", "[dhl][crosswalk]") {
  CheckCrosswalkIs(DhlStatusCodeCrosswalk(), kPublished,
                   "developer.dhl.com/api-reference/shipment-tracking");
}

TEST_CASE("DHL crosswalk: MapDhlStatus answers each code's row when the text adds nothing",
          "[dhl][crosswalk]") {
  for (const ExpectedCode& code : kPublished) {
    INFO(code.code);
    const DhlStatus mapped = MapDhlStatus(code.code, "");
    CHECK(mapped.state == code.state);
    CHECK(mapped.reason == code.reason);
  }
}

TEST_CASE("The crosswalk comparison fails on a skipped or an invented code", "[crosswalk]") {
  // DHL's list without "unknown", plus a code DHL never published.
  constexpr CrosswalkRow kRows[] = {
      {"pre-transit", v1::SHIPMENT_STATE_LABEL_CREATED, {}, "a"},
      {"transit", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "b"},
      {"delivered", v1::SHIPMENT_STATE_DELIVERED, {}, "c"},
      {"failure", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER, "d"},
      {"lost", v1::SHIPMENT_STATE_LOST, {}, "e"},
  };
  const Crosswalk skipping{"DHL", "statusCode", "test", kRows};
  const auto problems = CrosswalkProblems(skipping, kPublished);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "missing from the crosswalk: unknown");
  CHECK(problems[1] == "not a published code: lost");

  constexpr CrosswalkRow kWrong[] = {
      {"pre-transit", v1::SHIPMENT_STATE_LABEL_CREATED, {}, "a"},
      {"transit", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "b"},
      {"delivered", v1::SHIPMENT_STATE_DELIVERED, {}, "c"},
      {"failure", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER, "d"},
      {"unknown", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "e"},
  };
  const Crosswalk wrong{"DHL", "statusCode", "test", kWrong};
  const auto wrong_problems = CrosswalkProblems(wrong, kPublished);
  REQUIRE(wrong_problems.size() == 1);
  CHECK_THAT(wrong_problems[0],
             Catch::StartsWith("unknown: crosswalk says SHIPMENT_STATE_IN_TRANSIT"));
}

}  // namespace
}  // namespace trackenrich::adapters::dhl
