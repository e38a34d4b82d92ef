// Fixture conformance: the example answers Shopify publishes in the Admin
// GraphQL reference (tests/data/shopify/docs.*.json, provenance in its
// SOURCES.md), parsed against a table of the values each must give. The
// reference prints an answer's `data` member (its examples return
// `json.data`), so each file is put back into `{"data": ...}` here; the
// aliases example (order1:, order2:) is read one alias at a time as `order`.
// The customer's name, the origin and destination addresses, the email and
// the phone in these answers must not reach the parse.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "boost/json.hpp"

#include "adapters/common/time_util.h"
#include "adapters/shopify/shopify_parser.h"
#include "adapters/shopify/shopify_request.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::shopify {
namespace {

using testing::IsOk;
using testing::StatusIs;

std::string Published(const std::string& name) {
  return testing::ReadFile(testing::TestData("shopify/" + name));
}

http::HttpResponse WithData(const std::string& data) {
  http::HttpResponse response;
  response.status = 200;
  response.body = "{\"data\":" + data + "}";
  return response;
}

std::string Utc(const google::protobuf::Timestamp& timestamp) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", FromProto(timestamp), absl::UTCTimeZone());
}

const ShopifyAnswerContext kContext{
    .tenant = "acme", .shop = "your-development-store.myshopify.com", .order_ref = "#1001"};

void CheckAbsent(const std::string& serialized, const std::vector<std::string>& personal) {
  for (const std::string& value : personal) {
    INFO("personal value " << value);
    CHECK_FALSE(absl::StrContains(serialized, value));
  }
}

TEST_CASE("Shopify published order answers: the aliases example, customer dropped",
          "[shopify][fixtures]") {
  struct Row {
    std::string alias;
    std::string order_id;
    std::string channel_status;
    v1::OrderStatus status;
    std::string purchased_at;
  };
  const std::vector<Row> table = {
      {"order1", "#1001", "UNFULFILLED", v1::ORDER_STATUS_UNSHIPPED, "2005-07-31T15:57:11Z"},
      {"order2", "#1018", "UNFULFILLED", v1::ORDER_STATUS_UNSHIPPED, "2008-07-31T15:57:11Z"},
  };
  const boost::json::value published = boost::json::parse(Published("docs.order-aliases.json"));
  for (const Row& row : table) {
    INFO(row.alias);
    boost::json::object data;
    data["order"] = published.at(row.alias);
    const http::HttpResponse response = WithData(boost::json::serialize(data));
    auto order = ParseShopifyOrderResponse(response, kContext);
    REQUIRE_THAT(order.status(), IsOk());
    CHECK(order->channel() == v1::SALES_CHANNEL_SHOPIFY);
    CHECK(order->order_id() == row.order_id);
    CHECK(order->channel_status() == row.channel_status);
    CHECK(order->status() == row.status);
    CHECK(Utc(order->purchased_at()) == row.purchased_at);
    CHECK(order->marketplace_id() == kContext.shop);
    CHECK(order->fulfillment() == v1::FULFILLMENT_FBM);
    CHECK(order->shipments().empty());
    CHECK(order->provenance().source() == v1::SOURCE_SHOPIFY);
    CheckAbsent(order->SerializeAsString(), {"Bob", "Bobsen"});
  }
}

