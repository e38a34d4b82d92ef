#include "adapters/dpd/dpd_carrier.h"

#include <memory>
#include <string>

#include "adapters/detection/check_digits.h"
#include "adapters/dpd/dpd_adapter.h"
#include "adapters/dpd/dpd_status_map.h"

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

// Whether `checked` ends with the ISO 7064 MOD 37,36 check character of the
// characters before it.
bool HasDpdCheckCharacter(absl::string_view checked) {
  if (checked.empty()) return false;
  const char expected =
      detection::Iso7064Mod3736CheckCharacter(checked.substr(0, checked.size() - 1));
  return expected != '\0' && checked.back() == expected;
}

// Formats, check-character parameters and test numbers from the MIT-licensed
// jkeen/tracking_number_data dataset (couriers/dpd.json, format id in
// brackets); confidences on detection's scale (tracking_number_formats.cc).
constexpr detection::TrackingNumberFormat kFormats[] = {
    // [dpd]: 7-digit postcode, 14-digit parcel number, service and country
    // codes, then an ISO 7064 MOD 37,36 check character over all 27 digits.
    // The tracking page takes the parcel number.
    {.carrier = v1::CARRIER_DPD,
     .name = "DPD (28)",
     .shape = "#{27}*",
     .check = HasDpdCheckCharacter,
     .tracking_offset = 7,
     .tracking_length = 14,
     .confidence = 0.9},
    // [dpd_14]: the parcel number and its check character; a letter there is
    // distinctive, a digit collides with FedEx Ground (15).
    {.carrier = v1::CARRIER_DPD,
     .name = "DPD (14)",
     .shape = "#{14}@",
     .check = HasDpdCheckCharacter,
     .tracking_offset = 0,
     .tracking_length = 14,
     .confidence = 0.8},
    {.carrier = v1::CARRIER_DPD,
     .name = "DPD (14)",
     .shape = "#{15}",
     .check = HasDpdCheckCharacter,
     .tracking_offset = 0,
     .tracking_length = 14,
     .confidence = 0.5},
    // The parcel number alone, as DPD's own tracking page accepts it. Not a
    // format of dpd.json, where the 14-digit parcel number always comes with
    // a MOD 37,36 check character (dpd_14) or inside the 28-character barcode
    // (dpd), so it ranks below DHL eCommerce (14), which the dataset defines
    // as exactly 14 bare digits.
    {.carrier = v1::CARRIER_DPD,
     .name = "DPD (14, no check character)",
     .shape = "#{14}",
     .confidence = 0.15},
};

constexpr absl::string_view kTicketWords[] = {"dpd"};

constexpr CrosswalkTable kCrosswalks[] = {DpdStatusCrosswalk};

}  // namespace

const CarrierDescriptor& DpdCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "dpd",
      .new_section =
          [] { return std::unique_ptr<CarrierSection>(new CarrierSectionOf<DpdSettings>(kSpec)); },
      .carrier = v1::CARRIER_DPD,
      .names = {.en = "DPD", .it = "DPD", .de = "DPD", .fr = "DPD", .es = "DPD"},
      .tracking_url_prefix =
          "https://www.dpdgroup.com/nl/mydpd/my-parcels/track?lang=en&parcelNumber=",
      .formats = kFormats,
      .ticket_words = kTicketWords,
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/soap/services/ParcelLifeCycleService/",
                  .token_route = "dpd.login"}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::dpd
