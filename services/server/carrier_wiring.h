// Registers the carrier adapters (every carrier of adapters/carriers.txt,
// through its descriptor) from the config, and the order sources by channel:
// the one list Server::Start calls.
//
//   RegisterCarrierAdapters(config, sandbox_url, registry, http_client);
//
// An adapter is registered when its carriers.<name> section exists, or in
// sandbox mode. In sandbox mode an adapter without a section points at the
// embedded sandbox (`sandbox_url`) with the sandbox's credentials; a carrier
// with a section keeps its own base URL and credentials. A registered
// adapter without credentials answers FAILED_PRECONDITION naming its carrier;
// a carrier with neither a section nor sandbox mode has no adapter, and its
// numbers get the tracking link alone (services/lookup). A tenant with its
// own credentials for a carrier (tenants.<name>.carriers.<carrier>) gets its
// own adapter for that carrier (same base URL and options, its own token
// cache); every other tenant shares the section's.
#ifndef TRACKENRICH_SERVICES_SERVER_CARRIER_WIRING_H_
#define TRACKENRICH_SERVICES_SERVER_CARRIER_WIRING_H_

#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"

#include "adapters/http/http_client.h"
#include "adapters/order_source.h"
#include "adapters/order_sources.h"
#include "adapters/tracking_source.h"
#include "cache/rate_limiter.h"
#include "services/config/service_config.h"

namespace trackenrich::server {

// `sandbox_url` is the embedded sandbox's base URL, "" outside sandbox mode.
// Errors: INVALID_ARGUMENT naming the config key of a bad setting.
absl::Status RegisterCarrierAdapters(const ServiceConfig& config, const std::string& sandbox_url,
                                     adapters::AdapterRegistry& registry, http::HttpClient& client);

// The upstream rate limits the lookups keep to, by carrier name: each
// carrier's published limit from its descriptor, replaced by its
// carriers.<name>.rate_limit where the config sets one.
absl::flat_hash_map<std::string, cache::RateLimit> CarrierRateLimits(const ServiceConfig& config);

// Registers the order sources by channel. Amazon: SP-API from the `amazon`
// section, or, in sandbox mode without one, the sandbox's SP-API with one
// seller for tenant "default" and every configured tenant; neither: no
// Amazon source (order lookups then answer FAILED_PRECONDITION). Each other
// channel is registered the same way from its own section (sandbox mode
// fills a missing one). Errors: INVALID_ARGUMENT naming the config key.
absl::Status RegisterOrderSources(const ServiceConfig& config, const std::string& sandbox_url,
                                  http::HttpClient& client, cache::RateLimiter& limiter,
                                  adapters::OrderSourceRegistry& sources);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_SERVER_CARRIER_WIRING_H_
