#include "adapters/dhl/dhl_carrier.h"

#include <memory>
#include <string>

#include "adapters/dhl/dhl_adapter.h"
#include "adapters/dhl/dhl_status_map.h"

namespace trackenrich::adapters::dhl {
namespace {

using Spec = CarrierSpec<DhlSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"api_key", &DhlSettings::api_key, kSandboxApiKey},
};

absl::Status ReadOptions(SectionReader& reader, DhlSettings& settings) {
  return reader.String("base_url", &settings.base_url);
}

const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterDhlAdapter,
};

constexpr CrosswalkTable kCrosswalks[] = {DhlStatusCodeCrosswalk};

}  // namespace

const CarrierDescriptor& DhlCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "dhl",
      .new_section =
          [] { return std::unique_ptr<CarrierSection>(new CarrierSectionOf<DhlSettings>(kSpec)); },
      .carrier = v1::CARRIER_DHL,
      // Its tracking page and display name stay in the shared table
      // (detection/tracking_urls.cc), as its formats do in detection's.
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/track/shipments", .token_route = ""}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::dhl
