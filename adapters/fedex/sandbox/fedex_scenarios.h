// FedEx scenarios of the sandbox upstream: the OAuth token endpoint and the
// Track API (POST /track/v1/trackingnumbers, up to 30 numbers per call) in
// FedEx's wire format, shaped like the published responses in
// ../shared/fixtures/fedex, built around the current time.
//
// Sandbox numbers are valid 12-digit FedEx Express numbers (mod 11 check
// digit), e.g. 777100000014 = delivered. Any 12-digit number starting 7799
// is "in transit" (for batch tests); any other number gets FedEx's
// per-number TRACKING.TRACKINGNUMBER.NOTFOUND inside the 200.
// Routes counted: "fedex.token", "fedex.track".
#ifndef TRACKENRICH_ADAPTERS_FEDEX_SANDBOX_FEDEX_SCENARIOS_H_
#define TRACKENRICH_ADAPTERS_FEDEX_SANDBOX_FEDEX_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

std::vector<Scenario> FedexScenarioList();

// A Track API answer for `number` told as scenario `stage` ("exception"):
// what the pushing sandbox sends as a FedEx webhook body. nullopt for an
// unknown stage.
std::optional<std::string> FedexPushBody(absl::string_view number, absl::string_view stage,
                                         absl::Time now);

// Answers FedEx's routes; nullopt for any other path.
std::optional<server::HttpServer::Reply> HandleFedex(const http::HttpRequest& request,
                                                     absl::Time now, const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_ADAPTERS_FEDEX_SANDBOX_FEDEX_SCENARIOS_H_
