// The USPS tracking adapter: OAuth client credentials (scope "tracking") plus
// Tracking v3, over the shared HTTP client.
//
//   RegisterUspsAdapter(registry, http_client, {.base_url = "https://apis.usps.com",
//                                               .client_id = id, .client_secret = secret});
#ifndef TRACKENRICH_ADAPTERS_USPS_USPS_ADAPTER_H_
#define TRACKENRICH_ADAPTERS_USPS_USPS_ADAPTER_H_

#include <string>

#include "absl/status/status.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"

namespace trackenrich::adapters::usps {

struct UspsSettings {
  std::string base_url = "https://apis.usps.com";
  std::string client_id;
  std::string client_secret;
};

// Adds the USPS adapter to `registry`. INVALID_ARGUMENT if the base URL does
// not parse. With no credentials the adapter is still registered and answers
// FAILED_PRECONDITION naming USPS.
absl::Status RegisterUspsAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                 UspsSettings settings);

}  // namespace trackenrich::adapters::usps

#endif  // TRACKENRICH_ADAPTERS_USPS_USPS_ADAPTER_H_
