// The sandbox's carriers, in adapters/carriers.txt's order, for
// SandboxUpstream to dispatch to. A carrier's scenarios live in its folder
// (adapters/<name>/sandbox/<name>_scenarios.{h,cc}, declaring
// <Name>ScenarioList() and Handle<Name>() in trackenrich::sandbox); CMake
// compiles them into the sandbox library and lists them in a generated table
// (PluggedInCarrierSandboxes). A Handle<Name> that takes a CarrierMemory&
// remembers across requests (tokens issued, stories); a header that also
// declares Is<Name>StoryStage() tells stories (POST /__sandbox/story).
//
//   if (auto reply = HandleCarrierScenarios(request, now, count, memory)) return *reply;
//   std::vector<Scenario> all = CarrierScenarioList();
#ifndef TRACKENRICH_SERVICES_SANDBOX_CARRIER_SCENARIOS_H_
#define TRACKENRICH_SERVICES_SANDBOX_CARRIER_SCENARIOS_H_

#include <optional>
#include <string>
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
  using Handler = std::optional<server::HttpServer::Reply> (*)(const http::HttpRequest& request,
                                                               absl::Time now,
                                                               const RouteCounter& count);
  using RememberingHandler = std::optional<server::HttpServer::Reply> (*)(
      const http::HttpRequest& request, absl::Time now, const RouteCounter& count,
      CarrierMemory& memory);

  // The carrier's descriptor name ("dpd").
  absl::string_view carrier;
  std::vector<Scenario> (*scenarios)() = nullptr;
  // One of the two is set.
  Handler handle = nullptr;
  RememberingHandler handle_remembering = nullptr;
  // Whether `stage` names a scenario a story can move to; null: no stories.
  bool (*is_story_stage)(absl::string_view stage) = nullptr;
};

// The table entries CMake generates, by the handler's signature.
constexpr CarrierSandbox SandboxOf(absl::string_view carrier, std::vector<Scenario> (*scenarios)(),
                                   CarrierSandbox::Handler handle,
                                   bool (*is_story_stage)(absl::string_view) = nullptr) {
  return {.carrier = carrier,
          .scenarios = scenarios,
          .handle = handle,
          .is_story_stage = is_story_stage};
}
constexpr CarrierSandbox SandboxOf(absl::string_view carrier, std::vector<Scenario> (*scenarios)(),
                                   CarrierSandbox::RememberingHandler handle,
                                   bool (*is_story_stage)(absl::string_view) = nullptr) {
  return {.carrier = carrier,
          .scenarios = scenarios,
          .handle_remembering = handle,
          .is_story_stage = is_story_stage};
}

// The carriers with scenarios in their own folder, in the list's order
// (generated from adapters/carriers.txt).
absl::Span<const CarrierSandbox> PluggedInCarrierSandboxes();

// Every listed carrier's sandbox, in adapters/carriers.txt's order.
absl::Span<const CarrierSandbox> CarrierSandboxes();

std::vector<Scenario> CarrierScenarioList();

// Whether a carrier that tells stories knows `stage`.
bool IsStoryStage(absl::string_view stage);
// The display names of the carriers that tell stories ("UPS").
std::vector<std::string> StoryTellerNames();

// The reply of the carrier whose route `request` is on; nullopt for none.
std::optional<server::HttpServer::Reply> HandleCarrierScenarios(const http::HttpRequest& request,
                                                                absl::Time now,
                                                                const RouteCounter& count,
                                                                CarrierMemory& memory);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_CARRIER_SCENARIOS_H_
