// The sandbox's carriers besides UPS, in adapters/carriers.txt's order, for
// SandboxUpstream to dispatch to. A carrier's scenarios live in its folder
// (adapters/<name>/sandbox/<name>_scenarios.{h,cc}, declaring
// <Name>ScenarioList() and Handle<Name>() in trackenrich::sandbox); CMake
// compiles them into the service and lists them in a generated table
// (PluggedInCarrierSandboxes). FedEx, USPS, DHL and Amazon Shipping (with
// Login with Amazon) keep theirs here, in services/sandbox.
//
//   if (auto reply = HandleCarrierScenarios(request, now, count)) return *reply;
//   std::vector<Scenario> all = CarrierScenarioList();
#ifndef TRACKENRICH_SERVICES_SANDBOX_CARRIER_SCENARIOS_H_
#define TRACKENRICH_SERVICES_SANDBOX_CARRIER_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

// One carrier's sandbox: its scenarios and its routes' handler (nullopt for
// a request on another carrier's route).
struct CarrierSandbox {
  // The carrier's descriptor name ("dpd").
  absl::string_view carrier;
  std::vector<Scenario> (*scenarios)();
  std::optional<server::HttpServer::Reply> (*handle)(const http::HttpRequest& request,
                                                     absl::Time now, const RouteCounter& count);
};

// The carriers with scenarios in their own folder, in the list's order
// (generated from adapters/carriers.txt).
absl::Span<const CarrierSandbox> PluggedInCarrierSandboxes();

// Every carrier's sandbox but UPS's, in adapters/carriers.txt's order.
absl::Span<const CarrierSandbox> CarrierSandboxes();

std::vector<Scenario> CarrierScenarioList();

// The reply of the carrier whose route `request` is on; nullopt for none.
std::optional<server::HttpServer::Reply> HandleCarrierScenarios(const http::HttpRequest& request,
                                                                absl::Time now,
                                                                const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_CARRIER_SCENARIOS_H_
