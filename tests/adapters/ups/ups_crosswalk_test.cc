// The UPS crosswalk against UPS's published code lists: three-digit activity
// status codes, two-character status codes (X/.. pairs under status type X,
// UPS's exception table), and status types. Each list is written here from
// UPS's documentation, independently of the tables, so a table that skips or
// invents a code fails.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/common/crosswalk_names.h"
#include "adapters/ups/ups_status_map.h"
#include "tests/support/crosswalk_check.h"

namespace trackenrich::adapters::ups {
namespace {

using testing::CheckMapped;
using testing::PublishedCode;

// UPS Track API status.statusCode (three digits): the 3-digit statuses of
// UPS's Status Codes table (developer.ups.com/api/reference/tracking/api-codes,
// as UPS-API/api-documentation issue 7 reproduces it) and those issue 16
// names from UPS responses.
const std::vector<PublishedCode>& PublishedStatusCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"003", kLabelCreated, kNoReason},  // label created, not yet received
      {"005", kInTransit, kNoReason},
      {"011", kDelivered, kNoReason},
      {"012", kInTransit, kCustoms},                                   // clearance in progress
      {"013", kException, kOtherReason},                               // UPDATE: exception
      {"019", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},  // held for future delivery
      {"021", kOutForDelivery, kNoReason},
      {"025", kInTransit, kNoReason},  // transferred to the local post office
      {"034", kReturned, kReturnToSender},
      {"038", kPickedUp, kNoReason},
      {"044", kLabelCreated, kNoReason},            // on its way to UPS
      {"046", kDelayed, kCarrierDelay},             // perishable held in climate control
      {"047", kInTransit, kNoReason},               // out of climate control, moving again
      {"048", kDelayed, kCarrierDelay},             // delay
      {"051", kDelayed, v1::STATE_REASON_WEATHER},  // emergency or severe weather
      {"052", kDelayed, v1::STATE_REASON_WEATHER},  // severe weather
      {"053", kDelayed, v1::STATE_REASON_WEATHER},  // severe weather
      {"054", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},  // change requested
      {"055", kDelayed, kCarrierDelay},                                // rescheduled delivery
      {"060", kAttempted, kRecipientUnavailable},
      {"065", kLabelCreated, kNoReason},    // pickup attempted: UPS does not have it yet
      {"072", kOutForDelivery, kNoReason},  // loaded on delivery vehicle
      {"092", kInTransit, kCustoms},
      {"131", kLabelCreated, kNoReason},    // pickup attempted
      {"135", kLabelCreated, kNoReason},    // pickup attempted
      {"161", kForPickup, kHeldForPickup},  // at a UPS Access Point
  };
  return *codes;
}

// UPS status.code; X/.. is the code under status type X.
const std::vector<PublishedCode>& PublishedCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"F4", kDelivered, kNoReason},
      {"FS", kDelivered, kNoReason},
      {"KB", kDelivered, kNoReason},
      {"MP", kLabelCreated, kNoReason},
      {"OF", kOutForDelivery, kNoReason},
      {"OR", kPickedUp, kNoReason},
      {"OT", kOutForDelivery, kNoReason},
      {"PU", kPickedUp, kNoReason},
      {"SR", kInTransit, kNoReason},                           // released by the customs agency
      {"X/AC", kException, kAddressIssue},                     // wrong city
      {"X/DY", kException, kCustoms},                          // importer contacted
      {"X/RP", kException, kCustoms},                          // government release pending
      {"X/RS", kException, kCustoms},                          // receiver contacted
      {"X/UR", kException, v1::STATE_REASON_PROHIBITED_ITEM},  // unauthorized hazmat
  };
  return *codes;
}

// UPS status.type: UPSTrackAlert.yaml's activityStatus.type enum (D, I, M,
// MV Manifest Void, U, X) and the Track API's P and NA.
const std::vector<PublishedCode>& PublishedTypes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"D", kOutForDelivery, kNoReason}, {"I", kInTransit, kNoReason},
      {"M", kLabelCreated, kNoReason},   {"MV", kCancelled, kNoReason},  // manifest void
      {"NA", kNoRecord, kNoReason},      {"P", kPickedUp, kNoReason},
      {"U", kInTransit, kNoReason},      {"X", kException, kOtherReason},
  };
  return *codes;
}

TEST_CASE("UPS crosswalk tables hold exactly UPS's published codes", "[ups][crosswalk]") {
  testing::CheckCrosswalk(UpsStatusCodeCrosswalk(), PublishedStatusCodes());
  testing::CheckCrosswalk(UpsCodeCrosswalk(), PublishedCodes());
  testing::CheckCrosswalk(UpsTypeCrosswalk(), PublishedTypes());
}

TEST_CASE("MapUpsStatus answers each published code as listed", "[ups][crosswalk]") {
  for (const PublishedCode& code : PublishedStatusCodes()) {
    INFO("statusCode " << code.code);
    // The three-digit code decides where the two-character code is not UPS's.
    CheckMapped(MapUpsStatus("I", "ZZ", code.code, ""), code);
  }
  for (const PublishedCode& code : PublishedCodes()) {
    INFO("code " << code.code);
    if (code.code.rfind("X/", 0) == 0) {
      CheckMapped(MapUpsStatus("X", code.code.substr(2), "", ""), code);
    } else {
      CheckMapped(MapUpsStatus("I", code.code, "", ""), code);
    }
  }
  for (const PublishedCode& type : PublishedTypes()) {
    INFO("type " << type.code);
    CheckMapped(MapUpsStatus(type.code, "", "", ""), type);
  }
}

TEST_CASE("UPS 013 (exception) reads what happened from the description", "[ups][crosswalk]") {
  const UpsStatus returning = MapUpsStatus("X", "ZZ", "013", "Returning to shipper");
  CHECK(returning.state == v1::SHIPMENT_STATE_RETURNING);
  CHECK(returning.reason == kReturnToSender);
  const UpsStatus address = MapUpsStatus("X", "ZZ", "013", "The address is incomplete");
  CHECK(address.state == kException);
  CHECK(address.reason == kAddressIssue);
}

TEST_CASE("UPS exception-table codes count only under type X", "[ups][crosswalk]") {
  // The same letters under another type are not the exception table's.
  for (const char* code : {"RP", "AC", "RS", "DY", "UR"}) {
    INFO(code);
    CHECK(MapUpsStatus("I", code, "", "").state == kInTransit);
    CHECK(MapUpsStatus("X", code, "", "").state == kException);
  }
}

}  // namespace
}  // namespace trackenrich::adapters::ups
