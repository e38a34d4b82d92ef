#include "adapters/ebay/ebay_parser.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "boost/json.hpp"

#include "adapters/common/digest.h"
#include "adapters/common/json_time.h"
#include "adapters/common/json_util.h"
#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"
#include "adapters/ebay/ebay_carriers.h"
#include "adapters/ebay/ebay_errors.h"

namespace trackenrich::adapters::ebay {
namespace {

namespace json = boost::json;

constexpr absl::string_view kAdapter = "ebay";
// Longest carrier code or name kept from eBay (ShippingCarrierCodeType
// values are short identifiers).
constexpr size_t kMaxCarrierName = 64;
// Detection confident enough to route a lookup (the lookup's own threshold,
// services/lookup/shipment_lookup.cc).
constexpr double kRoutingConfidence = 0.5;

// Whether the number's own format names a carrier with confidence.
bool Detectable(absl::string_view number) {
  for (const detection::Candidate& candidate : detection::DetectNormalized(number).candidates) {
    if (candidate.confidence >= kRoutingConfidence &&
        candidate.checksum != v1::CHECKSUM_RESULT_INVALID) {
      return true;
    }
  }
  return false;
}

void SetProvenance(const http::HttpResponse& response, v1::Provenance* provenance) {
  provenance->set_source(v1::SOURCE_EBAY);
  provenance->set_adapter(std::string(kAdapter));
  provenance->set_payload_sha256(Sha256Hex(response.body));
}

v1::OrderStatus MapFulfillmentStatus(absl::string_view status) {
  if (status == "NOT_STARTED") return v1::ORDER_STATUS_UNSHIPPED;
  if (status == "IN_PROGRESS") return v1::ORDER_STATUS_PARTIALLY_SHIPPED;
  if (status == "FULFILLED") return v1::ORDER_STATUS_SHIPPED;
  return v1::ORDER_STATUS_UNSPECIFIED;
}

// "EBAY_US" → "US", "EBAY_MOTORS_US" → "US"; "" when the ID ends otherwise.
std::string MarketplaceCountry(absl::string_view marketplace_id) {
  if (!absl::StartsWith(marketplace_id, "EBAY_") || marketplace_id.size() < 7) return "";
  const absl::string_view tail = marketplace_id.substr(marketplace_id.size() - 3);
  if (tail[0] != '_' || !absl::ascii_isupper(static_cast<unsigned char>(tail[1])) ||
      !absl::ascii_isupper(static_cast<unsigned char>(tail[2]))) {
    return "";
  }
  // eBay names the United Kingdom GB (EBAY_GB), as ISO 3166 does.
  return std::string(tail.substr(1));
}

// The earliest of `current` and `candidate`.
void KeepEarliest(const google::protobuf::Timestamp& candidate,
                  google::protobuf::Timestamp* current, bool* set) {
  if (!*set || FromProto(candidate) < FromProto(*current)) {
    *current = candidate;
    *set = true;
  }
}

void ReadLineItems(const json::value& source, v1::Order* order) {
  const json::array* items = JsonArray(source, {"lineItems"});
  if (items == nullptr) return;
  bool ship_by_set = false;
  google::protobuf::Timestamp ship_by;
  for (const json::value& item : *items) {
    if (!item.is_object()) continue;
    if (order->marketplace_id().empty()) {
      order->set_marketplace_id(JsonString(item, {"purchaseMarketplaceId"}));
    }
    google::protobuf::Timestamp at;
    if (ReadTime(item, {"lineItemFulfillmentInstructions", "shipByDate"}, &at)) {
      KeepEarliest(at, &ship_by, &ship_by_set);
    }
    if (!order->has_deliver_by()) {
      v1::TimeWindow window;
      ReadWindow(item, {"lineItemFulfillmentInstructions", "minEstimatedDeliveryDate"},
                 {"lineItemFulfillmentInstructions", "maxEstimatedDeliveryDate"}, &window);
      if (window.has_start() || window.has_end()) *order->mutable_deliver_by() = window;
    }
  }
  if (ship_by_set) *order->mutable_ship_by()->mutable_end() = ship_by;
}

void ReadStartInstructions(const json::value& source, v1::Order* order) {
  const json::array* instructions = JsonArray(source, {"fulfillmentStartInstructions"});
  if (instructions == nullptr) return;
  for (const json::value& instruction : *instructions) {
    if (!instruction.is_object()) continue;
    if (order->shipping_service_level().empty()) {
      order->set_shipping_service_level(
          JsonString(instruction, {"shippingStep", "shippingServiceCode"}));
    }
    if (!order->has_deliver_by()) {
      v1::TimeWindow window;
      ReadWindow(instruction, {"minEstimatedDeliveryDate"}, {"maxEstimatedDeliveryDate"}, &window);
      if (window.has_start() || window.has_end()) *order->mutable_deliver_by() = window;
    }
  }
}

void ReadFulfillment(const json::value& fulfillment, const http::HttpResponse& response,
                     v1::Order* order) {
  v1::Shipment* shipment = order->add_shipments();
  const std::string number =
      detection::NormalizeTrackingNumber(JsonString(fulfillment, {"shipmentTrackingNumber"}));
  std::string code = JsonString(fulfillment, {"shippingCarrierCode"});
  if (code.size() > kMaxCarrierName) code.resize(kMaxCarrierName);
  v1::Carrier carrier = CarrierFromEbayCode(code);
  // A code we do not map: the number's format may still tell the carrier (the
  // lookup detects it); if not, it is a carrier we do not support and eBay's
  // view of the package stands.
  if (carrier == v1::CARRIER_UNSPECIFIED && (number.empty() || !Detectable(number))) {
    carrier = v1::CARRIER_OTHER;
  }
  shipment->set_tracking_number(number);
  shipment->set_carrier(carrier);
  if (carrier != v1::CARRIER_UNSPECIFIED && carrier != v1::CARRIER_OTHER) {
    shipment->set_carrier_name(detection::CarrierDisplayName(carrier));
    if (!number.empty()) shipment->set_tracking_url(detection::TrackingUrl(carrier, number));
  } else {
    shipment->set_carrier_name(code);
  }
  shipment->set_package_id(JsonString(fulfillment, {"fulfillmentId"}));
  google::protobuf::Timestamp shipped;
  if (ReadTime(fulfillment, {"shippedDate"}, &shipped)) {
    shipment->set_state(v1::SHIPMENT_STATE_IN_TRANSIT);
    shipment->set_carrier_status_code("SHIPPED");
    shipment->set_carrier_status_text("Shipped, as the seller reported to eBay");
    v1::TrackingEvent* event = shipment->add_events();
    *event->mutable_time() = shipped;
    event->set_offset_known(true);
    event->set_carrier_code("SHIPPED");
    event->set_description("Shipped (shipping fulfillment on eBay)");
    event->set_state(v1::SHIPMENT_STATE_IN_TRANSIT);
    *shipment->mutable_last_event_at() = shipped;
  } else {
    shipment->set_state(v1::SHIPMENT_STATE_LABEL_CREATED);
    shipment->set_carrier_status_code("NOT_SHIPPED");
    shipment->set_carrier_status_text("Shipping fulfillment on eBay, not shipped yet");
  }
  SetProvenance(response, shipment->mutable_provenance());
}

}  // namespace

absl::StatusOr<EbayOrder> ParseEbayOrderResponse(const http::HttpResponse& response,
                                                 absl::string_view tenant) {
  if (response.status != 200) return EbayError("getOrder", tenant, response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value source(std::move(*root));
  EbayOrder result;
  v1::Order& order = result.order;
  order.set_order_id(JsonString(source, {"orderId"}));
  if (order.order_id().empty())
    return MalformedPayload(kAdapter, "getOrder answer without orderId");
  order.set_channel(v1::SALES_CHANNEL_EBAY);
  // The seller ships eBay orders (eBay's own fulfillment programs aside).
  order.set_fulfillment(v1::FULFILLMENT_FBM);
  google::protobuf::Timestamp created;
  if (ReadTime(source, {"creationDate"}, &created)) *order.mutable_purchased_at() = created;
  const std::string status = JsonString(source, {"orderFulfillmentStatus"});
  order.set_channel_status(status);
  order.set_status(MapFulfillmentStatus(status));
  if (JsonString(source, {"cancelStatus", "cancelState"}) == "CANCELED") {
    order.set_status(v1::ORDER_STATUS_CANCELLED);
    order.set_channel_status("CANCELED");
  }
  ReadStartInstructions(source, &order);
  ReadLineItems(source, &order);
  order.set_marketplace_country(MarketplaceCountry(order.marketplace_id()));
  const json::array* hrefs = JsonArray(source, {"fulfillmentHrefs"});
  result.has_fulfillments =
      (hrefs != nullptr && !hrefs->empty()) || (!status.empty() && status != "NOT_STARTED");
  SetProvenance(response, order.mutable_provenance());
  return result;
}

absl::Status ParseEbayFulfillmentsResponse(const http::HttpResponse& response,
                                           absl::string_view tenant, v1::Order* order) {
  if (response.status == 404) return absl::OkStatus();
  if (response.status != 200) return EbayError("getShippingFulfillments", tenant, response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value source(std::move(*root));
  const json::array* fulfillments = JsonArray(source, {"fulfillments"});
  if (fulfillments == nullptr) {
    // eBay answers {"total": 0} (and may omit the array) when there are none.
    if (JsonFind(source, {"total"}) != nullptr) return absl::OkStatus();
    return MalformedPayload(kAdapter, "getShippingFulfillments answer without fulfillments");
  }
  for (const json::value& fulfillment : *fulfillments) {
    if (fulfillment.is_object()) ReadFulfillment(fulfillment, response, order);
  }
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::ebay
