// The Amazon order source: Selling Partner API order lookups per seller
// tenant, with the Login with Amazon token of each seller cached, the usage
// plan of each operation enforced before calling, and Amazon Multi-Channel
// Fulfillment packages tracked through Fulfillment Outbound.
//
//   auto source = MakeSpApiOrderSource(http_client, rate_limiter, settings);
//   source->GetOrder({.tenant = "acme", .order_id = "114-3941689-8772232",
//                     .deadline = deadline}, done);
//
// Amazon order IDs go to Orders API 2026-01-01 getOrder (fulfillment and
// packages); with `orders_api` kAuto, a seller for whom Amazon refuses that
// API (403 after a token refresh) is asked through Orders v0 instead, and
// remembered for an hour. Orders of other channels are MCF fulfillment
// orders: getFulfillmentOrder, and PackageTracker() answers
// getPackageTrackingDetails by package number at the endpoint of the
// TrackQuery's marketplace (the order's region; the seller's default when
// none). Rate limits: each operation's usage plan per tenant (through the
// RateLimiter, shared across replicas when Redis-backed); a rate Amazon
// announces in x-amzn-RateLimit-Limit replaces the plan's rate for that tenant
// and operation; a 429 is retried by the HTTP client within the deadline, then
// RESOURCE_EXHAUSTED. Each slot decision (granted after a wait, or refused) is
// reported through HttpClient::RecordRateLimitDecision as "sp_api.<operation>".
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SP_API_ORDER_SOURCE_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SP_API_ORDER_SOURCE_H_

#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"

#include "adapters/amazon/marketplaces.h"
#include "adapters/http/http_client.h"
#include "adapters/order_source.h"
#include "cache/rate_limiter.h"

namespace trackenrich::adapters::amazon {

// One seller's authorization of the application.
struct SpApiSeller {
  std::string refresh_token;
  // Marketplace for lookups that name none (picks the region).
  std::string default_marketplace_id = "ATVPDKIKX0DER";
};

enum class OrdersApi { kAuto, k2026, kV0 };

struct SpApiSettings {
  // Login with Amazon.
  std::string lwa_url = "https://api.amazon.com";
  // The application's LWA credentials.
  std::string client_id;
  std::string client_secret;
  // Amazon's SP-API sandbox hosts instead of production.
  bool sandbox = false;
  // Base URLs by region name ("na", "eu", "fe") replacing Amazon's.
  std::map<std::string, std::string> endpoints;
  OrdersApi orders_api = OrdersApi::kAuto;
  // Sellers by tenant.
  std::map<std::string, SpApiSeller> sellers;
  // Usage plans (selling-partner-api-models; reference §3.1-§3.4).
  cache::RateLimit get_order_plan = {.per_second = 0.5, .burst = 30};
  cache::RateLimit fulfillment_plan = {.per_second = 2, .burst = 30};
};

// INVALID_ARGUMENT naming the key (amazon.lwa_url, amazon.endpoints.eu,
// amazon.sellers.<tenant>.default_marketplace_id) when a URL or marketplace
// does not parse. `client` and `limiter` must outlive the source.
absl::StatusOr<std::unique_ptr<OrderSource>> MakeSpApiOrderSource(http::HttpClient& client,
                                                                  cache::RateLimiter& limiter,
                                                                  SpApiSettings settings);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SP_API_ORDER_SOURCE_H_
