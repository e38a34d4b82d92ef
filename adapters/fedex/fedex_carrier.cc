#include "adapters/fedex/fedex_carrier.h"

#include <memory>
#include <string>

#include "adapters/fedex/fedex_adapter.h"

namespace trackenrich::adapters::fedex {
namespace {

using Spec = CarrierSpec<FedexSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"client_id", &FedexSettings::client_id, kSandboxClientId},
    {"client_secret", &FedexSettings::client_secret, kSandboxClientSecret},
};

absl::Status ReadOptions(SectionReader& reader, FedexSettings& settings) {
  if (auto status = reader.String("base_url", &settings.base_url); !status.ok()) return status;
  if (auto status = reader.Duration("batch_window", &settings.batch_window); !status.ok()) {
    return status;
  }
  int64_t max_batch = static_cast<int64_t>(settings.max_batch);
  if (auto status = reader.Int("max_batch", 1, 30, &max_batch); !status.ok()) return status;
  settings.max_batch = static_cast<size_t>(max_batch);
  return absl::OkStatus();
}

const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterFedexAdapter,
};

}  // namespace

const CarrierDescriptor& FedexCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "fedex", .new_section = [] {
        return std::unique_ptr<CarrierSection>(new CarrierSectionOf<FedexSettings>(kSpec));
      }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::fedex
