// The La Poste tracking adapter: API Suivi v2 (La Poste letters, Colissimo
// parcels and the Chronopost items it follows) with an Okapi key, over the
// shared HTTP client.
//
//   RegisterLaPosteAdapter(registry, http_client, {.base_url = "https://api.laposte.fr",
//                                                  .okapi_key = key});
#ifndef TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_ADAPTER_H_
#define TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_ADAPTER_H_

#include <string>

#include "absl/status/status.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"

namespace trackenrich::adapters::la_poste {

struct LaPosteSettings {
  std::string base_url = "https://api.laposte.fr";
  // The application's key from developer.laposte.fr (header X-Okapi-Key).
  std::string okapi_key;
  // The language of La Poste's labels: fr_FR, en_GB, de_DE, es_ES, it_IT or
  // nl_NL. English by default, the language the reasons are read in.
  std::string lang = "en_GB";
};

// Adds the La Poste adapter to `registry`. INVALID_ARGUMENT if the base URL
// does not parse. With no Okapi key the adapter is still registered and
// answers FAILED_PRECONDITION naming La Poste.
absl::Status RegisterLaPosteAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                    LaPosteSettings settings);

}  // namespace trackenrich::adapters::la_poste

#endif  // TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_ADAPTER_H_
