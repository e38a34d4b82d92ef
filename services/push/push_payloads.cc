#include "services/push/push_payloads.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/normalize.h"
#include "adapters/detection/tracking_urls.h"
#include "adapters/dhl/dhl_parser.h"
#include "adapters/fedex/fedex_parser.h"
#include "adapters/http/http_message.h"
#include "adapters/shopify/shopify_status_map.h"
#include "services/validation/request_validation.h"

namespace trackenrich::push {
namespace {

namespace json = boost::json;

absl::Status Invalid(absl::string_view field, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", problem));
}

http::HttpResponse AsAnswer(absl::string_view body) {
  http::HttpResponse response;
  response.status = 200;
  response.body = std::string(body);
  return response;
}

absl::StatusOr<json::object> ParseObject(absl::string_view body) {
  boost::system::error_code error;
  json::value parsed = json::parse(json::string_view(body.data(), body.size()), error);
  if (error || !parsed.is_object()) return Invalid("body", "not a JSON object");
  return std::move(parsed.as_object());
}

// A string member, "" when absent or not a string.
std::string StringOf(const json::object& object, absl::string_view key) {
  const json::value* value = object.if_contains(json::string_view(key.data(), key.size()));
  if (value == nullptr || !value->is_string()) return "";
  return std::string(value->as_string());
}

// A positive integer given as a JSON number or a string of digits.
bool PositiveId(const json::value* value, int64_t* out) {
  if (value == nullptr) return false;
  if (value->is_int64()) {
    *out = value->as_int64();
  } else if (value->is_uint64() && value->as_uint64() <= INT64_MAX) {
    *out = static_cast<int64_t>(value->as_uint64());
  } else if (value->is_string()) {
    const json::string& text = value->as_string();
    if (!absl::SimpleAtoi(absl::string_view(text.data(), text.size()), out)) return false;
  } else {
    return false;
  }
  return *out > 0;
}

// Strings of an array member; false when present but not an array of strings.
bool StringsOf(const json::object& object, absl::string_view key, std::vector<std::string>* out) {
  const json::value* value = object.if_contains(json::string_view(key.data(), key.size()));
  if (value == nullptr || value->is_null()) return true;
  const json::array* list = value->if_array();
  if (list == nullptr) return false;
  for (const json::value& item : *list) {
    if (!item.is_string()) return false;
    out->emplace_back(item.as_string());
  }
  return true;
}

}  // namespace

absl::StatusOr<std::vector<v1::Shipment>> ParseFedexPush(absl::string_view body) {
  if (auto object = ParseObject(body); !object.ok()) return object.status();
  absl::StatusOr<adapters::fedex::FedexTrackResults> results =
      adapters::fedex::ParseFedexTrackResults(AsAnswer(body));
  if (!results.ok()) {
    return Invalid("output.completeTrackResults", results.status().message());
  }
  std::vector<v1::Shipment> shipments;
  for (auto& [number, result] : *results) {
    if (!result.ok()) continue;  // A number FedEx itself does not know.
    v1::Shipment shipment = *std::move(result);
    shipment.set_carrier(v1::CARRIER_FEDEX);
    if (shipment.tracking_number().empty()) shipment.set_tracking_number(number);
    shipments.push_back(std::move(shipment));
  }
  if (shipments.empty()) {
    return Invalid("output.completeTrackResults", "no tracking result with a status");
  }
  return shipments;
}

absl::StatusOr<std::vector<v1::Shipment>> ParseDhlPush(absl::string_view body) {
  absl::StatusOr<json::object> object = ParseObject(body);
  if (!object.ok()) return object.status();
  const json::value* list = object->if_contains("shipments");
  if (list == nullptr || !list->is_array() || list->as_array().empty()) {
    return Invalid("shipments", "required, a non-empty array");
  }
  const http::HttpResponse answer = AsAnswer(body);
  std::vector<v1::Shipment> shipments;
  int index = 0;
  for (const json::value& entry : list->as_array()) {
    const std::string field = absl::StrCat("shipments[", index++, "].id");
    const json::object* shipment = entry.if_object();
    const json::value* id = shipment == nullptr ? nullptr : shipment->if_contains("id");
    // DHL's own docs sample gives the id as a number (7777777770).
    std::string raw;
    if (id != nullptr && id->is_string()) {
      raw = std::string(id->as_string());
    } else if (id != nullptr && id->is_uint64()) {
      raw = absl::StrCat(id->as_uint64());
    } else if (id != nullptr && id->is_int64() && id->as_int64() > 0) {
      raw = absl::StrCat(id->as_int64());
    } else {
      return Invalid(field, "required, a string or a positive number");
    }
    absl::StatusOr<std::string> number = server::ValidateTrackingNumber(field, raw);
    if (!number.ok()) return number.status();
    absl::StatusOr<v1::Shipment> parsed = adapters::dhl::ParseDhlTrackResponse(answer, *number);
    if (!parsed.ok()) return Invalid(field, parsed.status().message());
    parsed->set_carrier(v1::CARRIER_DHL);
    parsed->set_tracking_number(*number);
    shipments.push_back(*std::move(parsed));
  }
  return shipments;
}

std::string ShopifyOrderGid(int64_t order_id) {
  return absl::StrCat("gid://shopify/Order/", order_id);
}

absl::StatusOr<ShopifyFulfillmentPush> ParseShopifyFulfillmentPush(absl::string_view body) {
  absl::StatusOr<json::object> object = ParseObject(body);
  if (!object.ok()) return object.status();
  ShopifyFulfillmentPush push;
  int64_t fulfillment_id = 0;
  if (!PositiveId(object->if_contains("id"), &fulfillment_id)) {
    return Invalid("id", "required, the fulfillment's numeric ID");
  }
  if (!PositiveId(object->if_contains("order_id"), &push.order_id)) {
    return Invalid("order_id", "required, the order's numeric ID");
  }
  push.fulfillment_gid = absl::StrCat("gid://shopify/Fulfillment/", fulfillment_id);
  const std::string name = StringOf(*object, "name");
  if (const size_t dot = name.rfind('.'); dot != std::string::npos && dot > 0) {
    push.order_name = name.substr(0, dot);
    if (absl::Status valid =
            server::ValidateOrderId("name", push.order_name, v1::SALES_CHANNEL_SHOPIFY);
        !valid.ok()) {
      return valid;
    }
  } else if (!name.empty()) {
    return Invalid("name", "not a fulfillment name (the order's name, a dot, a number)");
  }

  std::vector<std::string> numbers;
  std::vector<std::string> urls;
  if (!StringsOf(*object, "tracking_numbers", &numbers)) {
    return Invalid("tracking_numbers", "not an array of strings");
  }
  if (!StringsOf(*object, "tracking_urls", &urls)) {
    return Invalid("tracking_urls", "not an array of strings");
  }
  if (numbers.empty()) {
    if (std::string one = StringOf(*object, "tracking_number"); !one.empty()) {
      numbers.push_back(std::move(one));
    }
  }
  const std::string company = StringOf(*object, "tracking_company");
  const std::string status = absl::AsciiStrToLower(StringOf(*object, "status"));
  const std::string shipment_status = absl::AsciiStrToUpper(StringOf(*object, "shipment_status"));
  adapters::shopify::ShopifyStatus mapped = adapters::shopify::MapDisplayStatus(shipment_status);
  if (status == "cancelled") mapped = {.state = v1::SHIPMENT_STATE_CANCELLED};
  if (mapped.state == v1::SHIPMENT_STATE_UNSPECIFIED) mapped.state = v1::SHIPMENT_STATE_IN_TRANSIT;

  const size_t packages = numbers.empty() ? 1 : numbers.size();
  for (size_t i = 0; i < packages; ++i) {
    v1::Shipment shipment;
    if (!numbers.empty()) {
      const std::string field = absl::StrCat("tracking_numbers[", i, "]");
      absl::StatusOr<std::string> number = server::ValidateTrackingNumber(field, numbers[i]);
      if (!number.ok()) return number.status();
      const v1::Carrier carrier = adapters::shopify::CarrierFromCompany(company);
      shipment.set_tracking_number(*number);
      shipment.set_carrier(carrier);
      shipment.set_carrier_name(carrier == v1::CARRIER_OTHER || carrier == v1::CARRIER_UNSPECIFIED
                                    ? company
                                    : detection::CarrierDisplayName(carrier));
      std::string url = i < urls.size() ? urls[i] : "";
      if (url.empty() && carrier != v1::CARRIER_OTHER) {
        url = detection::TrackingUrl(carrier, *number);
      }
      shipment.set_tracking_url(std::move(url));
    }
    shipment.set_package_id(push.fulfillment_gid);
    shipment.set_state(mapped.state);
    shipment.set_reason(mapped.reason);
    shipment.set_carrier_status_code(shipment_status);
    shipment.set_carrier_status_text("Fulfillment status pushed by Shopify");
    shipment.mutable_provenance()->set_source(v1::SOURCE_SHOPIFY);
    shipment.mutable_provenance()->set_adapter("shopify.push");
    adapters::FinalizeShipment(&shipment);
    push.packages.push_back(std::move(shipment));
  }
  return push;
}

}  // namespace trackenrich::push
