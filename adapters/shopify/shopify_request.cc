#include "adapters/shopify/shopify_request.h"

#include <string_view>

#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

namespace trackenrich::adapters::shopify {
namespace {

// Objects cost 1 point each and connections by their `first` (Shopify's
// calculated query cost), so the lists are kept short: ten fulfillments, five
// tracking entries each, the ten latest events.
#define TRACKENRICH_SHOPIFY_ORDER_FIELDS                                                \
  "fragment TrackedOrder on Order {\n"                                                  \
  "  id name createdAt cancelledAt displayFulfillmentStatus\n"                          \
  "  fulfillments(first: 10) {\n"                                                       \
  "    id status displayStatus createdAt inTransitAt deliveredAt estimatedDeliveryAt\n" \
  "    service { handle serviceName }\n"                                                \
  "    trackingInfo(first: 5) { company number url }\n"                                 \
  "    events(first: 10, sortKey: HAPPENED_AT, reverse: true) {\n"                      \
  "      nodes { status happenedAt message }\n"                                         \
  "    }\n"                                                                             \
  "  }\n"                                                                               \
  "}\n"

constexpr absl::string_view kByNameQuery =
    "query TrackedOrderByName($query: String!) {\n"
    "  shop { name }\n"
    "  orders(first: 1, query: $query) { nodes { ...TrackedOrder } }\n"
    "}\n" TRACKENRICH_SHOPIFY_ORDER_FIELDS;

constexpr absl::string_view kByIdQuery =
    "query TrackedOrderById($id: ID!) {\n"
    "  shop { name }\n"
    "  order(id: $id) { ...TrackedOrder }\n"
    "}\n" TRACKENRICH_SHOPIFY_ORDER_FIELDS;

#undef TRACKENRICH_SHOPIFY_ORDER_FIELDS

// shopify.dev, queries/currentAppInstallation, example "Get a list of access
// scopes".
constexpr absl::string_view kAccessScopesQuery =
    "query AccessScopeList {\n"
    "  currentAppInstallation { accessScopes { handle } }\n"
    "}\n";

http::HttpRequest GraphqlRequest(absl::string_view api_version, boost::json::object body,
                                 absl::string_view access_token) {
  http::HttpRequest request;
  request.method = "POST";
  request.target = ShopifyGraphqlPath(api_version);
  request.headers.emplace_back("X-Shopify-Access-Token", std::string(access_token));
  request.headers.emplace_back("Content-Type", "application/json");
  request.headers.emplace_back("Accept", "application/json");
  request.body = boost::json::serialize(body);
  // A query: safe to send again.
  request.idempotent = true;
  return request;
}

}  // namespace

absl::string_view ShopifyOrderQuery(ShopifyOrderRef::Kind kind) {
  return kind == ShopifyOrderRef::kId ? kByIdQuery : kByNameQuery;
}

std::string ShopifyGraphqlPath(absl::string_view api_version) {
  return absl::StrCat("/admin/api/", api_version, "/graphql.json");
}

http::HttpRequest BuildShopifyOrderRequest(absl::string_view api_version,
                                           const ShopifyOrderRef& ref,
                                           absl::string_view access_token) {
  namespace json = boost::json;
  const absl::string_view query = ShopifyOrderQuery(ref.kind);
  json::object variables;
  if (ref.kind == ShopifyOrderRef::kId) {
    variables["id"] = std::string_view(ref.value.data(), ref.value.size());
  } else {
    // The search syntax quotes the value: names hold "#" and may hold "-".
    variables["query"] = absl::StrCat("name:\"", ref.value, "\"");
  }
  json::object body{{"query", std::string_view(query.data(), query.size())},
                    {"variables", std::move(variables)}};
  return GraphqlRequest(api_version, std::move(body), access_token);
}

absl::string_view ShopifyAccessScopesQuery() { return kAccessScopesQuery; }

http::HttpRequest BuildShopifyAccessScopesRequest(absl::string_view api_version,
                                                  absl::string_view access_token) {
  boost::json::object body{
      {"query", std::string_view(kAccessScopesQuery.data(), kAccessScopesQuery.size())}};
  return GraphqlRequest(api_version, std::move(body), access_token);
}

}  // namespace trackenrich::adapters::shopify
