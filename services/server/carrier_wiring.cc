#include "services/server/carrier_wiring.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

#include "adapters/carrier.h"
#include "services/sandbox/ebay_scenarios.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/shopify_scenarios.h"
#include "services/sandbox/sp_api_scenarios.h"

namespace trackenrich::server {
namespace {

using CredentialsByCarrier = absl::flat_hash_map<std::string, adapters::CarrierCredentials>;

// Registers every configured (or, in sandbox mode, every) carrier's adapter
// in `registry`, with `tenant`'s credentials over the carrier sections'.
// `tenant` null: the sections' own; otherwise only the carriers it sets.
absl::Status RegisterAdapters(const ServiceConfig& config, const std::string& sandbox_url,
                              const CredentialsByCarrier* tenant,
                              adapters::AdapterRegistry& registry, http::HttpClient& client) {
  for (const adapters::CarrierDescriptor* carrier : adapters::AllCarriers()) {
    auto configured = config.carriers.find(carrier->name);
    const bool has_section = configured != config.carriers.end();
    if (!has_section && sandbox_url.empty()) continue;
    const adapters::CarrierCredentials* own = nullptr;
    if (tenant != nullptr) {
      auto it = tenant->find(carrier->name);
      if (it == tenant->end()) continue;
      own = &it->second;
    }
    std::unique_ptr<adapters::CarrierSection> section;
    if (has_section) {
      section = configured->second->Clone();
    } else {
      auto options = config.sandbox_carriers.find(carrier->name);
      section = options != config.sandbox_carriers.end() ? options->second->Clone()
                                                         : carrier->NewSection();
      section->UseSandbox(sandbox_url);
    }
    if (own != nullptr) section->OverrideCredentials(*own);
    if (auto status = section->Register(registry, client); !status.ok()) return status;
  }
  return absl::OkStatus();
}

// One carrier's adapter for tenants with their own credentials, and the
// shared one for everyone else. Each adapter keeps its own token cache.
class TenantRoutedSource final : public adapters::TrackingSource {
 public:
  TenantRoutedSource(
      std::unique_ptr<adapters::TrackingSource> shared,
      absl::flat_hash_map<std::string, std::unique_ptr<adapters::TrackingSource>> by_tenant)
      : shared_(std::move(shared)), by_tenant_(std::move(by_tenant)) {}

  absl::string_view name() const override { return shared_->name(); }
  v1::Carrier carrier() const override { return shared_->carrier(); }

  void Track(const adapters::TrackQuery& query, adapters::ShipmentCallback done) override {
    auto it = by_tenant_.find(query.tenant);
    adapters::TrackingSource& source = it == by_tenant_.end() ? *shared_ : *it->second;
    source.Track(query, std::move(done));
  }

  void SubscribePushes(const adapters::PushSubscriptionQuery& query,
                       adapters::PushSubscriptionCallback done) override {
    auto it = by_tenant_.find(query.tenant);
    adapters::TrackingSource& source = it == by_tenant_.end() ? *shared_ : *it->second;
    source.SubscribePushes(query, std::move(done));
  }

