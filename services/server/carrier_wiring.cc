#include "services/server/carrier_wiring.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

#include "services/sandbox/amazon_shipping_scenarios.h"
#include "services/sandbox/dhl_scenarios.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/sp_api_scenarios.h"

namespace trackenrich::server {
namespace {

using CredentialsByCarrier = absl::flat_hash_map<std::string, CarrierCredentials>;

// Replaces `*field` with `value` when a tenant set it.
void Override(const std::string& value, std::string* field) {
  if (!value.empty()) *field = value;
}

const CarrierCredentials* Find(const CredentialsByCarrier& credentials, const char* carrier) {
  auto it = credentials.find(carrier);
  return it == credentials.end() ? nullptr : &it->second;
}

// Registers every configured (or, in sandbox mode, every) carrier's adapter
// in `registry`, with `tenant`'s credentials over the carrier sections'.
// `tenant` null: the sections' own; otherwise only the carriers it sets.
absl::Status RegisterAdapters(const ServiceConfig& config, const std::string& sandbox_url,
                              const CredentialsByCarrier* tenant,
                              adapters::AdapterRegistry& registry, http::HttpClient& client) {
  const bool sandbox = !sandbox_url.empty();
  const std::string sandbox_id(sandbox::kSandboxClientId);
  const std::string sandbox_secret(sandbox::kSandboxClientSecret);
  static const CredentialsByCarrier kNone;
  const CredentialsByCarrier& overrides = tenant == nullptr ? kNone : *tenant;
  auto wanted = [&](bool configured, const char* carrier) -> const CarrierCredentials* {
    static const CarrierCredentials kEmpty;
    if (!(sandbox || configured)) return nullptr;
    if (tenant == nullptr) return &kEmpty;
    return Find(overrides, carrier);
  };

  if (const CarrierCredentials* own = wanted(config.ups_configured, "ups")) {
    adapters::ups::UpsSettings ups = config.ups;
    if (!config.ups_configured) {
      ups.base_url = sandbox_url;
      ups.client_id = sandbox_id;
      ups.client_secret = sandbox_secret;
    }
    Override(own->client_id, &ups.client_id);
    Override(own->client_secret, &ups.client_secret);
    if (auto status = adapters::ups::RegisterUpsAdapter(registry, client, std::move(ups));
        !status.ok()) {
      return status;
    }
  }
  if (const CarrierCredentials* own = wanted(config.fedex_configured, "fedex")) {
    adapters::fedex::FedexSettings fedex = config.fedex;
    if (!config.fedex_configured) {
      fedex.base_url = sandbox_url;
      fedex.client_id = sandbox_id;
      fedex.client_secret = sandbox_secret;
    }
    Override(own->client_id, &fedex.client_id);
    Override(own->client_secret, &fedex.client_secret);
    if (auto status = adapters::fedex::RegisterFedexAdapter(registry, client, std::move(fedex));
        !status.ok()) {
      return status;
    }
  }
  if (const CarrierCredentials* own = wanted(config.usps_configured, "usps")) {
    adapters::usps::UspsSettings usps = config.usps;
    if (!config.usps_configured) {
      usps.base_url = sandbox_url;
      usps.client_id = sandbox_id;
      usps.client_secret = sandbox_secret;
    }
    Override(own->client_id, &usps.client_id);
    Override(own->client_secret, &usps.client_secret);
    if (auto status = adapters::usps::RegisterUspsAdapter(registry, client, std::move(usps));
        !status.ok()) {
      return status;
    }
  }
  if (const CarrierCredentials* own = wanted(config.dhl_configured, "dhl")) {
    adapters::dhl::DhlSettings dhl = config.dhl;
    if (!config.dhl_configured) {
      dhl.base_url = sandbox_url;
      dhl.api_key = std::string(sandbox::kSandboxDhlApiKey);
    }
    Override(own->api_key, &dhl.api_key);
    if (auto status = adapters::dhl::RegisterDhlAdapter(registry, client, std::move(dhl));
        !status.ok()) {
      return status;
    }
  }
  if (const CarrierCredentials* own = wanted(config.dpd_configured, "dpd")) {
    adapters::dpd::DpdSettings dpd = config.dpd;
    if (!config.dpd_configured) {
      dpd.base_url = sandbox_url;
      dpd.delis_id = sandbox_id;
      dpd.password = sandbox_secret;
    }
    Override(own->delis_id, &dpd.delis_id);
    Override(own->password, &dpd.password);
    if (auto status = adapters::dpd::RegisterDpdAdapter(registry, client, std::move(dpd));
        !status.ok()) {
      return status;
    }
  }
  if (const CarrierCredentials* own =
          wanted(config.amazon_shipping_configured, "amazon_shipping")) {
    adapters::amazon_shipping::AmazonShippingSettings amazon = config.amazon_shipping;
    if (!config.amazon_shipping_configured) {
      amazon.base_url = sandbox_url;
      amazon.lwa_url = sandbox_url;
      amazon.client_id = sandbox_id;
      amazon.client_secret = sandbox_secret;
      amazon.refresh_token = std::string(sandbox::kSandboxRefreshToken);
    }
    Override(own->client_id, &amazon.client_id);
    Override(own->client_secret, &amazon.client_secret);
    Override(own->refresh_token, &amazon.refresh_token);
    if (auto status = adapters::amazon_shipping::RegisterAmazonShippingAdapter(registry, client,
                                                                               std::move(amazon));
        !status.ok()) {
      return status;
    }
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

absl::StatusOr<std::unique_ptr<adapters::OrderSource>> MakeOrderSource(
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

}  // namespace trackenrich::server
