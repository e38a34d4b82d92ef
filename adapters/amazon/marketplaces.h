// Amazon marketplaces: marketplace ID → country and Selling Partner API
// region, and the region's endpoints (production and sandbox).
//
//   const Marketplace* m = FindMarketplace("A1PA6795UKMFR9");  // DE, kEurope
//   std::string url = RegionEndpoint(m->region, /*sandbox=*/false);
//
// Sources: developer-docs.amazon.com/sp-api/docs/marketplace-ids and
// /sp-api-endpoints (reference/upstream-apis.md §3.6). The sandbox hosts are
// the production hosts prefixed with "sandbox.".
#ifndef TRACKENRICH_ADAPTERS_AMAZON_MARKETPLACES_H_
#define TRACKENRICH_ADAPTERS_AMAZON_MARKETPLACES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace trackenrich::adapters::amazon {

enum class Region { kNorthAmerica, kEurope, kFarEast };

struct Marketplace {
  absl::string_view id;
  // ISO 3166-1 alpha-2 (GB for the United Kingdom, which Amazon writes UK).
  absl::string_view country;
  Region region;
};

// Null for an ID outside the table.
const Marketplace* FindMarketplace(absl::string_view marketplace_id);

// "na", "eu", "fe".
absl::string_view RegionName(Region region);
// Parses RegionName's output; false for anything else.
bool ParseRegion(absl::string_view name, Region* region);

// https://sellingpartnerapi-na.amazon.com, or https://sandbox.sellingpartnerapi-na.amazon.com.
std::string RegionEndpoint(Region region, bool sandbox);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_MARKETPLACES_H_
