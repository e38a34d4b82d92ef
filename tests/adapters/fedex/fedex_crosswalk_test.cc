// The FedEx crosswalk against FedEx's published code lists: tracking status
// codes (eventType), delivery exception codes (DE/<exceptionCode> pairs) and
// derived status codes. Each list is written here from FedEx's documentation,
// independently of the tables, so a table that skips or invents a code fails.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/fedex/fedex_status_map.h"
#include "tests/support/crosswalk_check.h"

namespace trackenrich::adapters::fedex {
namespace {

using testing::PublishedCode;

constexpr auto kLabel = v1::SHIPMENT_STATE_LABEL_CREATED;
constexpr auto kPickedUp = v1::SHIPMENT_STATE_PICKED_UP;
constexpr auto kTransit = v1::SHIPMENT_STATE_IN_TRANSIT;
constexpr auto kOut = v1::SHIPMENT_STATE_OUT_FOR_DELIVERY;
constexpr auto kPickup = v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP;
constexpr auto kAttempted = v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED;
constexpr auto kDelayed = v1::SHIPMENT_STATE_DELAYED;
constexpr auto kException = v1::SHIPMENT_STATE_EXCEPTION;
constexpr auto kReturning = v1::SHIPMENT_STATE_RETURNING;
constexpr auto kDelivered = v1::SHIPMENT_STATE_DELIVERED;
constexpr auto kCancelled = v1::SHIPMENT_STATE_CANCELLED;
constexpr auto kNone = v1::STATE_REASON_UNSPECIFIED;
constexpr auto kHeld = v1::STATE_REASON_HELD_FOR_PICKUP;
constexpr auto kLate = v1::STATE_REASON_CARRIER_DELAY;

// FedEx tracking status codes.
const std::vector<PublishedCode>& PublishedEventCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"AA", kTransit, kNone},
      {"AC", kTransit, kNone},
      {"AD", kOut, kNone},
      {"AE", kTransit, kNone},
      {"AF", kTransit, kNone},
      {"AO", kTransit, kNone},
      {"AP", kLabel, kNone},
      {"AR", kTransit, kNone},
      {"AX", kTransit, kNone},
      {"BR", kTransit, kNone},
      {"CA", kCancelled, kNone},
      {"CC", kTransit, kNone},
      {"CD", kDelayed, v1::STATE_REASON_CUSTOMS},
      {"CH", kTransit, kNone},
      {"CP", kTransit, kNone},
      {"CU", kTransit, kNone},
      {"DD", kDelayed, kLate},
      {"DE", kAttempted, v1::STATE_REASON_OTHER},
      {"DL", kDelivered, kNone},
      {"DP", kTransit, kNone},
      {"DR", kLabel, kNone},
      {"DS", kTransit, kNone},
      {"DY", kDelayed, kLate},
      {"EA", kTransit, kNone},
      {"ED", kOut, kNone},
      {"EO", kTransit, kNone},
      {"EP", kLabel, kNone},
      {"FD", kTransit, kNone},
      {"HL", kPickup, kHeld},
      {"HP", kPickup, kHeld},
      {"IT", kTransit, kNone},
      {"IX", kTransit, kNone},
      {"LO", kTransit, kNone},
      {"LP", kCancelled, kNone},
      {"OC", kLabel, kNone},
      {"OD", kOut, kNone},
      {"OF", kTransit, kNone},
      {"OX", kLabel, kNone},
      {"PD", kDelayed, kLate},
      {"PF", kTransit, kNone},
      {"PL", kTransit, kNone},
      {"PM", kTransit, kNone},
      {"PU", kPickedUp, kNone},
      {"PX", kPickedUp, kNone},
      {"RC", kTransit, kNone},
      {"RD", kCancelled, kNone},
      {"RG", kLabel, kNone},
      {"RM", kTransit, kNone},
      {"RP", kLabel, kNone},
      {"RR", kTransit, kNone},
      {"RS", kReturning, v1::STATE_REASON_RETURN_TO_SENDER},
      {"SE", kException, v1::STATE_REASON_OTHER},
      {"SF", kTransit, kNone},
      {"SP", kTransit, kNone},
      {"TR", kTransit, kNone},
  };
  return *codes;
}

