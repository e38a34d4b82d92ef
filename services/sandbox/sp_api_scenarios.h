// Selling Partner API scenarios of the sandbox upstream: Login with Amazon
// for SP-API sellers, Orders API 2026-01-01 and v0 getOrder, and Fulfillment
// Outbound getFulfillmentOrder / getPackageTrackingDetails, shaped like the
// models' examples in ../shared/fixtures/sp-api.
//
// Sellers: the refresh token kSandboxSpApiRefreshToken gets tokens every
// route accepts; kSandboxSpApiV0RefreshToken gets tokens that Orders
// 2026-01-01 refuses (403 Unauthorized), as for a seller whose app has only
// the v0 role. Orders (SpApiScenarioList) cover FBM with two carriers, an
// FBM package on a carrier without an API, an unshipped order past its
// ship-by date, a marketplace FBA order, an MCF order with a delivered and a
// delayed package (North America), an MCF order with a delivered package
// (Europe), and error answers (400, 403, 404, 429, 500). Every answer
// carries x-amzn-RateLimit-Limit and x-amzn-RequestId. A request for buyer
// or address data (includedData BUYER or RECIPIENT, the v0 buyerInfo or
// address routes) is counted as "sp_api.pii" so tests can assert there is
// none. Routes counted: "sp_api.lwa", "sp_api.orders", "sp_api.orders_v0",
// "sp_api.fulfillment_order", "sp_api.package_tracking".
//
// Regions: a path under "/sp-api/na", "/sp-api/eu" or "/sp-api/fe" is that
// region's endpoint (the service in sandbox mode points each region there);
// its routes are also counted per region ("sp_api.eu.package_tracking"), and
// an MCF order and its packages are known only to their own region's
// endpoint. A path without the prefix is answered as every region at once.
#ifndef TRACKENRICH_SERVICES_SANDBOX_SP_API_SCENARIOS_H_
#define TRACKENRICH_SERVICES_SANDBOX_SP_API_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

inline constexpr absl::string_view kSandboxSpApiRefreshToken = "sandbox-sp-api-refresh-token";
inline constexpr absl::string_view kSandboxSpApiV0RefreshToken = "sandbox-sp-api-refresh-token-v0";

// Entries with carrier "sp_api" (Amazon order IDs) and "amazon_mcf" (MCF
// fulfillment order IDs); the tracking_number field holds the order ID.
std::vector<Scenario> SpApiScenarioList();

// Answers the SP-API routes (and LWA for SP-API refresh tokens); nullopt for
// anything else.
std::optional<server::HttpServer::Reply> HandleSpApi(const http::HttpRequest& request,
                                                     absl::Time now, const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_SP_API_SCENARIOS_H_
