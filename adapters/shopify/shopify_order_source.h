// The Shopify order source: Admin GraphQL order lookups per tenant's shop,
// with the access token of each shop, at a pinned API version, within
// Shopify's calculated-query-cost rate limit.
//
//   auto source = MakeShopifyOrderSource(http_client, rate_limiter, settings);
//   source->GetOrder({.tenant = "acme", .order_id = "#1001",
//                     .channel = v1::SALES_CHANNEL_SHOPIFY, .deadline = deadline}, done);
//
// Orders are asked for by name ("#1001", "1001", the shop's own prefix and
// suffix) or by ID (ten or more digits, or a gid://shopify/Order/ gid); see
// shopify_order_ref.h and shopify_parser.h for what comes back.
//
// Rate limits, the Shopify way: each shop's leaky bucket (its
// maximumAvailable points, refilled at restoreRate per second) is kept in
// the RateLimiter (shared across replicas when Redis-backed) under the key
// of the shop; each call takes its query's cost (the requestedQueryCost of
// the shop's last answer). extensions.cost.throttleStatus on every answer
// replaces the configured bucket size and rate for that shop. A THROTTLED
// answer is retried once the bucket holds the query's cost again, when that
// is within the caller's deadline; otherwise RESOURCE_EXHAUSTED saying how
// long to wait. Each slot decision is reported through
// HttpClient::RecordRateLimitDecision as "shopify.graphql", and each
// THROTTLED answer as a rejected "shopify.throttled".
//
// An order that is not found may be older than the 60 days Shopify shows an
// app without the read_all_orders scope. Unless the shop's config says
// whether the app has it, the source asks Shopify once per shop for the
// granted scopes (a 1-point query, sent outside the bucket) and keeps the
// answer; the NOT_FOUND message then says why only when it applies.
#ifndef TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_ORDER_SOURCE_H_
#define TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_ORDER_SOURCE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"

#include "adapters/http/http_client.h"
#include "adapters/order_source.h"
#include "adapters/shopify/shopify_request.h"
#include "cache/rate_limiter.h"

namespace trackenrich::adapters::shopify {

// One tenant's shop.
struct ShopifyShop {
  // "acme.myshopify.com", or "acme" (".myshopify.com" is added).
  std::string shop;
  // The Admin API access token (from a secret reference).
  std::string access_token;
  // How the shop names its orders: Shopify's "#" prefix unless changed.
  OrderNameFormat name_format = {.prefix = "#", .suffix = ""};
  // Whether the app was granted read_all_orders (else Shopify shows 60
  // days). Unset: asked of Shopify (currentAppInstallation.accessScopes)
  // the first time an order of the shop is not found, and kept.
  std::optional<bool> read_all_orders;
  // The name replies use ("your order on Acme Outdoor"); the shop's own
  // name from the API when empty.
  std::string store_name;
};

struct ShopifySettings {
  // The pinned Admin API version (a new one ships every quarter).
  std::string api_version = std::string(kDefaultApiVersion);
  // Replaces https://<shop>: a base URL, in which "{shop}" stands for the
  // shop's domain (the sandbox: "http://127.0.0.1:8081/shopify/{shop}").
  std::string base_url;
  // Shops by tenant.
  std::map<std::string, ShopifyShop> shops;
  // Each shop's bucket until Shopify reports its own (the documented
  // example: 1000 points, restoring 50 per second).
  cache::RateLimit bucket = {.per_second = 50, .burst = 1000};
  // The cost taken for a shop's first query, before Shopify reports one.
  int estimated_query_cost = 30;
};

// INVALID_ARGUMENT naming the key (shopify.api_version, shopify.base_url,
// shopify.shops.<tenant>.shop, ...) when a setting does not parse. `client`
// and `limiter` must outlive the source.
absl::StatusOr<std::unique_ptr<OrderSource>> MakeShopifyOrderSource(http::HttpClient& client,
                                                                    cache::RateLimiter& limiter,
                                                                    ShopifySettings settings);

}  // namespace trackenrich::adapters::shopify

#endif  // TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_ORDER_SOURCE_H_
