#include "adapters/ups/ups_carrier.h"

#include <memory>
#include <string>

#include "adapters/ups/ups_adapter.h"

namespace trackenrich::adapters::ups {
namespace {

using Spec = CarrierSpec<UpsSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"client_id", &UpsSettings::client_id, kSandboxClientId},
    {"client_secret", &UpsSettings::client_secret, kSandboxClientSecret},
};

absl::Status ReadOptions(SectionReader& reader, UpsSettings& settings) {
  if (auto status = reader.String("base_url", &settings.base_url); !status.ok()) return status;
  return reader.String("locale", &settings.locale);
}

const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterUpsAdapter,
};

}  // namespace

const CarrierDescriptor& UpsCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "ups", .new_section = [] {
        return std::unique_ptr<CarrierSection>(new CarrierSectionOf<UpsSettings>(kSpec));
      }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::ups
