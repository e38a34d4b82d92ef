#include "adapters/ups/ups_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/crosswalk_names.h"

namespace trackenrich::adapters::ups {
namespace {

// status.statusCode: three-digit activity status codes. UPS lists them on
// developer.ups.com/api/reference/tracking/api-codes ("Status Codes": source
// system, 2-character code, 3-digit status, category, description); the rows
// below are the 3-digit statuses of that list as UPS-API/api-documentation
// issue 7 reproduces it, plus those issue 16 names from UPS responses (003,
// 011, 034, 038, 060, 065, 072, 092, 131, 135, 161). The reproduction is
// partial: 3-digit statuses it does not show are not invented here, and an
// activity with one of them falls back to its 2-character code and type.
constexpr CrosswalkRow kStatusCodeRows[] = {
    {"003", kLabelCreated, kNoReason,
     "Shipper created a label, UPS has not received the package yet"},
    {"005", kInTransit, kNoReason, "In Transit"},
    {"011", kDelivered, kNoReason, "Delivered"},
    {"012", kInTransit, kCustoms, "Clearance in Progress"},
    {"013", kException, kOtherReason, "Exception (Update)"},
    {"019", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Held for Future Delivery (Delivery Rescheduled)"},
    {"021", kOutForDelivery, kNoReason, "Out for Delivery Today"},
    {"025", kInTransit, kNoReason, "Transferred to Local Post Office for Delivery"},
    {"034", kReturned, kReturnToSender, "Returned to shipper"},
    {"038", kPickedUp, kNoReason, "Picked up"},
    {"044", kLabelCreated, kNoReason,
     "In Transit to UPS (On Its Way to UPS; UPS does not have the package yet)"},
    {"046", kDelayed, kCarrierDelay,
     "Delay: perishable package placed in a climate controlled environment"},
    {"047", kInTransit, kNoReason,
     "Delay (In Transit): package removed from the climate controlled environment"},
    {"048", kDelayed, kCarrierDelay, "Delay"},
    {"051", kDelayed, v1::STATE_REASON_WEATHER, "Delay: Emergency Situation or Severe Weather"},
    {"052", kDelayed, v1::STATE_REASON_WEATHER, "Delay: Severe Weather"},
    {"053", kDelayed, v1::STATE_REASON_WEATHER, "Delay: Severe Weather"},
    {"054", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT, "Delivery Change Requested"},
    {"055", kDelayed, kCarrierDelay, "Rescheduled Delivery"},
    {"060", kAttempted, kRecipientUnavailable, "Delivery attempted"},
    {"065", kLabelCreated, kNoReason, "Pickup attempted"},
    {"072", kOutForDelivery, kNoReason, "Loaded on delivery vehicle"},
    {"092", kInTransit, kCustoms, "Import customs clearance"},
    {"131", kLabelCreated, kNoReason, "Pickup attempted"},
    {"135", kLabelCreated, kNoReason, "Pickup attempted"},
    {"161", kForPickup, kHeldForPickup,
     "Delivered to a UPS Access Point, awaiting customer pickup"},
};

// status.code: two-character codes; X/.. under status type X (exceptions).
// UPS's Status Codes table (developer.ups.com/api/reference/tracking/api-codes;
// UPS-API/api-documentation issue 7 reproduces it) gives each 2-character code
// per source system with its 3-digit status; the same code can carry a
// different status in another system (LD: 013 or 005; LM: 013 or 044), so
// only codes with one status in every row shown are listed, each with that
// status's meaning. The table has several hundred codes and its reproduction
// is partial: a code not listed falls back to the 3-digit status and type.
constexpr CrosswalkRow kCodeRows[] = {
    {"76", kOutForDelivery, kNoReason, "Out for Delivery Today (status 021)"},
    {"77", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"78", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Delivery Change Requested (status 054)"},
    {"79", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"7A", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"7B", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"7H", kDelayed, kCarrierDelay, "Delay (status 048)"},
    {"7J", kDelayed, kCarrierDelay, "Delay (status 048)"},
    {"7K", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"7M", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Held for Future Delivery (Delivery Rescheduled) (status 019)"},
    {"7N", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"7U", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"7V", kDelayed, v1::STATE_REASON_WEATHER,
     "Delay: Emergency Situation or Severe Weather (status 051)"},
    {"7W", kDelayed, v1::STATE_REASON_WEATHER, "Delay: Severe Weather (status 052)"},
    {"F4", kDelivered, kNoReason, "Delivered"},
    {"FS", kDelivered, kNoReason, "Delivered"},
    {"KB", kDelivered, kNoReason, "Delivered"},
    {"LE", kDelayed, kCarrierDelay, "Delay (status 048)"},
    {"LF", kDelayed, kCarrierDelay, "Delay (status 048)"},
    {"LH", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"LI", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"LK", kInTransit, kNoReason, "In Transit (status 005)"},
    {"LN", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"LO", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"LQ", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"LR", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"LS", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"LU", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"LV", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"LW", kInTransit, kNoReason, "In Transit (status 005)"},
    {"LX", kInTransit, kNoReason, "Transferred to Local Post Office for Delivery (status 025)"},
    {"MP", kLabelCreated, kNoReason, "Order processed: ready for UPS"},
    {"OF", kOutForDelivery, kNoReason, "Out for delivery"},
    {"OR", kPickedUp, kNoReason, "Origin scan"},
    {"OT", kOutForDelivery, kNoReason, "Out for delivery today"},
    {"PU", kPickedUp, kNoReason, "Pickup scan"},
    {"SR", kInTransit, kNoReason, "Your package was released by the customs agency"},
    {"SX", kDelayed, kCarrierDelay, "Rescheduled Delivery (status 055)"},
    {"SY", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"T1", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"T2", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"T3", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"T4", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"T5", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"T6", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"T7", kDelayed, kCarrierDelay,
     "Delay: perishable package placed in a climate controlled environment (status 046)"},
    {"T8", kInTransit, kNoReason,
     "Delay (In Transit): package removed from the climate controlled environment (status 047)"},
    {"T9", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"TA", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"TB", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"TD", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"TE", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"X/AC", kException, kAddressIssue, "Wrong city"},
    {"X/DY", kException, kCustoms, "Importer contacted for clearance"},
    {"X/RP", kException, kCustoms, "Government release pending"},
    {"X/RS", kException, kCustoms, "Receiver contacted for clearance"},
    {"X/UR", kException, v1::STATE_REASON_PROHIBITED_ITEM, "Unauthorized hazardous material"},
};

// status.type. UPSTrackAlert.yaml (activityStatus.type) publishes D, I, M,
// MV, U and X with their titles; P (pickup) and NA (not available) are the
// Track API's own types (the Tracking developer guide's status types; seen in
// Track API responses, tests/data/ups) and are not in that enum.
constexpr CrosswalkRow kTypeRows[] = {
    {"D", kOutForDelivery, kNoReason,
     "Delivery information (loaded on delivery vehicle, out for delivery, "
     "delivered)"},
    {"I", kInTransit, kNoReason, "On the Way (moving normally through the UPS network)"},
    {"M", kLabelCreated, kNoReason, "Manifest"},
    {"MV", kCancelled, kNoReason, "Manifest Void (the shipper voided the label)"},
    {"NA", kNoRecord, kNoReason, "Not available"},
    {"P", kPickedUp, kNoReason, "Pickup"},
    {"U", kInTransit, kNoReason, "Updated Delivery Date or Time"},
    {"X", kException, kOtherReason,
     "Package Exception (something out of the normal happened, may still be delivered on "
     "time)"},
};

struct KeywordEntry {
  absl::string_view keyword;  // upper case
  v1::StateReason reason;
};

// Reasons read from the description of exception-type activities.
constexpr KeywordEntry kReasonKeywords[] = {
    {"ADDRESS", kAddressIssue},
    {"WEATHER", v1::STATE_REASON_WEATHER},
    {"CUSTOMS", kCustoms},
    {"CLEARANCE", kCustoms},
    {"BROKERAGE", kCustoms},
    {"DAMAGE", v1::STATE_REASON_DAMAGED},
    {"REFUSED", v1::STATE_REASON_REFUSED},
    {"CLOSED", v1::STATE_REASON_BUSINESS_CLOSED},
    {"NOT AVAILABLE", kRecipientUnavailable},
    {"NOT HOME", kRecipientUnavailable},
    {"RESCHEDULED", v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"MISSORT", kMissorted},
    {"LOST", v1::STATE_REASON_LOST},
    {"DELAY", kCarrierDelay},
};

v1::StateReason ReasonFromText(const std::string& upper) {
  for (const auto& entry : kReasonKeywords) {
    if (absl::StrContains(upper, entry.keyword)) return entry.reason;
  }
  return kOtherReason;
}

UpsStatus FromRow(const CrosswalkRow& row) { return {row.state, row.reason}; }

bool IsPickupText(const std::string& upper) {
  return absl::StrContains(upper, "PICKUP") || absl::StrContains(upper, "PICK UP");
}

// A type X activity without a table row: the description says what happened.
UpsStatus Exception(const std::string& upper) {
  if (absl::StrContains(upper, "RETURN")) {
    return {v1::SHIPMENT_STATE_RETURNING, kReturnToSender};
  }
  const v1::StateReason reason = ReasonFromText(upper);
  if (reason == kCarrierDelay || reason == v1::STATE_REASON_WEATHER) {
    return {v1::SHIPMENT_STATE_DELAYED, reason};
  }
  if (reason == v1::STATE_REASON_LOST) return {v1::SHIPMENT_STATE_LOST, reason};
  return {kException, reason};
}

}  // namespace

const Crosswalk& UpsStatusCodeCrosswalk() {
  static const Crosswalk kTable{
      "UPS", "activity[].status.statusCode",
      "UPS Tracking API codes, Status Codes table "
      "(https://developer.ups.com/api/reference/tracking/api-codes, named by "
      "UPS-API/api-documentation Tracking.yaml Status.statusCode; reproduced in "
      "https://github.com/UPS-API/api-documentation/issues/7); partial, see the table comment",
      kStatusCodeRows};
  return kTable;
}

const Crosswalk& UpsCodeCrosswalk() {
  static const Crosswalk kTable{
      "UPS", "activity[].status.code (X/..: under status type X)",
      "UPS Tracking API codes, Status Codes table "
      "(https://developer.ups.com/api/reference/tracking/api-codes, the list UPSTrackAlert.yaml "
      "refers to; reproduced in https://github.com/UPS-API/api-documentation/issues/7): codes "
      "with one 3-digit status in every row shown; partial, see the table comment. Exception "
      "pairs X/.. and F4, FS, KB, MP, OF, OR, OT, PU, SR from UPS Track API responses (issue 16)",
      kCodeRows};
  return kTable;
}

const Crosswalk& UpsTypeCrosswalk() {
  static const Crosswalk kTable{
      "UPS", "activity[].status.type",
      "UPS-API/api-documentation UPSTrackAlert.yaml, activityStatus.type enum (D Delivery, "
      "I On the Way, M Manifest, MV Manifest Void, U Updated Delivery Date or Time, "
      "X Package Exception); UPS Tracking developer guide (P pickup, NA not available)",
      kTypeRows};
  return kTable;
}

UpsStatus MapUpsStatus(absl::string_view type, absl::string_view code,
                       absl::string_view status_code, absl::string_view description) {
  const std::string upper = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(description));
  const std::string upper_type = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(type));
  const std::string upper_code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(code));

