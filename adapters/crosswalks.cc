// The one list of crosswalk tables (adapters/common/crosswalk.h) that
// adapters/CROSSWALKS.md prints, in its order: each carrier's, in
// adapters/carriers.txt's order (CarrierDescriptor::crosswalks), then the
// Amazon SP-API and Shopify order sources'; then the order sources' order-status
// crosswalks.
#include "adapters/amazon/sp_api_status_map.h"
#include "adapters/carrier.h"
#include "adapters/common/crosswalk.h"
#include "adapters/shopify/shopify_status_map.h"

namespace trackenrich::adapters {

std::vector<const Crosswalk*> AllCrosswalks() {
  std::vector<const Crosswalk*> all;
  for (const CarrierDescriptor* carrier : AllCarriers()) {
    for (CrosswalkTable table : carrier->crosswalks) all.push_back(&table());
  }
  for (CrosswalkTable table : {
           &amazon::PackageDetailedStatusCrosswalk,
           &amazon::PackageStatusCrosswalk,
           &amazon::EasyShipStatusCrosswalk,
           &amazon::FulfillmentShipmentStatusCrosswalk,
           &amazon::McfCurrentStatusCrosswalk,
           &amazon::McfEventCrosswalk,
           &shopify::DisplayStatusCrosswalk,
       }) {
    all.push_back(&table());
  }
  return all;
}

std::vector<const OrderStatusCrosswalk*> AllOrderStatusCrosswalks() {
  return {
      &amazon::OrderStatus2026Table(),
      &amazon::OrderStatusV0Table(),
      &amazon::FulfillmentOrderStatusTable(),
      &shopify::OrderStatusTable(),
  };
}

}  // namespace trackenrich::adapters
