// Amazon Shipping scenarios of the sandbox upstream: the Login with Amazon
// token endpoint (POST /auth/o2/token, grant_type=refresh_token) and Amazon
// Shipping v2 getTracking (GET /shipping/v2/tracking?trackingId=&carrierId=,
// header x-amz-access-token), shaped like shippingV2.json's examples in
// ../shared/fixtures/sp-api ({"payload": {trackingId, eventHistory, summary}}).
//
// Sandbox numbers are Amazon Logistics TBA numbers, e.g. TBA990000000001 =
// delivered. Unknown numbers answer 404 NotFound; a missing carrierId answers
// the model's 400 InvalidRequest. Routes counted: "amazon_shipping.token",
// "amazon_shipping.track".
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_SANDBOX_AMAZON_SHIPPING_SCENARIOS_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_SANDBOX_AMAZON_SHIPPING_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

// The LWA refresh token the sandbox accepts (with kSandboxClientId/Secret).
inline constexpr absl::string_view kSandboxRefreshToken = adapters::kSandboxRefreshToken;

std::vector<Scenario> AmazonShippingScenarioList();

// Answers the LWA and Amazon Shipping routes; nullopt for any other path.
std::optional<server::HttpServer::Reply> HandleAmazonShipping(const http::HttpRequest& request,
                                                              absl::Time now,
                                                              const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_SANDBOX_AMAZON_SHIPPING_SCENARIOS_H_