TEST_CASE("Shopify published fulfillment answers: tracking, carrier, events and times",
          "[shopify][fixtures]") {
  struct Event {
    std::string time;
    std::string code;
    v1::ShipmentState state;
  };
  struct Row {
    std::string file;
    std::string tracking_number;
    v1::Carrier carrier;
    std::string tracking_url;
    v1::ShipmentState state;
    bool has_estimated_delivery;
    std::vector<Event> events;
    std::vector<std::string> not_carried;
  };
  const std::vector<Row> table = {
      {"docs.fulfillment-show.json",
       "1Z1234512345123456",
       v1::CARRIER_UPS,
       "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z1234512345123456",
       // No displayStatus selected: a fulfillment is taken to be on its way.
       v1::SHIPMENT_STATE_IN_TRANSIT,
       false,
       {},
       {"150 Elgin St", "K2P 1L4", "Ottawa", "Draft"}},
      {"docs.fulfillment-events.json",
       "",
       v1::CARRIER_UNSPECIFIED,
       "",
       v1::SHIPMENT_STATE_IN_TRANSIT,
       false,
       {{"2016-05-02T11:00:00Z", "LABEL_PURCHASED", v1::SHIPMENT_STATE_LABEL_CREATED},
        {"2016-05-03T11:00:00Z", "OUT_FOR_DELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY}},
       {}},
  };
  for (const Row& row : table) {
    INFO(row.file);
    auto packages = ParseShopifyFulfillmentResponse(WithData(Published(row.file)), kContext);
    REQUIRE_THAT(packages.status(), IsOk());
    REQUIRE(packages->size() == 1);
    const v1::Shipment& shipment = packages->front();
    CHECK(shipment.tracking_number() == row.tracking_number);
    CHECK(shipment.carrier() == row.carrier);
    CHECK(shipment.tracking_url() == row.tracking_url);
    CHECK(shipment.state() == row.state);
    CHECK(shipment.has_estimated_delivery() == row.has_estimated_delivery);
    CHECK(shipment.provenance().source() == v1::SOURCE_SHOPIFY);
    REQUIRE(static_cast<size_t>(shipment.events_size()) == row.events.size());
    for (size_t i = 0; i < row.events.size(); ++i) {
      INFO("event " << i);
      CHECK(Utc(shipment.events(static_cast<int>(i)).time()) == row.events[i].time);
      CHECK(shipment.events(static_cast<int>(i)).carrier_code() == row.events[i].code);
      CHECK(shipment.events(static_cast<int>(i)).state() == row.events[i].state);
    }
    CheckAbsent(shipment.SerializeAsString(), row.not_carried);
  }
}

TEST_CASE("Shopify published access scopes: read_all_orders granted, the query as published",
          "[shopify][fixtures]") {
  auto granted =
      ParseShopifyAccessScopesResponse(WithData(Published("docs.access-scopes.json")), kContext);
  REQUIRE_THAT(granted.status(), IsOk());
  CHECK(*granted);
  // The same answer without that one scope.
  boost::json::value published = boost::json::parse(Published("docs.access-scopes.json"));
  boost::json::array& scopes = published.at("currentAppInstallation").at("accessScopes").as_array();
  const size_t before = scopes.size();
  scopes.erase(std::remove_if(scopes.begin(), scopes.end(),
                              [](const boost::json::value& scope) {
                                return scope.at("handle") == "read_all_orders";
                              }),
               scopes.end());
  REQUIRE(scopes.size() == before - 1);
  auto not_granted =
      ParseShopifyAccessScopesResponse(WithData(boost::json::serialize(published)), kContext);
  REQUIRE_THAT(not_granted.status(), IsOk());
  CHECK_FALSE(*not_granted);
  CHECK_THAT(ParseShopifyAccessScopesResponse(WithData("{}"), kContext).status(),
             StatusIs(absl::StatusCode::kUnavailable, "accessScopes"));
  http::HttpResponse unauthorized;
  unauthorized.status = 401;
  CHECK_THAT(ParseShopifyAccessScopesResponse(unauthorized, kContext).status(),
             StatusIs(absl::StatusCode::kFailedPrecondition, "shopify.shops.acme.access_token"));

  // The request: the published example's query, the pinned version, the token.
  const http::HttpRequest request = BuildShopifyAccessScopesRequest("2025-10", "shpat_x");
  CHECK(request.method == "POST");
  CHECK(request.target == "/admin/api/2025-10/graphql.json");
  CHECK(request.Header("X-Shopify-Access-Token") == "shpat_x");
  const boost::json::value body = boost::json::parse(request.body);
  CHECK(std::string(body.at("query").as_string()) == std::string(ShopifyAccessScopesQuery()));
  CHECK(absl::StrContains(ShopifyAccessScopesQuery(),
                          "currentAppInstallation { accessScopes { handle } }"));
}

TEST_CASE("Shopify published answers our query would not give: codes, no personal data echoed",
          "[shopify][fixtures]") {
  // Both answer for an order without its name (the adapter always selects
  // it): a malformed answer for the lookup, whose message must not echo the
  // destination's name, address, email or phone.
  for (const std::string file :
       {"docs.order-fulfillments.json", "docs.order-fulfillment-orders.json"}) {
    INFO(file);
    auto order = ParseShopifyOrderResponse(WithData(Published(file)), kContext);
    CHECK_THAT(order.status(), StatusIs(absl::StatusCode::kUnavailable, "order without a name"));
    CheckAbsent(std::string(order.status().message()),
                {"Bob", "bob@example.com", "(555)555-5555", "Amoebobacterieae", "K2P0V6"});
  }
  // A fulfillment answer where the order was asked for, and the reverse.
  CHECK_THAT(ParseShopifyOrderResponse(WithData(Published("docs.fulfillment-show.json")), kContext)
                 .status(),
             StatusIs(absl::StatusCode::kNotFound));
  CHECK_THAT(
      ParseShopifyFulfillmentResponse(WithData(Published("docs.order-aliases.json")), kContext)
          .status(),
      StatusIs(absl::StatusCode::kUnavailable, "answer without a fulfillment"));
  CHECK_THAT(ParseShopifyFulfillmentResponse(WithData("{\"fulfillment\":null}"), kContext).status(),
             StatusIs(absl::StatusCode::kNotFound, "no fulfillment"));
}

}  // namespace
}  // namespace trackenrich::adapters::shopify
