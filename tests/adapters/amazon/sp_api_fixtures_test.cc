// Fixture conformance: the Selling Partner API payloads published in the
// models (../shared/fixtures/sp-api) for the operations an order lookup uses
// (Orders 2026-01-01 and v0 getOrder, Fulfillment Outbound getFulfillmentOrder
// and getPackageTrackingDetails), with the canonical values they must give,
// and the SP-API error bodies with the codes they map to.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

#include "adapters/amazon/fulfillment_outbound_parser.h"
#include "adapters/amazon/orders_parser.h"
#include "adapters/amazon/sp_api_errors.h"
#include "adapters/common/time_util.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::amazon {
namespace {

http::HttpResponse Fixture(const std::string& name, int status = 200) {
  http::HttpResponse response;
  response.status = status;
  response.body = testing::ReadFile(testing::SharedFixture("sp-api/" + name));
  return response;
}

std::string Utc(const google::protobuf::Timestamp& timestamp) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", FromProto(timestamp), absl::UTCTimeZone());
}

enum class Api { k2026, kV0, kFulfillmentOrder };

struct OrderExpectation {
  std::string file;
  Api api;
  std::string order_id;
  v1::Fulfillment fulfillment;
  v1::OrderStatus status;
  std::string country;
  // Latest ship-by and deliver-by ("" when the payload has none).
  std::string ship_by_end;
  std::string deliver_by_end;
  int shipments;
  // Personal data in the payload that must not reach the Order.
  std::vector<std::string> personal;
};

TEST_CASE("SP-API order parsers: every published getOrder and getFulfillmentOrder payload",
          "[sp_api][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found, so the published SP-API payloads are not checked");
    return;
  }
  const std::vector<OrderExpectation> table = {
      {"orders2026.getOrder.200.example.json",
       Api::k2026,
       "202-1234567-8901234",
       v1::FULFILLMENT_FBM,
       v1::ORDER_STATUS_SHIPPED,
       "GB",
       "2024-12-26T23:59:59Z",
       "2024-12-30T23:59:59Z",
       1,
       {"James Wilson", "buyer-email@", "123 High Street", "M1 2AB", "+44 161"}},
      {"orders2026.getOrder.200.sandbox-1.json",
       Api::k2026,
       "171-9876543-2109876",
       v1::FULFILLMENT_FBM,
       v1::ORDER_STATUS_UNSHIPPED,
       "BR",
       "2024-12-27T23:59:59Z",
       "2024-12-31T23:59:59Z",
       0,
       {"Maria Silva Santos", "Rua das Flores", "98765-4321"}},
      {"orders2026.getOrder.200.sandbox-2.json",
       Api::k2026,
       "028-1234567-8901234",
       v1::FULFILLMENT_FBM,
       v1::ORDER_STATUS_SHIPPED,
       "TR",
       "2025-03-17T23:59:59Z",
       "2025-03-21T23:59:59Z",
       0,
       {}},
      {"orders2026.getOrder.200.sandbox-3.json",
       Api::k2026,
       "114-9876543-1234567",
       v1::FULFILLMENT_FBM,
       v1::ORDER_STATUS_UNSHIPPED,
       "US",
       "",
       "",
       0,
       {}},
      {"ordersV0.getOrder.200.example.json",
       Api::kV0,
       "902-3159896-1390916",
       v1::FULFILLMENT_FBM,
       v1::ORDER_STATUS_PENDING,
       "US",
       "2017-01-25T19:49:35Z",
       "",
       0,
       {}},
      {"ordersV0.getOrder.200.sandbox-1.json",
       Api::kV0,
       "902-1845936-5435065",
       v1::FULFILLMENT_FBM,
       v1::ORDER_STATUS_UNSHIPPED,
       "US",
       "1970-01-19T04:05:13Z",
       "1970-01-19T04:15:17Z",
       0,
       {}},
      {"ordersV0.getOrder.200.sandbox-2.json",
       Api::kV0,
       "921-3175655-0452641",
       v1::FULFILLMENT_FBA,
       v1::ORDER_STATUS_SHIPPED,
       "DE",
       "2019-05-08T21:59:59Z",
       "2019-05-12T21:59:59Z",
       0,
       {"WESTLAKE", "480-386-0930"}},
      {"fbaOutbound.getFulfillmentOrder.200.example.json",
       Api::kFulfillmentOrder,
       "FBATestOrder-1",
       v1::FULFILLMENT_MCF,
       v1::ORDER_STATUS_UNSHIPPED,
       "US",
       "",
       "",
       0,
       {"1234 Amazon Way", "test1@amazon.com"}},
  };
  for (const OrderExpectation& row : table) {
    CAPTURE(row.file);
    const http::HttpResponse response = Fixture(row.file);
    absl::StatusOr<v1::Order> order = row.api == Api::k2026 ? ParseGetOrderResponse(response, "t")
                                      : row.api == Api::kV0
                                          ? ParseGetOrderV0Response(response, "t")
                                          : ParseFulfillmentOrderResponse(response, "t");
    REQUIRE(order.ok());
    CHECK(order->order_id() == row.order_id);
    CHECK(order->fulfillment() == row.fulfillment);
    CHECK(order->status() == row.status);
    CHECK(order->marketplace_country() == row.country);
    CHECK((order->ship_by().has_end() ? Utc(order->ship_by().end()) : "") == row.ship_by_end);
    CHECK((order->deliver_by().has_end() ? Utc(order->deliver_by().end()) : "") ==
          row.deliver_by_end);
    CHECK(order->shipments_size() == row.shipments);
    CHECK(order->provenance().payload_sha256().size() == 64);
    const std::string serialized = order->DebugString();
    for (const std::string& personal : row.personal) {
      CAPTURE(personal);
      CHECK(absl::StrContains(response.body, personal));
      CHECK_FALSE(absl::StrContains(serialized, personal));
    }
  }
}

