#include "services/sandbox/carrier_scenarios.h"

#include "adapters/carrier.h"

namespace trackenrich::sandbox {

absl::Span<const CarrierSandbox> CarrierSandboxes() { return PluggedInCarrierSandboxes(); }

std::vector<Scenario> CarrierScenarioList() {
  std::vector<Scenario> all;
  for (const CarrierSandbox& sandbox : CarrierSandboxes()) {
    const std::vector<Scenario> list = sandbox.scenarios();
    all.insert(all.end(), list.begin(), list.end());
  }
  return all;
}

bool IsStoryStage(absl::string_view stage) {
  for (const CarrierSandbox& sandbox : CarrierSandboxes()) {
    if (sandbox.is_story_stage != nullptr && sandbox.is_story_stage(stage)) return true;
  }
  return false;
}

std::vector<std::string> StoryTellerNames() {
  std::vector<std::string> names;
  for (const CarrierSandbox& sandbox : CarrierSandboxes()) {
    if (sandbox.is_story_stage == nullptr) continue;
    const adapters::CarrierDescriptor* carrier = adapters::FindCarrier(sandbox.carrier);
    names.emplace_back(carrier == nullptr || carrier->names.en.empty() ? sandbox.carrier
                                                                       : carrier->names.en);
  }
  return names;
}

std::optional<server::HttpServer::Reply> HandleCarrierScenarios(const http::HttpRequest& request,
                                                                absl::Time now,
                                                                const RouteCounter& count,
                                                                CarrierMemory& memory) {
  for (const CarrierSandbox& sandbox : CarrierSandboxes()) {
    auto reply = sandbox.handle != nullptr
                     ? sandbox.handle(request, now, count)
                     : sandbox.handle_remembering(request, now, count, memory);
    if (reply) return reply;
  }
  return std::nullopt;
}

}  // namespace trackenrich::sandbox
