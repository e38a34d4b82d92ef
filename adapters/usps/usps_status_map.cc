#include "adapters/usps/usps_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::usps {
namespace {

constexpr auto kLabel = v1::SHIPMENT_STATE_LABEL_CREATED;
constexpr auto kPickedUp = v1::SHIPMENT_STATE_PICKED_UP;
constexpr auto kTransit = v1::SHIPMENT_STATE_IN_TRANSIT;
constexpr auto kOut = v1::SHIPMENT_STATE_OUT_FOR_DELIVERY;
constexpr auto kPickup = v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP;
constexpr auto kAttempted = v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED;
constexpr auto kDelayed = v1::SHIPMENT_STATE_DELAYED;
constexpr auto kException = v1::SHIPMENT_STATE_EXCEPTION;
constexpr auto kReturning = v1::SHIPMENT_STATE_RETURNING;
constexpr auto kLost = v1::SHIPMENT_STATE_LOST;
constexpr auto kDelivered = v1::SHIPMENT_STATE_DELIVERED;
constexpr v1::StateReason kNone = v1::STATE_REASON_UNSPECIFIED;
constexpr auto kRts = v1::STATE_REASON_RETURN_TO_SENDER;
constexpr auto kAddress = v1::STATE_REASON_ADDRESS_ISSUE;
constexpr auto kUnavailable = v1::STATE_REASON_RECIPIENT_UNAVAILABLE;
constexpr auto kAccess = v1::STATE_REASON_ACCESS_RESTRICTED;
constexpr auto kHeld = v1::STATE_REASON_HELD_FOR_PICKUP;

constexpr CrosswalkRow kCategoryRows[] = {
    {"Pre-Shipment", kLabel, kNone, "Pre-Shipment"},
    {"Accepted", kPickedUp, kNone, "Accepted"},
    {"In Transit", kTransit, kNone, "In Transit"},
    {"Moving Through Network", kTransit, kNone, "Moving Through Network"},
    {"Out for Delivery", kOut, kNone, "Out for Delivery"},
    {"Delivered", kDelivered, kNone, "Delivered"},
    {"Available for Pickup", kPickup, kHeld, "Available for Pickup"},
    {"Delivery Attempt", kAttempted, kUnavailable, "Delivery Attempt"},
    {"Alert", kException, v1::STATE_REASON_OTHER, "Alert"},
};

constexpr CrosswalkRow kEventRows[] = {
    {"01", kDelivered, kNone, "Delivered"},
    {"02", kAttempted, kUnavailable, "Attempted / Notice Left"},
    {"03", kPickedUp, kNone, "Accept or Pickup (by carrier)"},
    {"04", kReturning, v1::STATE_REASON_REFUSED, "Refused"},
    {"05", kException, kAddress, "Undeliverable as Addressed"},
    {"06", kTransit, kNone, "Forwarded"},
    {"07", kTransit, kNone, "Arrival at Unit"},
    {"08", kDelayed, v1::STATE_REASON_MISSORTED, "Missent"},
    {"09", kReturning, kRts, "Return to Sender"},
    {"10", kTransit, kNone, "Processed"},
    {"11", kLost, v1::STATE_REASON_OTHER, "Dead Letter"},
    {"14", kPickup, kHeld, "Arrival at Pickup Point"},
    {"15", kDelayed, v1::STATE_REASON_MISSORTED, "Mis-shipped"},
    {"16", kPickup, kHeld, "Available for Pickup"},
    {"17", kDelivered, kNone, "Picked Up by Agent"},
    {"19", kTransit, kNone, "Arrival at Destination Delivery Unit (eVS)"},
    {"21", kReturning, kAddress, "Return to Sender: No Such Number"},
    {"22", kReturning, kAddress, "Return to Sender: Insufficient Address"},
    {"23", kReturning, kAddress, "Return to Sender: Moved, Left No Address"},
    {"24", kReturning, kAddress, "Return to Sender: Forward Expired"},
    {"25", kReturning, kAddress, "Return to Sender: Addressee Unknown"},
    {"26", kReturning, kAddress, "Return to Sender: Vacant"},
    {"27", kReturning, kRts, "Return to Sender: Unclaimed"},
    {"28", kReturning, kRts, "Return to Sender: Deceased"},
    {"29", kReturning, kRts, "Return to Sender: Other"},
    {"31", kReturning, kRts, "Return to Sender: Not Picked Up"},
    {"41", kTransit, kNone, "Received at Opening Unit"},
    {"42", kTransit, kNone, "USPS Handoff to Shipping Partner"},
    {"43", kDelivered, kNone, "Picked Up"},
    {"44", kReturning, kRts, "Customer Recall"},
    {"51", kAttempted, v1::STATE_REASON_BUSINESS_CLOSED, "Business Closed"},
    {"52", kAttempted, kUnavailable, "Notice Left"},
    {"53", kAttempted, kAccess, "Receptacle Blocked"},
    {"54", kAttempted, kAccess, "Receptacle Full / Item Oversized"},
    {"55", kAttempted, kAccess, "No Secure Location Available"},
    {"56", kAttempted, kUnavailable, "No Authorized Recipient Available"},
    {"80", kTransit, kNone, "Picked Up by Shipping Partner"},
    {"81", kTransit, kNone, "Arrived at Shipping Partner Facility"},
    {"82", kTransit, kNone, "Departed Shipping Partner Facility"},
    {"A1", kTransit, kNone, "Arrived at USPS Regional Facility"},
    {"DX", kTransit, kNone, "Delivery Status Not Updated"},
    {"EF", kTransit, kNone, "Departed Sort Facility"},
    {"GX", kLabel, kNone, "Shipping Label Created, USPS Awaiting Item"},
    {"MA", kLabel, kNone, "Manifest Acknowledgement (pre-shipment info sent to USPS)"},
    {"OF", kOut, kNone, "Out for Delivery"},
    {"PA", kPickedUp, kNone, "Passive Acceptance (shipment acceptance)"},
    {"PC", kTransit, kNone, "Sorting / Processing Complete"},
    {"SF", kTransit, kNone, "Departed Post Office"},
    {"T1", kTransit, kNone, "Departed USPS Regional Facility"},
    {"TL", kTransit, kNone, "In Transit to Next Facility"},
    {"TM", kPickedUp, kNone, "Truck Manifest (shipment acceptance)"},
};

bool Has(const std::string& lower, absl::string_view phrase) {
  return absl::StrContains(lower, phrase);
}

// "Delivered, To Original Sender": the package came back.
bool BackAtSender(const std::string& lower) {
  return Has(lower, "original sender") || Has(lower, "delivered to sender");
}

v1::StateReason ReasonOr(absl::string_view text, v1::StateReason fallback) {
  const v1::StateReason reason = ReasonFromText(text);
  return reason == v1::STATE_REASON_UNSPECIFIED ? fallback : reason;
}

}  // namespace

