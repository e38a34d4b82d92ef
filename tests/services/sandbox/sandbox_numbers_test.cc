// Every sandbox tracking number is one carrier detection routes to its carrier
// without help: a valid check digit and that carrier as the top candidate.
#include <string>

#include <catch2/catch.hpp>

#include "adapters/detection/carrier_detection.h"
#include "services/sandbox/sandbox_upstream.h"

namespace trackenrich::sandbox {
namespace {

v1::Carrier CarrierOf(const std::string& name) {
  if (name == "ups") return v1::CARRIER_UPS;
  if (name == "fedex") return v1::CARRIER_FEDEX;
  if (name == "usps") return v1::CARRIER_USPS;
  if (name == "dhl") return v1::CARRIER_DHL;
  if (name == "dpd") return v1::CARRIER_DPD;
  if (name == "amazon_shipping") return v1::CARRIER_AMAZON;
  return v1::CARRIER_UNSPECIFIED;
}

TEST_CASE("sandbox numbers are detected as their carrier with a valid check digit", "[sandbox]") {
  int checked = 0;
  for (const Scenario& scenario : SandboxUpstream::Scenarios()) {
    INFO(scenario.carrier << " " << scenario.name << " " << scenario.tracking_number);
    const v1::DetectCarrierResponse detected = detection::DetectCarrier(scenario.tracking_number);
    REQUIRE(detected.candidates_size() >= 1);
    const v1::CarrierCandidate& top = detected.candidates(0);
    CHECK(v1::Carrier_Name(top.carrier()) == v1::Carrier_Name(CarrierOf(scenario.carrier)));
    CHECK(top.confidence() >= 0.5);
    if (scenario.carrier == "amazon_shipping") {
      CHECK(top.checksum() != v1::CHECKSUM_RESULT_INVALID);  // TBA numbers have no check digit
    } else {
      CHECK(v1::ChecksumResult_Name(top.checksum()) ==
            v1::ChecksumResult_Name(v1::CHECKSUM_RESULT_VALID));
    }
    CHECK_FALSE(detected.invalid_checksum());
    ++checked;
  }
  for (const char* carrier : {"fedex", "usps", "dhl", "dpd", "amazon_shipping"}) {
    INFO(carrier);
    for (const char* name : {"delivered", "in_transit", "exception", "not_found"}) {
      CHECK_FALSE(SandboxUpstream::ScenarioNumber(carrier, name).empty());
    }
  }
  CHECK(checked >= 40);
}

}  // namespace
}  // namespace trackenrich::sandbox