TEST_CASE("SP-API: the 2026 example's merchant package keeps Amazon's view of it",
          "[sp_api][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found");
    return;
  }
  auto order = ParseGetOrderResponse(Fixture("orders2026.getOrder.200.example.json"), "t");
  REQUIRE(order.ok());
  REQUIRE(order->shipments_size() == 1);
  const v1::Shipment& package = order->shipments(0);
  CHECK(package.carrier() == v1::CARRIER_ROYAL_MAIL);
  CHECK(package.tracking_number() == "RR123456789GB");
  CHECK(package.package_id() == "UK-PKG-2024-001");
  CHECK(package.state() == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(package.carrier_status_code() == "IN_TRANSIT/OUT_FOR_DELIVERY");
  CHECK(package.service_name() == "Royal Mail Tracked 48");
  CHECK(absl::StartsWith(package.tracking_url(), "https://"));
  CHECK(order->prime());
  CHECK(order->shipping_service_level() == "STANDARD");
  CHECK(Utc(order->purchased_at()) == "2024-12-25T09:15:00Z");
}

TEST_CASE("SP-API: getPackageTrackingDetails example gives a delivered UPS package",
          "[sp_api][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found");
    return;
  }
  const http::HttpResponse response =
      Fixture("fbaOutbound.getPackageTrackingDetails.200.example.json");
  auto shipment = ParsePackageTrackingResponse(response, "t");
  REQUIRE(shipment.ok());
  CHECK(shipment->state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(shipment->carrier() == v1::CARRIER_UPS);
  CHECK(shipment->tracking_number() == "1Z50V7420354708051");
  CHECK(shipment->package_id() == "212794778");
  CHECK(shipment->tracking_url() == "https://www.swiship.com/track?id=1Z50V7420354708051");
  REQUIRE(shipment->events_size() == 2);
  CHECK(shipment->events(0).carrier_code() == "EVENT_206");  // oldest first
  CHECK(shipment->events(1).state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(Utc(shipment->delivered_at()) == "2020-01-22T00:15:55Z");
  CHECK(shipment->proof_of_delivery().delivery_location() == "AS_INSTRUCTED");
  CHECK(shipment->provenance().source() == v1::SOURCE_AMAZON_FULFILLMENT_OUTBOUND);
  CHECK_FALSE(absl::StrContains(shipment->DebugString(), "1234 Amazon Way"));
}

TEST_CASE("SP-API error bodies map to the documented codes", "[sp_api][fixtures]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found");
    return;
  }
  struct Row {
    std::string file;
    int status;
    absl::StatusCode code;
  };
  const std::vector<Row> table = {
      {"orders2026.getOrder.400.sandbox.json", 400, absl::StatusCode::kInvalidArgument},
      {"ordersV0.getOrder.400.sandbox.json", 400, absl::StatusCode::kInvalidArgument},
      // The same ErrorList schema, published for Shipping v1's getShipment.
      {"shippingV1.getShipment.401.sandbox.json", 401, absl::StatusCode::kFailedPrecondition},
      {"shippingV1.getShipment.403.sandbox.json", 403, absl::StatusCode::kFailedPrecondition},
      {"shippingV1.getShipment.404.sandbox.json", 404, absl::StatusCode::kNotFound},
      {"shippingV1.getShipment.429.sandbox.json", 429, absl::StatusCode::kResourceExhausted},
      {"shippingV1.getShipment.500.sandbox.json", 500, absl::StatusCode::kUnavailable},
      {"shippingV1.getShipment.503.sandbox.json", 503, absl::StatusCode::kUnavailable},
  };
  for (const Row& row : table) {
    CAPTURE(row.file);
    const http::HttpResponse response = Fixture(row.file, row.status);
    const absl::Status order = ParseGetOrderResponse(response, "acme").status();
    CHECK(order.code() == row.code);
    CHECK(ParseGetOrderV0Response(response, "acme").status().code() == row.code);
    CHECK(ParseFulfillmentOrderResponse(response, "acme").status().code() == row.code);
    CHECK(ParsePackageTrackingResponse(response, "acme").status().code() == row.code);
    if (row.code == absl::StatusCode::kFailedPrecondition) {
      CHECK(absl::StrContains(order.message(), "tenant 'acme'"));
    }
    CHECK(absl::StrContains(order.message(), "sp_api getOrder"));
  }
}

}  // namespace
}  // namespace trackenrich::adapters::amazon
