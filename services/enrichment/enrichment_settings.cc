#include "services/enrichment/enrichment_settings.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace trackenrich::enrichment {

absl::flat_hash_map<v1::Carrier, absl::Duration> DefaultStalledAfterByCarrier() {
  return {
      {v1::CARRIER_UPS, absl::Hours(48)},         {v1::CARRIER_FEDEX, absl::Hours(48)},
      {v1::CARRIER_AMAZON, absl::Hours(48)},      {v1::CARRIER_DPD, absl::Hours(48)},
      {v1::CARRIER_GLS, absl::Hours(48)},         {v1::CARRIER_BRT, absl::Hours(48)},
      {v1::CARRIER_ONTRAC, absl::Hours(48)},      {v1::CARRIER_LASERSHIP, absl::Hours(48)},
      {v1::CARRIER_EVRI, absl::Hours(48)},        {v1::CARRIER_USPS, absl::Hours(72)},
      {v1::CARRIER_DHL, absl::Hours(72)},         {v1::CARRIER_POSTNL, absl::Hours(72)},
      {v1::CARRIER_ROYAL_MAIL, absl::Hours(96)},  {v1::CARRIER_POSTE_ITALIANE, absl::Hours(96)},
      {v1::CARRIER_LA_POSTE, absl::Hours(96)},    {v1::CARRIER_DEUTSCHE_POST, absl::Hours(96)},
      {v1::CARRIER_CANADA_POST, absl::Hours(96)}, {v1::CARRIER_AUSTRALIA_POST, absl::Hours(96)},
      {v1::CARRIER_CORREOS, absl::Hours(96)},
  };
}

absl::Duration EnrichmentSettings::StalledAfter(v1::Carrier carrier) const {
  const auto it = stalled_after_by_carrier.find(carrier);
  return it == stalled_after_by_carrier.end() ? stalled_after : it->second;
}

bool ReplyPolicy::TrackingLinksAllowed(v1::SalesChannel channel) const {
  switch (channel) {
    case v1::SALES_CHANNEL_AMAZON:
      return amazon_links;
    case v1::SALES_CHANNEL_SHOPIFY:
      return shopify_links;
    case v1::SALES_CHANNEL_EBAY:
      return ebay_links;
    case v1::SALES_CHANNEL_OTHER:
      return other_links;
    default:
      return unknown_links;
  }
}

std::string CarrierConfigName(v1::Carrier carrier) {
  std::string name = v1::Carrier_Name(carrier);
  if (absl::StartsWith(name, "CARRIER_")) name.erase(0, 8);
  return absl::AsciiStrToLower(name);
}

absl::optional<v1::Carrier> CarrierFromConfigName(absl::string_view name) {
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
  if (!v1::Carrier_Parse(absl::StrCat("CARRIER_", absl::AsciiStrToUpper(name)), &carrier) ||
      carrier == v1::CARRIER_UNSPECIFIED || carrier == v1::CARRIER_OTHER ||
      name != absl::AsciiStrToLower(name)) {
    return absl::nullopt;
  }
  return carrier;
}

}  // namespace trackenrich::enrichment
