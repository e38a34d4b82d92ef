// The one list of crosswalk tables (and order-status crosswalks) (adapters/common/crosswalk.h) that
// adapters/CROSSWALKS.md prints, in its order.
#include "adapters/amazon/sp_api_status_map.h"
#include "adapters/amazon_shipping/amazon_shipping_status_map.h"
#include "adapters/common/crosswalk.h"
#include "adapters/dhl/dhl_status_map.h"
#include "adapters/dpd/dpd_status_map.h"
#include "adapters/fedex/fedex_status_map.h"
#include "adapters/ups/ups_status_map.h"
#include "adapters/usps/usps_status_map.h"

namespace trackenrich::adapters {

std::vector<const Crosswalk*> AllCrosswalks() {
  return {
      &ups::UpsStatusCodeCrosswalk(),
      &ups::UpsCodeCrosswalk(),
      &ups::UpsTypeCrosswalk(),
      &fedex::FedexEventCrosswalk(),
      &fedex::FedexDeliveryExceptionCrosswalk(),
      &fedex::FedexDerivedCrosswalk(),
      &usps::UspsStatusCategoryCrosswalk(),
      &usps::UspsEventCrosswalk(),
      &dhl::DhlStatusCodeCrosswalk(),
      &dpd::DpdStatusCrosswalk(),
      &amazon_shipping::AmazonShippingStatusCrosswalk(),
      &amazon_shipping::AmazonShippingEventCrosswalk(),
      &amazon_shipping::AmazonShippingDetailCrosswalk(),
      &amazon::PackageDetailedStatusCrosswalk(),
      &amazon::PackageStatusCrosswalk(),
      &amazon::EasyShipStatusCrosswalk(),
      &amazon::FulfillmentShipmentStatusCrosswalk(),
      &amazon::McfCurrentStatusCrosswalk(),
      &amazon::McfEventCrosswalk(),
  };
}

std::vector<const OrderStatusCrosswalk*> AllOrderStatusCrosswalks() {
  return {
      &amazon::OrderStatus2026Table(),
      &amazon::OrderStatusV0Table(),
      &amazon::FulfillmentOrderStatusTable(),
  };
}

}  // namespace trackenrich::adapters
