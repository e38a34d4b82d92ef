#include "adapters/postnl/postnl_carrier.h"

#include <memory>
#include <string>

#include "adapters/postnl/postnl_adapter.h"
#include "adapters/postnl/postnl_request.h"
#include "adapters/postnl/postnl_status_map.h"

namespace trackenrich::adapters::postnl {
namespace {

using Spec = CarrierSpec<PostnlSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"api_key", &PostnlSettings::api_key, kSandboxPostnlApiKey},
};

absl::Status ReadOptions(SectionReader& reader, PostnlSettings& settings) {
  return reader.String("base_url", &settings.base_url);
}

const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterPostnlAdapter,
};

// PostNL's barcode specification (developer.postnl.nl, Barcode webservice,
// "Specifications barcodes"): a type 3S barcode is "3S", the customer's
// range of 1 to 4 letters and a serie of digits (leading zeros allowed), 13
// or 15 characters in all (3SABCD3427702, 3SAB83691658823). PostNL adds a
// check digit to S10 barcodes only, so 3S has none. International parcels
// carry S10 numbers ending NL (s10_countries below; detection's S10 format
// checks their digit).
constexpr detection::TrackingNumberFormat kFormats[] = {
    {.carrier = v1::CARRIER_POSTNL,
     .name = "PostNL 3S",
     .shape = "3S@#{10}|3S@{2}#{9}|3S@{3}#{8}|3S@{4}#{7}|"
              "3S@#{12}|3S@{2}#{11}|3S@{3}#{10}|3S@{4}#{9}",
     .confidence = 0.8},
};

constexpr absl::string_view kS10Countries[] = {"NL"};

constexpr absl::string_view kTicketWords[] = {"postnl"};

constexpr CrosswalkTable kCrosswalks[] = {PostnlStatusCrosswalk, PostnlPhaseCrosswalk,
                                          PostnlEventCrosswalk};

// "For most webservices the Production environment is limited to 1000 calls
// per minute, per key" (developer.postnl.nl/support/api-general/
// at-what-frequency-can-i-call-the-apis/): 1000/60 a second, with one
// second's worth at once.
constexpr cache::RateLimit kRateLimit{.per_second = 1000.0 / 60.0, .burst = 16};

}  // namespace

const CarrierDescriptor& PostnlCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "postnl",
      .new_section =
          [] {
            return std::unique_ptr<CarrierSection>(new CarrierSectionOf<PostnlSettings>(kSpec));
          },
      .carrier = v1::CARRIER_POSTNL,
      .names = {.en = "PostNL", .it = "PostNL", .de = "PostNL", .fr = "PostNL", .es = "PostNL"},
      .tracking_url_prefix = "https://jouw.postnl.nl/track-and-trace/",
      .formats = kFormats,
      .s10_countries = kS10Countries,
      .ticket_words = kTicketWords,
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = kPostnlTrackPathPrefix, .token_route = ""},
      .rate_limit = kRateLimit};
  return kCarrier;
}

}  // namespace trackenrich::adapters::postnl
