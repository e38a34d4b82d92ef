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

// UPS status.code; X/.. is the code under status type X. The 2-character
// codes of UPS's Status Codes table that carry one 3-digit status in every
// row of the issue 7 reproduction, with that status's state and reason.
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
      {"77", kException, kOtherReason},                               // status 013
      {"79", kException, kOtherReason},                               // status 013
      {"7A", kException, kOtherReason},                               // status 013
      {"7B", kException, kOtherReason},                               // status 013
      {"7K", kException, kOtherReason},                               // status 013
      {"7N", kException, kOtherReason},                               // status 013
      {"7U", kException, kOtherReason},                               // status 013
      {"LH", kException, kOtherReason},                               // status 013
      {"LI", kException, kOtherReason},                               // status 013
      {"LN", kException, kOtherReason},                               // status 013
      {"LO", kException, kOtherReason},                               // status 013
      {"LQ", kException, kOtherReason},                               // status 013
      {"LR", kException, kOtherReason},                               // status 013
      {"LS", kException, kOtherReason},                               // status 013
      {"LU", kException, kOtherReason},                               // status 013
      {"LV", kException, kOtherReason},                               // status 013
      {"SY", kException, kOtherReason},                               // status 013
      {"T1", kException, kOtherReason},                               // status 013
      {"T2", kException, kOtherReason},                               // status 013
      {"T3", kException, kOtherReason},                               // status 013
      {"T4", kException, kOtherReason},                               // status 013
      {"T5", kException, kOtherReason},                               // status 013
      {"T6", kException, kOtherReason},                               // status 013
      {"T9", kException, kOtherReason},                               // status 013
      {"TA", kException, kOtherReason},                               // status 013
      {"TB", kException, kOtherReason},                               // status 013
      {"TD", kException, kOtherReason},                               // status 013
      {"TE", kException, kOtherReason},                               // status 013
      {"LK", kInTransit, kNoReason},                                  // status 005
      {"LW", kInTransit, kNoReason},                                  // status 005
      {"76", kOutForDelivery, kNoReason},                             // status 021
      {"78", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},  // status 054
      {"7H", kDelayed, kCarrierDelay},                                // status 048
      {"7J", kDelayed, kCarrierDelay},                                // status 048
      {"LE", kDelayed, kCarrierDelay},                                // status 048
      {"LF", kDelayed, kCarrierDelay},                                // status 048
      {"7M", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},  // status 019
      {"7V", kDelayed, v1::STATE_REASON_WEATHER},                     // status 051
      {"7W", kDelayed, v1::STATE_REASON_WEATHER},                     // status 052
      {"LX", kInTransit, kNoReason},                                  // status 025
      {"SX", kDelayed, kCarrierDelay},                                // status 055
      {"T7", kDelayed, kCarrierDelay},                                // status 046
      {"T8", kInTransit, kNoReason},                                  // status 047
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
