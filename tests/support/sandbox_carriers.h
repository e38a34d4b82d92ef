// Every carrier adapter the sandbox upstream serves, with its routes, for
// tests that go over all of them.
//   for (const SandboxCarrier& carrier : kSandboxCarriers) {
//     SandboxUpstream::ScenarioNumber(carrier.name, "delivered");
//     InjectSandboxFault(port, absl::StrCat(R"({"path":")", carrier.track_path, ...));
//     SandboxRequestCount(port, absl::StrCat(carrier.name, ".track"));
//   }
//   if (AnswersOkAtOnce(scenario.name)) ...
//   SandboxUpsBulkNumber(42);   // a distinct in-transit UPS number per package ID
#ifndef TRACKENRICH_TESTS_SUPPORT_SANDBOX_CARRIERS_H_
#define TRACKENRICH_TESTS_SUPPORT_SANDBOX_CARRIERS_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

#include "adapters/carrier.h"
#include "adapters/detection/check_digits.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::testing {

struct SandboxCarrier {
  // The sandbox's carrier name, which prefixes its request counters ("ups.track").
  const char* name;
  v1::Carrier carrier;
  // Where its tracking call goes (a fault's "path").
  const char* track_path;
  // The counter of its token or login calls; "" for an API-key carrier.
  const char* token_route;
};

// From the carrier descriptors (adapters/carrier.h: CarrierSandboxRoutes),
// in adapters/carriers.txt's order.
inline std::vector<SandboxCarrier> AllSandboxCarriers() {
  std::vector<SandboxCarrier> all;
  for (const adapters::CarrierDescriptor* carrier : adapters::AllCarriers()) {
    // The descriptors' strings are literals, so each view ends in a NUL.
    all.push_back({carrier->name.data(), carrier->carrier, carrier->sandbox.track_path.data(),
                   carrier->sandbox.token_route.data()});
  }
  return all;
}

inline const std::vector<SandboxCarrier> kSandboxCarriers = AllSandboxCarriers();

// Whether a sandbox scenario (SandboxUpstream::Scenarios()) answers OK at
// once: not slow, failing (DPD's SOAP fault with ISO-8859-1 text included),
// not found, or the FedEx "any 7799… number" example.
inline bool AnswersOkAtOnce(absl::string_view scenario_name) {
  return scenario_name != "slow" && scenario_name != "unavailable" &&
         scenario_name != "malformed" && scenario_name != "not_found" && scenario_name != "bulk" &&
         scenario_name != "fault_text";
}

// The UPS number of sandbox shipper SBX002 with this package ID (0-9999999):
// 1ZSBX00203 + the ID + the UPS check digit. Every such number is in transit,
// and each is its own upstream lookup.
inline std::string SandboxUpsBulkNumber(int package_id) {
  const std::string payload = absl::StrFormat("SBX00203%07d", package_id);
  return absl::StrCat("1Z", payload, detection::Mod10CheckDigit(payload, detection::kUpsWeights));
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_SANDBOX_CARRIERS_H_
