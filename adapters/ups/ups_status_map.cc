#include "adapters/ups/ups_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/crosswalk_names.h"

namespace trackenrich::adapters::ups {
namespace {

constexpr v1::StateReason kRescheduled = v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT;
constexpr v1::StateReason kWeather = v1::STATE_REASON_WEATHER;

// status.statusCode: three-digit activity status codes. UPS names the field
// in Tracking.yaml ("see API Codes for possible values") and lists the codes
// in its Tracking API codes appendix
// (developer.ups.com/api/reference/tracking/api-codes, "Status Codes"). No
// stored copy of that page reads whole; the list below, 000 to 069, is UPS's
// package status code list with UPS's own titles as it is carried, word for
// word and identical, by three independent public UPS integrations
// (a Track API client's statusCode table, a SOAP Track client's
// CurrentStatus table and a delivery app's status seed). Where UPS's table
// adds detail to a title (046, 047), the detail is UPS's. UPS's Status Codes
// table itself (source system, 2-character code, 3-digit status, category,
// title), reproduced in UPS-API/api-documentation issue 7, agrees with every
// title of the list it shows and adds 071 and 072; 092, 131, 135 and 161 are
// as UPS Track API responses carry them (issue 16).
constexpr CrosswalkRow kStatusCodeRows[] = {
    {"000", kNoRecord, kNoReason, "Status Not Available"},
    {"003", kLabelCreated, kNoReason, "Order Processed: Ready for UPS"},
    {"005", kInTransit, kNoReason, "In Transit"},
    {"006", kOutForDelivery, kNoReason, "On Vehicle for Delivery"},
    {"007", kCancelled, kNoReason, "Shipment Information Voided"},
    {"010", kInTransit, kNoReason, "In Transit: On Time"},
    {"011", kDelivered, kNoReason, "Delivered"},
    {"012", kInTransit, kCustoms, "Clearance in Progress"},
    {"013", kException, kOtherReason, "Exception"},
    {"014", kInTransit, kNoReason, "Clearance Completed"},
    {"016", kException, kOtherReason, "Held in Warehouse"},
    {"017", kForPickup, kHeldForPickup, "Held for Customer Pickup"},
    {"018", kInTransit, kRescheduled, "Delivery Change Requested: Hold for Pickup"},
    {"019", kInTransit, kRescheduled, "Held for Future Delivery"},
    {"020", kInTransit, kRescheduled, "Held for Future Delivery Requested"},
    {"021", kOutForDelivery, kNoReason, "On Vehicle for Delivery Today"},
    {"022", kAttempted, kRecipientUnavailable, "First Attempt Made"},
    {"023", kAttempted, kRecipientUnavailable, "Second Attempt Made"},
    {"024", kAttempted, kRecipientUnavailable, "Final Attempt Made"},
    {"025", kInTransit, kNoReason, "Transferred to Local Post Office for Delivery"},
    {"026", kDelivered, kNoReason, "Delivered by Local Post Office"},
    {"027", kInTransit, kRescheduled, "Delivery Address Change Requested"},
    {"028", kInTransit, kNoReason, "Delivery Address Changed"},
    {"029", kException, kOtherReason, "Exception: Action Required"},
    {"030", kException, kOtherReason, "Local Post Office Exception"},
    {"032", kDelayed, kWeather, "Adverse Weather May Cause Delay"},
    {"033", kReturning, kReturnToSender, "Return to Sender Requested"},
    {"034", kReturned, kReturnToSender, "Returned to Sender"},
    {"035", kReturning, kReturnToSender, "Returning to Sender"},
    {"036", kReturning, kReturnToSender, "Returning to Sender: In Transit"},
    {"037", kReturning, kReturnToSender, "Returning to Sender: On Vehicle for Delivery"},
    {"038", kPickedUp, kNoReason, "Picked Up"},
    {"039", kInTransit, kNoReason, "In Transit by Post Office"},
    {"040", kForPickup, kHeldForPickup, "Delivered to UPS Access Point Awaiting Customer Pickup"},
    {"041", kInTransit, kNoReason, "Service Upgrade Requested"},
    {"042", kInTransit, kNoReason, "Service Upgraded"},
    {"043", kLabelCreated, kNoReason, "Voided Pickup (UPS does not have the package)"},
    {"044", kLabelCreated, kNoReason, "In Transit to UPS (UPS does not have the package yet)"},
    {"045", kLabelCreated, kNoReason, "Order Processed: In Transit to UPS"},
    {"046", kDelayed, kCarrierDelay,
     "Delay (perishable package placed in a climate controlled environment)"},
    {"047", kInTransit, kNoReason,
     "Delay (package removed from the climate controlled environment, moving again)"},
    {"048", kDelayed, kCarrierDelay, "Delay"},
    {"049", kException, kOtherReason, "Delay: Action Required"},
    {"050", kException, kAddressIssue, "Address Information Required"},
    {"051", kDelayed, kWeather, "Delay: Emergency Situation or Severe Weather"},
    {"052", kDelayed, kWeather, "Delay: Severe Weather"},
    {"053", kDelayed, kWeather, "Delay: Severe Weather, Recovery in Progress"},
    {"054", kInTransit, kRescheduled, "Delivery Change Requested"},
    {"055", kDelayed, kCarrierDelay, "Rescheduled Delivery"},
    {"056", kInTransit, kNoReason, "Service Upgrade Requested"},
    {"057", kInTransit, kNoReason, "In Transit to a UPS Access Point"},
    {"058", kException, kCustoms, "Clearance Information Required"},
    {"059", kException, v1::STATE_REASON_DAMAGED, "Damage Reported"},
    {"060", kAttempted, kRecipientUnavailable, "Delivery Attempted"},
    {"061", kAttempted, kRecipientUnavailable, "Delivery Attempted: Adult Signature Required"},
    {"062", kAttempted, kOtherReason, "Delivery Attempted: Funds Required"},
    {"063", kInTransit, kRescheduled, "Delivery Change Completed"},
    {"064", kReturning, v1::STATE_REASON_REFUSED, "Delivery Refused"},
    {"065", kLabelCreated, kNoReason, "Pickup Attempted (UPS does not have the package yet)"},
    {"066", kAttempted, kRecipientUnavailable, "Post Office Delivery Attempted"},
    {"067", kReturned, kReturnToSender, "Returned to Sender by Post Office"},
    {"068", kLost, v1::STATE_REASON_LOST, "Sent to Lost and Found"},
    {"069", kException, kRecipientUnavailable, "Package Not Claimed"},
    // Beyond 069, as UPS's Status Codes table gives them (issue 7's copy).
    {"071", kInTransit, kNoReason,
     "Preparing for Delivery Today (at the destination facility, being prepared for delivery)"},
    {"072", kOutForDelivery, kNoReason, "Loaded on Delivery Vehicle"},
    // Three-digit statuses UPS Track API responses carry beyond 000-069
    // (issue 16: seen with these activity descriptions), not in that list.
    {"092", kInTransit, kCustoms, "Import Customs Clearance (Track API responses)"},
    {"131", kLabelCreated, kNoReason, "Pickup Attempted (Track API responses)"},
    {"135", kLabelCreated, kNoReason, "Pickup Attempted (Track API responses)"},
    {"161", kForPickup, kHeldForPickup,
     "Delivered to a UPS Access Point, awaiting customer pickup (Track API responses)"},
};

// status.code: two-character codes; X/.. under status type X (exceptions).
// UPS's Status Codes table (developer.ups.com/api/reference/tracking/api-codes;
// UPS-API/api-documentation issue 7 reproduces it) gives each 2-character code
// per source system with its 3-digit status; the same code can carry a
// different status in another system (LD: 013 or 005; LM: 013 or 044; OF:
// 013 or 021; OR: 013 or 005), and a response does not say which system
// scanned, so the 3-digit status decides whenever it is known and a
// 2-character code is read only without one. Listed are the codes with one
// status in every row of the reproduction seen, each with that status's
// meaning ("(status 013)"), the exception pairs X/.. and the codes UPS Track
// API responses carry (F4, FS, KB, MP, OF, OR, OT, PU, SR). The table has
// several hundred codes and only parts of its reproduction could be read: a
// code not listed falls back to the description and the type.
constexpr CrosswalkRow kCodeRows[] = {
    {"75", kInTransit, kNoReason, "In Transit (status 005)"},
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
    {"AA", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"AB", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"AC", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"AD", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"AE", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"AF", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"AH", kInTransit, kNoReason, "Delivery Address Changed (status 028)"},
    {"AI", kDelivered, kNoReason, "Delivered (status 011)"},
    {"ED", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"EE", kInTransit, kNoReason, "In Transit (status 005)"},
    {"EF", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"EG", kInTransit, kNoReason, "Delivery Address Changed (status 028)"},
    {"EH", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"EI", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"EJ", kDelayed, kWeather, "Adverse Weather May Cause Delay (status 032)"},
    {"EK", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"EL", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"EM", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"EN", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"EO", kInTransit, kNoReason, "In Transit (status 005)"},
    {"EP", kInTransit, kNoReason, "In Transit (status 005)"},
    {"EQ", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"ER", kInTransit, kCustoms, "Clearance in Progress (status 012)"},
    {"ES", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"ET", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"F4", kDelivered, kNoReason, "Delivered"},
    {"FS", kDelivered, kNoReason, "Delivered"},
    {"H1", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"H2", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"H3", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"H4", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"H5", kException, kOtherReason,
     "Exception: Action Required (Address Information Required) (status 029)"},
    {"H6", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"H7", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"H8", kReturning, kReturnToSender, "Returning to Sender (status 035)"},
    {"H9", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"HA", kDelayed, kCarrierDelay, "Delay (status 048)"},
    {"HB", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"HD", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"HE", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"HF", kInTransit, kNoReason, "In Transit (status 005)"},
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
    {"OK", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"OM", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"ON", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"OR", kPickedUp, kNoReason, "Origin scan"},
    {"OS", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"OT", kOutForDelivery, kNoReason, "Out for delivery today"},
    {"OY", kInTransit, kNoReason, "In Transit (status 005)"},
    {"OZ", kInTransit, kNoReason, "In Transit (status 005)"},
    {"P1", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"P2", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"P3", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"P4", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"P5", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"P6", kException, kOtherReason, "Exception (Update) (status 013)"},
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
    {"YR", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"YS", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"Z1", kInTransit, kCustoms, "Clearance in Progress (status 012)"},
    {"Z2", kInTransit, kNoReason, "In Transit (status 005)"},
    {"Z3", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"Z4", kInTransit, kNoReason, "In Transit (status 005)"},
    {"Z5", kException, kOtherReason, "Exception (Update) (status 013)"},
    {"ZE", kDelivered, kNoReason, "Delivered (status 011)"},
    {"ZF", kDelivered, kNoReason, "Delivered (status 011)"},
    {"ZG", kDelivered, kNoReason, "Delivered (status 011)"},
    {"ZH", kDelivered, kNoReason, "Delivered (status 011)"},
    {"ZI", kDelivered, kNoReason, "Delivered (status 011)"},
    {"ZP", kForPickup, kHeldForPickup,
     "Delivered to UPS Access Point Awaiting Customer Pickup (status 040)"},
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
      "UPS Tracking API codes, Status Codes "
      "(https://developer.ups.com/api/reference/tracking/api-codes; field named by "
      "UPS-API/api-documentation Tracking.yaml Status.statusCode): UPS's package status list "
      "000-069 with UPS's titles; 071 and 072 from UPS's Status Codes table (reproduced in "
      "https://github.com/UPS-API/api-documentation/issues/7); 092, 131, 135 and 161 as UPS "
      "Track API responses carry them (issue 16)",
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
  // UPS's resolution of the activity: one meaning per code, whatever source
  // system scanned the package.
  if (const CrosswalkRow* row =
          UpsStatusCodeCrosswalk().Find(absl::StripAsciiWhitespace(status_code))) {
    // 013 says only "exception": the description names what happened.
    if (row->state == kException && row->reason == kOtherReason) return Exception(upper);
    return FromRow(*row);
  }
  // No (known) status code: the two-character code.
  if (const CrosswalkRow* row = UpsCodeCrosswalk().Find(upper_code)) {
    // A code whose status is 013 (exception): the description says what happened.
    if (row->state == kException && row->reason == kOtherReason) return Exception(upper);
    // A delivered code on an activity whose text says otherwise is not trusted.
    const bool untrusted =
        row->state == kDelivered && !upper.empty() && !absl::StrContains(upper, "DELIVER");
    if (!untrusted) return FromRow(*row);
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
