#include "adapters/ups/ups_carrier.h"

#include <memory>
#include <string>

#include "adapters/detection/check_digits.h"
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

bool HasUpsCheckDigit(absl::string_view checked) {
  return detection::HasMod10CheckDigit(checked, detection::kUpsWeights);
}

// Formats, check-digit parameters and test numbers from the MIT-licensed
// jkeen/tracking_number_data dataset (couriers/ups.json, format id in
// brackets); confidences on detection's scale (tracking_number_formats.cc).
constexpr detection::TrackingNumberFormat kFormats[] = {
    // [ups]: 1Z, 6-character shipper, 2-character service, 7-character
    // package, mod 10 over the 15 characters after 1Z.
    {.carrier = v1::CARRIER_UPS,
     .name = "UPS 1Z",
     .shape = "1Z*{15}#",
     .check = HasUpsCheckDigit,
     .check_offset = 2,
     .check_length = 16,
     .confidence = 0.98},
    // [UPS Waybill]: a service letter, 9 digits and a mod 10 check digit over
    // the 9 digits.
    {.carrier = v1::CARRIER_UPS,
     .name = "UPS Waybill",
     .shape = "[AHJKTV]#{10}",
     .check = HasUpsCheckDigit,
     .check_offset = 1,
     .check_length = 10,
     .confidence = 0.5},
};

constexpr absl::string_view kTicketWords[] = {"ups"};

constexpr CrosswalkTable kCrosswalks[] = {UpsStatusCodeCrosswalk, UpsCodeCrosswalk,
                                          UpsTypeCrosswalk};

}  // namespace

const CarrierDescriptor& UpsCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "ups",
      .new_section =
          [] { return std::unique_ptr<CarrierSection>(new CarrierSectionOf<UpsSettings>(kSpec)); },
      .carrier = v1::CARRIER_UPS,
      .names = {.en = "UPS", .it = "UPS", .de = "UPS", .fr = "UPS", .es = "UPS"},
      .tracking_url_prefix = "https://www.ups.com/track?tracknum=",
      .formats = kFormats,
      .ticket_words = kTicketWords,
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/api/track/", .token_route = "ups.token"}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::ups
