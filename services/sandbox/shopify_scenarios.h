// Shopify Admin GraphQL scenarios of the sandbox upstream: POST
// /shopify/<shop>/admin/api/<version>/graphql.json answers the order query of
// adapters/shopify/shopify_request.h (by name through orders(query:"name:…")
// or by ID through order(id:)) the way Shopify does, with
// extensions.cost.throttleStatus on every answer.
//
// The access token kSandboxShopifyAccessToken is accepted for every shop;
// any other gets 401. Orders (ShopifyScenarioList; each also by its ID
// 5000000000000 + its number, gid://shopify/Order/5000000001001 for #1001):
//   #1001  fixed: two fulfillments, UPS and FedEx, both in transit (the
//          sandbox's in_transit numbers of each)
//   #1002  one fulfillment, UPS, in transit
//   #1003  unfulfilled
//   #1004  delivered per Shopify, with a carrier we do not support (Sendle)
//   #1005  always THROTTLED (4 of 2000 points left, restoring 50 per second)
//   #1006  401, as for a revoked token
//   #1007  fulfilled through Amazon MCF (Amazon Logistics, in transit)
//   #1000  placed 75 days ago: hidden, as Shopify hides orders older than
//          60 days from an app without read_all_orders; shown by the shop
//          kSandboxShopifyAllOrdersShop, which granted it
// Anything else: no order. The access-scopes query
// (currentAppInstallation { accessScopes { handle } }) answers read_orders,
// plus read_all_orders for kSandboxShopifyAllOrdersShop, and is counted as
// "shopify.scopes". A query that selects customer, email, phone or address
// fields is counted as "shopify.pii"; every request as "shopify.graphql".
#ifndef TRACKENRICH_SERVICES_SANDBOX_SHOPIFY_SCENARIOS_H_
#define TRACKENRICH_SERVICES_SANDBOX_SHOPIFY_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

inline constexpr absl::string_view kSandboxShopifyAccessToken = "shpat_sandbox_access_token";
// The shop sandbox mode configures for tenant "default" and every tenant.
inline constexpr absl::string_view kSandboxShopifyShop = "trackenrich-sandbox.myshopify.com";

// A shop whose app was granted read_all_orders.
inline constexpr absl::string_view kSandboxShopifyAllOrdersShop =
    "trackenrich-sandbox-all-orders.myshopify.com";

// Entries with carrier "shopify"; the tracking_number field holds the name.
std::vector<Scenario> ShopifyScenarioList();

// Answers the Shopify GraphQL route; nullopt for anything else.
std::optional<server::HttpServer::Reply> HandleShopify(const http::HttpRequest& request,
                                                       absl::Time now, const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_SHOPIFY_SCENARIOS_H_
