// libFuzzer target: the Shopify order source's parsers: the Admin GraphQL
// order, fulfillment and access-scopes answers (and their error mapping),
// the cost report, the order-name and ID parser, and Shopify order names in
// ticket text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/common/utf8.h"
#include "adapters/shopify/shopify_order_ref.h"
#include "adapters/shopify/shopify_parser.h"
#include "services/enrichment/text_extraction.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace shopify = trackenrich::adapters::shopify;
  namespace v1 = trackenrich::v1;
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  const shopify::ShopifyAnswerContext context{
      .tenant = "fuzz", .shop = "fuzz.myshopify.com", .order_ref = "#1"};
  auto order = shopify::ParseShopifyOrderResponse(response, context);
  if (order.ok()) {
    // What the lookup does before caching: the order must then go out.
    trackenrich::adapters::RepairUtf8Strings(&*order);
    v1::Order received;
    if (!received.ParseFromString(order->SerializeAsString())) __builtin_trap();
  }
  auto packages = shopify::ParseShopifyFulfillmentResponse(response, context);
  if (packages.ok()) {
    for (v1::Shipment& shipment : *packages) {
      trackenrich::adapters::RepairUtf8Strings(&shipment);
      v1::Shipment received;
      if (!received.ParseFromString(shipment.SerializeAsString())) __builtin_trap();
    }
  }
  (void)shopify::ParseShopifyAccessScopesResponse(response, context);
  (void)shopify::ParseShopifyCost(response.body);
  (void)shopify::ParseShopifyOrderRef(response.body, {.prefix = "EU-", .suffix = "-S"});
  (void)shopify::CheckShopifyOrderId("order_id", response.body);
  trackenrich::enrichment::ExtractionOptions options;
  options.channels = {v1::SALES_CHANNEL_SHOPIFY};
  options.order_name_formats = {{.prefix = "SHOP-", .suffix = ""}};
  (void)trackenrich::enrichment::ExtractIdentifiers(response.body, options);
  return 0;
}
