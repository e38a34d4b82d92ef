// USPS scenarios of the sandbox upstream: the OAuth 2 token endpoint (scope
// "tracking") and Tracking v3 (GET /tracking/v3/tracking/{n}?expand=DETAIL)
// in USPS's wire format, shaped like the published responses in
// ../shared/fixtures/usps (eventTimestamp local, GMTTimestamp + GMTOffset).
//
// Sandbox numbers are valid 22-digit IMpb numbers (GS1 check digit), e.g.
// 9400111899223790000014 = delivered. Unknown numbers answer 404.
// Routes counted: "usps.token", "usps.track".
#ifndef TRACKENRICH_ADAPTERS_USPS_SANDBOX_USPS_SCENARIOS_H_
#define TRACKENRICH_ADAPTERS_USPS_SANDBOX_USPS_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

std::vector<Scenario> UspsScenarioList();

// Answers USPS's routes; nullopt for any other path.
std::optional<server::HttpServer::Reply> HandleUsps(const http::HttpRequest& request,
                                                    absl::Time now, const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_ADAPTERS_USPS_SANDBOX_USPS_SCENARIOS_H_
