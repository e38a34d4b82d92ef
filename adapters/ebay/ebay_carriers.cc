#include "adapters/ebay/ebay_carriers.h"

#include <string>

#include "absl/strings/ascii.h"

namespace trackenrich::adapters::ebay {
namespace {

struct CarrierRow {
  absl::string_view code;  // folded: upper case, letters and digits only
  v1::Carrier carrier;
};

// ShippingCarrierCodeType values (and Post-Order ShippingCarrierEnum
// spellings, which fold to the same) for carriers we know.
constexpr CarrierRow kCarriers[] = {
    {"UPS", v1::CARRIER_UPS},
    {"UPSMAILINNOVATIONS", v1::CARRIER_UPS},
    {"USPS", v1::CARRIER_USPS},
    {"USPSPMI", v1::CARRIER_USPS},
    {"USPSCEP", v1::CARRIER_USPS},
    {"FEDEX", v1::CARRIER_FEDEX},
    {"FEDEXSMARTPOST", v1::CARRIER_FEDEX},
    {"DHL", v1::CARRIER_DHL},
    {"DHLEXPRESS", v1::CARRIER_DHL},
    {"DHLGLOBALMAIL", v1::CARRIER_DHL},
    {"DPD", v1::CARRIER_DPD},
    {"GLS", v1::CARRIER_GLS},
    {"ROYALMAIL", v1::CARRIER_ROYAL_MAIL},
    {"POSTEITALIANE", v1::CARRIER_POSTE_ITALIANE},
    {"BARTOLINI", v1::CARRIER_BRT},
    {"LAPOSTE", v1::CARRIER_LA_POSTE},
    {"COLISSIMO", v1::CARRIER_LA_POSTE},
    {"COLIPOSTEDOMESTIC", v1::CARRIER_LA_POSTE},
    {"COLIPOSTEINTERNATIONAL", v1::CARRIER_LA_POSTE},
    {"DEUTSCHEPOST", v1::CARRIER_DEUTSCHE_POST},
    {"CANADAPOST", v1::CARRIER_CANADA_POST},
    {"AUSTRALIAPOST", v1::CARRIER_AUSTRALIA_POST},
    {"CORREOS", v1::CARRIER_CORREOS},
    {"POSTNL", v1::CARRIER_POSTNL},
    {"TNTPOST", v1::CARRIER_POSTNL},
};

}  // namespace

v1::Carrier CarrierFromEbayCode(absl::string_view code) {
  std::string folded;
  for (char c : code) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      folded.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
    }
  }
  if (folded.empty()) return v1::CARRIER_UNSPECIFIED;
  for (const CarrierRow& row : kCarriers) {
    if (row.code == folded) return row.carrier;
  }
  return v1::CARRIER_UNSPECIFIED;
}

}  // namespace trackenrich::adapters::ebay
