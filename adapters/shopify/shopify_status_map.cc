#include "adapters/shopify/shopify_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace trackenrich::adapters::shopify {
namespace {

struct StatusRow {
  absl::string_view status;
  v1::ShipmentState state;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// FulfillmentDisplayStatus (https://shopify.dev/docs/api/admin-graphql/2025-10/enums/
// FulfillmentDisplayStatus) and FulfillmentEventStatus (https://shopify.dev/docs/api/
// admin-graphql/latest/enums/FulfillmentEventStatus).
constexpr StatusRow kStatuses[] = {
    {"ATTEMPTED_DELIVERY", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED},
    {"CANCELED", v1::SHIPMENT_STATE_CANCELLED},
    {"CARRIER_PICKED_UP", v1::SHIPMENT_STATE_PICKED_UP},
    {"PICKED_UP_BY_CARRIER", v1::SHIPMENT_STATE_PICKED_UP},
    {"CONFIRMED", v1::SHIPMENT_STATE_LABEL_CREATED},
    {"DELAYED", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED},
    {"FAILURE", v1::SHIPMENT_STATE_EXCEPTION},
    // Shipped, with no carrier scan reported to Shopify.
    {"FULFILLED", v1::SHIPMENT_STATE_IN_TRANSIT},
    {"IN_TRANSIT", v1::SHIPMENT_STATE_IN_TRANSIT},
    {"LABEL_PRINTED", v1::SHIPMENT_STATE_LABEL_CREATED},
    {"LABEL_PURCHASED", v1::SHIPMENT_STATE_LABEL_CREATED},
    {"LABEL_VOIDED", v1::SHIPMENT_STATE_CANCELLED},
    {"MARKED_AS_FULFILLED", v1::SHIPMENT_STATE_IN_TRANSIT},
    {"NOT_DELIVERED", v1::SHIPMENT_STATE_EXCEPTION},
    {"OUT_FOR_DELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY},
    // Picked up by the buyer (local pickup).
    {"PICKED_UP", v1::SHIPMENT_STATE_DELIVERED},
    {"READY_FOR_PICKUP", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP},
    {"SUBMITTED", v1::SHIPMENT_STATE_PENDING},
};

struct OrderRow {
  absl::string_view status;
  v1::OrderStatus order_status;
};

// OrderDisplayFulfillmentStatus (https://shopify.dev/docs/api/admin-graphql/2024-04/enums/
// orderdisplayfulfillmentstatus).
constexpr OrderRow kOrderStatuses[] = {
    {"FULFILLED", v1::ORDER_STATUS_SHIPPED},
    {"IN_PROGRESS", v1::ORDER_STATUS_UNSHIPPED},
    {"ON_HOLD", v1::ORDER_STATUS_PENDING},
    {"OPEN", v1::ORDER_STATUS_UNSHIPPED},
    {"PARTIALLY_FULFILLED", v1::ORDER_STATUS_PARTIALLY_SHIPPED},
    {"PENDING_FULFILLMENT", v1::ORDER_STATUS_PENDING},
    // 2025-10: the fulfillment service declined; the items still wait.
    {"REQUEST_DECLINED", v1::ORDER_STATUS_UNSHIPPED},
    {"RESTOCKED", v1::ORDER_STATUS_CANCELLED},
    {"SCHEDULED", v1::ORDER_STATUS_PENDING},
    {"UNFULFILLED", v1::ORDER_STATUS_UNSHIPPED},
};

struct CarrierRow {
  // Lower case; matched as a prefix of the company name.
  absl::string_view company;
  v1::Carrier carrier;
};

// Tracking company names as Shopify lists them for FulfillmentTrackingInfo
// (https://shopify.dev/docs/api/admin-graphql/2025-10/objects/FulfillmentTrackingInfo,
// "supported tracking companies").
constexpr CarrierRow kCarriers[] = {
    {"ups", v1::CARRIER_UPS},
    {"fedex", v1::CARRIER_FEDEX},
    {"usps", v1::CARRIER_USPS},
    {"dhl", v1::CARRIER_DHL},
    {"dpd", v1::CARRIER_DPD},
    {"amazon logistics", v1::CARRIER_AMAZON},
    {"amazon shipping", v1::CARRIER_AMAZON},
    {"gls", v1::CARRIER_GLS},
    {"royal mail", v1::CARRIER_ROYAL_MAIL},
    {"poste italiane", v1::CARRIER_POSTE_ITALIANE},
    {"brt", v1::CARRIER_BRT},
    {"bartolini", v1::CARRIER_BRT},
    {"la poste", v1::CARRIER_LA_POSTE},
    {"colissimo", v1::CARRIER_LA_POSTE},
    {"deutsche post", v1::CARRIER_DEUTSCHE_POST},
    {"canada post", v1::CARRIER_CANADA_POST},
    {"australia post", v1::CARRIER_AUSTRALIA_POST},
    {"ontrac", v1::CARRIER_ONTRAC},
    {"lasership", v1::CARRIER_LASERSHIP},
    {"correos", v1::CARRIER_CORREOS},
    {"postnl", v1::CARRIER_POSTNL},
    {"evri", v1::CARRIER_EVRI},
};

}  // namespace

ShopifyStatus MapDisplayStatus(absl::string_view status) {
  for (const StatusRow& row : kStatuses) {
    if (row.status == status) return {row.state, row.reason};
  }
  return {};
}

v1::OrderStatus MapOrderStatus(absl::string_view display_fulfillment_status) {
  for (const OrderRow& row : kOrderStatuses) {
    if (row.status == display_fulfillment_status) return row.order_status;
  }
  return v1::ORDER_STATUS_UNSPECIFIED;
}

v1::Carrier CarrierFromCompany(absl::string_view company) {
  const std::string folded = absl::AsciiStrToLower(absl::StripAsciiWhitespace(company));
  if (folded.empty()) return v1::CARRIER_UNSPECIFIED;
  for (const CarrierRow& row : kCarriers) {
    if (absl::StartsWith(folded, row.company)) return row.carrier;
  }
  return v1::CARRIER_OTHER;
}

}  // namespace trackenrich::adapters::shopify
