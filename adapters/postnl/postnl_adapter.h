// The PostNL tracking adapter: Shippingstatus v2 "status by barcode" with an
// API key, over the shared HTTP client.
//
//   RegisterPostnlAdapter(registry, http_client, {.base_url = "https://api.postnl.nl",
//                                                 .api_key = key});
#ifndef TRACKENRICH_ADAPTERS_POSTNL_POSTNL_ADAPTER_H_
#define TRACKENRICH_ADAPTERS_POSTNL_POSTNL_ADAPTER_H_

#include <string>

#include "absl/status/status.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"

namespace trackenrich::adapters::postnl {

struct PostnlSettings {
  // Production; PostNL's own sandbox is https://api-sandbox.postnl.nl.
  std::string base_url = "https://api.postnl.nl";
  // The key PostNL issues per customer (header `apikey`).
  std::string api_key;
};

// Adds the PostNL adapter to `registry`. INVALID_ARGUMENT if the base URL
// does not parse. With no API key the adapter is still registered and
// answers FAILED_PRECONDITION naming PostNL.
absl::Status RegisterPostnlAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                   PostnlSettings settings);

}  // namespace trackenrich::adapters::postnl

#endif  // TRACKENRICH_ADAPTERS_POSTNL_POSTNL_ADAPTER_H_
