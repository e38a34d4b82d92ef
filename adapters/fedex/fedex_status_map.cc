#include "adapters/fedex/fedex_status_map.h"

#include <string>

#include "absl/strings/ascii.h"

#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::fedex {
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
constexpr auto kDelivered = v1::SHIPMENT_STATE_DELIVERED;
constexpr auto kCancelled = v1::SHIPMENT_STATE_CANCELLED;
constexpr v1::StateReason kNone = v1::STATE_REASON_UNSPECIFIED;

// FedEx tracking status codes (eventType, latestStatusDetail.code).
constexpr CrosswalkRow kEventRows[] = {
    {"AA", kTransit, kNone, "At airport"},
    {"AC", kTransit, kNone, "At Canada Post facility"},
    {"AD", kOut, kNone, "At delivery"},
    {"AE", kTransit, kNone, "Shipment arriving early"},
    {"AF", kTransit, kNone, "At local FedEx facility"},
    {"AO", kTransit, kNone, "Shipment arriving on-time"},
    {"AP", kLabel, kNone, "At pickup"},
    {"AR", kTransit, kNone, "Arrived at"},
    {"AX", kTransit, kNone, "At USPS facility"},
    {"BR", kTransit, kNone, "Broker"},
    {"CA", kCancelled, kNone, "Shipment cancelled"},
    {"CC", kTransit, kNone, "Cleared customs"},
    {"CD", kDelayed, v1::STATE_REASON_CUSTOMS, "Clearance delay"},
    {"CH", kTransit, kNone, "Location changed"},
    {"CP", kTransit, kNone, "Clearance in progress"},
    {"CU", kTransit, kNone, "Customs"},
    {"DD", kDelayed, v1::STATE_REASON_CARRIER_DELAY, "Delivery delay"},
    {"DE", kAttempted, v1::STATE_REASON_OTHER, "Delivery exception"},
    {"DL", kDelivered, kNone, "Delivered"},
    {"DP", kTransit, kNone, "Departed"},
    {"DR", kLabel, kNone, "Vehicle furnished but not used"},
    {"DS", kTransit, kNone, "Vehicle dispatched"},
    {"DY", kDelayed, v1::STATE_REASON_CARRIER_DELAY, "Delay"},
    {"EA", kTransit, kNone, "Enroute to airport"},
    {"ED", kOut, kNone, "Enroute to delivery"},
    {"EO", kTransit, kNone, "Enroute to origin airport"},
    {"EP", kLabel, kNone, "Enroute to pickup"},
    {"FD", kTransit, kNone, "At FedEx destination"},
    {"HL", kPickup, v1::STATE_REASON_HELD_FOR_PICKUP, "Hold at location"},
    {"HP", kPickup, v1::STATE_REASON_HELD_FOR_PICKUP, "Ready for recipient pickup"},
    {"IT", kTransit, kNone, "In transit"},
    {"IX", kTransit, kNone, "In transit (see details)"},
    {"LO", kTransit, kNone, "Left origin"},
    {"LP", kCancelled, kNone, "Return label link cancelled by shipment originator"},
    {"OC", kLabel, kNone, "Order created (shipment information sent to FedEx)"},
    {"OD", kOut, kNone, "Out for delivery"},
    {"OF", kTransit, kNone, "At FedEx origin facility"},
    {"OX", kLabel, kNone, "Shipment information sent to USPS"},
    {"PD", kDelayed, v1::STATE_REASON_CARRIER_DELAY, "Pickup delay"},
    {"PF", kTransit, kNone, "Plane in flight"},
    {"PL", kTransit, kNone, "Plane landed"},
    {"PM", kTransit, kNone, "In progress"},
    {"PU", kPickedUp, kNone, "Picked up"},
    {"PX", kPickedUp, kNone, "Picked up (see details)"},
    {"RC", kTransit, kNone, "Custom delivery option cancelled"},
    {"RD", kCancelled, kNone, "Return label link expired"},
    {"RG", kLabel, kNone, "Return label link expiring soon"},
    {"RM", kTransit, kNone, "Custom delivery option modified"},
    {"RP", kLabel, kNone, "Return label link emailed to return sender"},
    {"RR", kTransit, kNone, "Custom delivery option requested"},
    {"RS", kReturning, v1::STATE_REASON_RETURN_TO_SENDER, "Return to shipper"},
    {"SE", kException, v1::STATE_REASON_OTHER, "Shipment exception"},
    {"SF", kTransit, kNone, "At sort facility"},
    {"SP", kTransit, kNone, "Split status"},
    {"TR", kTransit, kNone, "Transfer"},
};

