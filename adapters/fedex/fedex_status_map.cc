#include "adapters/fedex/fedex_status_map.h"

#include <string>

#include "absl/strings/ascii.h"

#include "adapters/common/crosswalk_names.h"
#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::fedex {
namespace {

// FedEx tracking status codes (eventType, latestStatusDetail.code): FedEx's
// "Tracking Status Codes" table in its API reference (Movement, Regulatory
// and Possession groups; CA, EA, RC and SP appear in two groups with two
// meanings, one row each here), plus AE from the same page's webhook table
// (EDD: "Shipment arriving early").
constexpr CrosswalkRow kEventRows[] = {
    {"AA", kInTransit, kNoReason, "At airport"},
    {"AC", kInTransit, kNoReason, "At Canada Post facility"},
    {"AD", kOutForDelivery, kNoReason, "At delivery"},
    {"AE", kInTransit, kNoReason, "Shipment arriving early (webhook EDD events)"},
    {"AF", kInTransit, kNoReason, "At local FedEx Facility"},
    {"AO", kInTransit, kNoReason, "Shipment arriving On-time"},
    {"AP", kLabelCreated, kNoReason, "At pickup"},
    {"AR", kInTransit, kNoReason, "Arrived at FedEx location"},
    {"AX", kInTransit, kNoReason, "At USPS facility"},
    {"BR", kInTransit, kNoReason, "Broker (possession)"},
    {"CA", kCancelled, kNoReason, "Shipment Cancelled (also possession: Carrier)"},
    {"CC", kInTransit, kNoReason, "Cleared customs"},
    {"CD", kDelayed, kCustoms, "Clearance delay"},
    {"CH", kInTransit, kNoReason, "Location changed"},
    {"CP", kInTransit, kNoReason, "Clearance in progress"},
    {"CU", kInTransit, kNoReason, "Customs (possession)"},
    {"DD", kDelayed, kCarrierDelay, "Delivery delay"},
    {"DE", kAttempted, kOtherReason, "Delivery exception"},
    {"DL", kDelivered, kNoReason, "Delivered"},
    {"DP", kInTransit, kNoReason, "Departed"},
    {"DR", kLabelCreated, kNoReason, "Vehicle furnished but not used"},
    {"DS", kInTransit, kNoReason, "Vehicle dispatched"},
    {"DY", kDelayed, kCarrierDelay, "Delay"},
    {"EA", kInTransit, kNoReason, "Enroute to Airport; Export Approved"},
    {"ED", kOutForDelivery, kNoReason, "Enroute to delivery"},
    {"EO", kInTransit, kNoReason, "Enroute to origin airport"},
    {"EP", kLabelCreated, kNoReason, "Enroute to pickup"},
    {"FD", kInTransit, kNoReason, "At FedEx destination"},
    {"HL", kForPickup, kHeldForPickup, "Hold at location"},
    {"HP", kForPickup, kHeldForPickup, "Ready for recipient pickup"},
    {"IT", kInTransit, kNoReason, "In transit"},
    {"IX", kInTransit, kNoReason, "In transit (see details)"},
    {"LO", kInTransit, kNoReason, "Left origin"},
    {"LP", kCancelled, kNoReason, "Return label link cancelled by shipment originator"},
    {"OC", kLabelCreated, kNoReason, "Order created (shipment information sent to FedEx)"},
    {"OD", kOutForDelivery, kNoReason, "Out for delivery"},
    {"OF", kInTransit, kNoReason, "At FedEx origin facility"},
    {"OW", kInTransit, kNoReason, "On the way"},
    {"OX", kLabelCreated, kNoReason, "Shipment information sent to USPS"},
    {"PD", kDelayed, kCarrierDelay, "Pickup delay"},
    {"PF", kInTransit, kNoReason, "Plane in flight"},
    {"PL", kInTransit, kNoReason, "Plane landed"},
    {"PM", kInTransit, kNoReason, "In progress"},
    {"PU", kPickedUp, kNoReason, "Picked up"},
    {"PX", kPickedUp, kNoReason, "Picked up (see details)"},
    {"RC", kInTransit, kNoReason, "CDO Cancelled (also possession: Recipient)"},
    {"RD", kCancelled, kNoReason, "Return label link expired"},
    {"RG", kLabelCreated, kNoReason, "Return label link expiring soon"},
    {"RM", kInTransit, kNoReason, "CDO Modified"},
    {"RP", kLabelCreated, kNoReason, "Return label link emailed to return sender"},
    {"RR", kInTransit, kNoReason, "CDO requested"},
    {"RS", kReturning, kReturnToSender, "Return to shipper"},
    {"SE", kException, kOtherReason, "Shipment exception"},
    {"SF", kInTransit, kNoReason, "At sort facility"},
    {"SH", kLabelCreated, kNoReason, "Shipper (possession: FedEx does not have the package)"},
    {"SP", kInTransit, kNoReason, "Split Status"},
    {"TP", kInTransit, kNoReason, "Transfer Partner (possession)"},
    {"TR", kInTransit, kNoReason, "Transfer"},
};

// A delivery exception (eventType DE) with its exception code. FedEx
// publishes no list of exception codes for the Track API: the codes below are
// those FedEx names in its API reference (mock tracking numbers: DE 007
// "Customer not available or business closed", DE 083 "Local delivery
// restriction", DE 03 "Incorrect address") and those its Track API returns
// with their exceptionDescription (../shared/fixtures/fedex, issue 16).
// Searched for a published list without finding one: developer.fedex.com's
// Track API pages in the docs corpus (the changelog names event types, not
// exception codes), "FedEx DEX codes" and "delivery exception codes" in the
// pages, code and issues corpora (only FedEx EDI and X12 214 reason codes,
// which are other code sets), and exact-string look-ups of FedEx's exception
// descriptions ("Customer not available or business closed": FedEx's mock
// numbers for DE 007, 083, 03 and SE 099).
constexpr CrosswalkRow kDeliveryExceptionRows[] = {
    {"DE/007", kAttempted, kRecipientUnavailable, "Customer not available or business closed"},
    {"DE/03", kException, kAddressIssue, "Incorrect address"},
    {"DE/060G", kReturning, kReturnToSender, "Returning package to shipper"},
    {"DE/07", kReturning, v1::STATE_REASON_REFUSED, "Refused by recipient"},
    {"DE/083", kDelayed, kAccessRestricted, "Local delivery restriction, delivery not attempted"},
    {"DE/08", kAttempted, kRecipientUnavailable, "Customer not available or business closed"},
    {"DE/17", kInTransit, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Customer requested future delivery"},
    {"DE/A13", kInTransit, kNoReason, "Package redirected"},
    {"DE/A47", kInTransit, kHeldForPickup,
     "FedEx redirected your package to a nearby FedEx location"},
};

// Derived status codes (derivedStatusCode, latestStatusDetail.derivedCode).
constexpr CrosswalkRow kDerivedRows[] = {
    {"CA", kCancelled, kNoReason, "Cancelled"},
    {"DE", kAttempted, kOtherReason, "Delivery exception"},
    {"DL", kDelivered, kNoReason, "Delivered"},
    {"DY", kDelayed, kCarrierDelay, "Delay"},
    {"HL", kForPickup, kHeldForPickup, "Hold at location"},
    {"HP", kForPickup, kHeldForPickup, "Ready for pickup"},
    {"IN", kLabelCreated, kNoReason, "Initiated (label created)"},
    {"IT", kInTransit, kNoReason, "In transit"},
    {"OD", kOutForDelivery, kNoReason, "Out for delivery"},
    {"PU", kPickedUp, kNoReason, "Picked up"},
    {"RL", kDelayed, kCarrierDelay, "Running late"},
    {"RS", kReturning, kReturnToSender, "Return to shipper"},
    {"SE", kException, kOtherReason, "Shipment exception"},
};

// Rows whose reason is only the generic one for their state; FedEx's
// exception text may name a better one.
bool TakesReasonFromText(const CrosswalkRow& row) {
  if (row.reason != kNoReason && row.reason != kOtherReason && row.reason != kCarrierDelay &&
      row.reason != kReturnToSender) {
    return false;
  }
  return row.state == kAttempted || row.state == kException || row.state == kDelayed ||
         row.state == kReturning;
}

}  // namespace

const Crosswalk& FedexEventCrosswalk() {
  static const Crosswalk kTable{
      "FedEx", "scanEvents[].eventType, latestStatusDetail.code",
      "FedEx API reference, Tracking Status Codes "
      "(https://developer.fedex.com/api/en-us/guides/api-reference.html#trackingstatuscodes); "
      "AE from the same page's Status Code and Statuses for Webhook Tracking Events",
      kEventRows};
  return kTable;
}

const Crosswalk& FedexDeliveryExceptionCrosswalk() {
  static const Crosswalk kTable{
      "FedEx", "DE (delivery exception) / scanEvents[].exceptionCode",
      "FedEx publishes no exception-code list; codes named in the FedEx API reference "
      "(https://developer.fedex.com/api/en-us/guides/api-reference.html, mock tracking "
      "numbers: DE 007, 083, 03) and returned by the Track API with their "
      "exceptionDescription (../shared/fixtures/fedex)",
      kDeliveryExceptionRows};
  return kTable;
}

const Crosswalk& FedexDerivedCrosswalk() {
  static const Crosswalk kTable{
      "FedEx", "scanEvents[].derivedStatusCode, latestStatusDetail.derivedCode",
      "FedEx Track API derived status codes: FedEx publishes no separate list; the codes of "
      "the Track API response schema examples and of FedEx's own samples "
      "(../shared/fixtures/fedex)",
      kDerivedRows};
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
  if (chosen == nullptr || (chosen->state == kInTransit && derived != nullptr)) {
    chosen = derived != nullptr ? derived : event;
  }
  if (chosen == nullptr) return {kInTransit, kNoReason};
  FedexStatus status{chosen->state, chosen->reason};
  if (TakesReasonFromText(*chosen)) {
    const v1::StateReason from_text = ReasonFromText(text);
    if (from_text != kNoReason) status.reason = from_text;
  }
  return status;
}

FedexStatus ApplyFedexDelay(FedexStatus status, absl::string_view delay_status,
                            absl::string_view delay_type) {
  if (absl::AsciiStrToUpper(delay_status) != "DELAYED") return status;
  if (status.state != kInTransit && status.state != kPickedUp && status.state != kDelayed) {
    return status;
  }
  const std::string type = absl::AsciiStrToUpper(delay_type);
  v1::StateReason reason = kCarrierDelay;
  if (type == "WEATHER") {
    reason = v1::STATE_REASON_WEATHER;
  } else if (type == "CUSTOMS" || type == "CLEARANCE") {
    reason = kCustoms;
  } else if (status.state == kDelayed && status.reason != kNoReason) {
    reason = status.reason;
  }
  return {kDelayed, reason};
}

}  // namespace trackenrich::adapters::fedex
