// The Selling Partner API crosswalks: order statuses, package statuses
// (Orders API 2026-01-01 packages, v0 EasyShip), Fulfillment Outbound (MCF)
// package statuses and event codes, and Amazon's carrier codes.
//
//   v1::OrderStatus status = MapOrderStatus("PARTIALLY_SHIPPED");
//   SpApiStatus package = MapPackageStatus("IN_TRANSIT", "OUT_FOR_DELIVERY");
//   SpApiStatus event = MapMcfEvent("EVENT_402");  // DELAYED, CUSTOMS
//   v1::Carrier carrier = CarrierFromAmazonCode("Royal Mail");
//
// Sources: the enums of orders_2026-01-01.json (fulfillmentStatus,
// PackageStatus.status and detailedStatus), ordersV0.json (OrderStatus,
// EasyShipShipmentStatus), fulfillmentOutbound_2020-07-01.json
// (FulfillmentOrderStatus, FulfillmentShipmentStatus, CurrentStatus,
// EventCode with its descriptions); reference/upstream-apis.md §3.1-§3.4 and
// the §1.4 crosswalk (lost, damaged and undeliverable are LOST).
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SP_API_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SP_API_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::amazon {

struct SpApiStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

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

// getPackageTrackingDetails currentStatus; UNSPECIFIED for UNKNOWN.
SpApiStatus MapMcfCurrentStatus(absl::string_view status);

// getPackageTrackingDetails trackingEvents[].eventCode ("EVENT_301").
SpApiStatus MapMcfEvent(absl::string_view event_code);

// Amazon's carrier code or name ("UPS", "FedEx", "Royal Mail", "AMZN_UK",
// "Amazon Logistics") → carrier; CARRIER_UNSPECIFIED when unknown (the
// caller then detects the carrier from the number).
v1::Carrier CarrierFromAmazonCode(absl::string_view code);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SP_API_STATUS_MAP_H_
