#include "adapters/ups/ups_carrier.h"

#include <memory>
#include <string>

#include "adapters/ups/ups_adapter.h"
#include "adapters/ups/ups_status_map.h"

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

constexpr CrosswalkTable kCrosswalks[] = {UpsStatusCodeCrosswalk, UpsCodeCrosswalk,
                                          UpsTypeCrosswalk};

}  // namespace

const CarrierDescriptor& UpsCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "ups",
      .new_section =
          [] { return std::unique_ptr<CarrierSection>(new CarrierSectionOf<UpsSettings>(kSpec)); },
      .carrier = v1::CARRIER_UPS,
      // Its tracking page and display name stay in the shared table
      // (detection/tracking_urls.cc), as its formats do in detection's.
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/api/track/", .token_route = "ups.token"}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::ups
