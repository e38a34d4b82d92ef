// The Royal Mail tracking adapter: Tracking API v2 (events of one item) with
// the application's client ID and secret, over the shared HTTP client.
//
//   RegisterRoyalMailAdapter(registry, http_client,
//                            {.client_id = id, .client_secret = secret});
#ifndef TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_ADAPTER_H_
#define TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_ADAPTER_H_

#include <string>

#include "absl/status/status.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"

namespace trackenrich::adapters::royal_mail {

struct RoyalMailSettings {
  std::string base_url = "https://api.royalmail.net";
  std::string client_id;
  std::string client_secret;
};

// Adds the Royal Mail adapter to `registry`. INVALID_ARGUMENT naming
// carriers.royal_mail.base_url if it does not parse. Without credentials the
// adapter is still registered and answers FAILED_PRECONDITION naming Royal
// Mail.
absl::Status RegisterRoyalMailAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                      RoyalMailSettings settings);

}  // namespace trackenrich::adapters::royal_mail

#endif  // TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_ADAPTER_H_
