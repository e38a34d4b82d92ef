#include "adapters/amazon/marketplaces.h"

#include "absl/strings/str_cat.h"

namespace trackenrich::adapters::amazon {
namespace {

constexpr Marketplace kMarketplaces[] = {
    // North America: sellingpartnerapi-na.
    {"A2EUQ1WTGCTBG2", "CA", Region::kNorthAmerica},
    {"ATVPDKIKX0DER", "US", Region::kNorthAmerica},
    {"A1AM78C64UM0Y8", "MX", Region::kNorthAmerica},
    {"A2Q3Y263D00KWC", "BR", Region::kNorthAmerica},
    // Europe (with the Middle East, Africa and India): sellingpartnerapi-eu.
    {"A28R8C7NBKEWEA", "IE", Region::kEurope},
    {"A1RKKUPIHCS9HS", "ES", Region::kEurope},
    {"A1F83G8C2ARO7P", "GB", Region::kEurope},
    {"A13V1IB3VIYZZH", "FR", Region::kEurope},
    {"AMEN7PMS3EDWL", "BE", Region::kEurope},
    {"A1805IZSGTT6HS", "NL", Region::kEurope},
    {"A1PA6795UKMFR9", "DE", Region::kEurope},
    {"APJ6JRA9NG5V4", "IT", Region::kEurope},
    {"A2NODRKZP88ZB9", "SE", Region::kEurope},
    {"AE08WJ6YKNBMC", "ZA", Region::kEurope},
    {"A1C3SOZRARQ6R3", "PL", Region::kEurope},
    {"ARBP9OOSHTCHU", "EG", Region::kEurope},
    {"A33AVAJ2PDY3EV", "TR", Region::kEurope},
    {"A17E79C6D8DWNP", "SA", Region::kEurope},
    {"A2VIGQ35RCS4UG", "AE", Region::kEurope},
    {"A21TJRUUN4KGV", "IN", Region::kEurope},
    // Far East: sellingpartnerapi-fe.
    {"A19VAU5U5O7RUS", "SG", Region::kFarEast},
    {"A39IBJ37TRP1C6", "AU", Region::kFarEast},
    {"A1VC38T7YXB528", "JP", Region::kFarEast},
};

}  // namespace

const Marketplace* FindMarketplace(absl::string_view marketplace_id) {
  for (const Marketplace& marketplace : kMarketplaces) {
    if (marketplace.id == marketplace_id) return &marketplace;
  }
  return nullptr;
}

absl::string_view RegionName(Region region) {
  switch (region) {
    case Region::kNorthAmerica:
      return "na";
    case Region::kEurope:
      return "eu";
    case Region::kFarEast:
      return "fe";
  }
  return "na";
}

bool ParseRegion(absl::string_view name, Region* region) {
  for (Region candidate : {Region::kNorthAmerica, Region::kEurope, Region::kFarEast}) {
    if (RegionName(candidate) == name) {
      *region = candidate;
      return true;
    }
  }
  return false;
}

std::string RegionEndpoint(Region region, bool sandbox) {
  return absl::StrCat("https://", sandbox ? "sandbox." : "", "sellingpartnerapi-",
                      RegionName(region), ".amazon.com");
}

}  // namespace trackenrich::adapters::amazon
