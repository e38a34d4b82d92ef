// The UPS tracking adapter: OAuth client credentials plus the Track API, over
// the shared HTTP client.
//
//   RegisterUpsAdapter(registry, http_client, {.base_url = "https://onlinetools.ups.com",
//                                              .client_id = id, .client_secret = secret});
#ifndef TRACKENRICH_ADAPTERS_UPS_UPS_ADAPTER_H_
#define TRACKENRICH_ADAPTERS_UPS_UPS_ADAPTER_H_

#include <string>

#include "absl/status/status.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"

namespace trackenrich::adapters::ups {

struct UpsSettings {
  std::string base_url = "https://onlinetools.ups.com";
  std::string client_id;
  std::string client_secret;
  std::string locale = "en_US";
};

// Adds the UPS adapter to `registry`. INVALID_ARGUMENT if the base URL does not parse.
// With no credentials the adapter is still registered and answers
// FAILED_PRECONDITION naming UPS, so callers learn what to configure.
absl::Status RegisterUpsAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                UpsSettings settings);

}  // namespace trackenrich::adapters::ups

#endif  // TRACKENRICH_ADAPTERS_UPS_UPS_ADAPTER_H_