  if (upper_type == "X") {
    if (const CrosswalkRow* row = UpsCodeCrosswalk().Find(CrosswalkPair("X", upper_code))) {
      return FromRow(*row);
    }
  }
  if (const CrosswalkRow* row = UpsCodeCrosswalk().Find(upper_code)) {
    // A code whose status is 013 (exception): the description says what happened.
    if (row->state == kException && row->reason == kOtherReason) return Exception(upper);
    // A delivered code on an activity whose text says otherwise is not trusted.
    const bool untrusted =
        row->state == kDelivered && !upper.empty() && !absl::StrContains(upper, "DELIVER");
    if (!untrusted) return FromRow(*row);
  }
  if (const CrosswalkRow* row =
          UpsStatusCodeCrosswalk().Find(absl::StripAsciiWhitespace(status_code))) {
    // 013 says only "exception": the description names what happened.
    if (row->state == kException && row->reason == kOtherReason) return Exception(upper);
    return FromRow(*row);
  }
  if (absl::StartsWith(upper, "DELIVERED")) return {kDelivered, kNoReason};
  if (absl::StrContains(upper, "ATTEMPT")) {
    // "Pickup attempted": UPS has not got the package yet.
    if (IsPickupText(upper)) return {kLabelCreated, kNoReason};
    if (absl::StrContains(upper, "DELIVERY ATTEMPT") || absl::StrContains(upper, "ATTEMPTED")) {
      return {kAttempted, ReasonFromText(upper)};
    }
  }
  if (upper_type == "M" || upper_type == "MV") {
    if (absl::StrContains(upper, "VOID")) return {v1::SHIPMENT_STATE_CANCELLED, kNoReason};
  }
  if (upper_type == "X") return Exception(upper);
  if (const CrosswalkRow* row = UpsTypeCrosswalk().Find(upper_type)) return FromRow(*row);
  return {kInTransit, kNoReason};
}

}  // namespace trackenrich::adapters::ups
