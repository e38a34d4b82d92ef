// ServiceConfig: everything the wiring needs, read from one JSON file with
// environment overrides and flags on top (config_overrides.h). Only the
// wiring reads configuration; components take the plain settings structs
// inside it.
//
//   auto overrides = ConfigOverridesFromEnvironment(ProcessEnvironment());
//   absl::StatusOr<ServiceConfig> config =
//       LoadServiceConfig("/etc/trackenrich/config.json", *overrides);
//
// Secrets are never literal: a secret field is {"env": "NAME"} or
// {"file": "/path"}, resolved at load time. Errors name the key
// ("carriers.ups.client_secret: ...") and never print a secret's value.
// Example configs live in deploy/config/.
#ifndef TRACKENRICH_SERVICES_CONFIG_SERVICE_CONFIG_H_
#define TRACKENRICH_SERVICES_CONFIG_SERVICE_CONFIG_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/amazon/sp_api_order_source.h"
#include "adapters/carrier.h"
#include "adapters/ebay/ebay_order_source.h"
#include "adapters/http/http_client.h"
#include "adapters/shopify/shopify_order_source.h"
#include "cache/memory/memory_cache.h"
#include "cache/rate_limiter.h"
#include "cache/redis/redis_client.h"
#include "cache/redis/redis_shared_flight.h"
#include "services/auth/api_key_auth.h"
#include "services/config/config_overrides.h"
#include "services/enrichment/enrichment_settings.h"
#include "services/enrichment/reply_templates.h"
#include "services/integrations/integration_settings.h"
#include "services/logging/structured_log.h"
#include "services/lookup/shipment_lookup.h"
#include "services/push/carrier_push.h"
#include "services/watch/push_subscriber.h"
#include "services/watch/watch_settings.h"

namespace trackenrich::server {

struct ServiceConfig {
  std::string grpc_listen = "127.0.0.1:50051";
  std::string admin_listen = "127.0.0.1:8080";
  // Sandbox mode: an embedded sandbox upstream answers for every adapter
  // that has no real configuration. On when no config file is given.
  bool sandbox = true;
  std::string sandbox_listen = "127.0.0.1:0";
  int io_threads = 2;
  absl::Duration default_deadline = absl::Seconds(10);
  // PEM CA bundle for upstream TLS; empty: the system's.
  std::string upstream_ca_file;

  // Defaults for every upstream HTTP client connection pool, retry and breaker.
  http::UpstreamOptions upstream;
  // carriers.<name>: each configured carrier's section (adapters/carrier.h),
  // by name; set when the file has the section, even without credentials
  // (the adapter then answers FAILED_PRECONDITION naming itself), but not
  // for a section holding only a rate_limit.
  absl::flat_hash_map<std::string, std::shared_ptr<const adapters::CarrierSection>> carriers;
  // The options of carriers the embedded sandbox answers (sandbox mode, no
  // carriers.<name> section), by name; their base URL and credentials become
  // the sandbox's. Not read from the file; absent: the carrier's defaults.
  absl::flat_hash_map<std::string, std::shared_ptr<const adapters::CarrierSection>>
      sandbox_carriers;

  // amazon: the SP-API order source (sellers by tenant). In sandbox mode
  // without it, the sandbox answers for a seller of tenant "default".
  bool amazon_configured = false;
  adapters::amazon::SpApiSettings amazon;
  // ebay: the eBay order source (sellers by tenant). In sandbox mode without
  // it, the sandbox answers for an eBay seller of every tenant.
  bool ebay_configured = false;
  adapters::ebay::EbaySettings ebay;

  // shopify: the Shopify order source (shops by tenant). In sandbox mode
  // without it, the sandbox's shop answers for tenant "default" and every
  // configured tenant.
  bool shopify_configured = false;
  adapters::shopify::ShopifySettings shopify;

  CachePolicy cache_policy;
  cache::MemoryCache::Options memory_cache;

  // Ticket enrichment thresholds (`enrichment.*`).
  enrichment::EnrichmentSettings enrichment;
  // Seller template files (`templates.files`), already loaded into
  // `templates` on top of the built-in set.
  std::vector<std::string> template_files;
  std::shared_ptr<const enrichment::TemplateCatalog> templates =
      enrichment::TemplateCatalog::Builtin();
  // Which channels' replies may carry tracking links (`templates.tracking_links`).
  enrichment::ReplyPolicy reply_policy;
  // Redis: the shared cache layer, cross-replica single-flight and shared
  // rate limits. Off (the in-process cache alone) unless `redis.address` is set.
  bool redis_configured = false;
  cache::RedisOptions redis;
  cache::SharedFlightOptions shared_flight;
  // With Redis: entries kept (about) in each tenant's audit stream
  // (`redis.audit_max_len`); 0 turns the audit stream off.
  int64_t audit_max_len = 100'000;

  // Upstream rate limits by carrier name ("ups"), from carriers.<name>.rate_limit.
  absl::flat_hash_map<std::string, cache::RateLimit> rate_limits;

  // Callers, tenants, logs and gRPC TLS (`tenants`, `auth`, `logging`,
  // `grpc_tls`).
  // The tenants and the SHA-256 digests of their API keys; `auth.required`
  // resolved (default: true when any tenant is configured).
  auth::AuthSettings auth;
  // tenants.<name>.carriers.<carrier>: credentials that replace the carrier
  // section's for that tenant's lookups, by tenant, then carrier name.
  absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, adapters::CarrierCredentials>>
      tenant_carriers;
  logging::LogFormat log_format = logging::LogFormat::kJson;
  // gRPC over TLS when the chain is set; client certificates signed by
  // `grpc_tls_client_ca_pem` required when that is set too (mTLS).
  std::string grpc_tls_certificate_chain_pem;
  std::string grpc_tls_private_key_pem;
  std::string grpc_tls_client_ca_pem;

  // The public HTTP listener and the help-desk integrations (`public_http`,
  // `helpdesks`); the listener is off unless public_http.listen is set.
  integrations::IntegrationSettings integrations;

  // Watches, their events and outbound webhooks (`watch`).
  watch::WatchSettings watch;
  // Carrier pushes taken in on the public listener (`push`).
  push::PushSettings push;
  // UPS Track Alert subscriptions of watched numbers (`push.ups.subscribe`).
  watch::UpsSubscribeSettings ups_subscribe;

  // Every key the parser read with the value it ended up with (defaults
  // included), as indented JSON; secrets appear only as their references
  // ({"env": "NAME"}), never their values. What --check_config prints.
  std::string effective_json;
};

// The document zero config stands for: sandbox mode, every default.
inline constexpr absl::string_view kZeroConfigJson = R"({"sandbox": true})";

// Parses a JSON config document with `overrides` merged in first (in order,
// a later one wins). Unknown keys and wrong types are errors naming the key
// (and the override that set it). Secrets are resolved here: an unset
// variable or a missing file is an error naming the key. Template files named
// in `templates.files` are read and checked here, so a broken template stops
// the start. Listen addresses must be HOST:PORT.
absl::StatusOr<ServiceConfig> ParseServiceConfig(absl::string_view json_text,
                                                 const std::vector<ConfigOverride>& overrides = {});

// Reads and parses `path`.
absl::StatusOr<ServiceConfig> LoadServiceConfig(const std::string& path,
                                                const std::vector<ConfigOverride>& overrides = {});

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_CONFIG_SERVICE_CONFIG_H_
