#include "adapters/amazon/sp_api_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace trackenrich::adapters::amazon {
namespace {

using v1::ShipmentState;
using v1::StateReason;

// "PendingPickUp" and "PENDING_PICK_UP" both become "PENDINGPICKUP".
std::string Folded(absl::string_view text) {
  std::string folded;
  for (char c : text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      folded.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
    }
  }
  return folded;
}

struct StatusRow {
  absl::string_view code;
  ShipmentState state;
  StateReason reason;
};

SpApiStatus Lookup(absl::string_view code, const StatusRow* rows, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (rows[i].code == code) return {rows[i].state, rows[i].reason};
  }
  return {};
}

template <size_t N>
SpApiStatus Lookup(absl::string_view code, const StatusRow (&rows)[N]) {
  return Lookup(code, rows, N);
}

// Orders 2026-01-01 PackageStatus.detailedStatus (folded), which is also
// v0's EasyShipShipmentStatus folded.
constexpr StatusRow kDetailedPackageStatus[] = {
    {"PENDINGSCHEDULE", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PENDINGPICKUP", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PENDINGDROPOFF", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"LABELCANCELLED", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    // v0 spells it with one L.
    {"LABELCANCELED", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"PICKEDUP", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"DROPPEDOFF", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"ATORIGINFC", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"ATDESTINATIONFC", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"OUTFORDELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"REJECTEDBYBUYER", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"UNDELIVERABLE", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_OTHER},
    {"RETURNINGTOSELLER", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"RETURNEDTOSELLER", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER},
    {"LOST", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST},
    {"DAMAGED", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_DAMAGED},
};

// Orders 2026-01-01 PackageStatus.status (folded).
constexpr StatusRow kPackageStatus[] = {
    {"PENDING", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"SHIPPED", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"INTRANSIT", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"CANCELLED", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"UNDELIVERABLE", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_OTHER},
};

constexpr StatusRow kFulfillmentShipmentStatus[] = {
    {"PENDING", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"SHIPPED", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"CANCELLEDBYFULFILLER", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"CANCELLEDBYSELLER", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
};

// getPackageTrackingDetails CurrentStatus. The PICKUP_* and RETURN_* values
// describe a return the buyer started after delivery.
constexpr StatusRow kMcfCurrentStatus[] = {
    {"INTRANSIT", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"RETURNING", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"RETURNED", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER},
    {"UNDELIVERABLE", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_OTHER},
    {"DELAYED", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"AVAILABLEFORPICKUP", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
    {"CUSTOMERACTION", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},
    {"OUTFORDELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"DELIVERYATTEMPTED", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"PICKUPSCHEDULED", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_UNSPECIFIED},
    {"PICKUPATTEMPTED", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"PICKUPCANCELLED", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_UNSPECIFIED},
    {"PICKUPSUCCESSFUL", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_UNSPECIFIED},
    {"RETURNREQUESTACCEPTED", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_UNSPECIFIED},
    {"RETURNRECEIVEDINFC", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_UNSPECIFIED},
    {"REFUNDISSUED", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_UNSPECIFIED},
};

// getPackageTrackingDetails EventCode, with the model's descriptions.
constexpr StatusRow kMcfEvents[] = {
    {"EVENT101", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},  // notified
    {"EVENT102", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT201", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},  // arrival scan
    {"EVENT202", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},  // departure
    {"EVENT203", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},  // in country
    {"EVENT204", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},  // customs start
    {"EVENT205", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},  // customs done
    {"EVENT206", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},  // to pickup point
    {"EVENT301", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT302", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT304", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"EVENT306", v1::SHIPMENT_STATE_IN_TRANSIT,
     v1::STATE_REASON_UNSPECIFIED},  // customer contacted
    {"EVENT307", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"EVENT308", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"EVENT309", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER},
    {"EVENT401", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE},  // bad address
    {"EVENT402", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CUSTOMS},
    {"EVENT403", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE},  // moved
    {"EVENT404", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_FORCE_MAJEURE},    // external
    {"EVENT405", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_DAMAGED},
    {"EVENT406", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},  // held by carrier
    {"EVENT407", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"EVENT408", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"EVENT409", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST},
    {"EVENT411", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_SENDER_ISSUE},  // paperwork
    {"EVENT412", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_SENDER_ISSUE},  // mismatch
    {"EVENT413", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_CUSTOMS_DUTIES_UNPAID},
    {"EVENT414", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_MISSORTED},
    {"EVENT415", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},  // from prior
    {"EVENT416", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_OTHER},              // undeliverable
    {"EVENT417", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_MISSORTED},
    {"EVENT418", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"EVENT419", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_ADDRESS_ISSUE},  // corrected
    // Delivered to a locker: the buyer still has to collect it.
    {"EVENT801", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"EVENT804", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},  // collected
};

struct CarrierRow {
  absl::string_view code;  // folded
  v1::Carrier carrier;
};

// Amazon's carrier codes (confirmShipment carrierCode, MCF carrierCode,
// 2026 packages' carrier name), folded. Prefix matches: "DHL eCommerce",
// "DHL Express", "FedEx SmartPost" and "AMZN_UK" all resolve by prefix.
constexpr CarrierRow kCarriers[] = {
    {"UPS", v1::CARRIER_UPS},
    {"FEDEX", v1::CARRIER_FEDEX},
    {"USPS", v1::CARRIER_USPS},
    {"DHL", v1::CARRIER_DHL},
    {"DPD", v1::CARRIER_DPD},
    {"AMZN", v1::CARRIER_AMAZON},
    {"AMAZON", v1::CARRIER_AMAZON},
    {"GLS", v1::CARRIER_GLS},
    {"ROYALMAIL", v1::CARRIER_ROYAL_MAIL},
    {"POSTEITALIANE", v1::CARRIER_POSTE_ITALIANE},
    {"BRT", v1::CARRIER_BRT},
    {"BARTOLINI", v1::CARRIER_BRT},
    {"LAPOSTE", v1::CARRIER_LA_POSTE},
    {"COLISSIMO", v1::CARRIER_LA_POSTE},
    {"DEUTSCHEPOST", v1::CARRIER_DEUTSCHE_POST},
    {"CANADAPOST", v1::CARRIER_CANADA_POST},
    {"AUSTRALIAPOST", v1::CARRIER_AUSTRALIA_POST},
    {"ONTRAC", v1::CARRIER_ONTRAC},
    {"LASERSHIP", v1::CARRIER_LASERSHIP},
    {"CORREOS", v1::CARRIER_CORREOS},
    {"POSTNL", v1::CARRIER_POSTNL},
    {"EVRI", v1::CARRIER_EVRI},
    {"HERMES", v1::CARRIER_EVRI},
};

}  // namespace

v1::OrderStatus MapOrderStatus(absl::string_view status) {
  const std::string folded = Folded(status);
  if (folded == "PENDING" || folded == "PENDINGAVAILABILITY" || folded == "INVOICEUNCONFIRMED") {
    return v1::ORDER_STATUS_PENDING;
  }
  if (folded == "UNSHIPPED") return v1::ORDER_STATUS_UNSHIPPED;
  if (folded == "PARTIALLYSHIPPED") return v1::ORDER_STATUS_PARTIALLY_SHIPPED;
  if (folded == "SHIPPED") return v1::ORDER_STATUS_SHIPPED;
  if (folded == "CANCELED" || folded == "CANCELLED") return v1::ORDER_STATUS_CANCELLED;
  if (folded == "UNFULFILLABLE") return v1::ORDER_STATUS_UNFULFILLABLE;
  return v1::ORDER_STATUS_UNSPECIFIED;
}

v1::OrderStatus MapFulfillmentOrderStatus(absl::string_view status) {
  const std::string folded = Folded(status);
  if (folded == "NEW" || folded == "RECEIVED" || folded == "PLANNING" || folded == "PROCESSING") {
    return v1::ORDER_STATUS_UNSHIPPED;
  }
  if (folded == "COMPLETE") return v1::ORDER_STATUS_SHIPPED;
  if (folded == "COMPLETEPARTIALLED") return v1::ORDER_STATUS_PARTIALLY_SHIPPED;
  if (folded == "CANCELLED") return v1::ORDER_STATUS_CANCELLED;
  if (folded == "UNFULFILLABLE" || folded == "INVALID") return v1::ORDER_STATUS_UNFULFILLABLE;
  return v1::ORDER_STATUS_UNSPECIFIED;
}

SpApiStatus MapPackageStatus(absl::string_view status, absl::string_view detailed_status) {
  SpApiStatus detailed = Lookup(Folded(detailed_status), kDetailedPackageStatus);
  if (detailed.state != v1::SHIPMENT_STATE_UNSPECIFIED) return detailed;
  return Lookup(Folded(status), kPackageStatus);
}

SpApiStatus MapFulfillmentShipmentStatus(absl::string_view status) {
  return Lookup(Folded(status), kFulfillmentShipmentStatus);
}

SpApiStatus MapMcfCurrentStatus(absl::string_view status) {
  return Lookup(Folded(status), kMcfCurrentStatus);
}

SpApiStatus MapMcfEvent(absl::string_view event_code) {
  return Lookup(Folded(event_code), kMcfEvents);
}

v1::Carrier CarrierFromAmazonCode(absl::string_view code) {
  const std::string folded = Folded(code);
  if (folded.empty()) return v1::CARRIER_UNSPECIFIED;
  for (const CarrierRow& row : kCarriers) {
    if (absl::StartsWith(folded, row.code)) return row.carrier;
  }
  return v1::CARRIER_UNSPECIFIED;
}

}  // namespace trackenrich::adapters::amazon
