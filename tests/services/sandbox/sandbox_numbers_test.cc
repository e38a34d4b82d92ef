// Every sandbox tracking number is one carrier detection routes to its carrier
// without help: a valid check digit and that carrier as the top candidate.
#include <string>

#include <catch2/catch.hpp>

#include "adapters/carrier.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/ups/sandbox/ups_scenarios.h"
#include "adapters/ups/ups_parser.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/sandbox_carriers.h"

namespace trackenrich::sandbox {
namespace {

v1::Carrier CarrierOf(const std::string& name) {
  const adapters::CarrierDescriptor* carrier = adapters::FindCarrier(name);
  return carrier == nullptr ? v1::CARRIER_UNSPECIFIED : carrier->carrier;
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

using ::trackenrich::testing::SandboxUpsBulkNumber;

TEST_CASE("any valid UPS number of shipper SBX002 is in transit", "[sandbox]") {
  const absl::Time now = absl::Now();
  for (int package_id : {1, 42, 1234567, 9999999}) {
    const std::string number = SandboxUpsBulkNumber(package_id);
    INFO(number);
    CHECK_FALSE(detection::DetectCarrier(number).invalid_checksum());
    const server::HttpServer::Reply reply = UpsTrackReply(number, now);
    REQUIRE(reply.response.status == 200);
    const auto shipment = adapters::ups::ParseUpsTrackResponse(reply.response, number);
    REQUIRE(shipment.ok());
    CHECK(shipment->tracking_number() == number);
    CHECK(v1::ShipmentState_Name(shipment->state()) ==
          v1::ShipmentState_Name(v1::SHIPMENT_STATE_IN_TRANSIT));
  }
  CHECK(SandboxUpstream::ScenarioNumber("ups", "bulk") == SandboxUpsBulkNumber(1));
}

TEST_CASE("a UPS number of shipper SBX002 with a wrong check digit is not found", "[sandbox]") {
  std::string number = SandboxUpsBulkNumber(42);
  number.back() = number.back() == '9' ? '0' : static_cast<char>(number.back() + 1);
  const server::HttpServer::Reply reply = UpsTrackReply(number, absl::Now());
  REQUIRE(reply.response.status == 200);
  const auto shipment = adapters::ups::ParseUpsTrackResponse(reply.response, number);
  CHECK(shipment.status().code() == absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace trackenrich::sandbox
