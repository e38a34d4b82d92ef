#include "adapters/usps/usps_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/crosswalk_names.h"
#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::usps {
namespace {

constexpr CrosswalkRow kCategoryRows[] = {
    {"Pre-Shipment", kLabelCreated, kNoReason, "Pre-Shipment"},
    {"Accepted", kPickedUp, kNoReason, "Accepted"},
    {"In Transit", kInTransit, kNoReason, "In Transit"},
    {"Moving Through Network", kInTransit, kNoReason, "Moving Through Network"},
    {"Out for Delivery", kOutForDelivery, kNoReason, "Out for Delivery"},
    {"Delivered", kDelivered, kNoReason, "Delivered"},
    {"Available for Pickup", kForPickup, kHeldForPickup, "Available for Pickup"},
    {"Delivery Attempt", kAttempted, kRecipientUnavailable, "Delivery Attempt"},
    {"Alert", kException, kOtherReason, "Alert"},
};

// trackingEvents[].eventCode. USPS publishes its event codes in Publication
// 199 (IMpb Implementation Guide, tracking event appendix), in the Web Tools
// Track/Confirm guide's event code list and in the "Customer Daily Extract
// External" event code list. No stored copy of Pub 199's appendix reads whole
// (Pub 199 copies on docplayer, vdocuments and scribd show only their opening
// pages; the Customer Daily Extract copy on online.documentine.com shows 01
// Delivered, 02 Notice Left, 53 Receptacle Blocked, 54 Receptacle Full/Item
// Oversized). The rows are the Web Tools event code list with USPS's titles,
// as two independent public USPS Web Tools clients carry it word for word
// (one adds 30 and 71), and GX, A1, T1, TL from USPS Tracking 3.x payloads
// (../shared/fixtures/usps). Pub 199's appendix (ribbs.usps.gov
// intelligentmail_package/documents/tech_guides/PUB199IMPBImpGuide.pdf, page
// 335 in the 2016 edition) lists 02, 53, 54, 55 and 56 as the delivery-attempt
// codes, as Shopify/active_shipping pull request 361 quotes it: all five are
// attempts here.
constexpr CrosswalkRow kEventRows[] = {
    {"01", kDelivered, kNoReason, "Delivered"},
    {"02", kAttempted, kRecipientUnavailable, "Attempted / Notice Left"},
    {"03", kPickedUp, kNoReason, "Accept or Pickup (by carrier)"},
    {"04", kReturning, v1::STATE_REASON_REFUSED, "Refused"},
    {"05", kException, kAddressIssue, "Undeliverable as Addressed"},
    {"06", kInTransit, kNoReason, "Forwarded"},
    {"07", kInTransit, kNoReason, "Arrival at Unit"},
    {"08", kDelayed, kMissorted, "Missent"},
    {"09", kReturning, kReturnToSender, "Return to Sender"},
    {"10", kInTransit, kNoReason, "Processed"},
    {"11", kLost, kOtherReason, "Dead Letter"},
    {"14", kForPickup, kHeldForPickup, "Arrival at Pickup Point"},
    {"15", kDelayed, kMissorted, "Mis-shipped"},
    {"16", kForPickup, kHeldForPickup, "Available for Pickup"},
    {"17", kDelivered, kNoReason, "Picked Up by Agent"},
    {"19", kInTransit, kNoReason, "Arrival at Destination Delivery Unit (eVS)"},
    {"21", kReturning, kAddressIssue, "Return to Sender: No Such Number"},
    {"22", kReturning, kAddressIssue, "Return to Sender: Insufficient Address"},
    {"23", kReturning, kAddressIssue, "Return to Sender: Moved, Left No Address"},
    {"24", kReturning, kAddressIssue, "Return to Sender: Forward Expired"},
    {"25", kReturning, kAddressIssue, "Return to Sender: Addressee Unknown"},
    {"26", kReturning, kAddressIssue, "Return to Sender: Vacant"},
    {"27", kReturning, kReturnToSender, "Return to Sender: Unclaimed"},
    {"28", kReturning, kReturnToSender, "Return to Sender: Deceased"},
    {"29", kReturning, kReturnToSender, "Return to Sender: Other"},
    {"30", kAttempted, kAccessRestricted, "Delivery Attempted - No Access to Delivery Location"},
    {"31", kReturning, kReturnToSender, "Return to Sender: Not Picked Up"},
    {"41", kInTransit, kNoReason, "Received at Opening Unit"},
    {"42", kInTransit, kNoReason, "USPS Handoff to Shipping Partner"},
    {"43", kDelivered, kNoReason, "Picked Up"},
    {"44", kReturning, kReturnToSender, "Customer Recall"},
    {"51", kAttempted, v1::STATE_REASON_BUSINESS_CLOSED, "Business Closed"},
    {"52", kAttempted, kRecipientUnavailable, "Notice Left"},
    {"53", kAttempted, kAccessRestricted, "Receptacle Blocked"},
    {"54", kAttempted, kAccessRestricted, "Receptacle Full / Item Oversized"},
    {"55", kAttempted, kAccessRestricted, "No Secure Location Available"},
    {"56", kAttempted, kRecipientUnavailable, "No Authorized Recipient Available"},
    {"71", kDelayed, kCarrierDelay, "Rescheduled to Next Delivery Day"},
    {"80", kInTransit, kNoReason, "Picked Up by Shipping Partner"},
    {"81", kInTransit, kNoReason, "Arrived at Shipping Partner Facility"},
    {"82", kInTransit, kNoReason, "Departed Shipping Partner Facility"},
    {"A1", kInTransit, kNoReason, "Arrived at USPS Regional Facility"},
    {"DX", kInTransit, kNoReason, "Delivery Status Not Updated"},
    {"EF", kInTransit, kNoReason, "Departed Sort Facility"},
    {"GX", kLabelCreated, kNoReason, "Shipping Label Created, USPS Awaiting Item"},
    {"MA", kLabelCreated, kNoReason, "Manifest Acknowledgement (pre-shipment info sent to USPS)"},
    {"OF", kOutForDelivery, kNoReason, "Out for Delivery"},
    {"PA", kPickedUp, kNoReason, "Passive Acceptance (shipment acceptance)"},
    {"PC", kInTransit, kNoReason, "Sorting / Processing Complete"},
    {"SF", kInTransit, kNoReason, "Departed Post Office"},
    {"T1", kInTransit, kNoReason, "Departed USPS Regional Facility"},
    {"TL", kInTransit, kNoReason, "In Transit to Next Facility"},
    {"TM", kPickedUp, kNoReason, "Truck Manifest (shipment acceptance)"},
};

bool Has(const std::string& lower, absl::string_view phrase) {
  return absl::StrContains(lower, phrase);
}

// "Delivered, To Original Sender": the package came back.
bool BackAtSender(const std::string& lower) {
  return Has(lower, "original sender") || Has(lower, "delivered to sender");
}

}  // namespace