UspsStatus MapUspsText(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (lower.empty()) return {};
  if (BackAtSender(lower)) {
    return {v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER};
  }
  if (Has(lower, "out for delivery")) return {v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}};
  if (absl::StartsWith(lower, "delivered") || Has(lower, "was delivered") ||
      Has(lower, "been delivered")) {
    return {v1::SHIPMENT_STATE_DELIVERED, {}};
  }
  if (Has(lower, "available for pickup") || Has(lower, "ready for pickup")) {
    return {v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP};
  }
  if (Has(lower, "notice left") || Has(lower, "delivery attempt") || Has(lower, "attempted")) {
    return {v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
            ReasonOr(text, v1::STATE_REASON_RECIPIENT_UNAVAILABLE)};
  }
  if (Has(lower, "refused")) return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED};
  if (Has(lower, "return to sender") || Has(lower, "returned") || Has(lower, "being returned")) {
    return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER};
  }
  if (Has(lower, "undeliverable") || Has(lower, "insufficient address") ||
      Has(lower, "no such number") || Has(lower, "addressee unknown")) {
    return {v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE};
  }
  if (Has(lower, "label created") || Has(lower, "pre-shipment") || Has(lower, "awaiting item")) {
    return {v1::SHIPMENT_STATE_LABEL_CREATED, {}};
  }
  if (Has(lower, "in possession") || Has(lower, "accepted") || Has(lower, "acceptance") ||
      Has(lower, "picked up")) {
    return {v1::SHIPMENT_STATE_PICKED_UP, {}};
  }
  if (Has(lower, "arriving late") || Has(lower, "delay")) {
    return {v1::SHIPMENT_STATE_DELAYED, ReasonOr(text, v1::STATE_REASON_CARRIER_DELAY)};
  }
  if (Has(lower, "alert") || Has(lower, "held") || Has(lower, "hold") || Has(lower, "missent") ||
      Has(lower, "damaged")) {
    return {v1::SHIPMENT_STATE_EXCEPTION, ReasonOr(text, v1::STATE_REASON_OTHER)};
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
      "USPS Publication 199 (IMpb) event codes, as the Tracking 3.x eventCode carries them",
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
    case kTransit:
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
        case kPickup:
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
