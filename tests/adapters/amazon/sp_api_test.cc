// The SP-API pure pieces: marketplace table, request builders (no personal
// data asked for, secrets only in headers), and the status crosswalks.
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "adapters/amazon/fulfillment_outbound_parser.h"
#include "adapters/amazon/marketplaces.h"
#include "adapters/amazon/orders_parser.h"
#include "adapters/amazon/sp_api_requests.h"
#include "adapters/amazon/sp_api_status_map.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::amazon {
namespace {

TEST_CASE("Marketplaces: ID to country and region, region to endpoint", "[sp_api]") {
  struct Row {
    const char* id;
    const char* country;
    Region region;
  };
  for (const Row& row :
       {Row{"ATVPDKIKX0DER", "US", Region::kNorthAmerica},
        Row{"A2Q3Y263D00KWC", "BR", Region::kNorthAmerica},
        Row{"A1F83G8C2ARO7P", "GB", Region::kEurope}, Row{"APJ6JRA9NG5V4", "IT", Region::kEurope},
        Row{"A21TJRUUN4KGV", "IN", Region::kEurope}, Row{"A1VC38T7YXB528", "JP", Region::kFarEast},
        Row{"A39IBJ37TRP1C6", "AU", Region::kFarEast}}) {
    CAPTURE(row.id);
    const Marketplace* marketplace = FindMarketplace(row.id);
    REQUIRE(marketplace != nullptr);
    CHECK(marketplace->country == row.country);
    CHECK(marketplace->region == row.region);
  }
  CHECK(FindMarketplace("") == nullptr);
  CHECK(FindMarketplace("atvpdkikx0der") == nullptr);
  CHECK(RegionEndpoint(Region::kEurope, false) == "https://sellingpartnerapi-eu.amazon.com");
  CHECK(RegionEndpoint(Region::kFarEast, true) ==
        "https://sandbox.sellingpartnerapi-fe.amazon.com");
  Region parsed = Region::kNorthAmerica;
  CHECK(ParseRegion("fe", &parsed));
  CHECK(parsed == Region::kFarEast);
  CHECK_FALSE(ParseRegion("us", &parsed));
}

TEST_CASE("SP-API requests: paths, token header, no personal data", "[sp_api]") {
  const http::HttpRequest order = BuildGetOrderRequest("114-3941689-8772232", "Atza|token");
  CHECK(order.method == "GET");
  CHECK(order.target ==
        "/orders/2026-01-01/orders/114-3941689-8772232?includedData=FULFILLMENT%2CPACKAGES");
  CHECK(order.Header("x-amz-access-token") == "Atza|token");
  CHECK_FALSE(absl::StrContains(order.target, "BUYER"));
  CHECK_FALSE(absl::StrContains(order.target, "RECIPIENT"));
  CHECK_FALSE(absl::StrContains(order.target, "token"));
  CHECK(order.idempotent);
  CHECK(BuildGetOrderV0Request("114-3941689-8772232", "t").target ==
        "/orders/v0/orders/114-3941689-8772232");
  // A seller's own MCF order ID may hold anything: it is escaped.
  CHECK(BuildGetFulfillmentOrderRequest("SHOP/1001 ?x", "t").target ==
        "/fba/outbound/2020-07-01/fulfillmentOrders/SHOP%2F1001%20%3Fx");
  CHECK(BuildGetPackageTrackingRequest("212794778", "t").target ==
        "/fba/outbound/2020-07-01/tracking?packageNumber=212794778");
}

TEST_CASE("SP-API crosswalks: order, package and MCF statuses", "[sp_api]") {
  CHECK(MapOrderStatus("UNSHIPPED") == v1::ORDER_STATUS_UNSHIPPED);
  CHECK(MapOrderStatus("Unshipped") == v1::ORDER_STATUS_UNSHIPPED);
  CHECK(MapOrderStatus("PartiallyShipped") == v1::ORDER_STATUS_PARTIALLY_SHIPPED);
  CHECK(MapOrderStatus("Canceled") == v1::ORDER_STATUS_CANCELLED);
  CHECK(MapOrderStatus("PENDING_AVAILABILITY") == v1::ORDER_STATUS_PENDING);
  CHECK(MapOrderStatus("Bogus") == v1::ORDER_STATUS_UNSPECIFIED);
  CHECK(MapFulfillmentOrderStatus("COMPLETE_PARTIALLED") == v1::ORDER_STATUS_PARTIALLY_SHIPPED);
  CHECK(MapFulfillmentOrderStatus("PROCESSING") == v1::ORDER_STATUS_UNSHIPPED);

  struct PackageRow {
    const char* status;
    const char* detailed;
    v1::ShipmentState state;
    v1::StateReason reason;
  };
  for (const PackageRow& row :
       {PackageRow{"IN_TRANSIT", "OUT_FOR_DELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}},
        PackageRow{"SHIPPED", "", v1::SHIPMENT_STATE_IN_TRANSIT, {}},
        PackageRow{"PENDING", "PENDING_PICK_UP", v1::SHIPMENT_STATE_LABEL_CREATED, {}},
        PackageRow{"", "PendingPickUp", v1::SHIPMENT_STATE_LABEL_CREATED, {}},  // v0 EasyShip
        PackageRow{"UNDELIVERABLE", "REJECTED_BY_BUYER", v1::SHIPMENT_STATE_RETURNING,
                   v1::STATE_REASON_REFUSED},
        PackageRow{"UNDELIVERABLE", "DAMAGED", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_DAMAGED},
        PackageRow{"DELIVERED", "", v1::SHIPMENT_STATE_DELIVERED, {}},
        PackageRow{"CANCELLED", "LABEL_CANCELLED", v1::SHIPMENT_STATE_CANCELLED, {}},
        PackageRow{"", "ReturnedToSeller", v1::SHIPMENT_STATE_RETURNED,
                   v1::STATE_REASON_RETURN_TO_SENDER}}) {
    CAPTURE(row.status, row.detailed);
    const SpApiStatus mapped = MapPackageStatus(row.status, row.detailed);
    CHECK(mapped.state == row.state);
    CHECK(mapped.reason == row.reason);
  }
  CHECK(MapMcfCurrentStatus("DELAYED").state == v1::SHIPMENT_STATE_DELAYED);
  CHECK(MapMcfCurrentStatus("CUSTOMER_ACTION").state == v1::SHIPMENT_STATE_EXCEPTION);
  CHECK(MapMcfCurrentStatus("UNKNOWN").state == v1::SHIPMENT_STATE_UNSPECIFIED);
  CHECK(MapMcfEvent("EVENT_402").reason == v1::STATE_REASON_CUSTOMS);
  CHECK(MapMcfEvent("EVENT_407").state == v1::SHIPMENT_STATE_RETURNING);
  CHECK(MapMcfEvent("EVENT_801").state == v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP);
  CHECK(MapMcfEvent("EVENT_999").state == v1::SHIPMENT_STATE_UNSPECIFIED);
}

http::HttpResponse DataFile(const std::string& name) {
  return testing::Response(200, testing::ReadFile(testing::TestData("sp_api/" + name)));
}

// Payloads in Amazon's documented shapes for the codes Amazon's own
// definitions contradict the old crosswalk on.
TEST_CASE(
    "SP-API parsers: shipped, undeliverable and one undeliverable scan read as Amazon "
    "defines them",
    "[sp_api]") {
  // v0 InvoiceUnconfirmed: "All items in the order have been shipped".
  auto v0 = ParseGetOrderV0Response(DataFile("order-v0-invoice-unconfirmed.json"), "t");
  REQUIRE(v0.ok());
  CHECK(v1::OrderStatus_Name(v0->status()) == "ORDER_STATUS_SHIPPED");
  CHECK(v0->channel_status() == "InvoiceUnconfirmed");

  // A merchant package Amazon could not deliver (address or access): an
  // exception to act on, not a lost parcel.
  auto order = ParseGetOrderResponse(DataFile("order-2026-package-undeliverable.json"), "t");
  REQUIRE(order.ok());
  REQUIRE(order->shipments_size() == 1);
  CHECK(v1::ShipmentState_Name(order->shipments(0).state()) == "SHIPMENT_STATE_EXCEPTION");
  CHECK(v1::StateReason_Name(order->shipments(0).reason()) == "STATE_REASON_ADDRESS_ISSUE");

  // MCF: currentStatus UNKNOWN, newest event EVENT_416 "Undeliverable.".
  auto package =
      ParsePackageTrackingResponse(DataFile("package-tracking-undeliverable-scan.json"), "t");
  REQUIRE(package.ok());
  REQUIRE(package->events_size() == 2);
  CHECK(v1::ShipmentState_Name(package->events(1).state()) == "SHIPMENT_STATE_EXCEPTION");
  CHECK(v1::ShipmentState_Name(package->state()) == "SHIPMENT_STATE_EXCEPTION");
  CHECK(v1::StateReason_Name(package->reason()) == "STATE_REASON_OTHER");
  CHECK(package->has_first_scan_at());
}

TEST_CASE("SP-API crosswalks: Amazon carrier codes", "[sp_api]") {
  CHECK(CarrierFromAmazonCode("UPS") == v1::CARRIER_UPS);
  CHECK(CarrierFromAmazonCode("USPS") == v1::CARRIER_USPS);
  CHECK(CarrierFromAmazonCode("FedEx SmartPost") == v1::CARRIER_FEDEX);
  CHECK(CarrierFromAmazonCode("DHL eCommerce") == v1::CARRIER_DHL);
  CHECK(CarrierFromAmazonCode("Royal Mail") == v1::CARRIER_ROYAL_MAIL);
  CHECK(CarrierFromAmazonCode("AMZN_UK") == v1::CARRIER_AMAZON);
  CHECK(CarrierFromAmazonCode("Amazon Logistics") == v1::CARRIER_AMAZON);
  CHECK(CarrierFromAmazonCode("Hermes") == v1::CARRIER_EVRI);
  CHECK(CarrierFromAmazonCode("Poste Italiane") == v1::CARRIER_POSTE_ITALIANE);
  CHECK(CarrierFromAmazonCode("Other") == v1::CARRIER_UNSPECIFIED);
  CHECK(CarrierFromAmazonCode("") == v1::CARRIER_UNSPECIFIED);
}

}  // namespace
}  // namespace trackenrich::adapters::amazon
