#include "services/server/carrier_wiring.h"

#include <utility>

#include "services/sandbox/amazon_shipping_scenarios.h"
#include "services/sandbox/dhl_scenarios.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/sp_api_scenarios.h"

namespace trackenrich::server {

absl::Status RegisterCarrierAdapters(const ServiceConfig& config, const std::string& sandbox_url,
                                     adapters::AdapterRegistry& registry,
                                     http::HttpClient& client) {
  const bool sandbox = !sandbox_url.empty();
  const std::string sandbox_id(sandbox::kSandboxClientId);
  const std::string sandbox_secret(sandbox::kSandboxClientSecret);

  if (sandbox || config.fedex_configured) {
    adapters::fedex::FedexSettings fedex = config.fedex;
    if (!config.fedex_configured) {
      fedex.base_url = sandbox_url;
      fedex.client_id = sandbox_id;
      fedex.client_secret = sandbox_secret;
    }
    if (auto status = adapters::fedex::RegisterFedexAdapter(registry, client, std::move(fedex));
        !status.ok()) {
      return status;
    }
  }
  if (sandbox || config.usps_configured) {
    adapters::usps::UspsSettings usps = config.usps;
    if (!config.usps_configured) {
      usps.base_url = sandbox_url;
      usps.client_id = sandbox_id;
      usps.client_secret = sandbox_secret;
    }
    if (auto status = adapters::usps::RegisterUspsAdapter(registry, client, std::move(usps));
        !status.ok()) {
      return status;
    }
  }
  if (sandbox || config.dhl_configured) {
    adapters::dhl::DhlSettings dhl = config.dhl;
    if (!config.dhl_configured) {
      dhl.base_url = sandbox_url;
      dhl.api_key = std::string(sandbox::kSandboxDhlApiKey);
    }
    if (auto status = adapters::dhl::RegisterDhlAdapter(registry, client, std::move(dhl));
        !status.ok()) {
      return status;
    }
  }
  if (sandbox || config.dpd_configured) {
    adapters::dpd::DpdSettings dpd = config.dpd;
    if (!config.dpd_configured) {
      dpd.base_url = sandbox_url;
      dpd.delis_id = sandbox_id;
      dpd.password = sandbox_secret;
    }
    if (auto status = adapters::dpd::RegisterDpdAdapter(registry, client, std::move(dpd));
        !status.ok()) {
      return status;
    }
  }
  if (sandbox || config.amazon_shipping_configured) {
    adapters::amazon_shipping::AmazonShippingSettings amazon = config.amazon_shipping;
    if (!config.amazon_shipping_configured) {
      amazon.base_url = sandbox_url;
      amazon.lwa_url = sandbox_url;
      amazon.client_id = sandbox_id;
      amazon.client_secret = sandbox_secret;
      amazon.refresh_token = std::string(sandbox::kSandboxRefreshToken);
    }
    if (auto status = adapters::amazon_shipping::RegisterAmazonShippingAdapter(registry, client,
                                                                               std::move(amazon));
        !status.ok()) {
      return status;
    }
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
    for (const char* region : {"na", "eu", "fe"}) amazon.endpoints.try_emplace(region, sandbox_url);
    amazon.client_id = std::string(sandbox::kSandboxClientId);
    amazon.client_secret = std::string(sandbox::kSandboxClientSecret);
    if (amazon.sellers.empty()) {
      amazon.sellers["default"] = {.refresh_token =
                                       std::string(sandbox::kSandboxSpApiRefreshToken)};
    }
  }
  return adapters::amazon::MakeSpApiOrderSource(client, limiter, std::move(amazon));
}

}  // namespace trackenrich::server
