// Settings of the public HTTP listener and the help-desk integrations: plain
// structs the wiring fills from the config (`public_http`, `helpdesks`).
//
//   {"public_http": {"listen": "0.0.0.0:8443", "max_body_bytes": 65536,
//                    "request_timeout": "10s",
//                    "tls": {"certificate_chain": "/etc/te/chain.pem",
//                            "private_key": {"env": "TE_HTTP_KEY"}}},
//    "helpdesks": {"helpscout": {"secret_key": {"env": "HS_SECRET"}},
//                  "zendesk": {"signing_secret": {"env": "ZD_SECRET"},
//                              "subdomain_url": "https://acme.zendesk.com",
//                              "email": "bot@acme.com", "api_token": {"env": "ZD_TOKEN"}},
//                  "freshdesk": {"shared_secret": {"env": "FD_SECRET"},
//                                "domain_url": "https://acme.freshdesk.com",
//                                "api_key": {"env": "FD_KEY"}}}}
//
// Every secret is a reference, resolved when the config loads. A help desk
// that signs its requests (Help Scout, Zendesk, Freshdesk) runs its lookups
// as `tenant` (default "default"), presenting `tenant_api_key` to the
// service when API keys are required.
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_INTEGRATION_SETTINGS_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_INTEGRATION_SETTINGS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace trackenrich::integrations {

struct PublicHttpSettings {
  // HOST:PORT; "" keeps the listener off.
  std::string listen;
  size_t max_body_bytes = 256 * 1024;
  // Every request is answered within this time (504 otherwise).
  absl::Duration request_timeout = absl::Seconds(10);
  // PEM chain and key: HTTPS when set.
  std::string tls_certificate_chain_pem;
  std::string tls_private_key_pem;
};

// What every signed help desk shares: who its lookups run as.
struct DeskIdentity {
  std::string tenant = "default";
  // The tenant's API key (a secret), presented on its lookups.
  std::string tenant_api_key;
  // The language of the card's labels (the agents').
  std::string agent_language = "en";
};

struct HelpScoutSettings {
  bool configured = false;
  // The dynamic app's secret key (Help Scout: 40 characters or fewer).
  std::string secret_key;
  DeskIdentity identity;
};

// How a write-back desk retries its API.
struct WriteBackPolicy {
  int max_attempts = 6;
  absl::Duration first_backoff = absl::Milliseconds(500);
  absl::Duration max_backoff = absl::Seconds(30);
  // The same ticket with the same enrichment is written once within this time.
  absl::Duration dedupe_window = absl::Hours(24);
};

struct ZendeskSettings {
  bool configured = false;
  std::string signing_secret;
  // Requests signed further from now than this are refused as stale.
  absl::Duration max_clock_skew = absl::Minutes(5);
  // https://{subdomain}.zendesk.com (the sandbox's fake in sandbox mode).
  std::string base_url;
  // API token auth: {email}/token:{api_token}.
  std::string email;
  std::string api_token;
  // Tags added with the note, by flag: "trackenrich_exception" etc. Off when false.
  bool tags = true;
  WriteBackPolicy write_back;
  DeskIdentity identity;
};

struct FreshdeskSettings {
  bool configured = false;
  // The value the automation's webhook sends in X-Trackenrich-Secret.
  std::string shared_secret;
  // https://{domain}.freshdesk.com (the sandbox's fake in sandbox mode).
  std::string base_url;
  // Freshdesk API key (basic auth {api_key}:X).
  std::string api_key;
  WriteBackPolicy write_back;
  DeskIdentity identity;
};

struct IntegrationSettings {
  PublicHttpSettings http;
  HelpScoutSettings helpscout;
  ZendeskSettings zendesk;
  FreshdeskSettings freshdesk;
};

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_INTEGRATION_SETTINGS_H_
