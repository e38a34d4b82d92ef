#include "adapters/dhl/dhl_carrier.h"

#include <array>
#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/detection/check_digits.h"
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

// DHL eCommerce (tracking_number_data: dhl_ecommerce): a two-letter prefix,
// then 10 to 39 letters and digits, at least one of them a digit.
bool IsDhlEcommerceBody(absl::string_view body, bool digits_only) {
  if (body.size() < 10 || body.size() > 39) return false;
  bool has_digit = false;
  for (char c : body) {
    if (absl::ascii_isdigit(c)) {
      has_digit = true;
    } else if (digits_only || !absl::ascii_isupper(c)) {
      return false;
    }
  }
  return has_digit;
}

// GM (DHL Global Mail) followed by digits only: the classic, most common form.
bool IsDhlEcommerceGmNumeric(absl::string_view number) {
  return absl::StartsWith(number, "GM") && IsDhlEcommerceBody(number.substr(2), true);
}

bool IsDhlEcommerceGm(absl::string_view number) {
  return absl::StartsWith(number, "GM") && IsDhlEcommerceBody(number.substr(2), false);
}

// The other prefixes are shared with S10 service indicators and ordinary
// words (IN, TH), so they say little on their own.
bool IsDhlEcommerceOtherPrefix(absl::string_view number) {
  static constexpr std::array<absl::string_view, 9> kPrefixes = {"LX", "RX", "UV", "CN", "SG",
                                                                 "TH", "IN", "HK", "MY"};
  for (absl::string_view prefix : kPrefixes) {
    if (absl::StartsWith(number, prefix)) return IsDhlEcommerceBody(number.substr(2), false);
  }
  return false;
}

// Unless another source is named, formats, check-digit parameters and test
// numbers come from the MIT-licensed jkeen/tracking_number_data dataset
// (couriers/dhl.json, format id in brackets); confidences on detection's
// scale (tracking_number_formats.cc).
constexpr detection::TrackingNumberFormat kFormats[] = {
    // [dhl_express]: 10 or 11 digits, mod 7. One random number in seven
    // passes, and US phone numbers have these lengths.
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL Express",
     .shape = "#{10}|#{11}",
     .check = detection::HasMod7CheckDigit,
     .confidence = 0.45},
    // [dhl_express_piece_id].
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL Express Piece ID",
     .shape = "J@{2}#{9}|J@{2}#{10}|J@{3}#{9}|J@{3}#{10}",
     .confidence = 0.55},
    // DHL Paket: application identifier 00 and a GS1 SSCC under the company
    // prefix DHL Paket labels carry (3 40434...); GS1 check over the SSCC
    // (GS1 General Specifications, SSCC).
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL Paket SSCC (20)",
     .shape = "00340434#{12}",
     .check = detection::HasGs1CheckDigit,
     .check_offset = 2,
     .check_length = 18,
     .confidence = 0.85},
    // [dhl_ecommerce].
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL eCommerce",
     .matches = IsDhlEcommerceGmNumeric,
     .confidence = 0.75},
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL eCommerce",
     .matches = IsDhlEcommerceGm,
     .confidence = 0.5},
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL eCommerce",
     .matches = IsDhlEcommerceOtherPrefix,
     .confidence = 0.3},
    // [dhl_ecommerce_14]: 14 bare digits, no check digit. The only 14-digit
    // format of the dataset: DPD's 14-digit parcel number always comes with
    // its check character there (adapters/dpd/dpd_carrier.cc).
    {.carrier = v1::CARRIER_DHL, .name = "DHL eCommerce (14)", .shape = "#{14}", .confidence = 0.2},
};

constexpr absl::string_view kTicketWords[] = {"dhl"};

constexpr CrosswalkTable kCrosswalks[] = {DhlStatusCodeCrosswalk};

}  // namespace

const CarrierDescriptor& DhlCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "dhl",
      .new_section =
          [] { return std::unique_ptr<CarrierSection>(new CarrierSectionOf<DhlSettings>(kSpec)); },
      .carrier = v1::CARRIER_DHL,
      .names = {.en = "DHL", .it = "DHL", .de = "DHL", .fr = "DHL", .es = "DHL"},
      .tracking_url_prefix = "https://www.dhl.com/global-en/home/tracking.html?tracking-id=",
      .formats = kFormats,
      .ticket_words = kTicketWords,
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/track/shipments", .token_route = ""}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::dhl
