// Reading and setting one carrier's section of a ServiceConfig in tests
// (adapters/carrier.h keeps each carrier's settings behind its descriptor).
//
//   CHECK(CarrierSettings<adapters::fedex::FedexSettings>(*config, "fedex").max_batch == 10);
//   SetCarrierSettings<adapters::fedex::FedexSettings>(config.sandbox_carriers, "fedex",
//       [](auto& fedex) { fedex.batch_window = absl::Milliseconds(50); });
#ifndef TRACKENRICH_TESTS_SUPPORT_CARRIER_SETTINGS_H_
#define TRACKENRICH_TESTS_SUPPORT_CARRIER_SETTINGS_H_

#include <memory>
#include <stdexcept>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"

#include "adapters/carrier.h"
#include "services/config/service_config.h"

namespace trackenrich::testing {

using CarrierSections =
    absl::flat_hash_map<std::string, std::shared_ptr<const adapters::CarrierSection>>;

// The settings of the configured carrier `name`; throws when it has no
// section or the section holds other settings.
template <typename Settings>
const Settings& CarrierSettings(const server::ServiceConfig& config, absl::string_view name) {
  auto it = config.carriers.find(name);
  const Settings* settings =
      it == config.carriers.end() ? nullptr : adapters::SettingsOf<Settings>(it->second.get());
  if (settings == nullptr) throw std::runtime_error(absl::StrCat("no carriers.", name, " section"));
  return *settings;
}

// Puts a section for carrier `name` with its defaults, changed by `edit`,
// into `sections`.
template <typename Settings>
void SetCarrierSettings(CarrierSections& sections, absl::string_view name,
                        absl::FunctionRef<void(Settings&)> edit) {
  std::unique_ptr<adapters::CarrierSection> section = adapters::FindCarrier(name)->NewSection();
  edit(static_cast<adapters::CarrierSectionOf<Settings>&>(*section).settings);
  sections[std::string(name)] = std::move(section);
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_CARRIER_SETTINGS_H_
