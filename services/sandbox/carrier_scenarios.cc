#include "services/sandbox/carrier_scenarios.h"

#include "adapters/carrier.h"

namespace trackenrich::sandbox {
namespace {

const CarrierSandbox* FindSandbox(absl::Span<const CarrierSandbox> sandboxes,
                                  absl::string_view carrier) {
  for (const CarrierSandbox& sandbox : sandboxes) {
    if (sandbox.carrier == carrier) return &sandbox;
  }
  return nullptr;
}

}  // namespace

absl::Span<const CarrierSandbox> CarrierSandboxes() {
  static const std::vector<CarrierSandbox>* const kAll = [] {
    auto* all = new std::vector<CarrierSandbox>();
    for (const adapters::CarrierDescriptor* carrier : adapters::AllCarriers()) {
      const CarrierSandbox* sandbox = FindSandbox(PluggedInCarrierSandboxes(), carrier->name);
      if (sandbox != nullptr) all->push_back(*sandbox);
    }
    return all;
  }();
  return *kAll;
}

std::vector<Scenario> CarrierScenarioList() {
  std::vector<Scenario> all;
  for (const CarrierSandbox& sandbox : CarrierSandboxes()) {
    const std::vector<Scenario> list = sandbox.scenarios();
    all.insert(all.end(), list.begin(), list.end());
  }
  return all;
}

std::optional<server::HttpServer::Reply> HandleCarrierScenarios(const http::HttpRequest& request,
                                                                absl::Time now,
                                                                const RouteCounter& count) {
  for (const CarrierSandbox& sandbox : CarrierSandboxes()) {
    if (auto reply = sandbox.handle(request, now, count)) return reply;
  }
  return std::nullopt;
}

}  // namespace trackenrich::sandbox
