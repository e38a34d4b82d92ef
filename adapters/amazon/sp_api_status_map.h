// The Selling Partner API crosswalks: order statuses, package statuses
// (Orders API 2026-01-01 packages, v0 EasyShip), Fulfillment Outbound (MCF)
// package statuses and event codes, and Amazon's carrier codes.
//
//   v1::OrderStatus status = MapOrderStatus("PARTIALLY_SHIPPED");
//   SpApiStatus package = MapPackageStatus("IN_TRANSIT", "OUT_FOR_DELIVERY");
//   SpApiStatus event = MapMcfEvent("EVENT_402");  // DELAYED, CUSTOMS
//   v1::Carrier carrier = CarrierFromAmazonCode("Royal Mail");
//
//   const CrosswalkRow* row = McfEventCrosswalk().Find("EVENT_407");  // RETURNING, REFUSED
//
// Sources: the enums of orders_2026-01-01.json (fulfillmentStatus,
// PackageStatus.status and detailedStatus), ordersV0.json (OrderStatus,
// EasyShipShipmentStatus), fulfillmentOutbound_2020-07-01.json
// (FulfillmentOrderStatus, FulfillmentShipmentStatus, CurrentStatus,
// EventCode with its descriptions), all in amzn/selling-partner-api-models;
// reference/upstream-apis.md §3.1-§3.4. Codes are matched on their letters
// and digits only, so v0's "PendingPickUp" and 2026's "PENDING_PICK_UP" read
// alike. Lost means lost: refused packages are RETURNING, undeliverable ones
// an EXCEPTION, and only MCF's currentStatus UNDELIVERABLE ("lost or
// destroyed") is LOST.
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SP_API_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SP_API_STATUS_MAP_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::amazon {

struct SpApiStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// One published order status and the order status it is here.
// Every published code of each field, with its canonical meaning.
const Crosswalk& PackageDetailedStatusCrosswalk();
const Crosswalk& PackageStatusCrosswalk();
const Crosswalk& EasyShipStatusCrosswalk();
const Crosswalk& FulfillmentShipmentStatusCrosswalk();
const Crosswalk& McfCurrentStatusCrosswalk();
const Crosswalk& McfEventCrosswalk();
const OrderStatusCrosswalk& OrderStatus2026Table();
const OrderStatusCrosswalk& OrderStatusV0Table();
const OrderStatusCrosswalk& FulfillmentOrderStatusTable();

// Orders 2026-01-01 fulfillment.fulfillmentStatus ("UNSHIPPED") and v0
// OrderStatus ("Unshipped") alike. ORDER_STATUS_UNSPECIFIED when unknown.
v1::OrderStatus MapOrderStatus(absl::string_view status);

// Fulfillment Outbound fulfillmentOrderStatus ("PROCESSING").
v1::OrderStatus MapFulfillmentOrderStatus(absl::string_view status);

// Orders 2026-01-01 packageStatus: the detailed status when known, else the
// coarse one. v0's EasyShipShipmentStatus ("PendingPickUp") is read as the
// detailed status it spells in camel case.
SpApiStatus MapPackageStatus(absl::string_view status, absl::string_view detailed_status);

// Fulfillment Outbound fulfillmentShipmentStatus (a package's state before
// its tracking is asked for).
SpApiStatus MapFulfillmentShipmentStatus(absl::string_view status);

// getPackageTrackingDetails currentStatus; UNSPECIFIED for UNKNOWN (the
// newest event decides; with no events, its row's LABEL_CREATED).
SpApiStatus MapMcfCurrentStatus(absl::string_view status);

// getPackageTrackingDetails trackingEvents[].eventCode ("EVENT_301").
SpApiStatus MapMcfEvent(absl::string_view event_code);

// Amazon's carrier code or name ("UPS", "FedEx", "Royal Mail", "AMZN_UK",
// "Amazon Logistics") → carrier; CARRIER_UNSPECIFIED when unknown (the
// caller then detects the carrier from the number).
v1::Carrier CarrierFromAmazonCode(absl::string_view code);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SP_API_STATUS_MAP_H_
