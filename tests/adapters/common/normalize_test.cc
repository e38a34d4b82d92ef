// FinalizeShipment's guarantee that a parsed shipment can be sent: strings
// that are not well-formed UTF-8 are repaired, well-formed ones are untouched.
#include "adapters/common/normalize.h"

#include <string>

#include <catch2/catch.hpp>

#include "adapters/dpd/dpd_parser.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters {
namespace {

bool Sendable(const v1::Shipment& shipment) {
  v1::Shipment received;
  return received.ParseFromString(shipment.SerializeAsString());
}

TEST_CASE("FinalizeShipment: bytes that are not UTF-8 become U+FFFD, everywhere", "[normalize]") {
  v1::Shipment shipment;
  shipment.set_carrier_status_text("Zugestellt bei M\xfcller");  // Latin-1 ü
  v1::TrackingEvent* event = shipment.add_events();
  event->set_description("scan \xed\xa0\x80 here");  // a UTF-16 surrogate, UTF-8 encoded
  event->mutable_location()->set_city("K\xc3");      // a sequence cut short
  shipment.add_events()->set_description("overlong \xc0\xaf slash");
  REQUIRE_FALSE(Sendable(shipment));

  FinalizeShipment(&shipment);
  CHECK(Sendable(shipment));
  CHECK(shipment.carrier_status_text() == "Zugestellt bei M\xef\xbf\xbdller");
  CHECK(shipment.events(0).description() == "scan \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd here");
  CHECK(shipment.events(0).location().city() == "K\xef\xbf\xbd");
  CHECK(shipment.events(1).description() == "overlong \xef\xbf\xbd\xef\xbf\xbd slash");
}

TEST_CASE("FinalizeShipment: well-formed UTF-8 is left as it is", "[normalize]") {
  const std::string text = "K\xc3\xb6ln \xe2\x82\xac \xf0\x9f\x93\xa6 \xef\xbf\xbf end";
  v1::Shipment shipment;
  shipment.set_carrier_status_text(text);
  shipment.add_events()->set_description(text);
  FinalizeShipment(&shipment);
  CHECK(shipment.carrier_status_text() == text);
  CHECK(shipment.events(0).description() == text);
}

TEST_CASE("DPD: a Latin-1 description in the SOAP answer still gives a sendable shipment",
          "[normalize]") {
  std::string body = testing::ReadFile(testing::TestData("dpd/delivered-winter.xml"));
  const std::string from = "The parcel has been delivered.";
  const size_t at = body.find(from);
  REQUIRE(at != std::string::npos);
  body.replace(at, from.size(), "Zugestellt an Nachbar M\xfcller &#xD800;");
  const auto shipment = dpd::ParseDpdTrackResponse(testing::Response(200, body), "09981122330000L");
  REQUIRE(shipment.ok());
  CHECK(shipment->state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(Sendable(*shipment));
}

}  // namespace
}  // namespace trackenrich::adapters
