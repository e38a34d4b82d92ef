// The pure push parsers (services/push/push_payloads.h) on the carriers'
// published payloads (../shared/fixtures) and on Shopify's REST fulfillment
// shape, and the `push` config section's checks.
#include "services/push/push_payloads.h"

#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "services/config/service_config.h"
#include "tests/support/test_data.h"

namespace trackenrich {
namespace {

TEST_CASE("push payloads: FedEx's Track shape through the FedEx crosswalk", "[unit][watch]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found");
    return;
  }
  // The docs sample answers two numbers, one of them not found: the push
  // keeps the one FedEx knows.
  const std::string body = testing::ReadFile(testing::SharedFixture(
      "fedex/fedex.track.v1.trackingnumbers.200.docs-sample-picked-up-plus-not-found.json"));
  auto shipments = push::ParseFedexPush(body);
  REQUIRE(shipments.ok());
  REQUIRE(shipments->size() == 1);
  CHECK((*shipments)[0].carrier() == v1::CARRIER_FEDEX);
  CHECK_FALSE((*shipments)[0].tracking_number().empty());
  CHECK((*shipments)[0].state() != v1::SHIPMENT_STATE_UNSPECIFIED);

  const std::string delivered = testing::ReadFile(testing::SharedFixture(
      "fedex/fedex.track.v1.trackingnumbers.200.delivered-ground-17-scans.json"));
  auto one = push::ParseFedexPush(delivered);
  REQUIRE(one.ok());
  CHECK((*one)[0].state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK((*one)[0].events_size() == 17);

  CHECK(absl::StartsWith(push::ParseFedexPush("[]").status().message(), "body: "));
  CHECK(absl::StartsWith(push::ParseFedexPush(R"({"output": {}})").status().message(),
                         "output.completeTrackResults: "));
}

TEST_CASE("push payloads: DHL's Unified shape through the DHL crosswalk", "[unit][watch]") {
  if (!testing::SharedDirExists()) {
    WARN("skipped: ../shared not found");
    return;
  }
  const std::string body = testing::ReadFile(
      testing::SharedFixture("dhl/dhl.unified.track.shipments.200.docs-sample.json"));
  auto shipments = push::ParseDhlPush(body);
  REQUIRE(shipments.ok());
  REQUIRE(shipments->size() == 1);
  CHECK((*shipments)[0].carrier() == v1::CARRIER_DHL);
  CHECK((*shipments)[0].tracking_number() == "7777777770");  // a number in DHL's sample
  CHECK((*shipments)[0].state() != v1::SHIPMENT_STATE_UNSPECIFIED);

  CHECK(absl::StartsWith(push::ParseDhlPush(R"({"shipments": []})").status().message(),
                         "shipments: "));
  CHECK(absl::StartsWith(push::ParseDhlPush(R"({"shipments": [{"id": -1}]})").status().message(),
                         "shipments[0].id: "));
}

TEST_CASE("push payloads: a Shopify fulfillment becomes the order's packages", "[unit][watch]") {
  auto push = push::ParseShopifyFulfillmentPush(
      R"({"id": 255858046, "order_id": 450789469, "status": "success", "name": "#1001.1",
          "shipment_status": "out_for_delivery", "tracking_company": "UPS",
          "tracking_numbers": ["1Z2345", "1Z6789"], "tracking_urls": ["https://ups.example/1"]})");
  REQUIRE(push.ok());
  CHECK(push->order_id == 450789469);
  CHECK(push->order_name == "#1001");
  CHECK(push->fulfillment_gid == "gid://shopify/Fulfillment/255858046");
  CHECK(push::ShopifyOrderGid(push->order_id) == "gid://shopify/Order/450789469");
  REQUIRE(push->packages.size() == 2);
  CHECK(push->packages[0].tracking_number() == "1Z2345");
  CHECK(push->packages[0].carrier() == v1::CARRIER_UPS);
  CHECK(push->packages[0].tracking_url() == "https://ups.example/1");
  CHECK(push->packages[1].tracking_url() != "");
  CHECK(push->packages[0].state() == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(push->packages[0].package_id() == push->fulfillment_gid);
  CHECK(push->packages[0].provenance().source() == v1::SOURCE_SHOPIFY);

  // No tracking number yet: one package without one; cancelled: CANCELLED.
  auto bare = push::ParseShopifyFulfillmentPush(
      R"({"id": "7", "order_id": 8, "status": "cancelled", "shipment_status": null})");
  REQUIRE(bare.ok());
  CHECK(bare->order_name.empty());
  REQUIRE(bare->packages.size() == 1);
  CHECK(bare->packages[0].tracking_number().empty());
  CHECK(bare->packages[0].state() == v1::SHIPMENT_STATE_CANCELLED);

  CHECK(absl::StartsWith(push::ParseShopifyFulfillmentPush(R"({"order_id": 1})").status().message(),
                         "id: "));
  CHECK(absl::StartsWith(
      push::ParseShopifyFulfillmentPush(R"({"id": 1, "order_id": 0})").status().message(),
      "order_id: "));
  CHECK(absl::StartsWith(
      push::ParseShopifyFulfillmentPush(R"({"id": 1, "order_id": 2, "tracking_numbers": [3]})")
          .status()
          .message(),
      "tracking_numbers: "));
}

TEST_CASE("push config: each sender's secret checked, shops mapped to tenants", "[unit][watch]") {
  setenv("TE_PUSH_UNIT_SHORT", "too-short", 1);
  setenv("TE_PUSH_UNIT_LONG", "PushUnitTestToken2026abcdefXYZ", 1);
  auto refused = [](const std::string& push, const std::string& key) {
    auto config = server::ParseServiceConfig(R"({"push": )" + push + "}");
    INFO(push);
    REQUIRE_FALSE(config.ok());
    CHECK(absl::StrContains(config.status().message(), key));
    CHECK_FALSE(absl::StrContains(config.status().message(), "too-short"));
  };
  refused(R"({"fedex": {"security_token": {"env": "TE_PUSH_UNIT_SHORT"}}})",
          "push.fedex.security_token");
  refused(R"({"dhl": {"header": "X-Token", "token": {"env": "TE_PUSH_UNIT_SHORT"}}})",
          "push.dhl.token");
  refused(R"({"dhl": {"header": "X Token: 1", "token": {"env": "TE_PUSH_UNIT_LONG"}}})",
          "push.dhl.header");
  refused(R"({"shopify": {"client_secret": {"env": "TE_PUSH_UNIT_SHORT"}}})",
          "push.shopify.client_secret");
  refused(R"({"shopify": {"client_secret": {"env": "TE_PUSH_UNIT_LONG"}, "shops": {"acme": 1}}})",
          "push.shopify.shops.acme");

  auto config = server::ParseServiceConfig(
      R"({"push": {"fedex": {"security_token": {"env": "TE_PUSH_UNIT_LONG"}, "tenant": "acme"},
                   "shopify": {"client_secret": {"env": "TE_PUSH_UNIT_LONG"},
                               "shops": {"Acme": "acme"}}}})");
  REQUIRE(config.ok());
  CHECK(config->push.fedex.configured);
  CHECK(config->push.fedex.tenant == "acme");
  CHECK_FALSE(config->push.dhl.configured);
  CHECK(config->push.shopify.shops.at("acme.myshopify.com") == "acme");
}

}  // namespace
}  // namespace trackenrich
