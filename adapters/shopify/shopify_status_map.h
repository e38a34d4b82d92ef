// Shopify's words mapped to the canonical ones: a fulfillment's
// displayStatus (FulfillmentDisplayStatus) and an event's status
// (FulfillmentEventStatus) to a ShipmentState, the order's
// displayFulfillmentStatus (OrderDisplayFulfillmentStatus) to an
// OrderStatus, and a fulfillment's tracking company to a Carrier. Pure.
//
//   MapDisplayStatus("OUT_FOR_DELIVERY").state   // SHIPMENT_STATE_OUT_FOR_DELIVERY
//   MapOrderStatus("PARTIALLY_FULFILLED")        // ORDER_STATUS_PARTIALLY_SHIPPED
//   CarrierFromCompany("DHL Express")            // CARRIER_DHL
//
// Unknown values map to *_UNSPECIFIED; the caller keeps the raw text.
#ifndef TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::shopify {

struct ShopifyStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// Every published FulfillmentDisplayStatus and FulfillmentEventStatus value
// (adapters/CROSSWALKS.md prints them).
const Crosswalk& DisplayStatusCrosswalk();
// Every published OrderDisplayFulfillmentStatus value.
const OrderStatusCrosswalk& OrderStatusTable();

// FulfillmentDisplayStatus and FulfillmentEventStatus values (the event
// list uses the same words, plus a few of its own).
ShopifyStatus MapDisplayStatus(absl::string_view status);

v1::OrderStatus MapOrderStatus(absl::string_view display_fulfillment_status);

// Shopify's tracking company names (the list the Admin API accepts for
// FulfillmentTrackingInfo.company), case-insensitive, by prefix.
v1::Carrier CarrierFromCompany(absl::string_view company);

}  // namespace trackenrich::adapters::shopify

#endif  // TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_STATUS_MAP_H_
