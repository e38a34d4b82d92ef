#include "adapters/usps/usps_carrier.h"

#include <memory>
#include <string>

#include "adapters/detection/check_digits.h"
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

// USPS prints 20-digit numbers both with the check digit over the 19 digits
// shown and with it over the "91" application identifier left off in print
// (tracking_number_data: usps_20 and usps_legacy).
bool HasUsps20CheckDigit(absl::string_view checked) {
  return detection::HasGs1CheckDigit(checked) ||
         detection::HasGs1CheckDigitWithImpliedPrefix("91", checked);
}

// Formats, check-digit parameters and test numbers from the MIT-licensed
// jkeen/tracking_number_data dataset (couriers/usps.json, format id in
// brackets); confidences on detection's scale (tracking_number_formats.cc).
constexpr detection::TrackingNumberFormat kFormats[] = {
    // [usps_impb_n, usps_impb_c]: application identifier, 3-digit service
    // type, mailer ID (nine digits when it starts with 9, six otherwise),
    // package ID and check digit, 22, 26 or (94 only, nine-digit mailer ID) 30
    // digits, optionally behind a 420 + ZIP routing prefix. The identifier
    // fixes the mailer ID's length: 92 nine digits (so it starts with 9), 93
    // six (so it does not); 94 and 95 take either.
    {.carrier = v1::CARRIER_USPS,
     .name = "USPS IMpb",
     .shape = "92#{3}9#{16}|92#{3}9#{20}|93#{3}[0-8]#{16}|93#{3}[0-8]#{20}|9[45]#{20}|9[45]#{24}|"
              "94#{3}9#{24}",
     .check = detection::HasGs1CheckDigit,
     .confidence = 0.85,
     .allows_usps_routing_prefix = true},
    // [usps_legacy]: Delivery and Signature Confirmation with the 91
    // application identifier.
    {.carrier = v1::CARRIER_USPS,
     .name = "USPS 91 (22)",
     .shape = "91#{20}",
     .check = detection::HasGs1CheckDigit,
     .confidence = 0.8,
     .allows_usps_routing_prefix = true},
    // [usps_20, usps_legacy]: 20 digits without the identifier.
    {.carrier = v1::CARRIER_USPS,
     .name = "USPS (20)",
     .shape = "#{20}",
     .check = HasUsps20CheckDigit,
     .confidence = 0.55},
};

// The US postal operator (tracking_number_data couriers/s10.json).
constexpr absl::string_view kS10Countries[] = {"US"};

constexpr absl::string_view kTicketWords[] = {"usps"};

constexpr CrosswalkTable kCrosswalks[] = {UspsStatusCategoryCrosswalk, UspsEventCrosswalk};

}  // namespace

const CarrierDescriptor& UspsCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "usps",
      .new_section =
          [] { return std::unique_ptr<CarrierSection>(new CarrierSectionOf<UspsSettings>(kSpec)); },
      .carrier = v1::CARRIER_USPS,
      .names = {.en = "USPS", .it = "USPS", .de = "USPS", .fr = "USPS", .es = "USPS"},
      .tracking_url_prefix = "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
      .formats = kFormats,
      .s10_countries = kS10Countries,
      .ticket_words = kTicketWords,
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/tracking/v3/tracking/", .token_route = "usps.token"}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::usps
