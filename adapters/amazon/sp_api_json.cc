#include "adapters/amazon/sp_api_json.h"

#include <string>

#include "adapters/amazon/marketplaces.h"
#include "adapters/amazon/sp_api_status_map.h"
#include "adapters/common/json_util.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"

namespace trackenrich::adapters::amazon {

void SetMarketplace(absl::string_view marketplace_id, v1::Order* order) {
  order->set_marketplace_id(std::string(marketplace_id));
  if (const Marketplace* marketplace = FindMarketplace(marketplace_id)) {
    order->set_marketplace_country(std::string(marketplace->country));
  }
}

void SetPackageCarrier(absl::string_view amazon_carrier, absl::string_view tracking_number,
                       v1::Shipment* shipment) {
  const std::string number = detection::NormalizeTrackingNumber(tracking_number);
  const v1::Carrier carrier = CarrierFromAmazonCode(amazon_carrier);
  shipment->set_tracking_number(number);
  shipment->set_carrier(carrier);
  if (carrier != v1::CARRIER_UNSPECIFIED) {
    shipment->set_carrier_name(detection::CarrierDisplayName(carrier));
    if (!number.empty()) shipment->set_tracking_url(detection::TrackingUrl(carrier, number));
  } else {
    shipment->set_carrier_name(std::string(amazon_carrier));
  }
}

}  // namespace trackenrich::adapters::amazon
