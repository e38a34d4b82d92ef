#include "adapters/amazon/orders_parser.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/amazon/sp_api_errors.h"
#include "adapters/amazon/sp_api_json.h"
#include "adapters/amazon/sp_api_status_map.h"
#include "adapters/common/digest.h"
#include "adapters/common/json_util.h"
#include "adapters/common/upstream_status.h"

namespace trackenrich::adapters::amazon {
namespace {

namespace json = boost::json;

void SetProvenance(absl::string_view adapter, const http::HttpResponse& response,
                   v1::Order* order) {
  v1::Provenance* provenance = order->mutable_provenance();
  provenance->set_source(v1::SOURCE_AMAZON_ORDERS);
  provenance->set_adapter(std::string(adapter));
  provenance->set_payload_sha256(Sha256Hex(response.body));
}

void ReadPackage(const json::value& package, v1::Order* order) {
  v1::Shipment* shipment = order->add_shipments();
  SetPackageCarrier(JsonString(package, {"carrier"}), JsonString(package, {"trackingNumber"}),
                    shipment);
  shipment->set_package_id(JsonString(package, {"packageReferenceId"}));
  shipment->set_service_name(JsonString(package, {"shippingService"}));
  const std::string status = JsonString(package, {"packageStatus", "status"});
  const std::string detailed = JsonString(package, {"packageStatus", "detailedStatus"});
  const SpApiStatus mapped = MapPackageStatus(status, detailed);
  shipment->set_state(mapped.state == v1::SHIPMENT_STATE_UNSPECIFIED ? v1::SHIPMENT_STATE_IN_TRANSIT
                                                                     : mapped.state);
  shipment->set_reason(mapped.reason);
  shipment->set_carrier_status_code(detailed.empty() ? status
                                                     : absl::StrCat(status, "/", detailed));
  shipment->set_carrier_status_text("Package status reported by Amazon");
  v1::Provenance* provenance = shipment->mutable_provenance();
  provenance->set_source(v1::SOURCE_AMAZON_ORDERS);
  provenance->set_adapter("sp_api");
}

}  // namespace

absl::StatusOr<v1::Order> ParseGetOrderResponse(const http::HttpResponse& response,
                                                absl::string_view tenant) {
  if (response.status != 200) return SpApiError("getOrder", tenant, response);
  auto root = ParseJsonObject("sp_api", response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  const json::value* order_json = JsonFind(value, {"order"});
  if (order_json == nullptr || !order_json->is_object() ||
      JsonString(*order_json, {"orderId"}).empty()) {
    return MalformedPayload("sp_api", "getOrder answer without order.orderId");
  }
  const json::value& source = *order_json;
  v1::Order order;
  order.set_channel(v1::SALES_CHANNEL_AMAZON);
  order.set_order_id(JsonString(source, {"orderId"}));
  SetMarketplace(JsonString(source, {"salesChannel", "marketplaceId"}), &order);
  ReadTime(source, {"createdTime"}, order.mutable_purchased_at());
  const std::string fulfilled_by = JsonString(source, {"fulfillment", "fulfilledBy"});
  order.set_fulfillment(fulfilled_by == "AMAZON"     ? v1::FULFILLMENT_FBA
                        : fulfilled_by == "MERCHANT" ? v1::FULFILLMENT_FBM
                                                     : v1::FULFILLMENT_UNSPECIFIED);
  const std::string status = JsonString(source, {"fulfillment", "fulfillmentStatus"});
  order.set_status(MapOrderStatus(status));
  order.set_channel_status(status);
  ReadWindow(source, {"fulfillment", "shipByWindow", "earliestDateTime"},
             {"fulfillment", "shipByWindow", "latestDateTime"}, order.mutable_ship_by());
  ReadWindow(source, {"fulfillment", "deliverByWindow", "earliestDateTime"},
             {"fulfillment", "deliverByWindow", "latestDateTime"}, order.mutable_deliver_by());
  if (!order.ship_by().has_start() && !order.ship_by().has_end()) order.clear_ship_by();
  if (!order.deliver_by().has_start() && !order.deliver_by().has_end()) order.clear_deliver_by();
  order.set_shipping_service_level(JsonString(source, {"fulfillment", "fulfillmentServiceLevel"}));
  if (const json::array* programs = JsonArray(source, {"programs"})) {
    for (const json::value& program : *programs) {
      if (program.is_string() && program.get_string() == "PRIME") order.set_prime(true);
    }
  }
  if (const json::array* packages = JsonArray(source, {"packages"})) {
    for (const json::value& package : *packages) {
      if (package.is_object()) ReadPackage(package, &order);
    }
  }
  SetProvenance("sp_api", response, &order);
  return order;
}

absl::StatusOr<v1::Order> ParseGetOrderV0Response(const http::HttpResponse& response,
                                                  absl::string_view tenant) {
  if (response.status != 200) return SpApiError("getOrder (v0)", tenant, response);
  auto root = ParseJsonObject("sp_api", response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  const json::value* payload = JsonFind(value, {"payload"});
  if (payload == nullptr || !payload->is_object() ||
      JsonString(*payload, {"AmazonOrderId"}).empty()) {
    return MalformedPayload("sp_api", "getOrder (v0) answer without payload.AmazonOrderId");
  }
  const json::value& source = *payload;
  v1::Order order;
  order.set_channel(v1::SALES_CHANNEL_AMAZON);
  order.set_order_id(JsonString(source, {"AmazonOrderId"}));
  SetMarketplace(JsonString(source, {"MarketplaceId"}), &order);
  ReadTime(source, {"PurchaseDate"}, order.mutable_purchased_at());
  const std::string channel = JsonString(source, {"FulfillmentChannel"});
  order.set_fulfillment(channel == "AFN"   ? v1::FULFILLMENT_FBA
                        : channel == "MFN" ? v1::FULFILLMENT_FBM
                                           : v1::FULFILLMENT_UNSPECIFIED);
  const std::string status = JsonString(source, {"OrderStatus"});
  order.set_status(MapOrderStatus(status));
  order.set_channel_status(status);
  ReadWindow(source, {"EarliestShipDate"}, {"LatestShipDate"}, order.mutable_ship_by());
  ReadWindow(source, {"EarliestDeliveryDate"}, {"LatestDeliveryDate"}, order.mutable_deliver_by());
  if (!order.ship_by().has_start() && !order.ship_by().has_end()) order.clear_ship_by();
  if (!order.deliver_by().has_start() && !order.deliver_by().has_end()) order.clear_deliver_by();
  order.set_shipping_service_level(JsonString(source, {"ShipServiceLevel"}));
  const json::value* prime = JsonFind(source, {"IsPrime"});
  order.set_prime(prime != nullptr && prime->is_bool() && prime->get_bool());
  SetProvenance("sp_api_v0", response, &order);
  return order;
}

}  // namespace trackenrich::adapters::amazon
