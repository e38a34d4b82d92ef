#include "adapters/detection/tracking_urls.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

namespace trackenrich::detection {
namespace {

constexpr v1::Carrier kNamedCarriers[] = {
    v1::CARRIER_UPS,
    v1::CARRIER_FEDEX,
    v1::CARRIER_USPS,
    v1::CARRIER_DHL,
    v1::CARRIER_DPD,
    v1::CARRIER_AMAZON,
    v1::CARRIER_GLS,
    v1::CARRIER_ROYAL_MAIL,
    v1::CARRIER_POSTE_ITALIANE,
    v1::CARRIER_BRT,
    v1::CARRIER_LA_POSTE,
    v1::CARRIER_DEUTSCHE_POST,
    v1::CARRIER_CANADA_POST,
    v1::CARRIER_AUSTRALIA_POST,
    v1::CARRIER_ONTRAC,
    v1::CARRIER_LASERSHIP,
    v1::CARRIER_CORREOS,
    v1::CARRIER_POSTNL,
    v1::CARRIER_EVRI,
};

TEST_CASE("Every named carrier has an https tracking page and a display name",
          "[detection][urls]") {
  std::set<std::string> names;
  for (v1::Carrier carrier : kNamedCarriers) {
    INFO(v1::Carrier_Name(carrier));
    const std::string url = TrackingUrl(carrier, "AB123456785GB");
    CHECK(absl::StartsWith(url, "https://"));
    CHECK(absl::StrContains(url, "AB123456785GB"));
    const std::string name = CarrierDisplayName(carrier);
    CHECK_FALSE(name.empty());
    names.insert(name);
  }
  CHECK(names.size() == std::size(kNamedCarriers));
}

TEST_CASE("Tracking URLs put the number where the carrier expects it", "[detection][urls]") {
  CHECK(TrackingUrl(v1::CARRIER_UPS, "1Z999AA10123456784") ==
        "https://www.ups.com/track?tracknum=1Z999AA10123456784");
  CHECK(TrackingUrl(v1::CARRIER_USPS, "9400111206206406260787") ==
        "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787");
  CHECK(TrackingUrl(v1::CARRIER_EVRI, "1234567890123456") ==
        "https://www.evri.com/track/parcel/1234567890123456/details");
  CHECK(TrackingUrl(v1::CARRIER_POSTE_ITALIANE, "RA123456785IT") ==
        "https://www.poste.it/cerca/index.html#/risultati-spedizioni/RA123456785IT");
}

TEST_CASE("Display names are the ones buyers know", "[detection][urls]") {
  CHECK(CarrierDisplayName(v1::CARRIER_UPS) == "UPS");
  CHECK(CarrierDisplayName(v1::CARRIER_FEDEX) == "FedEx");
  CHECK(CarrierDisplayName(v1::CARRIER_POSTE_ITALIANE) == "Poste Italiane");
  CHECK(CarrierDisplayName(v1::CARRIER_CORREOS) == "Correos");
}

TEST_CASE("No URL or name without a known carrier", "[detection][urls]") {
  CHECK(TrackingUrl(v1::CARRIER_UNSPECIFIED, "1Z999AA10123456784").empty());
  CHECK(TrackingUrl(v1::CARRIER_OTHER, "RB123456785CN").empty());
  CHECK(TrackingUrl(static_cast<v1::Carrier>(57), "1Z999AA10123456784").empty());
  CHECK(CarrierDisplayName(v1::CARRIER_UNSPECIFIED).empty());
  CHECK(CarrierDisplayName(v1::CARRIER_OTHER).empty());
}

TEST_CASE("No URL for a number that is not normalized", "[detection][urls]") {
  CHECK(TrackingUrl(v1::CARRIER_UPS, "").empty());
  CHECK(TrackingUrl(v1::CARRIER_UPS, "1z999aa10123456784").empty());
  CHECK(TrackingUrl(v1::CARRIER_UPS, "1Z999 AA1").empty());
  CHECK(TrackingUrl(v1::CARRIER_UPS, "1Z&tracknum=2").empty());
}

}  // namespace
}  // namespace trackenrich::detection