UspsStatus MapUspsText(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (lower.empty()) return {};
  if (BackAtSender(lower)) {
    return {v1::SHIPMENT_STATE_RETURNED, kReturnToSender};
  }
  if (Has(lower, "out for delivery")) return {v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}};
  if (absl::StartsWith(lower, "delivered") || Has(lower, "was delivered") ||
      Has(lower, "been delivered")) {
    return {v1::SHIPMENT_STATE_DELIVERED, {}};
  }
  if (Has(lower, "available for pickup") || Has(lower, "ready for pickup")) {
    return {v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, kHeldForPickup};
  }
  if (Has(lower, "notice left") || Has(lower, "delivery attempt") || Has(lower, "attempted")) {
    return {v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, ReasonOr(text, kRecipientUnavailable)};
  }
  if (Has(lower, "refused")) return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED};
  if (Has(lower, "return to sender") || Has(lower, "returned") || Has(lower, "being returned")) {
    return {v1::SHIPMENT_STATE_RETURNING, kReturnToSender};
  }
  if (Has(lower, "undeliverable") || Has(lower, "insufficient address") ||
      Has(lower, "no such number") || Has(lower, "addressee unknown")) {
    return {v1::SHIPMENT_STATE_EXCEPTION, kAddressIssue};
  }
  if (Has(lower, "label created") || Has(lower, "pre-shipment") || Has(lower, "awaiting item")) {
    return {v1::SHIPMENT_STATE_LABEL_CREATED, {}};
  }
  if (Has(lower, "in possession") || Has(lower, "accepted") || Has(lower, "acceptance") ||
      Has(lower, "picked up")) {
    return {v1::SHIPMENT_STATE_PICKED_UP, {}};
  }
  if (Has(lower, "arriving late") || Has(lower, "delay")) {
    return {v1::SHIPMENT_STATE_DELAYED, ReasonOr(text, kCarrierDelay)};
  }
  if (Has(lower, "alert") || Has(lower, "held") || Has(lower, "hold") || Has(lower, "missent") ||
      Has(lower, "damaged")) {
    return {v1::SHIPMENT_STATE_EXCEPTION, ReasonOr(text, kOtherReason)};
  }
  if (Has(lower, "in transit") || Has(lower, "arrived") || Has(lower, "departed") ||
      Has(lower, "processed") || Has(lower, "forwarded")) {
    return {v1::SHIPMENT_STATE_IN_TRANSIT, {}};
  }
  return {};
}