 private:
  std::unique_ptr<adapters::TrackingSource> shared_;
  absl::flat_hash_map<std::string, std::unique_ptr<adapters::TrackingSource>> by_tenant_;
};

}  // namespace

absl::Status RegisterCarrierAdapters(const ServiceConfig& config, const std::string& sandbox_url,
                                     adapters::AdapterRegistry& registry,
                                     http::HttpClient& client) {
  if (auto status = RegisterAdapters(config, sandbox_url, nullptr, registry, client);
      !status.ok()) {
    return status;
  }
  // Carrier → tenant → that tenant's own adapter.
  absl::flat_hash_map<int,
                      absl::flat_hash_map<std::string, std::unique_ptr<adapters::TrackingSource>>>
      routed;
  for (const auto& [tenant, credentials] : config.tenant_carriers) {
    adapters::AdapterRegistry own;
    if (auto status = RegisterAdapters(config, sandbox_url, &credentials, own, client);
        !status.ok()) {
      return status;
    }
    for (const adapters::TrackingSource* source : own.All()) {
      const v1::Carrier carrier = source->carrier();
      routed[carrier][tenant] = own.Take(carrier);
    }
  }
  for (auto& [carrier, by_tenant] : routed) {
    std::unique_ptr<adapters::TrackingSource> shared =
        registry.Take(static_cast<v1::Carrier>(carrier));
    if (shared == nullptr) continue;
    registry.Add(std::make_unique<TenantRoutedSource>(std::move(shared), std::move(by_tenant)));
  }
  return absl::OkStatus();
}

absl::flat_hash_map<std::string, cache::RateLimit> CarrierRateLimits(const ServiceConfig& config) {
  absl::flat_hash_map<std::string, cache::RateLimit> limits = config.rate_limits;
  for (const adapters::CarrierDescriptor* carrier : adapters::AllCarriers()) {
    if (!carrier->rate_limit.unlimited()) {
      limits.try_emplace(std::string(carrier->name), carrier->rate_limit);
    }
  }
  return limits;
}

namespace {

// Amazon SP-API: the `amazon` section, or the sandbox's. Null when neither.
absl::StatusOr<std::unique_ptr<adapters::OrderSource>> MakeAmazonOrderSource(
    const ServiceConfig& config, const std::string& sandbox_url, http::HttpClient& client,
    cache::RateLimiter& limiter) {
  adapters::amazon::SpApiSettings amazon = config.amazon;
  if (!config.amazon_configured) {
    if (sandbox_url.empty()) return nullptr;
    amazon.lwa_url = sandbox_url;
    // Each region under its own prefix, so the sandbox can tell them apart.
    for (const char* region : {"na", "eu", "fe"}) {
      amazon.endpoints.try_emplace(region, absl::StrCat(sandbox_url, "/sp-api/", region));
    }
    amazon.client_id = std::string(sandbox::kSandboxClientId);
    amazon.client_secret = std::string(sandbox::kSandboxClientSecret);
    if (amazon.sellers.empty()) {
      // The sandbox's one seller answers for tenant "default" and every
      // configured tenant.
      const adapters::amazon::SpApiSeller seller{
          .refresh_token = std::string(sandbox::kSandboxSpApiRefreshToken)};
      amazon.sellers[std::string(auth::kDefaultTenant)] = seller;
      for (const auto& tenant : config.auth.tenants) amazon.sellers[tenant.tenant] = seller;
    }
  }
  return adapters::amazon::MakeSpApiOrderSource(client, limiter, std::move(amazon));
}

// eBay: the `ebay` section, or the sandbox's seller. Null when neither.
absl::StatusOr<std::unique_ptr<adapters::OrderSource>> MakeEbaySource(
    const ServiceConfig& config, const std::string& sandbox_url, http::HttpClient& client,
    cache::RateLimiter& /*limiter*/) {
  adapters::ebay::EbaySettings ebay = config.ebay;
  if (!config.ebay_configured) {
    if (sandbox_url.empty()) return nullptr;
    ebay.api_url = sandbox_url;
    ebay.identity_url = sandbox_url;
    ebay.client_id = std::string(sandbox::kSandboxClientId);
    ebay.client_secret = std::string(sandbox::kSandboxClientSecret);
    // The sandbox's one seller answers for tenant "default" and every
    // configured tenant.
    const adapters::ebay::EbaySeller seller{.refresh_token =
                                                std::string(sandbox::kSandboxEbayRefreshToken)};
    ebay.sellers[std::string(auth::kDefaultTenant)] = seller;
    for (const auto& tenant : config.auth.tenants) ebay.sellers[tenant.tenant] = seller;
  }
  return adapters::ebay::MakeEbayOrderSource(client, std::move(ebay));
}

// Shopify: the `shopify` section, or the sandbox's shop. Null when neither.
absl::StatusOr<std::unique_ptr<adapters::OrderSource>> MakeShopifySource(
    const ServiceConfig& config, const std::string& sandbox_url, http::HttpClient& client,
    cache::RateLimiter& limiter) {
  adapters::shopify::ShopifySettings shopify = config.shopify;
  if (!config.shopify_configured) {
    if (sandbox_url.empty()) return nullptr;
    shopify.base_url = absl::StrCat(sandbox_url, "/shopify/{shop}");
    if (shopify.shops.empty()) {
      // The sandbox's one shop answers for tenant "default" and every
      // configured tenant.
      const adapters::shopify::ShopifyShop shop{
          .shop = std::string(sandbox::kSandboxShopifyShop),
          .access_token = std::string(sandbox::kSandboxShopifyAccessToken)};
      shopify.shops[std::string(auth::kDefaultTenant)] = shop;
      for (const auto& tenant : config.auth.tenants) shopify.shops[tenant.tenant] = shop;
    }
  }
  return adapters::shopify::MakeShopifyOrderSource(client, limiter, std::move(shopify));
}

}  // namespace

absl::Status RegisterOrderSources(const ServiceConfig& config, const std::string& sandbox_url,
                                  http::HttpClient& client, cache::RateLimiter& limiter,
                                  adapters::OrderSourceRegistry& sources) {
  // One entry per channel; a maker returns null when the channel has neither
  // a section nor the sandbox.
  using Maker = absl::StatusOr<std::unique_ptr<adapters::OrderSource>> (*)(
      const ServiceConfig&, const std::string&, http::HttpClient&, cache::RateLimiter&);
  const std::pair<v1::SalesChannel, Maker> makers[] = {
      {v1::SALES_CHANNEL_AMAZON, &MakeAmazonOrderSource},
      {v1::SALES_CHANNEL_EBAY, &MakeEbaySource},
      {v1::SALES_CHANNEL_SHOPIFY, &MakeShopifySource},
  };
  for (const auto& [channel, make] : makers) {
    auto source = make(config, sandbox_url, client, limiter);
    if (!source.ok()) return source.status();
    if (*source != nullptr) sources.Add(channel, *std::move(source));
  }
  return absl::OkStatus();
}

}  // namespace trackenrich::server
