#include "adapters/fedex/fedex_carrier.h"

#include <memory>
#include <string>

#include "adapters/fedex/fedex_adapter.h"
#include "adapters/fedex/fedex_status_map.h"

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

constexpr CrosswalkTable kCrosswalks[] = {FedexEventCrosswalk, FedexDeliveryExceptionCrosswalk,
                                          FedexDerivedCrosswalk};

}  // namespace

const CarrierDescriptor& FedexCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "fedex",
      .new_section =
          [] {
            return std::unique_ptr<CarrierSection>(new CarrierSectionOf<FedexSettings>(kSpec));
          },
      .carrier = v1::CARRIER_FEDEX,
      // Its tracking page and display name stay in the shared table
      // (detection/tracking_urls.cc), as its formats do in detection's.
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/track/v1/trackingnumbers", .token_route = "fedex.token"}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::fedex
