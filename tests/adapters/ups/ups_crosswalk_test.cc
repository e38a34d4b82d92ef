// The UPS crosswalk against UPS's published code lists: three-digit activity
// status codes, two-character status codes (X/.. pairs under status type X,
// UPS's exception table), and status types. Each list is written here from
// UPS's documentation, independently of the tables, so a table that skips or
// invents a code fails.
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_format.h"

#include "adapters/common/crosswalk_names.h"
#include "adapters/ups/ups_status_map.h"
#include "tests/support/crosswalk_check.h"

namespace trackenrich::adapters::ups {
namespace {

using testing::CheckMapped;
using testing::PublishedCode;

// UPS Track API status.statusCode (three digits): UPS's package status list
// (Tracking API codes appendix, developer.ups.com/api/reference/tracking/
// api-codes), 000 to 069 with UPS's titles, 071 and 072 from UPS's Status
// Codes table (issue 7's copy), and the codes UPS Track API responses carry
// beyond it (issue 16).
const std::vector<PublishedCode>& PublishedStatusCodes() {
  constexpr auto kRescheduled = v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT;
  constexpr auto kWeather = v1::STATE_REASON_WEATHER;
  static const auto* const codes = new std::vector<PublishedCode>{
      {"000", kNoRecord, kNoReason},                  // Status Not Available
      {"003", kLabelCreated, kNoReason},              // Order Processed: Ready for UPS
      {"005", kInTransit, kNoReason},                 // In Transit
      {"006", kOutForDelivery, kNoReason},            // On Vehicle for Delivery
      {"007", kCancelled, kNoReason},                 // Shipment Information Voided
      {"010", kInTransit, kNoReason},                 // In Transit: On Time
      {"011", kDelivered, kNoReason},                 // Delivered
      {"012", kInTransit, kCustoms},                  // Clearance in Progress
      {"013", kException, kOtherReason},              // Exception
      {"014", kInTransit, kNoReason},                 // Clearance Completed
      {"016", kException, kOtherReason},              // Held in Warehouse
      {"017", kForPickup, kHeldForPickup},            // Held for Customer Pickup
      {"018", kInTransit, kRescheduled},              // Change Requested: Hold for Pickup
      {"019", kInTransit, kRescheduled},              // Held for Future Delivery
      {"020", kInTransit, kRescheduled},              // Held for Future Delivery Requested
      {"021", kOutForDelivery, kNoReason},            // On Vehicle for Delivery Today
      {"022", kAttempted, kRecipientUnavailable},     // First Attempt Made
      {"023", kAttempted, kRecipientUnavailable},     // Second Attempt Made
      {"024", kAttempted, kRecipientUnavailable},     // Final Attempt Made
      {"025", kInTransit, kNoReason},                 // Transferred to Local Post Office
      {"026", kDelivered, kNoReason},                 // Delivered by Local Post Office
      {"027", kInTransit, kRescheduled},              // Address Change Requested
      {"028", kInTransit, kNoReason},                 // Delivery Address Changed
      {"029", kException, kOtherReason},              // Exception: Action Required
      {"030", kException, kOtherReason},              // Local Post Office Exception
      {"032", kDelayed, kWeather},                    // Adverse Weather May Cause Delay
      {"033", kReturning, kReturnToSender},           // Return to Sender Requested
      {"034", kReturned, kReturnToSender},            // Returned to Sender
      {"035", kReturning, kReturnToSender},           // Returning to Sender
      {"036", kReturning, kReturnToSender},           // Returning to Sender: In Transit
      {"037", kReturning, kReturnToSender},           // ... On Vehicle for Delivery
      {"038", kPickedUp, kNoReason},                  // Picked Up
      {"039", kInTransit, kNoReason},                 // In Transit by Post Office
      {"040", kForPickup, kHeldForPickup},            // At a UPS Access Point
      {"041", kInTransit, kNoReason},                 // Service Upgrade Requested
      {"042", kInTransit, kNoReason},                 // Service Upgraded
      {"043", kLabelCreated, kNoReason},              // Voided Pickup
      {"044", kLabelCreated, kNoReason},              // In Transit to UPS
      {"045", kLabelCreated, kNoReason},              // Order Processed: In Transit to UPS
      {"046", kDelayed, kCarrierDelay},               // Delay (perishable held)
      {"047", kInTransit, kNoReason},                 // Delay (moving again)
      {"048", kDelayed, kCarrierDelay},               // Delay
      {"049", kException, kOtherReason},              // Delay: Action Required
      {"050", kException, kAddressIssue},             // Address Information Required
      {"051", kDelayed, kWeather},                    // Emergency or Severe Weather
      {"052", kDelayed, kWeather},                    // Severe Weather
      {"053", kDelayed, kWeather},                    // Severe Weather, Recovery
      {"054", kInTransit, kRescheduled},              // Delivery Change Requested
      {"055", kDelayed, kCarrierDelay},               // Rescheduled Delivery
      {"056", kInTransit, kNoReason},                 // Service Upgrade Requested
      {"057", kInTransit, kNoReason},                 // In Transit to a UPS Access Point
      {"058", kException, kCustoms},                  // Clearance Information Required
      {"059", kException, v1::STATE_REASON_DAMAGED},  // Damage Reported
      {"060", kAttempted, kRecipientUnavailable},     // Delivery Attempted
      {"061", kAttempted, kRecipientUnavailable},     // ... Adult Signature Required
      {"062", kAttempted, kOtherReason},              // ... Funds Required
      {"063", kInTransit, kRescheduled},              // Delivery Change Completed
      {"064", kReturning, v1::STATE_REASON_REFUSED},  // Delivery Refused
      {"065", kLabelCreated, kNoReason},              // Pickup Attempted
      {"066", kAttempted, kRecipientUnavailable},     // Post Office Delivery Attempted
      {"067", kReturned, kReturnToSender},            // Returned to Sender by Post Office
      {"068", kLost, v1::STATE_REASON_LOST},          // Sent to Lost and Found
      {"069", kException, kRecipientUnavailable},     // Package Not Claimed
      {"071", kInTransit, kNoReason},                 // Preparing for Delivery Today
      {"072", kOutForDelivery, kNoReason},            // Loaded on Delivery Vehicle
      {"092", kInTransit, kCustoms},                  // import customs clearance
      {"131", kLabelCreated, kNoReason},              // pickup attempted
      {"135", kLabelCreated, kNoReason},              // pickup attempted
      {"161", kForPickup, kHeldForPickup},            // at a UPS Access Point
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
      {"75", kInTransit, kNoReason},                           // status 005
      {"AA", kException, kOtherReason},                        // status 029
      {"AB", kException, kOtherReason},                        // status 029
      {"AC", kException, kOtherReason},                        // status 029
      {"AD", kException, kOtherReason},                        // status 029
      {"AE", kException, kOtherReason},                        // status 029
      {"AF", kException, kOtherReason},                        // status 029
      {"AH", kInTransit, kNoReason},                           // status 028
      {"AI", kDelivered, kNoReason},                           // status 011
      {"H1", kException, kOtherReason},                        // status 029
      {"H2", kException, kOtherReason},                        // status 029
      {"H3", kException, kOtherReason},                        // status 029
      {"H4", kException, kOtherReason},                        // status 029
      {"H5", kException, kOtherReason},                        // status 029
      {"H6", kException, kOtherReason},                        // status 013
      {"H7", kException, kOtherReason},                        // status 013
      {"H8", kReturning, kReturnToSender},                     // status 035
      {"H9", kException, kOtherReason},                        // status 013
      {"HA", kDelayed, kCarrierDelay},                         // status 048
      {"HB", kException, kOtherReason},                        // status 013
      {"HD", kException, kOtherReason},                        // status 013
      {"HE", kException, kOtherReason},                        // status 013
      {"HF", kInTransit, kNoReason},                           // status 005
      {"OK", kException, kOtherReason},                        // status 013
      {"OM", kException, kOtherReason},                        // status 013
      {"ON", kException, kOtherReason},                        // status 013
      {"OS", kException, kOtherReason},                        // status 013
      {"OY", kInTransit, kNoReason},                           // status 005
      {"OZ", kInTransit, kNoReason},                           // status 005
      {"P1", kException, kOtherReason},                        // status 013
      {"P2", kException, kOtherReason},                        // status 013
      {"P3", kException, kOtherReason},                        // status 013
      {"P4", kException, kOtherReason},                        // status 013
      {"P5", kException, kOtherReason},                        // status 013
      {"P6", kException, kOtherReason},                        // status 013
      {"YR", kException, kOtherReason},                        // status 013
      {"YS", kException, kOtherReason},                        // status 013
      {"Z1", kInTransit, kCustoms},                            // status 012
      {"Z2", kInTransit, kNoReason},                           // status 005
      {"Z3", kException, kOtherReason},                        // status 013
      {"Z4", kInTransit, kNoReason},                           // status 005
      {"Z5", kException, kOtherReason},                        // status 013
      {"ZE", kDelivered, kNoReason},                           // status 011
      {"ZF", kDelivered, kNoReason},                           // status 011
      {"ZG", kDelivered, kNoReason},                           // status 011
      {"ZH", kDelivered, kNoReason},                           // status 011
      {"ZI", kDelivered, kNoReason},                           // status 011
      {"ZP", kForPickup, kHeldForPickup},                      // status 040
      {"ED", kException, kOtherReason},                        // status 013
      {"EE", kInTransit, kNoReason},                           // status 005
      {"EF", kException, kOtherReason},                        // status 013
      {"EG", kInTransit, kNoReason},                           // status 028
      {"EH", kException, kOtherReason},                        // status 013
      {"EI", kException, kOtherReason},                        // status 013
      {"EJ", kDelayed, v1::STATE_REASON_WEATHER},              // status 032
      {"EK", kException, kOtherReason},                        // status 013
      {"EL", kException, kOtherReason},                        // status 013
      {"EM", kException, kOtherReason},                        // status 013
      {"EN", kException, kOtherReason},                        // status 013
      {"EO", kInTransit, kNoReason},                           // status 005
      {"EP", kInTransit, kNoReason},                           // status 005
      {"EQ", kException, kOtherReason},                        // status 013
      {"ER", kInTransit, kCustoms},                            // status 012
      {"ES", kException, kOtherReason},                        // status 013
      {"ET", kException, kOtherReason},                        // status 013
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
    // The three-digit code decides, whatever the two-character code.
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

TEST_CASE("UPS status code decides over a two-character code whose meaning varies by system",
          "[ups][crosswalk]") {
  // UPS's table: OR is 005 (in transit) in one source system and 013
  // (exception) in another; OF is 021 or 013. The status code says which.
  CHECK(MapUpsStatus("I", "OR", "005", "Origin Scan").state == kInTransit);
  const UpsStatus or_exception =
      MapUpsStatus("X", "OR", "013", "The address is incomplete. UPS will contact the receiver.");
  CHECK(or_exception.state == kException);
  CHECK(or_exception.reason == kAddressIssue);
  CHECK(MapUpsStatus("I", "OF", "021", "Out For Delivery Today").state == kOutForDelivery);
  CHECK(MapUpsStatus("X", "OF", "013", "A weather delay").state == kDelayed);
  // Without a status code the two-character code is read.
  CHECK(MapUpsStatus("I", "OR", "", "Origin Scan").state == kPickedUp);
  CHECK(MapUpsStatus("I", "OF", "", "Out For Delivery").state == kOutForDelivery);
  // A status code outside UPS's list is no status code.
  CHECK(MapUpsStatus("D", "KB", "999", "Delivered").state == kDelivered);
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
  for (const char* code : {"RP", "RS", "DY", "UR"}) {
    INFO(code);
    CHECK(MapUpsStatus("I", code, "", "").state == kInTransit);
    CHECK(MapUpsStatus("X", code, "", "").state == kException);
  }
  // AC is an address exception in UPS's Status Codes table too (029,
  // "Exception: Action Required"); under type X it is the wrong city.
  CHECK(MapUpsStatus("I", "AC", "", "The address is incomplete").reason == kAddressIssue);
  CHECK(MapUpsStatus("X", "AC", "", "").reason == kAddressIssue);
}

TEST_CASE("UPS two-character codes agree with the three-digit status they carry",
          "[ups][crosswalk]") {
  // A listed two-character code carries one three-digit status in UPS's
  // table ("(status 013)" in its meaning): both rows must say the same, so a
  // payload without a status code is read as one with it.
  int compared = 0;
  for (const CrosswalkRow& row : UpsCodeCrosswalk().rows) {
    const std::string meaning(row.meaning);
    const size_t at = meaning.find("(status ");
    if (at == std::string::npos) continue;
    const std::string status = meaning.substr(at + 8, 3);
    INFO("code " << row.code << " status " << status);
    const CrosswalkRow* status_row = UpsStatusCodeCrosswalk().Find(status);
    REQUIRE(status_row != nullptr);
    CHECK(v1::ShipmentState_Name(row.state) == v1::ShipmentState_Name(status_row->state));
    CHECK(v1::StateReason_Name(row.reason) == v1::StateReason_Name(status_row->reason));
    ++compared;
  }
  CHECK(compared >= 40);
}

TEST_CASE("UPS 000-069 is read whole: every code in the range UPS lists is mapped",
          "[ups][crosswalk]") {
  // UPS's list skips 001, 002, 004, 008, 009, 015 and 031; every other code
  // from 000 to 069 is in the crosswalk.
  const std::set<std::string> skipped = {"001", "002", "004", "008", "009", "015", "031"};
  int listed = 0;
  for (int n = 0; n <= 69; ++n) {
    const std::string code = absl::StrFormat("%03d", n);
    INFO("statusCode " << code);
    CHECK((UpsStatusCodeCrosswalk().Find(code) != nullptr) == (skipped.count(code) == 0));
    listed += skipped.count(code) == 0 ? 1 : 0;
  }
  CHECK(listed == 63);
}

}  // namespace
}  // namespace trackenrich::adapters::ups
