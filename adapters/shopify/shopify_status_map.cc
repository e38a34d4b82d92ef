#include "adapters/shopify/shopify_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace trackenrich::adapters::shopify {
namespace {

// FulfillmentDisplayStatus (https://shopify.dev/docs/api/admin-graphql/2025-10/enums/
// FulfillmentDisplayStatus) and FulfillmentEventStatus (https://shopify.dev/docs/api/
// admin-graphql/latest/enums/FulfillmentEventStatus): one list, the event
// statuses using the same words plus a few of their own.
constexpr CrosswalkRow kStatuses[] = {
    {"ATTEMPTED_DELIVERY", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, {}, "Attempted delivery"},
    {"CANCELED", v1::SHIPMENT_STATE_CANCELLED, {}, "Canceled"},
    {"CARRIER_PICKED_UP", v1::SHIPMENT_STATE_PICKED_UP, {}, "Picked up by the carrier (event)"},
    {"PICKED_UP_BY_CARRIER", v1::SHIPMENT_STATE_PICKED_UP, {}, "Picked up by the carrier"},
    {"CONFIRMED", v1::SHIPMENT_STATE_LABEL_CREATED, {}, "Confirmed"},
    {"DELAYED", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY, "Delayed"},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, {}, "Delivered"},
    {"FAILURE", v1::SHIPMENT_STATE_EXCEPTION, {}, "Failure"},
    {"FULFILLED",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Fulfilled (shipped, no carrier scan reported to Shopify)"},
    {"IN_TRANSIT", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "In transit"},
    {"LABEL_PRINTED", v1::SHIPMENT_STATE_LABEL_CREATED, {}, "Label printed"},
    {"LABEL_PURCHASED", v1::SHIPMENT_STATE_LABEL_CREATED, {}, "Label purchased"},
    {"LABEL_VOIDED", v1::SHIPMENT_STATE_CANCELLED, {}, "Label voided"},
    {"MARKED_AS_FULFILLED", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "Marked as fulfilled"},
    {"NOT_DELIVERED", v1::SHIPMENT_STATE_EXCEPTION, {}, "Not delivered"},
    {"OUT_FOR_DELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}, "Out for delivery"},
    {"PICKED_UP", v1::SHIPMENT_STATE_DELIVERED, {}, "Picked up by the buyer (local pickup)"},
    {"READY_FOR_PICKUP", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, {}, "Ready for pickup"},
    {"SUBMITTED", v1::SHIPMENT_STATE_PENDING, {}, "Submitted to the fulfillment service"},
};

// OrderDisplayFulfillmentStatus (https://shopify.dev/docs/api/admin-graphql/2024-04/enums/
// orderdisplayfulfillmentstatus).
constexpr OrderStatusRow kOrderStatuses[] = {
    {"FULFILLED", v1::ORDER_STATUS_SHIPPED, "Fulfilled"},
    {"IN_PROGRESS", v1::ORDER_STATUS_UNSHIPPED, "In progress"},
    {"ON_HOLD", v1::ORDER_STATUS_PENDING, "On hold"},
    {"OPEN", v1::ORDER_STATUS_UNSHIPPED, "Open"},
    {"PARTIALLY_FULFILLED", v1::ORDER_STATUS_PARTIALLY_SHIPPED, "Partially fulfilled"},
    {"PENDING_FULFILLMENT", v1::ORDER_STATUS_PENDING, "Pending fulfillment"},
    {"REQUEST_DECLINED", v1::ORDER_STATUS_UNSHIPPED,
     "The fulfillment service declined the request; the items still wait"},
    {"RESTOCKED", v1::ORDER_STATUS_CANCELLED, "Restocked"},
    {"SCHEDULED", v1::ORDER_STATUS_PENDING, "Scheduled"},
    {"UNFULFILLED", v1::ORDER_STATUS_UNSHIPPED, "Unfulfilled"},
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

const Crosswalk& DisplayStatusCrosswalk() {
  static const Crosswalk kTable{
      "Shopify", "Fulfillment displayStatus and FulfillmentEvent status",
      "https://shopify.dev/docs/api/admin-graphql/2025-10/enums/FulfillmentDisplayStatus, "
      "https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentEventStatus",
      kStatuses};
  return kTable;
}

const OrderStatusCrosswalk& OrderStatusTable() {
  static const OrderStatusCrosswalk kTable{
      "Shopify", "Order displayFulfillmentStatus",
      "https://shopify.dev/docs/api/admin-graphql/2024-04/enums/orderdisplayfulfillmentstatus",
      kOrderStatuses};
  return kTable;
}

ShopifyStatus MapDisplayStatus(absl::string_view status) {
  const CrosswalkRow* row = DisplayStatusCrosswalk().Find(status);
  if (row == nullptr) return {};
  return {row->state, row->reason};
}

v1::OrderStatus MapOrderStatus(absl::string_view display_fulfillment_status) {
  for (const OrderStatusRow& row : kOrderStatuses) {
    if (row.code == display_fulfillment_status) return row.status;
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
