// What La Poste's descriptor tells the rest of the service: detection of
// Colissimo numbers and of S10 numbers ending FR, the tracking link, the name
// replies use, and its config section.
#include "adapters/la_poste/la_poste_carrier.h"

#include <catch2/catch.hpp>

#include "adapters/common/crosswalk.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"
#include "adapters/la_poste/la_poste_adapter.h"

namespace trackenrich::adapters::la_poste {
namespace {

TEST_CASE("La Poste descriptor: Colissimo numbers are La Poste's, without a check digit",
          "[la_poste]") {
  // Colissimo numbers as La Poste's clients and Colissimo's FAQ print them.
  for (const char* number : {"6A15602676300", "8D00432154798", "6M17554710224"}) {
    INFO(number);
    const v1::DetectCarrierResponse detected = detection::DetectCarrier(number);
    REQUIRE(detected.candidates_size() >= 1);
    const v1::CarrierCandidate& top = detected.candidates(0);
    CHECK(v1::Carrier_Name(top.carrier()) == "CARRIER_LA_POSTE");
    CHECK(top.format() == "La Poste / Colissimo");
    CHECK(top.checksum() == v1::CHECKSUM_RESULT_NOT_APPLICABLE);
    CHECK_FALSE(detected.invalid_checksum());
    CHECK(top.tracking_url() ==
          std::string("https://www.laposte.fr/outils/suivre-vos-envois?code=") + number);
  }
  // Not the shape: two letters first, or 12 digits after the prefix.
  for (const char* number : {"AA15602676300", "6A156026763001"}) {
    INFO(number);
    // Kept: a range-for over a temporary's member would outlive the temporary.
    const v1::DetectCarrierResponse detected = detection::DetectCarrier(number);
    for (const v1::CarrierCandidate& candidate : detected.candidates()) {
      CHECK(candidate.format() != "La Poste / Colissimo");
    }
  }
}

TEST_CASE("La Poste descriptor: S10 numbers ending FR are La Poste's, check digit checked",
          "[la_poste]") {
  // The published example's number.
  const v1::DetectCarrierResponse detected = detection::DetectCarrier("EW112720413FR");
  REQUIRE(detected.candidates_size() >= 1);
  CHECK(v1::Carrier_Name(detected.candidates(0).carrier()) == "CARRIER_LA_POSTE");
  CHECK(detected.candidates(0).checksum() == v1::CHECKSUM_RESULT_VALID);
  // One digit off: the S10 check digit fails.
  CHECK(detection::DetectCarrier("EW112720414FR").invalid_checksum());
  // Another post's suffix is not La Poste's.
  const v1::DetectCarrierResponse other = detection::DetectCarrier("EW112720413DE");
  REQUIRE(other.candidates_size() >= 1);
  CHECK(other.candidates(0).carrier() != v1::CARRIER_LA_POSTE);
}

TEST_CASE("La Poste descriptor: name, section and sandbox route", "[la_poste]") {
  const CarrierDescriptor& carrier = LaPosteCarrier();
  CHECK(carrier.name == "la_poste");
  CHECK(carrier.carrier == v1::CARRIER_LA_POSTE);
  CHECK(FindCarrier("la_poste") == &carrier);
  for (const char* language : {"en", "it", "de", "fr", "es"}) {
    CHECK(detection::CarrierDisplayName(v1::CARRIER_LA_POSTE, language) == "La Poste / Colissimo");
  }
  CHECK(carrier.sandbox.track_path == "/suivi/v2/idships/");
  CHECK(carrier.sandbox.token_route.empty());
  CHECK(carrier.rate_limit.per_second == 10);
  REQUIRE(carrier.crosswalks.size() == 1);
  CHECK(carrier.crosswalks[0]().carrier == "La Poste");

  const auto section = carrier.NewSection();
  CHECK(section->CredentialKeys() == std::vector<absl::string_view>{"okapi_key"});
  section->UseSandbox("http://127.0.0.1:9");
  const LaPosteSettings* settings = SettingsOf<LaPosteSettings>(section.get());
  REQUIRE(settings != nullptr);
  CHECK(settings->base_url == "http://127.0.0.1:9");
  CHECK(settings->okapi_key == kSandboxApiKey);
  CHECK(settings->lang == "en_GB");
  section->OverrideCredentials({{"okapi_key", "tenant-key"}});
  CHECK(SettingsOf<LaPosteSettings>(section.get())->okapi_key == "tenant-key");
}

}  // namespace
}  // namespace trackenrich::adapters::la_poste
