#include "adapters/usps/usps_carrier.h"

#include <memory>
#include <string>

#include "adapters/usps/usps_adapter.h"
#include "adapters/usps/usps_status_map.h"

namespace trackenrich::adapters::usps {
namespace {

using Spec = CarrierSpec<UspsSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"client_id", &UspsSettings::client_id, kSandboxClientId},
    {"client_secret", &UspsSettings::client_secret, kSandboxClientSecret},
};

absl::Status ReadOptions(SectionReader& reader, UspsSettings& settings) {
  return reader.String("base_url", &settings.base_url);
}

const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterUspsAdapter,
};

constexpr CrosswalkTable kCrosswalks[] = {UspsStatusCategoryCrosswalk, UspsEventCrosswalk};

}  // namespace

const CarrierDescriptor& UspsCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "usps",
      .new_section =
          [] { return std::unique_ptr<CarrierSection>(new CarrierSectionOf<UspsSettings>(kSpec)); },
      .carrier = v1::CARRIER_USPS,
      // Its tracking page and display name stay in the shared table
      // (detection/tracking_urls.cc), as its formats do in detection's.
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/tracking/v3/tracking/", .token_route = "usps.token"}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::usps
