#include "adapters/fedex/fedex_carrier.h"

#include <memory>
#include <string>

#include "adapters/detection/check_digits.h"
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

// FedEx SmartPost 20-digit numbers are IMpb numbers printed without their "92".
bool HasSmartPost20CheckDigit(absl::string_view checked) {
  return detection::HasGs1CheckDigitWithImpliedPrefix("92", checked);
}

// Unless another source is named, formats, check-digit parameters and test
// numbers come from the MIT-licensed jkeen/tracking_number_data dataset
// (couriers/fedex.json, format id in brackets); confidences on detection's
// scale (tracking_number_formats.cc).
constexpr detection::TrackingNumberFormat kFormats[] = {
    // [fedex_ground_96]: 96, carrier code, service, shipper and package; the
    // check digit covers the last 15 digits (the Ground number).
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Ground 96 (22)",
     .shape = "96#{20}",
     .check = detection::HasGs1CheckDigit,
     .check_offset = 7,
     .check_length = 15,
     .confidence = 0.9},
    // [fedex_ground_gsn]: the 34-digit Ground barcode; the tracking number is
    // the last 12 digits, the check over the last 14.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Ground GSN (34)",
     .shape = "96#{32}",
     .check = detection::HasFedExMod11CheckDigit,
     .check_offset = 20,
     .check_length = 14,
     .tracking_offset = 22,
     .tracking_length = 12,
     .confidence = 0.9},
    // [fedex_34]: the 34-digit Express barcode ending in the 12-digit
    // tracking number.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Express (34)",
     .shape = "[0-8]#{33}",
     .check = detection::HasFedExMod11CheckDigit,
     .check_offset = 20,
     .check_length = 14,
     .tracking_offset = 22,
     .tracking_length = 12,
     .confidence = 0.75},
    // [fedex_astra_32]: positions 17 to 28 hold an Express number.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx ASTRA (32)",
     .shape = "3#{31}",
     .check = detection::HasFedExMod11CheckDigit,
     .check_offset = 16,
     .check_length = 12,
     .tracking_offset = 16,
     .tracking_length = 12,
     .confidence = 0.7},
    // FedEx SmartPost / Ground Economy: FedEx hands these parcels to USPS for
    // the last mile, under IMpb numbers with application identifier 92
    // (commercial mailer, nine-digit mailer ID), service type 612 (Parcel
    // Select) and a mailer ID starting 9. usps.json [usps_impb_c] lists such
    // numbers (92 612 9...) as USPS numbers and says of identifier 92 that
    // another company may have carried the parcel before USPS, so USPS IMpb
    // ranks first and FedEx stays a candidate below it.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx SmartPost (22)",
     .shape = "926129#{16}",
     .check = detection::HasGs1CheckDigit,
     .confidence = 0.7,
     .allows_usps_routing_prefix = true},
    // The same numbers printed without the 92 (usps.json lists
    // 61299998820821171811 as an invalid USPS number: its check digit only
    // holds with the 92 in front).
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx SmartPost (20)",
     .shape = "6129#{16}",
     .check = HasSmartPost20CheckDigit,
     .confidence = 0.6},
    // [fedex_12]: the Express number, the most common FedEx form.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Express (12)",
     .shape = "#{12}",
     .check = detection::HasFedExMod11CheckDigit,
     .confidence = 0.6},
    // [fedex_ground].
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Ground (15)",
     .shape = "#{15}",
     .check = detection::HasGs1CheckDigit,
     .confidence = 0.55},
    // [fedex_ground_sscc_18]: a GS1 SSCC, which any shipper's carrier may
    // print, so FedEx is only a guess. The check covers all 17 digits as GS1
    // defines it.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Ground SSCC (18)",
     .shape = "#{18}",
     .check = detection::HasGs1CheckDigit,
     .confidence = 0.45},
};

constexpr absl::string_view kTicketWords[] = {"fedex"};

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
      .names = {.en = "FedEx", .it = "FedEx", .de = "FedEx", .fr = "FedEx", .es = "FedEx"},
      .tracking_url_prefix = "https://www.fedex.com/fedextrack/?trknbr=",
      .formats = kFormats,
      .ticket_words = kTicketWords,
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = "/track/v1/trackingnumbers", .token_route = "fedex.token"}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::fedex
