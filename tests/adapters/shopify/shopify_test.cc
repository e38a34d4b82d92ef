// The Shopify order source's pure parts: order names and IDs, the GraphQL
// request (and that it asks for no personal data), the answer parser against
// the payloads in tests/data/shopify, the cost report, the error mapping and
// the status crosswalk.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "boost/json.hpp"

#include "adapters/common/time_util.h"
#include "adapters/shopify/shopify_order_ref.h"
#include "adapters/shopify/shopify_parser.h"
#include "adapters/shopify/shopify_request.h"
#include "adapters/shopify/shopify_status_map.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::shopify {
namespace {

using testing::IsOk;
using testing::StatusIs;

http::HttpResponse Answer(int status, std::string body) {
  http::HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

http::HttpResponse DataFile(const std::string& name) {
  return Answer(200, testing::ReadFile(testing::TestData("shopify/" + name)));
}

std::string Utc(const google::protobuf::Timestamp& timestamp) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", FromProto(timestamp), absl::UTCTimeZone());
}

TEST_CASE("Shopify order references: names, numbers and gids", "[shopify]") {
  struct Row {
    std::string raw;
    OrderNameFormat format;
    ShopifyOrderRef::Kind kind;
    std::string value;
  };
  const OrderNameFormat plain{.prefix = "#"};
  const OrderNameFormat eu{.prefix = "EU-", .suffix = "-S"};
  const std::vector<Row> table = {
      {"#1001", plain, ShopifyOrderRef::kName, "#1001"},
      {"1001", plain, ShopifyOrderRef::kName, "#1001"},
      {"123456789", plain, ShopifyOrderRef::kName, "#123456789"},
      {"1001", eu, ShopifyOrderRef::kName, "EU-1001-S"},
      {"eu-1001-s", eu, ShopifyOrderRef::kName, "EU-1001-S"},
      {"#1001", eu, ShopifyOrderRef::kName, "#1001"},
      {"gid://shopify/Order/450789469", plain, ShopifyOrderRef::kId,
       "gid://shopify/Order/450789469"},
      {"5000000001001", plain, ShopifyOrderRef::kId, "gid://shopify/Order/5000000001001"},
  };
  for (const Row& row : table) {
    INFO(row.raw << " with prefix '" << row.format.prefix << "'");
    auto ref = ParseShopifyOrderRef(row.raw, row.format);
    REQUIRE_THAT(ref.status(), IsOk());
    CHECK(ref->kind == row.kind);
    CHECK(ref->value == row.value);
  }
  // Not a Shopify form at all: NOT_FOUND, so the registry can try Amazon MCF.
  for (const char* raw : {"MCF-SANDBOX-1", "ABC", "EU-1001"}) {
    INFO(raw);
    CHECK_THAT(ParseShopifyOrderRef(raw, plain).status(),
               StatusIs(absl::StatusCode::kNotFound, "order_id: '"));
  }
  // Claims a Shopify form and breaks it: INVALID_ARGUMENT naming the field.
  for (const std::string& raw :
       std::vector<std::string>{"#", "#abc", "#12a4", "##1001", "#1001#", "gid://shopify/Product/1",
                                "gid://shopify/Order/", "gid://shopify/Order/12x", "gid:foo",
                                std::string(20, '9'), "#" + std::string(20, '1')}) {
    INFO(raw);
    CHECK_THAT(ParseShopifyOrderRef(raw, plain).status(),
               StatusIs(absl::StatusCode::kInvalidArgument, "order_id: "));
    CHECK_THAT(CheckShopifyOrderId("order.order_id", raw),
               StatusIs(absl::StatusCode::kInvalidArgument, "order.order_id: "));
  }
}

TEST_CASE("Shopify request: pinned version, token header, no personal data selected", "[shopify]") {
  const http::HttpRequest by_name = BuildShopifyOrderRequest(
      "2025-10", {.kind = ShopifyOrderRef::kName, .value = "#1001"}, "shpat_test");
  CHECK(by_name.method == "POST");
  CHECK(by_name.target == "/admin/api/2025-10/graphql.json");
  CHECK(by_name.Header("X-Shopify-Access-Token") == "shpat_test");
  const boost::json::value body = boost::json::parse(by_name.body);
  CHECK(body.at("variables").at("query").as_string() == "name:\"#1001\"");
  const http::HttpRequest by_id = BuildShopifyOrderRequest(
      "2026-01", {.kind = ShopifyOrderRef::kId, .value = "gid://shopify/Order/1"}, "t");
  CHECK(by_id.target == "/admin/api/2026-01/graphql.json");
  CHECK(boost::json::parse(by_id.body).at("variables").at("id").as_string() ==
        "gid://shopify/Order/1");
  for (auto kind : {ShopifyOrderRef::kName, ShopifyOrderRef::kId}) {
    const std::string query(ShopifyOrderQuery(kind));
    for (const char* field :
         {"displayFulfillmentStatus", "createdAt", "trackingInfo", "company", "number", "url",
          "displayStatus", "estimatedDeliveryAt", "inTransitAt", "deliveredAt", "events"}) {
      INFO(field);
      CHECK(absl::StrContains(query, field));
    }
    for (const char* personal :
         {"customer", "email", "phone", "ddress", "billing", "shipping", "firstName"}) {
      INFO(personal);
      CHECK_FALSE(absl::StrContains(query, personal));
    }
  }
}

TEST_CASE("Shopify parser: an order with two fulfillments, personal data dropped",
          "[shopify][fixtures]") {
  const ShopifyAnswerContext context{
      .tenant = "acme", .shop = "acme.myshopify.com", .order_ref = "#1001"};
  auto order = ParseShopifyOrderResponse(DataFile("order-two-fulfillments.json"), context);
  REQUIRE_THAT(order.status(), IsOk());
  CHECK(order->channel() == v1::SALES_CHANNEL_SHOPIFY);
  CHECK(order->order_id() == "#1001");
  CHECK(order->marketplace_id() == "acme.myshopify.com");
  CHECK(order->store_name() == "Acme Outdoor");
  CHECK(order->status() == v1::ORDER_STATUS_SHIPPED);
  CHECK(order->channel_status() == "FULFILLED");
  CHECK(order->fulfillment() == v1::FULFILLMENT_FBM);
  CHECK(Utc(order->purchased_at()) == "2025-11-03T14:12:09Z");
  CHECK(order->provenance().source() == v1::SOURCE_SHOPIFY);
  CHECK(order->provenance().payload_sha256().size() == 64);

  struct Package {
    std::string number;
    v1::Carrier carrier;
    std::string carrier_name;
    v1::ShipmentState state;
    std::string status_code;
    std::string estimated_end;
    std::string delivered_at;
    int events;
    std::string package_id;
  };
  const std::vector<Package> table = {
      {"1Z001985YW99744790", v1::CARRIER_UPS, "UPS", v1::SHIPMENT_STATE_IN_TRANSIT, "IN_TRANSIT",
       "2025-11-08T20:00:00Z", "", 2, "gid://shopify/Fulfillment/255858046"},
      {"SNDL12345", v1::CARRIER_OTHER, "Sendle", v1::SHIPMENT_STATE_DELIVERED, "DELIVERED", "",
       "2025-11-06T15:42:00Z", 1, "gid://shopify/Fulfillment/255858047"},
  };
  REQUIRE(order->shipments_size() == static_cast<int>(table.size()));
  for (size_t i = 0; i < table.size(); ++i) {
    const Package& want = table[i];
    const v1::Shipment& got = order->shipments(static_cast<int>(i));
    INFO(want.number);
    CHECK(got.tracking_number() == want.number);
    CHECK(got.carrier() == want.carrier);
    CHECK(got.carrier_name() == want.carrier_name);
    CHECK(got.state() == want.state);
    CHECK(got.carrier_status_code() == want.status_code);
    CHECK((got.estimated_delivery().has_end() ? Utc(got.estimated_delivery().end()) : "") ==
          want.estimated_end);
    CHECK((got.has_delivered_at() ? Utc(got.delivered_at()) : "") == want.delivered_at);
    CHECK(got.events_size() == want.events);
    CHECK(got.package_id() == want.package_id);
    CHECK(got.provenance().source() == v1::SOURCE_SHOPIFY);
    CHECK_FALSE(got.tracking_url().empty());
  }
  // The payload's personal data reaches nothing the service keeps.
  const std::string everything = order->DebugString();
  for (const char* personal : {"ada@example.com", "Lovelace", "Analytical", "K2P", "+1555"}) {
    INFO(personal);
    CHECK_FALSE(absl::StrContains(everything, personal));
  }
}

TEST_CASE("Shopify parser: the cost report and the published THROTTLED answer", "[shopify]") {
  const http::HttpResponse throttled = DataFile("throttled.json");
  const ShopifyCost cost = ParseShopifyCost(throttled.body);
  CHECK(cost.throttled);
  CHECK(cost.requested == 752);
  CHECK(cost.maximum_available == 1000);
  CHECK(cost.currently_available == 666);
  CHECK(cost.restore_rate == 50);
  CHECK_THAT(ParseShopifyOrderResponse(throttled, {.shop = "acme.myshopify.com"}).status(),
             StatusIs(absl::StatusCode::kResourceExhausted, "throttled"));
  const ShopifyCost fine = ParseShopifyCost(DataFile("order-two-fulfillments.json").body);
  CHECK_FALSE(fine.throttled);
  CHECK(fine.requested == 24);
  CHECK(fine.actual == 18);
  CHECK(fine.restore_rate == 100);
  CHECK(ParseShopifyCost("not json").requested == 0);
}

TEST_CASE("Shopify parser: answers that are not an order map to the documented codes",
          "[shopify]") {
  const ShopifyAnswerContext context{
      .tenant = "acme", .shop = "acme.myshopify.com", .order_ref = "#1042"};
  ShopifyAnswerContext all_orders = context;
  all_orders.read_all_orders = true;
  struct Row {
    int status;
    std::string body;
    const ShopifyAnswerContext* context;
    absl::StatusCode code;
    std::string substring;
  };
  const std::vector<Row> table = {
      {401, R"({"errors":"[API] Invalid API key or access token"})", &context,
       absl::StatusCode::kFailedPrecondition, "shopify.shops.acme.access_token"},
      {403, "{}", &context, absl::StatusCode::kFailedPrecondition, "read_orders"},
      {404, "Not Found", &context, absl::StatusCode::kFailedPrecondition, "shopify.api_version"},
      {429, "{}", &context, absl::StatusCode::kResourceExhausted, ""},
      {503, "", &context, absl::StatusCode::kUnavailable, ""},
      {200, "<html>", &context, absl::StatusCode::kUnavailable, "malformed"},
      {200, R"({"data":{"orders":{"nodes":[]}}})", &context, absl::StatusCode::kNotFound,
       "last 60 days"},
      {200, R"({"data":{"order":null}})", &all_orders, absl::StatusCode::kNotFound,
       "no order #1042 in shop 'acme.myshopify.com'"},
      {200, R"({"errors":[{"message":"Access denied","extensions":{"code":"ACCESS_DENIED"}}]})",
       &context, absl::StatusCode::kFailedPrecondition, "read_orders"},
      {200, R"({"errors":[{"message":"Field 'x' doesn't exist on type 'Order'"}]})", &context,
       absl::StatusCode::kInternal, "doesn't exist"},
      {200, R"({"data":{"orders":{"nodes":[{"id":"gid://shopify/Order/1"}]}}})", &context,
       absl::StatusCode::kUnavailable, "without a name"},
  };
  for (const Row& row : table) {
    INFO(row.status << " " << row.body);
    CHECK_THAT(ParseShopifyOrderResponse(Answer(row.status, row.body), *row.context).status(),
               StatusIs(row.code, row.substring));
  }
  // read_all_orders: the 60-day explanation is not given.
  auto found =
      ParseShopifyOrderResponse(Answer(200, R"({"data":{"orders":{"nodes":[]}}})"), all_orders);
  CHECK_FALSE(absl::StrContains(found.status().message(), "60 days"));
  // The secret never appears in an error.
  CHECK_FALSE(absl::StrContains(
      ParseShopifyOrderResponse(Answer(401, "shpat_secret"), context).status().message(),
      "shpat_secret"));
}

TEST_CASE("Shopify parser: unfulfilled, cancelled, all delivered, fulfilled through MCF",
          "[shopify]") {
  const ShopifyAnswerContext context{.shop = "s.myshopify.com", .store_name = "Configured"};
  auto unfulfilled = ParseShopifyOrderResponse(
      Answer(200, R"({"data":{"order":{"name":"#7","displayFulfillmentStatus":"UNFULFILLED",
                     "fulfillments":[]}}})"),
      context);
  REQUIRE_THAT(unfulfilled.status(), IsOk());
  CHECK(unfulfilled->status() == v1::ORDER_STATUS_UNSHIPPED);
  CHECK(unfulfilled->shipments().empty());
  CHECK(unfulfilled->store_name() == "Configured");
  auto cancelled = ParseShopifyOrderResponse(
      Answer(200, R"({"data":{"order":{"name":"#8","cancelledAt":"2025-01-01T00:00:00Z",
                     "displayFulfillmentStatus":"UNFULFILLED"}}})"),
      context);
  CHECK(cancelled->status() == v1::ORDER_STATUS_CANCELLED);
  auto delivered = ParseShopifyOrderResponse(
      Answer(200, R"({"data":{"order":{"name":"#9","displayFulfillmentStatus":"FULFILLED",
                     "fulfillments":[{"id":"f","displayStatus":"DELIVERED",
                     "trackingInfo":[{"company":"DHL Express","number":"1234567890"}]}]}}})"),
      context);
  CHECK(delivered->status() == v1::ORDER_STATUS_DELIVERED);
  CHECK(delivered->shipments(0).carrier() == v1::CARRIER_DHL);
  auto mcf = ParseShopifyOrderResponse(
      Answer(200, R"({"data":{"order":{"name":"#10","displayFulfillmentStatus":"FULFILLED",
                     "fulfillments":[{"id":"f","displayStatus":"IN_TRANSIT",
                     "service":{"handle":"amazon-marketplace-web","serviceName":"Amazon"},
                     "trackingInfo":[]}]}}})"),
      context);
  CHECK(mcf->fulfillment() == v1::FULFILLMENT_MCF);
  // A fulfillment without tracking info is still a package, without a number.
  REQUIRE(mcf->shipments_size() == 1);
  CHECK(mcf->shipments(0).tracking_number().empty());
}

