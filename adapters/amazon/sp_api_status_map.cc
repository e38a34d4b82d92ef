#include "adapters/amazon/sp_api_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace trackenrich::adapters::amazon {
namespace {

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

// The SP-API models, where each table's codes are published.
constexpr absl::string_view kOrders2026 =
    "orders_2026-01-01.json (amzn/selling-partner-api-models, models/orders-api-model)";
constexpr absl::string_view kOrdersV0 =
    "ordersV0.json (amzn/selling-partner-api-models, models/orders-api-model)";
constexpr absl::string_view kOutbound =
    "fulfillmentOutbound_2020-07-01.json (amzn/selling-partner-api-models, "
    "models/fulfillment-outbound-api-model)";

// The row whose code folds to the same letters as `code` ("PendingPickUp"
// and "PENDING_PICK_UP" alike), or null.
const CrosswalkRow* FindFolded(const Crosswalk& crosswalk, absl::string_view code) {
  const std::string folded = Folded(code);
  if (folded.empty()) return nullptr;
  for (const CrosswalkRow& row : crosswalk.rows) {
    if (Folded(row.code) == folded) return &row;
  }
  return nullptr;
}

SpApiStatus FromRow(const CrosswalkRow* row) {
  if (row == nullptr) return {};
  return {row->state, row->reason};
}

constexpr CrosswalkRow kDetailedPackageStatus[] = {
    {"PENDING_SCHEDULE",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Package awaiting pickup scheduling"},
    {"PENDING_PICK_UP",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Package ready for carrier collection from seller"},
    {"PENDING_DROP_OFF",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Package awaiting seller delivery to carrier"},
    {"LABEL_CANCELLED", v1::SHIPMENT_STATE_CANCELLED, {}, "Shipping label canceled by seller"},
    {"PICKED_UP",
     v1::SHIPMENT_STATE_PICKED_UP,
     {},
     "Package collected by carrier from seller location"},
    {"DROPPED_OFF", v1::SHIPMENT_STATE_PICKED_UP, {}, "Package delivered to carrier by seller"},
    {"AT_ORIGIN_FC",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Package at originating fulfillment center"},
    {"AT_DESTINATION_FC",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Package at destination fulfillment center"},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, {}, "Package successfully delivered to recipient"},
    {"REJECTED_BY_BUYER", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Package refused by intended recipient"},
    // Not lost: the carrier could not hand it over (address or access).
    {"UNDELIVERABLE", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE,
     "Package cannot be delivered due to address or access issues"},
    {"RETURNING_TO_SELLER", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
     "Package in transit back to seller"},
    {"RETURNED_TO_SELLER", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER,
     "Package successfully returned to seller"},
    {"LOST", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST,
     "Package location unknown or confirmed lost"},
    {"OUT_FOR_DELIVERY",
     v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
     {},
     "Package on delivery vehicle for final delivery"},
    {"DAMAGED", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_DAMAGED,
     "Package damaged during transit"},
};

constexpr CrosswalkRow kPackageStatus[] = {
    {"PENDING",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Package preparation stage before carrier handoff"},
    {"IN_TRANSIT",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Package movement phase within carrier network"},
    {"SHIPPED", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "Package dispatch confirmation to customer"},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, {}, "Package completion at final destination"},
    {"CANCELLED", v1::SHIPMENT_STATE_CANCELLED, {}, "Package shipment termination before delivery"},
    {"UNDELIVERABLE", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER,
     "Package delivery failure"},
};

constexpr CrosswalkRow kEasyShipStatus[] = {
    {"PendingSchedule",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "The package is awaiting the schedule for pick-up"},
    {"PendingPickUp",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Amazon has not yet picked up the package from the seller"},
    {"PendingDropOff",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "The seller will deliver the package to the carrier"},
    {"LabelCanceled", v1::SHIPMENT_STATE_CANCELLED, {}, "The seller canceled the pickup"},
    {"PickedUp",
     v1::SHIPMENT_STATE_PICKED_UP,
     {},
     "Amazon has picked up the package from the seller"},
    {"DroppedOff",
     v1::SHIPMENT_STATE_PICKED_UP,
     {},
     "The package was delivered to the carrier by the seller"},
    {"AtOriginFC",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "The package is at the origin fulfillment center"},
    {"AtDestinationFC",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "The package is at the destination fulfillment center"},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, {}, "The package has been delivered"},
    {"RejectedByBuyer", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "The package has been rejected by the buyer"},
    {"Undeliverable", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER,
     "The package cannot be delivered"},
    {"ReturningToSeller", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
     "The package was not delivered and is being returned to the seller"},
    {"ReturnedToSeller", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER,
     "The package was not delivered and was returned to the seller"},
    {"Lost", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST, "The package is lost"},
    {"OutForDelivery", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}, "The package is out for delivery"},
    {"Damaged", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_DAMAGED,
     "The package was damaged by the carrier"},
};

constexpr CrosswalkRow kFulfillmentShipmentStatus[] = {
    {"PENDING",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "The process of picking units from inventory has begun"},
    {"SHIPPED",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "All packages in the shipment have left the fulfillment center"},
    {"CANCELLED_BY_FULFILLER",
     v1::SHIPMENT_STATE_CANCELLED,
     {},
     "The fulfillment center could not fulfill the shipment as planned (Amazon creates a new "
     "shipment)"},
    {"CANCELLED_BY_SELLER",
     v1::SHIPMENT_STATE_CANCELLED,
     {},
     "The shipment was cancelled using the CancelFulfillmentOrder request"},
};

// The PICKUP_* and RETURN_* values describe a return the buyer started after
// delivery.
constexpr CrosswalkRow kMcfCurrentStatus[] = {
    {"IN_TRANSIT", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "In transit to the destination address"},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, {}, "Delivered to the destination address"},
    {"RETURNING", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
     "In the process of being returned to Amazon's fulfillment network"},
    {"RETURNED", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER,
     "Returned to Amazon's fulfillment network"},
    {"UNDELIVERABLE", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_OTHER,
     "Undeliverable because package was lost or destroyed"},
    {"DELAYED", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY, "Delayed"},
    {"AVAILABLE_FOR_PICKUP", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP, "Available for pickup"},
    {"CUSTOMER_ACTION", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER,
     "Requires customer action"},
    {"UNKNOWN",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Unknown Status Code was returned (the newest event decides when there is one)"},
    {"OUT_FOR_DELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}, "Out for Delivery"},
    {"DELIVERY_ATTEMPTED", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE, "Delivery Attempted"},
    {"PICKUP_SUCCESSFUL", v1::SHIPMENT_STATE_RETURNING, {}, "Pickup Successful"},
    {"PICKUP_CANCELLED", v1::SHIPMENT_STATE_RETURNING, {}, "Pickup Cancelled"},
    {"PICKUP_ATTEMPTED", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RECIPIENT_UNAVAILABLE,
     "Pickup Attempted"},
    {"PICKUP_SCHEDULED", v1::SHIPMENT_STATE_RETURNING, {}, "Pickup Scheduled"},
    {"RETURN_REQUEST_ACCEPTED", v1::SHIPMENT_STATE_RETURNING, {}, "Return Request Accepted"},
    {"REFUND_ISSUED", v1::SHIPMENT_STATE_RETURNED, {}, "Refund Issued"},
    {"RETURN_RECEIVED_IN_FC", v1::SHIPMENT_STATE_RETURNED, {}, "Return Received In FC"},
};

constexpr CrosswalkRow kMcfEvents[] = {
    {"EVENT_101", v1::SHIPMENT_STATE_LABEL_CREATED, {}, "Carrier notified to pick up package"},
    {"EVENT_102", v1::SHIPMENT_STATE_PICKED_UP, {}, "Shipment picked up from seller's facility"},
    {"EVENT_201", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "Arrival scan"},
    {"EVENT_202", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "Departure scan"},
    {"EVENT_203", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "Arrived at destination country"},
    {"EVENT_204", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "Initiated customs clearance process"},
    {"EVENT_205", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "Completed customs clearance process"},
    {"EVENT_206", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "In transit to pickup location"},
    {"EVENT_301", v1::SHIPMENT_STATE_DELIVERED, {}, "Delivered"},
    {"EVENT_302", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}, "Out for delivery"},
    {"EVENT_304", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE,
     "Delivery attempted"},
    {"EVENT_306", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "Customer contacted to arrange delivery"},
    {"EVENT_307", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Delivery appointment scheduled"},
    {"EVENT_308", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP,
     "Available for pickup"},
    {"EVENT_309", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER,
     "Returned to seller"},
    {"EVENT_401", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE,
     "Held by carrier - incorrect address"},
    {"EVENT_402", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CUSTOMS, "Customs clearance delay"},
    {"EVENT_403", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE, "Customer moved"},
    {"EVENT_404", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_FORCE_MAJEURE,
     "Delay in delivery due to external factors"},
    {"EVENT_405", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_DAMAGED, "Shipment damaged"},
    {"EVENT_406", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER, "Held by carrier"},
    {"EVENT_407", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Customer refused delivery"},
    {"EVENT_408", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
     "Returning to seller"},
    {"EVENT_409", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST, "Lost by carrier"},
    {"EVENT_411", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_SENDER_ISSUE,
     "Paperwork received - did not receive shipment"},
    {"EVENT_412", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_SENDER_ISSUE,
     "Shipment received - did not receive paperwork"},
    {"EVENT_413", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_CUSTOMS_DUTIES_UNPAID,
     "Held by carrier - customer refused shipment due to customs charges"},
    {"EVENT_414", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_MISSORTED, "Missorted by carrier"},
    {"EVENT_415", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "Received from prior carrier"},
    // One carrier scan saying undeliverable: the package is stuck, not lost
    // (currentStatus UNDELIVERABLE is where Amazon says lost or destroyed).
    {"EVENT_416", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER, "Undeliverable"},
    {"EVENT_417", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_MISSORTED, "Shipment missorted"},
    {"EVENT_418", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY, "Shipment delayed"},
    {"EVENT_419", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_ADDRESS_ISSUE,
     "Address corrected - delivery rescheduled"},
    // Delivered to a locker: the buyer still has to collect it.
    {"EVENT_801", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP,
     "Package delivered to locker"},
    {"EVENT_804", v1::SHIPMENT_STATE_DELIVERED, {}, "Package picked up from locker"},
};

constexpr OrderStatusRow kOrderStatus2026[] = {
    {"PENDING_AVAILABILITY", v1::ORDER_STATUS_PENDING,
     "Pre-order placed, payment not authorized, release date in the future"},
    {"PENDING", v1::ORDER_STATUS_PENDING, "Placed but not ready for shipment"},
    {"UNSHIPPED", v1::ORDER_STATUS_UNSHIPPED,
     "Ready for shipment, but no items in the order have been shipped"},
    {"PARTIALLY_SHIPPED", v1::ORDER_STATUS_PARTIALLY_SHIPPED,
     "At least one, but not all, items in the order have been shipped"},
    {"SHIPPED", v1::ORDER_STATUS_SHIPPED, "All items have been shipped to the customer"},
    {"CANCELLED", v1::ORDER_STATUS_CANCELLED, "Canceled and will not be fulfilled"},
    {"UNFULFILLABLE", v1::ORDER_STATUS_UNFULFILLABLE,
     "Cannot be fulfilled (Amazon-fulfilled orders not placed on Amazon's retail website)"},
};

constexpr OrderStatusRow kOrderStatusV0[] = {
    {"Pending", v1::ORDER_STATUS_PENDING,
     "Placed but payment has not been authorized; not ready for shipment"},
    {"Unshipped", v1::ORDER_STATUS_UNSHIPPED,
     "Payment authorized and ready for shipment, but no items have been shipped"},
    {"PartiallyShipped", v1::ORDER_STATUS_PARTIALLY_SHIPPED,
     "One or more (but not all) items in the order have been shipped"},
    {"Shipped", v1::ORDER_STATUS_SHIPPED, "All items in the order have been shipped"},
    {"Canceled", v1::ORDER_STATUS_CANCELLED, "The order was canceled"},
    {"Unfulfillable", v1::ORDER_STATUS_UNFULFILLABLE,
     "Cannot be fulfilled (Amazon-fulfilled orders not placed on Amazon's retail web site)"},
    // Everything has shipped; only the invoice confirmation is missing.
    {"InvoiceUnconfirmed", v1::ORDER_STATUS_SHIPPED,
     "All items have been shipped; the seller has not confirmed the invoice was shipped"},
    {"PendingAvailability", v1::ORDER_STATUS_PENDING,
     "Pre-order placed, payment not authorized, release date in the future"},
};

constexpr OrderStatusRow kFulfillmentOrderStatus[] = {
    {"New", v1::ORDER_STATUS_UNSHIPPED, "Received but not yet validated"},
    {"Received", v1::ORDER_STATUS_UNSHIPPED, "Received and validated; the seller can cancel it"},
    {"Planning", v1::ORDER_STATUS_UNSHIPPED,
     "Sent to the fulfillment network for shipment planning; no unit picked yet"},
    {"Processing", v1::ORDER_STATUS_UNSHIPPED,
     "Picking units from inventory has begun on at least one shipment"},
    {"Cancelled", v1::ORDER_STATUS_CANCELLED, "Cancelled by the seller"},
    {"Complete", v1::ORDER_STATUS_SHIPPED, "All item quantities have been fulfilled"},
    {"CompletePartialled", v1::ORDER_STATUS_PARTIALLY_SHIPPED,
     "Some item quantities were fulfilled; the rest were cancelled or unfulfillable"},
    {"Unfulfillable", v1::ORDER_STATUS_UNFULFILLABLE,
     "No item quantities could be fulfilled (no sellable inventory)"},
    {"Invalid", v1::ORDER_STATUS_UNFULFILLABLE,
     "Received but could not be validated (address or inventory); no items will ship"},
};

v1::OrderStatus FindOrderStatus(const OrderStatusCrosswalk& table, absl::string_view code) {
  const std::string folded = Folded(code);
  for (const OrderStatusRow& row : table.rows) {
    if (Folded(row.code) == folded) return row.status;
  }
  return v1::ORDER_STATUS_UNSPECIFIED;
}

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

const Crosswalk& PackageDetailedStatusCrosswalk() {
  static const Crosswalk kTable{"Amazon SP-API",
                                "Orders 2026-01-01 packages[].packageStatus.detailedStatus",
                                kOrders2026, kDetailedPackageStatus};
  return kTable;
}

const Crosswalk& PackageStatusCrosswalk() {
  static const Crosswalk kTable{"Amazon SP-API",
                                "Orders 2026-01-01 packages[].packageStatus.status", kOrders2026,
                                kPackageStatus};
  return kTable;
}

const Crosswalk& EasyShipStatusCrosswalk() {
  static const Crosswalk kTable{"Amazon SP-API", "Orders v0 EasyShipShipmentStatus", kOrdersV0,
                                kEasyShipStatus};
  return kTable;
}

const Crosswalk& FulfillmentShipmentStatusCrosswalk() {
  static const Crosswalk kTable{
      "Amazon SP-API", "Fulfillment Outbound fulfillmentShipments[].fulfillmentShipmentStatus",
      kOutbound, kFulfillmentShipmentStatus};
  return kTable;
}

const Crosswalk& McfCurrentStatusCrosswalk() {
  static const Crosswalk kTable{"Amazon SP-API",
                                "Fulfillment Outbound getPackageTrackingDetails currentStatus",
                                kOutbound, kMcfCurrentStatus};
  return kTable;
}

const Crosswalk& McfEventCrosswalk() {
  static const Crosswalk kTable{
      "Amazon SP-API", "Fulfillment Outbound getPackageTrackingDetails trackingEvents[].eventCode",
      kOutbound, kMcfEvents};
  return kTable;
}

const OrderStatusCrosswalk& OrderStatus2026Table() {
  static const OrderStatusCrosswalk kTable{"Amazon SP-API",
                                           "Orders 2026-01-01 fulfillment.fulfillmentStatus",
                                           kOrders2026, kOrderStatus2026};
  return kTable;
}

const OrderStatusCrosswalk& OrderStatusV0Table() {
  static const OrderStatusCrosswalk kTable{"Amazon SP-API", "Orders v0 OrderStatus", kOrdersV0,
                                           kOrderStatusV0};
  return kTable;
}

const OrderStatusCrosswalk& FulfillmentOrderStatusTable() {
  static const OrderStatusCrosswalk kTable{"Amazon SP-API",
                                           "Fulfillment Outbound fulfillmentOrderStatus", kOutbound,
                                           kFulfillmentOrderStatus};
  return kTable;
}

v1::OrderStatus MapOrderStatus(absl::string_view status) {
  const v1::OrderStatus status_2026 = FindOrderStatus(OrderStatus2026Table(), status);
  if (status_2026 != v1::ORDER_STATUS_UNSPECIFIED) return status_2026;
  return FindOrderStatus(OrderStatusV0Table(), status);
}

v1::OrderStatus MapFulfillmentOrderStatus(absl::string_view status) {
  return FindOrderStatus(FulfillmentOrderStatusTable(), status);
}

SpApiStatus MapPackageStatus(absl::string_view status, absl::string_view detailed_status) {
  const CrosswalkRow* detailed = FindFolded(PackageDetailedStatusCrosswalk(), detailed_status);
  if (detailed == nullptr) detailed = FindFolded(EasyShipStatusCrosswalk(), detailed_status);
  if (detailed != nullptr) return FromRow(detailed);
  return FromRow(FindFolded(PackageStatusCrosswalk(), status));
}

SpApiStatus MapFulfillmentShipmentStatus(absl::string_view status) {
  return FromRow(FindFolded(FulfillmentShipmentStatusCrosswalk(), status));
}

SpApiStatus MapMcfCurrentStatus(absl::string_view status) {
  // UNKNOWN defers to the events; its row is the answer when there are none.
  if (Folded(status) == "UNKNOWN") return {};
  return FromRow(FindFolded(McfCurrentStatusCrosswalk(), status));
}

SpApiStatus MapMcfEvent(absl::string_view event_code) {
  return FromRow(FindFolded(McfEventCrosswalk(), event_code));
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
