#include "adapters/amazon_shipping/amazon_shipping_carrier.h"

#include <memory>
#include <string>

#include "adapters/amazon_shipping/amazon_shipping_adapter.h"
#include "adapters/amazon_shipping/amazon_shipping_status_map.h"

namespace trackenrich::adapters::amazon_shipping {
namespace {

using Spec = CarrierSpec<AmazonShippingSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"client_id", &AmazonShippingSettings::client_id, kSandboxClientId},
    {"client_secret", &AmazonShippingSettings::client_secret, kSandboxClientSecret},
    {"refresh_token", &AmazonShippingSettings::refresh_token, kSandboxRefreshToken},
};

absl::Status ReadOptions(SectionReader& reader, AmazonShippingSettings& settings) {
  for (auto [key, field] :
       {std::pair{"base_url", &settings.base_url}, std::pair{"lwa_url", &settings.lwa_url},
        std::pair{"carrier_id", &settings.carrier_id},
        std::pair{"business_id", &settings.business_id}}) {
    if (auto status = reader.String(key, field); !status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Status Check(SectionReader& reader, const AmazonShippingSettings& settings) {
  if (settings.carrier_id.empty()) return reader.Invalid("carrier_id", "must not be empty");
  return absl::OkStatus();
}

// The token endpoint is the sandbox too.
void UseSandboxUrl(absl::string_view base_url, AmazonShippingSettings& settings) {
  settings.base_url = std::string(base_url);
  settings.lwa_url = std::string(base_url);
}
const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterAmazonShippingAdapter,
    .check = Check,
    .use_sandbox_url = UseSandboxUrl,
};

// Formats and test numbers from the MIT-licensed jkeen/tracking_number_data
// dataset (couriers/amazon.json, format id in brackets); confidences on
// detection's scale (tracking_number_formats.cc).
constexpr detection::TrackingNumberFormat kFormats[] = {
    // [amazon_logistics].
    {.carrier = v1::CARRIER_AMAZON,
     .name = "Amazon Logistics TBA",
     .shape = "TB[ACM]#{12}",
     .confidence = 0.95},
    // [amazon_international]: no check digit, and a letter plus ten digits
    // is common in order and invoice references.
    {.carrier = v1::CARRIER_AMAZON,
     .name = "Amazon International",
     .shape = "[ACF]#{10}",
     .confidence = 0.3},
};

constexpr CrosswalkTable kCrosswalks[] = {
    AmazonShippingStatusCrosswalk, AmazonShippingEventCrosswalk, AmazonShippingDetailCrosswalk};

}  // namespace

const CarrierDescriptor& AmazonShippingCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "amazon_shipping",
      .new_section =
          [] {
            return std::unique_ptr<CarrierSection>(
                new CarrierSectionOf<AmazonShippingSettings>(kSpec));
          },
      .carrier = v1::CARRIER_AMAZON,
      .names = {.en = "Amazon", .it = "Amazon", .de = "Amazon", .fr = "Amazon", .es = "Amazon"},
      .tracking_url_prefix = "https://track.amazon.com/tracking/",
      .formats = kFormats,
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/shipping/v2/tracking", .token_route = "amazon_shipping.token"}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::amazon_shipping
