// The FedEx crosswalk against FedEx's published code lists: tracking status
// codes (eventType), delivery exception codes (DE/<exceptionCode> pairs) and
// derived status codes. Each list is written here from FedEx's documentation,
// independently of the tables, so a table that skips or invents a code fails.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/common/crosswalk_names.h"
#include "adapters/fedex/fedex_status_map.h"
#include "tests/support/crosswalk_check.h"

namespace trackenrich::adapters::fedex {
namespace {

using testing::CheckMapped;
using testing::PublishedCode;

// FedEx tracking status codes: the API reference's Tracking Status Codes
// table (Movement, Regulatory, Possession) and AE from its webhook table.
const std::vector<PublishedCode>& PublishedEventCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"AA", kInTransit, kNoReason},      {"AC", kInTransit, kNoReason},
      {"AD", kOutForDelivery, kNoReason}, {"AE", kInTransit, kNoReason},
      {"AF", kInTransit, kNoReason},      {"AO", kInTransit, kNoReason},
      {"AP", kLabelCreated, kNoReason},   {"AR", kInTransit, kNoReason},
      {"AX", kInTransit, kNoReason},      {"BR", kInTransit, kNoReason},
      {"CA", kCancelled, kNoReason},      {"CC", kInTransit, kNoReason},
      {"CD", kDelayed, kCustoms},         {"CH", kInTransit, kNoReason},
      {"CP", kInTransit, kNoReason},      {"CU", kInTransit, kNoReason},
      {"DD", kDelayed, kCarrierDelay},    {"DE", kAttempted, kOtherReason},
      {"DL", kDelivered, kNoReason},      {"DP", kInTransit, kNoReason},
      {"DR", kLabelCreated, kNoReason},   {"DS", kInTransit, kNoReason},
      {"DY", kDelayed, kCarrierDelay},    {"EA", kInTransit, kNoReason},
      {"ED", kOutForDelivery, kNoReason}, {"EO", kInTransit, kNoReason},
      {"EP", kLabelCreated, kNoReason},   {"FD", kInTransit, kNoReason},
      {"HL", kForPickup, kHeldForPickup}, {"HP", kForPickup, kHeldForPickup},
      {"IT", kInTransit, kNoReason},      {"IX", kInTransit, kNoReason},
      {"LO", kInTransit, kNoReason},      {"LP", kCancelled, kNoReason},
      {"OC", kLabelCreated, kNoReason},   {"OD", kOutForDelivery, kNoReason},
      {"OF", kInTransit, kNoReason},      {"OW", kInTransit, kNoReason},
      {"OX", kLabelCreated, kNoReason},   {"PD", kDelayed, kCarrierDelay},
      {"PF", kInTransit, kNoReason},      {"PL", kInTransit, kNoReason},
      {"PM", kInTransit, kNoReason},      {"PU", kPickedUp, kNoReason},
      {"PX", kPickedUp, kNoReason},       {"RC", kInTransit, kNoReason},
      {"RD", kCancelled, kNoReason},      {"RG", kLabelCreated, kNoReason},
      {"RM", kInTransit, kNoReason},      {"RP", kLabelCreated, kNoReason},
      {"RR", kInTransit, kNoReason},      {"RS", kReturning, kReturnToSender},
      {"SE", kException, kOtherReason},   {"SF", kInTransit, kNoReason},
      {"SH", kLabelCreated, kNoReason},                                   // possession: shipper
      {"SP", kInTransit, kNoReason},      {"TP", kInTransit, kNoReason},  // transfer partner
      {"TR", kInTransit, kNoReason},
  };
  return *codes;
}

// Delivery exceptions, read with their exception code.
const std::vector<PublishedCode>& PublishedDeliveryExceptions() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"DE/007", kAttempted, kRecipientUnavailable},
      {"DE/03", kException, kAddressIssue},
      {"DE/060G", kReturning, kReturnToSender},
      {"DE/07", kReturning, v1::STATE_REASON_REFUSED},
      {"DE/083", kDelayed, kAccessRestricted},  // local delivery restriction, not attempted
      {"DE/08", kAttempted, kRecipientUnavailable},
      {"DE/17", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
      {"DE/A13", kInTransit, kNoReason},       // redirected
      {"DE/A47", kInTransit, kHeldForPickup},  // redirected to a FedEx location
  };
  return *codes;
}

// Derived status codes.
const std::vector<PublishedCode>& PublishedDerivedCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"CA", kCancelled, kNoReason},      {"DE", kAttempted, kOtherReason},
      {"DL", kDelivered, kNoReason},      {"DY", kDelayed, kCarrierDelay},
      {"HL", kForPickup, kHeldForPickup}, {"HP", kForPickup, kHeldForPickup},
      {"IN", kLabelCreated, kNoReason},   {"IT", kInTransit, kNoReason},
      {"OD", kOutForDelivery, kNoReason}, {"PU", kPickedUp, kNoReason},
      {"RL", kDelayed, kCarrierDelay},    {"RS", kReturning, kReturnToSender},
      {"SE", kException, kOtherReason},
  };
  return *codes;
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
  CHECK(MapFedexStatus("ZZ", "DL", "", "").state == kInTransit);
  CHECK(MapFedexStatus("IT", "DL", "", "").state == kInTransit);
  // Only DL, or a derived DL alone, delivers.
  CHECK(MapFedexStatus("DL", "DL", "", "").state == kDelivered);
  CHECK(MapFedexStatus("", "DL", "", "").state == kDelivered);
}

}  // namespace
}  // namespace trackenrich::adapters::fedex