UspsStatus MapUspsEvent(absl::string_view event_code, absl::string_view event_text) {
  const UspsStatus from_text = MapUspsText(event_text);
  if (from_text.state == v1::SHIPMENT_STATE_RETURNED) return from_text;
  const std::string code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(event_code));
  if (const CrosswalkRow* row = UspsEventCrosswalk().Find(code)) {
    UspsStatus status{row->state, row->reason};
    // The text names the why more precisely than the code ("Notice Left (Business Closed)").
    if (status.state == from_text.state && from_text.reason != v1::STATE_REASON_UNSPECIFIED) {
      status.reason = from_text.reason;
    }
    return status;
  }
  if (from_text.state != v1::SHIPMENT_STATE_UNSPECIFIED) return from_text;
  return {v1::SHIPMENT_STATE_IN_TRANSIT, {}};
}

const Crosswalk& UspsStatusCategoryCrosswalk() {
  static const Crosswalk kTable{
      "USPS", "statusCategory",
      "USPS Tracking 3.x OpenAPI statusCategory (values from USPS Publication 199, "
      "Appendix G-4/G-5; reference/upstream-apis.md section 4.3)",
      kCategoryRows};
  return kTable;
}

const Crosswalk& UspsEventCrosswalk() {
  static const Crosswalk kTable{
      "USPS", "trackingEvents[].eventCode",
      "USPS Web Tools Track/Confirm event codes (the USPS event codes of Publication 199, "
      "https://ribbs.usps.gov/intelligentmail_package/documents/tech_guides/"
      "PUB199IMPBImpGuide.pdf, "
      "as the "
      "Tracking 3.x eventCode carries them); Pub 199's appendix was not readable in any stored "
      "copy: checked against USPS's Customer Daily Extract External list (01, 02, 53, 54) and "
      "USPS payloads (GX, A1, T1, TL); see the table comment",
      kEventRows};
  return kTable;
}

UspsStatus MapUspsStatusCategory(absl::string_view category, absl::string_view status_text) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(category);
  const CrosswalkRow* row = nullptr;
  for (const CrosswalkRow& candidate : UspsStatusCategoryCrosswalk().rows) {
    if (absl::EqualsIgnoreCase(candidate.code, trimmed)) row = &candidate;
  }
  if (row == nullptr) return {};
  const UspsStatus from_text = MapUspsText(status_text);
  switch (row->state) {
    case kDelivered:
      // "Delivered, To Original Sender": the package came back.
      if (from_text.state == v1::SHIPMENT_STATE_RETURNED) return from_text;
      break;
    case kInTransit:
      if (from_text.state == kDelayed) return from_text;
      break;
    case kAttempted:
      return {kAttempted, ReasonOr(status_text, row->reason)};
    case kException:
      switch (from_text.state) {
        case kReturning:
        case v1::SHIPMENT_STATE_RETURNED:
        case kDelayed:
        case kException:
        case kForPickup:
        case kAttempted:
          return from_text;
        default:
          return {kException, ReasonOr(status_text, row->reason)};
      }
    default:
      break;
  }
  return {row->state, row->reason};
}

}  // namespace trackenrich::adapters::usps
