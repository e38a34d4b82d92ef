// The sandbox's carriers besides UPS (FedEx, USPS, DHL, DPD, Amazon Shipping
// with Login with Amazon), in one place for SandboxUpstream to dispatch to.
//
//   if (auto reply = HandleCarrierScenarios(request, now, count)) return *reply;
//   std::vector<Scenario> all = CarrierScenarioList();
#ifndef TRACKENRICH_SERVICES_SANDBOX_CARRIER_SCENARIOS_H_
#define TRACKENRICH_SERVICES_SANDBOX_CARRIER_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

std::vector<Scenario> CarrierScenarioList();

// The reply of the carrier whose route `request` is on; nullopt for none.
std::optional<server::HttpServer::Reply> HandleCarrierScenarios(const http::HttpRequest& request,
                                                                absl::Time now,
                                                                const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_CARRIER_SCENARIOS_H_
