// eBay scenarios of the sandbox upstream: the OAuth token endpoint (refresh-
// token grant) and the Sell Fulfillment API's getOrder and
// getShippingFulfillments, shaped like eBay's documented Order and
// ShippingFulfillmentPagedCollection (tests/data/ebay holds the payloads they
// follow).
//
// Seller: the refresh token kSandboxEbayRefreshToken, with the sandbox's
// client ID and secret as Basic auth and a scope naming sell.fulfillment,
// gets a two-hour User access token every route accepts; anything else gets
// 400 invalid_grant / 401 invalid_client. A call without a token the sandbox
// issued gets eBay's 401 (errorId 1001, "Invalid access token").
// Orders (EbayScenarioList): 12-34567-89012 shipped with USPS (fixed, for
// clients to rely on), two fulfillments with different carriers (UPS in
// transit, FedEx delivered), not yet fulfilled, shipped with a carrier we do
// not support (eBay's API carries no delivery status, so only the carrier
// could say more), and errors: not found (404; also any unknown ID), 401 on
// every call, 400 invalid order ID (errorId 32100), 500 (errorId 30500).
// Like eBay, getOrder answers with the buyer's user ID, ship-to name,
// address, phone and email: the service must not keep any of them. A request
// that asks for more buyer data (getOrder with fieldGroups, which adds the
// tax breakdown and the buyer's tax address) is counted as "ebay.pii".
// Routes counted: "ebay.token", "ebay.order", "ebay.fulfillments".
#ifndef TRACKENRICH_SERVICES_SANDBOX_EBAY_SCENARIOS_H_
#define TRACKENRICH_SERVICES_SANDBOX_EBAY_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

inline constexpr absl::string_view kSandboxEbayRefreshToken = "sandbox-ebay-refresh-token";
// The fixed scenario: shipped with USPS, in transit.
inline constexpr absl::string_view kSandboxEbayUspsOrderId = "12-34567-89012";

// Entries with carrier "ebay"; the tracking_number field holds the order ID.
std::vector<Scenario> EbayScenarioList();

// Answers the eBay routes; nullopt for anything else.
std::optional<server::HttpServer::Reply> HandleEbay(const http::HttpRequest& request,
                                                    absl::Time now, const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_EBAY_SCENARIOS_H_
