#include "adapters/dpd/dpd_carrier.h"

#include <memory>
#include <string>

#include "adapters/dpd/dpd_adapter.h"

namespace trackenrich::adapters::dpd {
namespace {

using Spec = CarrierSpec<DpdSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"delis_id", &DpdSettings::delis_id, kSandboxClientId},
    {"password", &DpdSettings::password, kSandboxClientSecret},
};

absl::Status ReadOptions(SectionReader& reader, DpdSettings& settings) {
  if (auto status = reader.String("base_url", &settings.base_url); !status.ok()) return status;
  return reader.String("message_language", &settings.message_language);
}

const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterDpdAdapter,
};

}  // namespace

const CarrierDescriptor& DpdCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "dpd", .new_section = [] {
        return std::unique_ptr<CarrierSection>(new CarrierSectionOf<DpdSettings>(kSpec));
      }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::dpd
