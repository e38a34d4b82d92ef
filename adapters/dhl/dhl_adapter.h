// The DHL tracking adapter: Shipment Tracking – Unified with an API key, over
// the shared HTTP client.
//
//   RegisterDhlAdapter(registry, http_client, {.base_url = "https://api-eu.dhl.com",
//                                              .api_key = key});
#ifndef TRACKENRICH_ADAPTERS_DHL_DHL_ADAPTER_H_
#define TRACKENRICH_ADAPTERS_DHL_DHL_ADAPTER_H_

#include <string>

#include "absl/status/status.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"

namespace trackenrich::adapters::dhl {

struct DhlSettings {
  std::string base_url = "https://api-eu.dhl.com";
  std::string api_key;
};

// Adds the DHL adapter to `registry`. INVALID_ARGUMENT if the base URL does
// not parse. With no API key the adapter is still registered and answers
// FAILED_PRECONDITION naming DHL.
absl::Status RegisterDhlAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                DhlSettings settings);

}  // namespace trackenrich::adapters::dhl

#endif  // TRACKENRICH_ADAPTERS_DHL_DHL_ADAPTER_H_
