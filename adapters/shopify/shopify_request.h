// The Admin GraphQL request that reads one order's fulfillments: POST
// /admin/api/<version>/graphql.json with the shop's X-Shopify-Access-Token.
// The query selects the order's name, creation time, display fulfillment
// status and, per fulfillment, its display status, times, tracking info
// (company, number, url), fulfillment service and latest events, and the
// shop's name. It selects no customer, address, email or phone field. Pure.
//
//   http::HttpRequest request = BuildShopifyOrderRequest(
//       "2025-10", {.kind = ShopifyOrderRef::kName, .value = "#1001"}, token);
//   // POST /admin/api/2025-10/graphql.json, body {"query": "...", "variables":
//   //   {"query": "name:\"#1001\""}}
//
// And the query for the access scopes the shop granted the app
// (currentAppInstallation.accessScopes), which tells whether it may see
// orders older than 60 days (read_all_orders).
#ifndef TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_REQUEST_H_
#define TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_REQUEST_H_

#include <string>

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "adapters/shopify/shopify_order_ref.h"

namespace trackenrich::adapters::shopify {

inline constexpr absl::string_view kDefaultApiVersion = "2025-10";

// The GraphQL document sent for `kind` (tests read it for PII fields).
absl::string_view ShopifyOrderQuery(ShopifyOrderRef::Kind kind);

// "/admin/api/2025-10/graphql.json".
std::string ShopifyGraphqlPath(absl::string_view api_version);

http::HttpRequest BuildShopifyOrderRequest(absl::string_view api_version,
                                           const ShopifyOrderRef& ref,
                                           absl::string_view access_token);

// The access-scopes query: { currentAppInstallation { accessScopes { handle } } }.
absl::string_view ShopifyAccessScopesQuery();

http::HttpRequest BuildShopifyAccessScopesRequest(absl::string_view api_version,
                                                  absl::string_view access_token);

}  // namespace trackenrich::adapters::shopify

#endif  // TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_REQUEST_H_
