// DHL scenarios of the sandbox upstream: Shipment Tracking – Unified
// (GET /track/shipments?trackingNumber=..., header DHL-API-Key) in DHL's wire
// format, shaped like the published docs sample in ../shared/fixtures/dhl
// (statusCode + status + description, newest event first, offsets given).
//
// Sandbox numbers are valid DHL Paket numbers (00 + a GS1 SSCC under DHL's
// 340434 prefix, GS1 check digit), e.g. 00340434999900000015 = delivered.
// Unknown numbers answer DHL's 404 problem+json. Route counted: "dhl.track".
#ifndef TRACKENRICH_ADAPTERS_DHL_SANDBOX_DHL_SCENARIOS_H_
#define TRACKENRICH_ADAPTERS_DHL_SANDBOX_DHL_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

// The API key the sandbox accepts (DHL-API-Key).
inline constexpr absl::string_view kSandboxDhlApiKey = adapters::kSandboxApiKey;

std::vector<Scenario> DhlScenarioList();

// A Unified tracking answer for `number` told as scenario `stage`
// ("failure"): what the pushing sandbox sends as a DHL push body. nullopt
// for an unknown stage.
std::optional<std::string> DhlPushBody(absl::string_view number, absl::string_view stage,
                                       absl::Time now);

// Answers DHL's route; nullopt for any other path.
std::optional<server::HttpServer::Reply> HandleDhl(const http::HttpRequest& request, absl::Time now,
                                                   const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_ADAPTERS_DHL_SANDBOX_DHL_SCENARIOS_H_