// Delivery exceptions, read with their exception code.
const std::vector<PublishedCode>& PublishedDeliveryExceptions() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"DE/007", kAttempted, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
      {"DE/03", kException, v1::STATE_REASON_ADDRESS_ISSUE},
      {"DE/060G", kReturning, v1::STATE_REASON_RETURN_TO_SENDER},
      {"DE/07", kReturning, v1::STATE_REASON_REFUSED},
      {"DE/08", kAttempted, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
      {"DE/17", kTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
      {"DE/A13", kTransit, kNone},  // redirected
      {"DE/A47", kTransit, kHeld},  // redirected to a FedEx location
  };
  return *codes;
}

// Derived status codes.
const std::vector<PublishedCode>& PublishedDerivedCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"CA", kCancelled, kNone},
      {"DE", kAttempted, v1::STATE_REASON_OTHER},
      {"DL", kDelivered, kNone},
      {"DY", kDelayed, kLate},
      {"HL", kPickup, kHeld},
      {"HP", kPickup, kHeld},
      {"IN", kLabel, kNone},
      {"IT", kTransit, kNone},
      {"OD", kOut, kNone},
      {"PU", kPickedUp, kNone},
      {"RL", kDelayed, kLate},
      {"RS", kReturning, v1::STATE_REASON_RETURN_TO_SENDER},
      {"SE", kException, v1::STATE_REASON_OTHER},
  };
  return *codes;
}

void CheckMapped(const FedexStatus& got, const PublishedCode& expected) {
  CHECK(v1::ShipmentState_Name(got.state) == v1::ShipmentState_Name(expected.state));
  CHECK(v1::StateReason_Name(got.reason) == v1::StateReason_Name(expected.reason));
}

TEST_CASE("FedEx crosswalk tables hold exactly FedEx's published codes", "[fedex][crosswalk]") {
  testing::CheckCrosswalk(FedexEventCrosswalk(), PublishedEventCodes());
  testing::CheckCrosswalk(FedexDeliveryExceptionCrosswalk(), PublishedDeliveryExceptions());
  testing::CheckCrosswalk(FedexDerivedCrosswalk(), PublishedDerivedCodes());
}

TEST_CASE("MapFedexStatus answers each published code as listed", "[fedex][crosswalk]") {
  for (const PublishedCode& code : PublishedEventCodes()) {
    INFO("eventType " << code.code);
    CheckMapped(MapFedexStatus(code.code, "", "", ""), code);
  }
  for (const PublishedCode& code : PublishedDerivedCodes()) {
    INFO("derivedCode " << code.code);
    CheckMapped(MapFedexStatus("", code.code, "", ""), code);
  }
  for (const PublishedCode& pair : PublishedDeliveryExceptions()) {
    INFO("pair " << pair.code);
    const std::string exception_code = pair.code.substr(3);
    // The exception code decides, whatever the derived code says.
    for (const char* derived : {"", "DE", "DL", "IT"}) {
      INFO("derived " << derived);
      CheckMapped(MapFedexStatus("DE", derived, exception_code, ""), pair);
    }
  }
}

TEST_CASE("FedEx: no derived DL delivers a package whose event code says otherwise",
          "[fedex][crosswalk]") {
  // A delivery exception with an exception code outside the table.
  CHECK(MapFedexStatus("DE", "DL", "Z99", "").state == kAttempted);
  // An event code outside the table.
  CHECK(MapFedexStatus("ZZ", "DL", "", "").state == kTransit);
  CHECK(MapFedexStatus("IT", "DL", "", "").state == kTransit);
  // Only DL, or a derived DL alone, delivers.
  CHECK(MapFedexStatus("DL", "DL", "", "").state == kDelivered);
  CHECK(MapFedexStatus("", "DL", "", "").state == kDelivered);
}

}  // namespace
}  // namespace trackenrich::adapters::fedex
