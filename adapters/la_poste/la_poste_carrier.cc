#include "adapters/la_poste/la_poste_carrier.h"

#include <memory>
#include <string>

#include "adapters/la_poste/la_poste_adapter.h"
#include "adapters/la_poste/la_poste_request.h"

namespace trackenrich::adapters::la_poste {
namespace {

using Spec = CarrierSpec<LaPosteSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"okapi_key", &LaPosteSettings::okapi_key, kSandboxApiKey},
};

absl::Status ReadOptions(SectionReader& reader, LaPosteSettings& settings) {
  if (auto status = reader.String("base_url", &settings.base_url); !status.ok()) return status;
  if (auto status = reader.String("lang", &settings.lang); !status.ok()) return status;
  if (!IsLaPosteLanguage(settings.lang)) {
    return reader.Invalid("lang", "must be one of fr_FR, en_GB, de_DE, es_ES, it_IT, nl_NL");
  }
  return absl::OkStatus();
}

const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterLaPosteAdapter,
};

}  // namespace

const CarrierDescriptor& LaPosteCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "la_poste", .new_section = [] {
        return std::unique_ptr<CarrierSection>(new CarrierSectionOf<LaPosteSettings>(kSpec));
      }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::la_poste