TEST_CASE("Shopify crosswalk: every documented display status and company", "[shopify]") {
  // FulfillmentDisplayStatus, 2025-10.
  const std::vector<std::pair<std::string, v1::ShipmentState>> statuses = {
      {"ATTEMPTED_DELIVERY", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED},
      {"CANCELED", v1::SHIPMENT_STATE_CANCELLED},
      {"CARRIER_PICKED_UP", v1::SHIPMENT_STATE_PICKED_UP},
      {"CONFIRMED", v1::SHIPMENT_STATE_LABEL_CREATED},
      {"DELAYED", v1::SHIPMENT_STATE_DELAYED},
      {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED},
      {"FAILURE", v1::SHIPMENT_STATE_EXCEPTION},
      {"FULFILLED", v1::SHIPMENT_STATE_IN_TRANSIT},
      {"IN_TRANSIT", v1::SHIPMENT_STATE_IN_TRANSIT},
      {"LABEL_PRINTED", v1::SHIPMENT_STATE_LABEL_CREATED},
      {"LABEL_PURCHASED", v1::SHIPMENT_STATE_LABEL_CREATED},
      {"LABEL_VOIDED", v1::SHIPMENT_STATE_CANCELLED},
      {"MARKED_AS_FULFILLED", v1::SHIPMENT_STATE_IN_TRANSIT},
      {"NOT_DELIVERED", v1::SHIPMENT_STATE_EXCEPTION},
      {"OUT_FOR_DELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY},
      {"PICKED_UP", v1::SHIPMENT_STATE_DELIVERED},
      {"READY_FOR_PICKUP", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP},
      {"SUBMITTED", v1::SHIPMENT_STATE_PENDING},
      // FulfillmentEventStatus's own word for a carrier pickup.
      {"PICKED_UP_BY_CARRIER", v1::SHIPMENT_STATE_PICKED_UP},
  };
  for (const auto& [status, state] : statuses) {
    INFO(status);
    CHECK(MapDisplayStatus(status).state == state);
  }
  // Both ways: the crosswalk holds no code beyond the published ones.
  CHECK(DisplayStatusCrosswalk().rows.size() == statuses.size());
  // OrderDisplayFulfillmentStatus, every value.
  const std::vector<std::pair<std::string, v1::OrderStatus>> order_statuses = {
      {"FULFILLED", v1::ORDER_STATUS_SHIPPED},
      {"IN_PROGRESS", v1::ORDER_STATUS_UNSHIPPED},
      {"ON_HOLD", v1::ORDER_STATUS_PENDING},
      {"OPEN", v1::ORDER_STATUS_UNSHIPPED},
      {"PARTIALLY_FULFILLED", v1::ORDER_STATUS_PARTIALLY_SHIPPED},
      {"PENDING_FULFILLMENT", v1::ORDER_STATUS_PENDING},
      {"REQUEST_DECLINED", v1::ORDER_STATUS_UNSHIPPED},
      {"RESTOCKED", v1::ORDER_STATUS_CANCELLED},
      {"SCHEDULED", v1::ORDER_STATUS_PENDING},
      {"UNFULFILLED", v1::ORDER_STATUS_UNSHIPPED},
  };
  for (const auto& [status, order_status] : order_statuses) {
    INFO(status);
    CHECK(MapOrderStatus(status) == order_status);
  }
  CHECK(OrderStatusTable().rows.size() == order_statuses.size());
  CHECK(MapDisplayStatus("SOMETHING_NEW").state == v1::SHIPMENT_STATE_UNSPECIFIED);
  CHECK(MapOrderStatus("PARTIALLY_FULFILLED") == v1::ORDER_STATUS_PARTIALLY_SHIPPED);
  CHECK(MapOrderStatus("ON_HOLD") == v1::ORDER_STATUS_PENDING);
  CHECK(MapOrderStatus("UNFULFILLED") == v1::ORDER_STATUS_UNSHIPPED);
  CHECK(CarrierFromCompany("FedEx") == v1::CARRIER_FEDEX);
  CHECK(CarrierFromCompany(" usps ") == v1::CARRIER_USPS);
  CHECK(CarrierFromCompany("Amazon Logistics US") == v1::CARRIER_AMAZON);
  CHECK(CarrierFromCompany("Royal Mail") == v1::CARRIER_ROYAL_MAIL);
  CHECK(CarrierFromCompany("Sendle") == v1::CARRIER_OTHER);
  CHECK(CarrierFromCompany("") == v1::CARRIER_UNSPECIFIED);
}

}  // namespace
}  // namespace trackenrich::adapters::shopify
