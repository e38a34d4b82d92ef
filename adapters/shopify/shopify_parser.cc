#include "adapters/shopify/shopify_parser.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/amazon/sp_api_json.h"
#include "adapters/common/digest.h"
#include "adapters/common/json_time.h"
#include "adapters/common/json_util.h"
#include "adapters/common/normalize.h"
#include "adapters/common/upstream_status.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"
#include "adapters/shopify/shopify_status_map.h"

namespace trackenrich::adapters::shopify {
namespace {

namespace json = boost::json;

constexpr absl::string_view kAdapter = "shopify";

double JsonNumber(const json::value& root, std::initializer_list<std::string_view> path) {
  const json::value* value = JsonFind(root, path);
  if (value == nullptr) return 0;
  if (value->is_double()) return value->get_double();
  if (value->is_int64()) return static_cast<double>(value->get_int64());
  if (value->is_uint64()) return static_cast<double>(value->get_uint64());
  return 0;
}

std::string TokenKey(const ShopifyAnswerContext& context) {
  return absl::StrCat("shopify.shops.", context.tenant, ".access_token");
}

absl::Status HttpError(const http::HttpResponse& response, const ShopifyAnswerContext& context) {
  if (response.status == 401) {
    return absl::FailedPreconditionError(
        absl::StrCat("shopify: shop '", context.shop, "' rejected the access token of tenant '",
                     context.tenant, "' (HTTP 401; ", TokenKey(context), ")"));
  }
  if (response.status == 403) {
    return absl::FailedPreconditionError(
        absl::StrCat("shopify: the app lacks an access scope for orders in shop '", context.shop,
                     "' (HTTP 403; tenant '", context.tenant, "' needs read_orders)"));
  }
  if (response.status == 402 || response.status == 423) {
    return absl::FailedPreconditionError(absl::StrCat(
        "shopify: shop '", context.shop, "' is frozen or locked (HTTP ", response.status, ")"));
  }
  if (response.status == 404) {
    return absl::FailedPreconditionError(absl::StrCat(
        "shopify: no shop '", context.shop, "' or no such API version (HTTP 404; shopify.shops.",
        context.tenant, ".shop, shopify.api_version)"));
  }
  return UpstreamHttpError(kAdapter, response);
}

// The first GraphQL error as a status; OK when errors[] is absent or empty.
absl::Status GraphqlError(const json::value& root, const ShopifyAnswerContext& context) {
  const json::array* errors = JsonArray(root, {"errors"});
  if (errors == nullptr || errors->empty()) return absl::OkStatus();
  const json::value& first = errors->front();
  const std::string code = JsonString(first, {"extensions", "code"});
  const std::string message = JsonString(first, {"message"});
  if (code == "THROTTLED") {
    return absl::ResourceExhaustedError(
        absl::StrCat("shopify: shop '", context.shop, "' throttled the query"));
  }
  if (code == "ACCESS_DENIED") {
    return absl::FailedPreconditionError(
        absl::StrCat("shopify: access denied in shop '", context.shop, "' for tenant '",
                     context.tenant, "' (", message, "; the app needs read_orders)"));
  }
  if (code == "INTERNAL_SERVER_ERROR") {
    return absl::UnavailableError(
        absl::StrCat("shopify: internal error in shop '", context.shop, "' (", message, ")"));
  }
  return absl::InternalError(absl::StrCat("shopify: the query was rejected (",
                                          code.empty() ? "" : absl::StrCat(code, ": "), message,
                                          ")"));
}

// The JSON of an answer that is neither an HTTP nor a GraphQL error.
absl::StatusOr<json::value> AnswerRoot(const http::HttpResponse& response,
                                       const ShopifyAnswerContext& context) {
  if (response.status != 200) return HttpError(response, context);
  auto parsed = ParseJsonObject(kAdapter, response.body);
  if (!parsed.ok()) return parsed.status();
  json::value root(std::move(*parsed));
  if (auto status = GraphqlError(root, context); !status.ok()) return status;
  return root;
}

bool IsAmazonService(const json::value& fulfillment) {
  const std::string handle = absl::AsciiStrToLower(JsonString(fulfillment, {"service", "handle"}));
  const std::string name =
      absl::AsciiStrToLower(JsonString(fulfillment, {"service", "serviceName"}));
  return absl::StrContains(handle, "amazon") || absl::StrContains(name, "amazon");
}

// A connection's items, whichever of its two forms the query selected:
// `nodes { ... }` or `edges { node { ... } }`.
std::vector<const json::value*> ConnectionNodes(const json::value& object,
                                                std::string_view connection) {
  std::vector<const json::value*> items;
  if (const json::array* nodes = JsonArray(object, {connection, "nodes"})) {
    for (const json::value& node : *nodes) items.push_back(&node);
  } else if (const json::array* edges = JsonArray(object, {connection, "edges"})) {
    for (const json::value& edge : *edges) {
      if (const json::value* node = JsonFind(edge, {"node"})) items.push_back(node);
    }
  }
  return items;
}

void ReadEvents(const json::value& fulfillment, v1::Shipment* shipment) {
  for (const json::value* item : ConnectionNodes(fulfillment, "events")) {
    const json::value& node = *item;
    if (!node.is_object()) continue;
    v1::TrackingEvent event;
    if (!ReadTime(node, {"happenedAt"}, event.mutable_time())) continue;
    event.set_offset_known(false);
    const std::string status = JsonString(node, {"status"});
    const ShopifyStatus mapped = MapDisplayStatus(status);
    event.set_carrier_code(status);
    event.set_state(mapped.state);
    event.set_reason(mapped.reason);
    const std::string message = JsonString(node, {"message"});
    event.set_description(message.empty() ? status : message);
    *shipment->add_events() = std::move(event);
  }
}

// One package: a fulfillment's tracking entry (`tracking` null: none).
void ReadPackage(const json::value& fulfillment, const json::value* tracking,
                 v1::Shipment* shipment) {
  if (tracking != nullptr) {
    const std::string company = JsonString(*tracking, {"company"});
    const std::string number =
        detection::NormalizeTrackingNumber(JsonString(*tracking, {"number"}));
    const v1::Carrier carrier = CarrierFromCompany(company);
    shipment->set_tracking_number(number);
    shipment->set_carrier(carrier);
    shipment->set_carrier_name(carrier == v1::CARRIER_OTHER || carrier == v1::CARRIER_UNSPECIFIED
                                   ? company
                                   : detection::CarrierDisplayName(carrier));
    std::string url = JsonString(*tracking, {"url"});
    if (url.empty() && carrier != v1::CARRIER_OTHER && !number.empty()) {
      url = detection::TrackingUrl(carrier, number);
    }
    shipment->set_tracking_url(std::move(url));
  }
  shipment->set_package_id(JsonString(fulfillment, {"id"}));
  const std::string display = JsonString(fulfillment, {"displayStatus"});
  const ShopifyStatus mapped = MapDisplayStatus(display);
  shipment->set_state(mapped.state == v1::SHIPMENT_STATE_UNSPECIFIED ? v1::SHIPMENT_STATE_IN_TRANSIT
                                                                     : mapped.state);
  shipment->set_reason(mapped.reason);
  shipment->set_carrier_status_code(display);
  shipment->set_carrier_status_text("Fulfillment status reported by Shopify");
  google::protobuf::Timestamp at;
  if (ReadTime(fulfillment, {"estimatedDeliveryAt"}, &at)) {
    *shipment->mutable_estimated_delivery()->mutable_end() = at;
  }
  if (ReadTime(fulfillment, {"deliveredAt"}, &at)) *shipment->mutable_delivered_at() = at;
  ReadEvents(fulfillment, shipment);
  if (shipment->events().empty() && ReadTime(fulfillment, {"inTransitAt"}, &at)) {
    // No event history: the move into transit is the one scan Shopify knows.
    v1::TrackingEvent* event = shipment->add_events();
    *event->mutable_time() = at;
    event->set_state(v1::SHIPMENT_STATE_IN_TRANSIT);
    event->set_carrier_code("IN_TRANSIT");
    event->set_description("In transit");
  }
  v1::Provenance* provenance = shipment->mutable_provenance();
  provenance->set_source(v1::SOURCE_SHOPIFY);
  provenance->set_adapter(std::string(kAdapter));
  FinalizeShipment(shipment);
}

// The packages of one fulfillment: one per tracking entry, or one without a
// number when it has none. `add` hands out the Shipment to fill.
template <typename AddShipment>
void ReadFulfillment(const json::value& fulfillment, AddShipment add) {
  bool any = false;
  if (const json::array* tracking = JsonArray(fulfillment, {"trackingInfo"})) {
    for (const json::value& entry : *tracking) {
      if (!entry.is_object()) continue;
      ReadPackage(fulfillment, &entry, add());
      any = true;
    }
  }
  if (!any) ReadPackage(fulfillment, nullptr, add());
}

}  // namespace

ShopifyCost ParseShopifyCost(absl::string_view body) {
  ShopifyCost cost;
  boost::system::error_code error;
  const json::value root = json::parse(std::string_view(body.data(), body.size()), error);
  if (error || !root.is_object()) return cost;
  cost.requested = JsonNumber(root, {"extensions", "cost", "requestedQueryCost"});
  cost.actual = JsonNumber(root, {"extensions", "cost", "actualQueryCost"});
  cost.maximum_available =
      JsonNumber(root, {"extensions", "cost", "throttleStatus", "maximumAvailable"});
  cost.currently_available =
      JsonNumber(root, {"extensions", "cost", "throttleStatus", "currentlyAvailable"});
  cost.restore_rate = JsonNumber(root, {"extensions", "cost", "throttleStatus", "restoreRate"});
  if (const json::array* errors = JsonArray(root, {"errors"})) {
    for (const json::value& entry : *errors) {
      if (JsonString(entry, {"extensions", "code"}) == "THROTTLED") cost.throttled = true;
    }
  }
  return cost;
}

absl::StatusOr<v1::Order> ParseShopifyOrderResponse(const http::HttpResponse& response,
                                                    const ShopifyAnswerContext& context) {
  auto answer = AnswerRoot(response, context);
  if (!answer.ok()) return answer.status();
  const json::value& root = *answer;
  const json::value* data = JsonFind(root, {"data"});
  if (data == nullptr || !data->is_object()) {
    return MalformedPayload(kAdapter, "answer without data");
  }
  // order(id:) answers one order or null; orders(query:) a list.
  const json::value* found = JsonFind(*data, {"order"});
  if (const json::array* nodes = JsonArray(*data, {"orders", "nodes"})) {
    found = nodes->empty() ? nullptr : &nodes->front();
  } else if (found == nullptr && JsonFind(*data, {"orders"}) != nullptr) {
    return MalformedPayload(kAdapter, "orders without nodes");
  }
  if (found == nullptr || found->is_null()) {
    return absl::NotFoundError(absl::StrCat(
        "shopify: no order ", context.order_ref, " in shop '", context.shop, "'",
        context.read_all_orders
            ? ""
            : "; without the read_all_orders scope Shopify shows an app only the orders of "
              "the last 60 days, so an older order is not found either"));
  }
  if (!found->is_object() || JsonString(*found, {"name"}).empty()) {
    return MalformedPayload(kAdapter, "order without a name");
  }
  const json::value& source = *found;
  v1::Order order;
  order.set_channel(v1::SALES_CHANNEL_SHOPIFY);
  order.set_order_id(JsonString(source, {"name"}));
  order.set_marketplace_id(context.shop);
  order.set_store_name(context.store_name.empty() ? JsonString(*data, {"shop", "name"})
                                                  : context.store_name);
  ReadTime(source, {"createdAt"}, order.mutable_purchased_at());
  const std::string status = JsonString(source, {"displayFulfillmentStatus"});
  order.set_channel_status(status);
  const json::value* cancelled = JsonFind(source, {"cancelledAt"});
  order.set_status(cancelled != nullptr && cancelled->is_string() ? v1::ORDER_STATUS_CANCELLED
                                                                  : MapOrderStatus(status));
  order.set_fulfillment(v1::FULFILLMENT_FBM);
  if (const json::array* fulfillments = JsonArray(source, {"fulfillments"})) {
    for (const json::value& fulfillment : *fulfillments) {
      if (!fulfillment.is_object()) continue;
      if (IsAmazonService(fulfillment)) order.set_fulfillment(v1::FULFILLMENT_MCF);
      ReadFulfillment(fulfillment, [&order] { return order.add_shipments(); });
    }
  }
  // Every package delivered: the order is, whatever Shopify's order-level
  // word (FULFILLED) says.
  if (order.status() == v1::ORDER_STATUS_SHIPPED && order.shipments_size() > 0) {
    bool all_delivered = true;
    for (const auto& shipment : order.shipments()) {
      all_delivered &= shipment.state() == v1::SHIPMENT_STATE_DELIVERED;
    }
    if (all_delivered) order.set_status(v1::ORDER_STATUS_DELIVERED);
  }
  v1::Provenance* provenance = order.mutable_provenance();
  provenance->set_source(v1::SOURCE_SHOPIFY);
  provenance->set_adapter(std::string(kAdapter));
  provenance->set_payload_sha256(Sha256Hex(response.body));
  return order;
}

absl::StatusOr<bool> ParseShopifyAccessScopesResponse(const http::HttpResponse& response,
                                                      const ShopifyAnswerContext& context) {
  auto answer = AnswerRoot(response, context);
  if (!answer.ok()) return answer.status();
  const json::value& root = *answer;
  const json::array* scopes = JsonArray(root, {"data", "currentAppInstallation", "accessScopes"});
  if (scopes == nullptr) return MalformedPayload(kAdapter, "answer without accessScopes");
  for (const json::value& scope : *scopes) {
    if (JsonString(scope, {"handle"}) == "read_all_orders") return true;
  }
  return false;
}

absl::StatusOr<std::vector<v1::Shipment>> ParseShopifyFulfillmentResponse(
    const http::HttpResponse& response, const ShopifyAnswerContext& context) {
  auto answer = AnswerRoot(response, context);
  if (!answer.ok()) return answer.status();
  const json::value& root = *answer;
  const json::value* fulfillment = JsonFind(root, {"data", "fulfillment"});
  if (fulfillment == nullptr) return MalformedPayload(kAdapter, "answer without a fulfillment");
  if (fulfillment->is_null()) {
    return absl::NotFoundError(absl::StrCat("shopify: no fulfillment ", context.order_ref,
                                            " in shop '", context.shop, "'"));
  }
  if (!fulfillment->is_object()) return MalformedPayload(kAdapter, "fulfillment not an object");
  std::vector<v1::Shipment> shipments;
  // Each pointer `add` hands out is filled before the next is asked for.
  ReadFulfillment(*fulfillment, [&shipments] { return &shipments.emplace_back(); });
  return shipments;
}

}  // namespace trackenrich::adapters::shopify
