#include "adapters/dhl/dhl_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::dhl {
namespace {

bool Has(const std::string& lower, absl::string_view phrase) {
  return absl::StrContains(lower, phrase);
}

bool SaysReturning(const std::string& lower) {
  return Has(lower, "return") && (Has(lower, "sender") || Has(lower, "shipper") ||
                                  Has(lower, "being returned") || Has(lower, "returned"));
}

// What the text says for a moving shipment; UNSPECIFIED when nothing particular.
DhlStatus FromTransitText(const std::string& lower, absl::string_view text) {
  if (SaysReturning(lower)) {
    return {v1::SHIPMENT_STATE_RETURNING, ReasonOr(text, v1::STATE_REASON_RETURN_TO_SENDER)};
  }
  if (Has(lower, "out for delivery") || Has(lower, "delivery vehicle") ||
      Has(lower, "with delivery courier") || Has(lower, "on its way to the recipient")) {
    return {v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}};
  }
  if (Has(lower, "ready for pick") || Has(lower, "available for pick") ||
      Has(lower, "awaiting collection") || Has(lower, "packstation") || Has(lower, "parcelshop") ||
      Has(lower, "service point")) {
    return {v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP};
  }
  if (Has(lower, "delay")) {
    return {v1::SHIPMENT_STATE_DELAYED, ReasonOr(text, v1::STATE_REASON_CARRIER_DELAY)};
  }
  if (Has(lower, "customs") && (Has(lower, "held") || Has(lower, "pending"))) {
    return {v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CUSTOMS};
  }
  return {};
}

DhlStatus FromFailureText(const std::string& lower, absl::string_view text) {
  if (SaysReturning(lower)) {
    return {v1::SHIPMENT_STATE_RETURNING, ReasonOr(text, v1::STATE_REASON_RETURN_TO_SENDER)};
  }
  if (Has(lower, "attempt") || Has(lower, "could not be delivered") ||
      Has(lower, "notification card")) {
    return {v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
            ReasonOr(text, v1::STATE_REASON_RECIPIENT_UNAVAILABLE)};
  }
  if (Has(lower, "lost")) return {v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST};
  return {v1::SHIPMENT_STATE_EXCEPTION, ReasonOr(text, v1::STATE_REASON_OTHER)};
}

constexpr CrosswalkRow kStatusCodes[] = {
    {"pre-transit",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Pre-transit: the shipment is announced, DHL does not have it yet"},
    {"transit",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Transit: moving in DHL's network (the text can say out for delivery, held for pickup, "
     "delayed or returning)"},
    {"delivered",
     v1::SHIPMENT_STATE_DELIVERED,
     {},
     "Delivered (RETURNED when the text says delivered back to the sender)"},
    {"failure", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER,
     "Failure (the text can say an attempt, a return, lost or the reason)"},
    {"unknown",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Unknown: an event DHL has not classified, such as the label's announcement; never a "
     "carrier scan (the text can say the package moves)"},
};

}  // namespace

const Crosswalk& DhlStatusCodeCrosswalk() {
  static const Crosswalk kTable{
      "DHL", "statusCode (shipment.status and events[])",
      "DHL Shipment Tracking - Unified API reference, statusCode enumeration "
      "(https://developer.dhl.com/api-reference/shipment-tracking)",
      kStatusCodes};
  return kTable;
}

DhlStatus MapDhlStatus(absl::string_view status_code, absl::string_view text) {
  const std::string code = absl::AsciiStrToLower(absl::StripAsciiWhitespace(status_code));
  const CrosswalkRow* row = DhlStatusCodeCrosswalk().Find(code);
  if (row == nullptr) row = DhlStatusCodeCrosswalk().Find("unknown");
  const DhlStatus base{row->state, row->reason};
  const std::string lower = absl::AsciiStrToLower(text);
  if (row->code == "pre-transit") return base;
  if (row->code == "delivered") {
    // Delivered back to the sender is the end of a return, not a delivery.
    if (SaysReturning(lower) && (Has(lower, "sender") || Has(lower, "shipper"))) {
      return {v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER};
    }
    return base;
  }
  if (row->code == "failure") return FromFailureText(lower, text);
  // transit and unknown: the text may say more.
  const DhlStatus refined = FromTransitText(lower, text);
  return refined.state != v1::SHIPMENT_STATE_UNSPECIFIED ? refined : base;
}

}  // namespace trackenrich::adapters::dhl
