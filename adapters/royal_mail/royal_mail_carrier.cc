#include "adapters/royal_mail/royal_mail_carrier.h"

#include <memory>
#include <string>

#include "adapters/royal_mail/royal_mail_adapter.h"
#include "adapters/royal_mail/royal_mail_request.h"
#include "adapters/royal_mail/royal_mail_status_map.h"

namespace trackenrich::adapters::royal_mail {
namespace {

using Spec = CarrierSpec<RoyalMailSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"client_id", &RoyalMailSettings::client_id, kSandboxClientId},
    {"client_secret", &RoyalMailSettings::client_secret, kSandboxClientSecret},
};

absl::Status ReadOptions(SectionReader& reader, RoyalMailSettings& settings) {
  return reader.String("base_url", &settings.base_url);
}

const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterRoyalMailAdapter,
};

// Royal Mail's items carry UPU S10 numbers with its country code (two
// letters, eight digits, the S10 check digit, "GB": FQ087430672GB), which
// detection's S10 format already knows; claiming GB routes them here.
constexpr absl::string_view kS10Countries[] = {"GB"};

// Folded ticket words (text_matcher.h): "Royal Mail" reaches the matcher as
// two words, so "royal" alone names the carrier.
constexpr absl::string_view kTicketWords[] = {"royal", "royalmail"};

constexpr CrosswalkTable kCrosswalks[] = {RoyalMailEventCrosswalk};

}  // namespace

const CarrierDescriptor& RoyalMailCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "royal_mail",
      .new_section =
          [] {
            return std::unique_ptr<CarrierSection>(new CarrierSectionOf<RoyalMailSettings>(kSpec));
          },
      .carrier = v1::CARRIER_ROYAL_MAIL,
      .names = {.en = "Royal Mail",
                .it = "Royal Mail",
                .de = "Royal Mail",
                .fr = "Royal Mail",
                .es = "Royal Mail"},
      // The tracking page Royal Mail links (summary.internationalPostalProvider.url
      // is its start page; the results page takes the number after the '#').
      .tracking_url_prefix = "https://www.royalmail.com/track-your-item#/tracking-results/",
      .s10_countries = kS10Countries,
      .ticket_words = kTicketWords,
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = kRoyalMailTrackPath, .token_route = ""},
      // Royal Mail sells the API in plans (developer.royalmail.net: Assessment
      // 50 calls a day, On-boarding 25 per 12 hours, operational plans per
      // subscription) and publishes no rate common to all, so none is
      // assumed: set carriers.royal_mail.rate_limit to the plan's. A 429
      // (E0010) answers RESOURCE_EXHAUSTED.
  };
  return kCarrier;
}

}  // namespace trackenrich::adapters::royal_mail
