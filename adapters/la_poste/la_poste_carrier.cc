#include "adapters/la_poste/la_poste_carrier.h"

#include <memory>
#include <string>

#include "adapters/la_poste/la_poste_adapter.h"
#include "adapters/la_poste/la_poste_parser.h"
#include "adapters/la_poste/la_poste_request.h"
#include "adapters/la_poste/la_poste_status_map.h"

namespace trackenrich::adapters::la_poste {
namespace {

using Spec = CarrierSpec<LaPosteSettings>;

constexpr Spec::Credential kCredentials[] = {
    {"okapi_key", &LaPosteSettings::okapi_key, kSandboxApiKey},
};

absl::Status ReadOptions(SectionReader& reader, LaPosteSettings& settings) {
  if (auto status = reader.String("base_url", &settings.base_url); !status.ok()) return status;
  if (auto status = reader.String("lang", &settings.lang); !status.ok()) return status;
  if (!IsLaPosteLanguage(settings.lang)) {
    return reader.Invalid("lang", "must be one of fr_FR, en_GB, de_DE, es_ES, it_IT, nl_NL");
  }
  return absl::OkStatus();
}

const Spec kSpec{
    .credentials = kCredentials,
    .read_options = ReadOptions,
    .register_adapter = RegisterLaPosteAdapter,
};

// Colissimo's FAQ (colissimo.fr, "What is the track & trace number?"): 13
// characters, a product code of a digit and a letter (6A, 8R, ...) and 11
// digits, e.g. 8D00432154798; Lettre suivie numbers have the same shape. La
// Poste publishes no check digit for them, so none is verified and the
// confidence stays below the formats that have one. International items carry
// S10 numbers, detected by their FR suffix (kS10Countries).
constexpr detection::TrackingNumberFormat kFormats[] = {
    {.carrier = v1::CARRIER_LA_POSTE,
     .name = "La Poste / Colissimo",
     .shape = "#@#{11}",
     .confidence = 0.6},
};

constexpr absl::string_view kS10Countries[] = {"FR"};

// "poste" alone would also name Poste Italiane.
constexpr absl::string_view kTicketWords[] = {"colissimo", "laposte"};

constexpr CrosswalkTable kCrosswalks[] = {LaPosteEventCrosswalk};

}  // namespace

const CarrierDescriptor& LaPosteCarrier() {
  static const CarrierDescriptor kCarrier{
      .name = "la_poste",
      .new_section =
          [] {
            return std::unique_ptr<CarrierSection>(new CarrierSectionOf<LaPosteSettings>(kSpec));
          },
      .carrier = v1::CARRIER_LA_POSTE,
      .names = {.en = kLaPosteDisplayName,
                .it = kLaPosteDisplayName,
                .de = kLaPosteDisplayName,
                .fr = kLaPosteDisplayName,
                .es = kLaPosteDisplayName},
      .tracking_url_prefix = "https://www.laposte.fr/outils/suivre-vos-envois?code=",
      .formats = kFormats,
      .s10_countries = kS10Countries,
      .ticket_words = kTicketWords,
      .crosswalks = kCrosswalks,
      .sandbox = {.track_path = kLaPosteTrackPath, .token_route = ""},
      // The portal's plan for Suivi: 10 calls per second
      // (developer.laposte.fr/catalog-apis/suivi@2).
      .rate_limit = {.per_second = 10, .burst = 10}};
  return kCarrier;
}

}  // namespace trackenrich::adapters::la_poste
