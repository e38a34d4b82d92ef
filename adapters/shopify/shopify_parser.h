// Parses the Admin GraphQL answer of shopify_request.h into an Order, and
// reads Shopify's rate-limit report (extensions.cost) from any answer. Pure.
//
//   ShopifyCost cost = ParseShopifyCost(response.body);
//   if (cost.throttled) ...   // wait (requested - available) / restore_rate
//   absl::StatusOr<v1::Order> order = ParseShopifyOrderResponse(response, context);
//   auto packages = ParseShopifyFulfillmentResponse(response, context);
//
// The Order: channel SHOPIFY, order_id the order's name ("#1001"),
// marketplace_id the shop's domain, store_name the shop's name, status from
// displayFulfillmentStatus (cancelledAt set: CANCELLED), fulfillment FBM, or
// MCF when a fulfillment's service is Amazon's. One Shipment per tracking
// entry of each fulfillment (one without a number when a fulfillment has
// none): the tracking company as carrier, Shopify's displayStatus mapped to
// the state (carrier_status_code keeps it), estimatedDeliveryAt, deliveredAt,
// the events, package_id the fulfillment's gid, provenance SOURCE_SHOPIFY.
// Errors: NOT_FOUND when no order matches (saying that without the
// read_all_orders scope only the last 60 days of orders are visible);
// FAILED_PRECONDITION for 401/403 and ACCESS_DENIED (naming the tenant's
// config key); RESOURCE_EXHAUSTED for 429 or THROTTLED; UNAVAILABLE for 5xx
// and malformed payloads; INTERNAL for any other GraphQL error. Connections
// (events) are read in either form, `nodes` or `edges { node }`.
#ifndef TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_PARSER_H_
#define TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_PARSER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/order.pb.h"

namespace trackenrich::adapters::shopify {

// extensions.cost of an answer; zeros for what it lacks.
struct ShopifyCost {
  double requested = 0;
  double actual = 0;
  double maximum_available = 0;
  double currently_available = 0;
  double restore_rate = 0;
  // errors[] holds extensions.code THROTTLED.
  bool throttled = false;
};

ShopifyCost ParseShopifyCost(absl::string_view body);

struct ShopifyAnswerContext {
  std::string tenant;
  // "acme.myshopify.com".
  std::string shop;
  // The order asked for, for messages.
  std::string order_ref;
  // The app has read_all_orders (else only the last 60 days are visible).
  bool read_all_orders = false;
  // Replaces the shop's own name in Order.store_name when set.
  std::string store_name;
};

absl::StatusOr<v1::Order> ParseShopifyOrderResponse(const http::HttpResponse& response,
                                                    const ShopifyAnswerContext& context);

// The answer of the access-scopes query (shopify_request.h): whether the
// granted scopes include read_all_orders. UNAVAILABLE for a malformed answer;
// the HTTP and GraphQL errors as above.
absl::StatusOr<bool> ParseShopifyAccessScopesResponse(const http::HttpResponse& response,
                                                      const ShopifyAnswerContext& context);

// The answer of the fulfillment(id:) query: that fulfillment's packages, read
// as ParseShopifyOrderResponse reads each fulfillment of an order. NOT_FOUND
// when data.fulfillment is null (context.order_ref names the fulfillment);
// the other errors as above.
absl::StatusOr<std::vector<v1::Shipment>> ParseShopifyFulfillmentResponse(
    const http::HttpResponse& response, const ShopifyAnswerContext& context);

}  // namespace trackenrich::adapters::shopify

#endif  // TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_PARSER_H_
