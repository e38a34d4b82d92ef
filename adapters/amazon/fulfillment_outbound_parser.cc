#include "adapters/amazon/fulfillment_outbound_parser.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"
#include "boost/url/decode_view.hpp"

#include "adapters/amazon/sp_api_errors.h"
#include "adapters/amazon/sp_api_json.h"
#include "adapters/amazon/sp_api_status_map.h"
#include "adapters/common/digest.h"
#include "adapters/common/json_util.h"
#include "adapters/common/normalize.h"
#include "adapters/common/upstream_status.h"

namespace trackenrich::adapters::amazon {
namespace {

namespace json = boost::json;

void SetSource(const http::HttpResponse* response, v1::Shipment* shipment) {
  v1::Provenance* provenance = shipment->mutable_provenance();
  provenance->set_source(v1::SOURCE_AMAZON_FULFILLMENT_OUTBOUND);
  provenance->set_adapter("amazon_mcf");
  if (response != nullptr) provenance->set_payload_sha256(Sha256Hex(response->body));
}

// Amazon's example percent-encodes the link and ends it with a newline. Only
// an https link is kept.
std::string TrackingLink(const std::string& raw) {
  std::string link = raw;
  if (absl::StrContains(link, "%3A") || absl::StrContains(link, "%2F")) {
    boost::urls::decode_view decoded(link);
    link.assign(decoded.begin(), decoded.end());
  }
  link = std::string(absl::StripAsciiWhitespace(link));
  if (!absl::StartsWith(link, "https://")) return "";
  for (char c : link) {
    if (static_cast<unsigned char>(c) < 0x21) return "";
  }
  return link;
}

void ReadFulfillmentPackage(const json::value& shipment_json, const json::value& package,
                            v1::Order* order) {
  v1::Shipment* shipment = order->add_shipments();
  SetPackageCarrier(JsonString(package, {"carrierCode"}), JsonString(package, {"trackingNumber"}),
                    shipment);
  shipment->set_package_id(JsonString(package, {"packageNumber"}));
  const std::string status = JsonString(shipment_json, {"fulfillmentShipmentStatus"});
  const SpApiStatus mapped = MapFulfillmentShipmentStatus(status);
  shipment->set_state(mapped.state == v1::SHIPMENT_STATE_UNSPECIFIED ? v1::SHIPMENT_STATE_IN_TRANSIT
                                                                     : mapped.state);
  shipment->set_carrier_status_code(status);
  shipment->set_carrier_status_text("Fulfillment shipment status reported by Amazon");
  google::protobuf::Timestamp eta;
  if (ReadTime(package, {"estimatedArrivalDate"}, &eta) ||
      ReadTime(shipment_json, {"estimatedArrivalDate"}, &eta)) {
    *shipment->mutable_estimated_delivery()->mutable_start() = eta;
    *shipment->mutable_estimated_delivery()->mutable_end() = eta;
  }
  SetSource(nullptr, shipment);
}

}  // namespace

absl::StatusOr<v1::Order> ParseFulfillmentOrderResponse(const http::HttpResponse& response,
                                                        absl::string_view tenant) {
  if (response.status != 200) return SpApiError("getFulfillmentOrder", tenant, response);
  auto root = ParseJsonObject("sp_api", response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  const json::value* fulfillment_order = JsonFind(value, {"payload", "fulfillmentOrder"});
  if (fulfillment_order == nullptr || !fulfillment_order->is_object() ||
      JsonString(*fulfillment_order, {"sellerFulfillmentOrderId"}).empty()) {
    return MalformedPayload("sp_api",
                            "getFulfillmentOrder answer without payload.fulfillmentOrder");
  }
  v1::Order order;
  order.set_order_id(JsonString(*fulfillment_order, {"sellerFulfillmentOrderId"}));
  order.set_fulfillment(v1::FULFILLMENT_MCF);
  SetMarketplace(JsonString(*fulfillment_order, {"marketplaceId"}), &order);
  ReadTime(*fulfillment_order, {"displayableOrderDate"}, order.mutable_purchased_at());
  const std::string status = JsonString(*fulfillment_order, {"fulfillmentOrderStatus"});
  order.set_status(MapFulfillmentOrderStatus(status));
  order.set_channel_status(status);
  order.set_shipping_service_level(JsonString(*fulfillment_order, {"shippingSpeedCategory"}));
  if (const json::array* shipments = JsonArray(value, {"payload", "fulfillmentShipments"})) {
    for (const json::value& shipment : *shipments) {
      const json::array* packages = JsonArray(shipment, {"fulfillmentShipmentPackage"});
      if (packages == nullptr) continue;
      for (const json::value& package : *packages) {
        if (package.is_object()) ReadFulfillmentPackage(shipment, package, &order);
      }
    }
  }
  v1::Provenance* provenance = order.mutable_provenance();
  provenance->set_source(v1::SOURCE_AMAZON_FULFILLMENT_OUTBOUND);
  provenance->set_adapter("amazon_mcf");
  provenance->set_payload_sha256(Sha256Hex(response.body));
  return order;
}

absl::StatusOr<v1::Shipment> ParsePackageTrackingResponse(const http::HttpResponse& response,
                                                          absl::string_view tenant) {
  if (response.status != 200) return SpApiError("getPackageTrackingDetails", tenant, response);
  auto root = ParseJsonObject("amazon_mcf", response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  const json::value* payload = JsonFind(value, {"payload"});
  if (payload == nullptr || !payload->is_object() ||
      JsonString(*payload, {"packageNumber"}).empty()) {
    return MalformedPayload("amazon_mcf",
                            "getPackageTrackingDetails answer without payload.packageNumber");
  }
  v1::Shipment shipment;
  SetPackageCarrier(JsonString(*payload, {"carrierCode"}), JsonString(*payload, {"trackingNumber"}),
                    &shipment);
  shipment.set_package_id(JsonString(*payload, {"packageNumber"}));
  // Amazon's buyer-facing page covers every carrier it hands packages to.
  if (std::string link = TrackingLink(JsonString(*payload, {"customerTrackingLink"}));
      !link.empty()) {
    shipment.set_tracking_url(link);
  }
  const std::string status = JsonString(*payload, {"currentStatus"});
  shipment.set_carrier_status_code(status);
  shipment.set_carrier_status_text(JsonString(*payload, {"currentStatusDescription"}));
  google::protobuf::Timestamp eta;
  if (ReadTime(*payload, {"estimatedArrivalDate"}, &eta)) {
    *shipment.mutable_estimated_delivery()->mutable_start() = eta;
    *shipment.mutable_estimated_delivery()->mutable_end() = eta;
  }
  if (const json::array* events = JsonArray(*payload, {"trackingEvents"})) {
    for (const json::value& entry : *events) {
      google::protobuf::Timestamp at;
      if (!ReadTime(entry, {"eventDate"}, &at)) continue;
      v1::TrackingEvent* event = shipment.add_events();
      *event->mutable_time() = at;
      event->set_offset_known(true);
      event->set_carrier_code(JsonString(entry, {"eventCode"}));
      event->set_description(JsonString(entry, {"eventDescription"}));
      v1::Location* location = event->mutable_location();
      location->set_city(JsonString(entry, {"eventAddress", "city"}));
      location->set_region(JsonString(entry, {"eventAddress", "state"}));
      location->set_country_code(JsonString(entry, {"eventAddress", "country"}));
      const SpApiStatus mapped = MapMcfEvent(event->carrier_code());
      event->set_state(mapped.state == v1::SHIPMENT_STATE_UNSPECIFIED
                           ? v1::SHIPMENT_STATE_IN_TRANSIT
                           : mapped.state);
      event->set_reason(mapped.reason);
    }
  }
  SpApiStatus current = MapMcfCurrentStatus(status);
  if (current.state == v1::SHIPMENT_STATE_UNSPECIFIED && shipment.events_size() > 0) {
    // UNKNOWN (or a new value): the newest event says where the package is.
    const v1::TrackingEvent* newest = &shipment.events(0);
    for (const v1::TrackingEvent& event : shipment.events()) {
      if (event.time().seconds() > newest->time().seconds()) newest = &event;
    }
    current = {newest->state(), newest->reason()};
  }
  if (current.state == v1::SHIPMENT_STATE_UNSPECIFIED) {
    current.state = v1::SHIPMENT_STATE_LABEL_CREATED;
  }
  shipment.set_state(current.state);
  shipment.set_reason(current.reason);
  // The newest event with a reason says why, when it is in the same state
  // ("DELAYED" + EVENT_402 customs delay), or when the status gives none.
  const v1::TrackingEvent* why = nullptr;
  for (const v1::TrackingEvent& event : shipment.events()) {
    if (event.reason() == v1::STATE_REASON_UNSPECIFIED) continue;
    if (why == nullptr || event.time().seconds() >= why->time().seconds()) why = &event;
  }
  if (why != nullptr && IsExceptionState(shipment.state()) &&
      (why->state() == shipment.state() || shipment.reason() == v1::STATE_REASON_OTHER ||
       shipment.reason() == v1::STATE_REASON_UNSPECIFIED)) {
    shipment.set_reason(why->reason());
  }
  v1::ProofOfDelivery* proof = shipment.mutable_proof_of_delivery();
  proof->set_signed_by(JsonString(*payload, {"signedForBy"}));
  proof->set_signature_captured(!proof->signed_by().empty());
  proof->set_delivery_location(JsonString(*payload, {"additionalLocationInfo"}));
  if (proof->signed_by().empty() && proof->delivery_location().empty()) {
    shipment.clear_proof_of_delivery();
  }
  FinalizeShipment(&shipment);
  SetSource(&response, &shipment);
  return shipment;
}

}  // namespace trackenrich::adapters::amazon