// A delivery exception (eventType DE) with its exception code.
constexpr CrosswalkRow kDeliveryExceptionRows[] = {
    {"DE/007", kAttempted, v1::STATE_REASON_RECIPIENT_UNAVAILABLE, "Delivery attempted"},
    {"DE/03", kException, v1::STATE_REASON_ADDRESS_ISSUE, "Incorrect address"},
    {"DE/060G", kReturning, v1::STATE_REASON_RETURN_TO_SENDER, "Returning package to shipper"},
    {"DE/07", kReturning, v1::STATE_REASON_REFUSED, "Refused by recipient"},
    {"DE/08", kAttempted, v1::STATE_REASON_RECIPIENT_UNAVAILABLE,
     "Customer not available or business closed"},
    {"DE/17", kTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Customer requested future delivery"},
    {"DE/A13", kTransit, kNone, "Package redirected"},
    {"DE/A47", kTransit, v1::STATE_REASON_HELD_FOR_PICKUP,
     "FedEx redirected your package to a nearby FedEx location"},
};

// Derived status codes (derivedStatusCode, latestStatusDetail.derivedCode).
constexpr CrosswalkRow kDerivedRows[] = {
    {"CA", kCancelled, kNone, "Cancelled"},
    {"DE", kAttempted, v1::STATE_REASON_OTHER, "Delivery exception"},
    {"DL", kDelivered, kNone, "Delivered"},
    {"DY", kDelayed, v1::STATE_REASON_CARRIER_DELAY, "Delay"},
    {"HL", kPickup, v1::STATE_REASON_HELD_FOR_PICKUP, "Hold at location"},
    {"HP", kPickup, v1::STATE_REASON_HELD_FOR_PICKUP, "Ready for pickup"},
    {"IN", kLabel, kNone, "Initiated (label created)"},
    {"IT", kTransit, kNone, "In transit"},
    {"OD", kOut, kNone, "Out for delivery"},
    {"PU", kPickedUp, kNone, "Picked up"},
    {"RL", kDelayed, v1::STATE_REASON_CARRIER_DELAY, "Running late"},
    {"RS", kReturning, v1::STATE_REASON_RETURN_TO_SENDER, "Return to shipper"},
    {"SE", kException, v1::STATE_REASON_OTHER, "Shipment exception"},
};

// Rows whose reason is only the generic one for their state; FedEx's
// exception text may name a better one.
bool TakesReasonFromText(const CrosswalkRow& row) {
  if (row.reason != kNone && row.reason != v1::STATE_REASON_OTHER &&
      row.reason != v1::STATE_REASON_CARRIER_DELAY &&
      row.reason != v1::STATE_REASON_RETURN_TO_SENDER) {
    return false;
  }
  return row.state == kAttempted || row.state == kException || row.state == kDelayed ||
         row.state == kReturning;
}

}  // namespace

const Crosswalk& FedexEventCrosswalk() {
  static const Crosswalk kTable{
      "FedEx", "scanEvents[].eventType, latestStatusDetail.code",
      "FedEx Track API tracking status codes "
      "(https://developer.fedex.com/api/en-us/guides/api-reference.html#trackingstatuscodes; "
      "FedEx Web Services Track Service WSDL Guide, tracking status codes)",
      kEventRows};
  return kTable;
}

const Crosswalk& FedexDeliveryExceptionCrosswalk() {
  static const Crosswalk kTable{
      "FedEx", "DE (delivery exception) / scanEvents[].exceptionCode",
      "FedEx Track API delivery exception codes as FedEx returns them with their "
      "exceptionDescription (Track API responses; ../shared/fixtures/fedex)",
      kDeliveryExceptionRows};
  return kTable;
}

const Crosswalk& FedexDerivedCrosswalk() {
  static const Crosswalk kTable{
      "FedEx", "scanEvents[].derivedStatusCode, latestStatusDetail.derivedCode",
      "FedEx Track API derived status codes (Track API response schema and samples)", kDerivedRows};
  return kTable;
}

FedexStatus MapFedexStatus(absl::string_view code, absl::string_view derived_code,
                           absl::string_view exception_code, absl::string_view text) {
  const std::string upper_code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(code));
  const std::string upper_derived = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(derived_code));
  const std::string upper_exception =
      absl::AsciiStrToUpper(absl::StripAsciiWhitespace(exception_code));
  const CrosswalkRow* event = FedexEventCrosswalk().Find(upper_code);
  const CrosswalkRow* derived = FedexDerivedCrosswalk().Find(upper_derived);
  // A derived "delivered" counts only where no event code says otherwise.
  if (derived != nullptr && derived->state == kDelivered && !upper_code.empty() &&
      upper_code != "DL") {
    derived = nullptr;
  }
  const CrosswalkRow* chosen = event;
  const CrosswalkRow* pair = nullptr;
  if (event != nullptr && upper_code == "DE" && !upper_exception.empty()) {
    pair = FedexDeliveryExceptionCrosswalk().Find(CrosswalkPair("DE", upper_exception));
  }
  if (pair != nullptr) {
    return {pair->state, pair->reason};  // the exception code's own meaning
  }
  // Only an event code that says no more than "in transit" (or none) lets the
  // derived code speak; a delivery exception stays one.
  if (chosen == nullptr || (chosen->state == kTransit && derived != nullptr)) {
    chosen = derived != nullptr ? derived : event;
  }
  if (chosen == nullptr) return {kTransit, kNone};
  FedexStatus status{chosen->state, chosen->reason};
  if (TakesReasonFromText(*chosen)) {
    const v1::StateReason from_text = ReasonFromText(text);
    if (from_text != kNone) status.reason = from_text;
  }
  return status;
}

FedexStatus ApplyFedexDelay(FedexStatus status, absl::string_view delay_status,
                            absl::string_view delay_type) {
  if (absl::AsciiStrToUpper(delay_status) != "DELAYED") return status;
  if (status.state != kTransit && status.state != kPickedUp && status.state != kDelayed) {
    return status;
  }
  const std::string type = absl::AsciiStrToUpper(delay_type);
  v1::StateReason reason = v1::STATE_REASON_CARRIER_DELAY;
  if (type == "WEATHER") {
    reason = v1::STATE_REASON_WEATHER;
  } else if (type == "CUSTOMS" || type == "CLEARANCE") {
    reason = v1::STATE_REASON_CUSTOMS;
  } else if (status.state == kDelayed && status.reason != kNone) {
    reason = status.reason;
  }
  return {kDelayed, reason};
}

}  // namespace trackenrich::adapters::fedex
