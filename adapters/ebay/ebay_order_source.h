// The eBay order source: Sell Fulfillment API lookups per seller tenant.
// getOrder, then (once eBay says fulfillment started) getShippingFulfillments;
// each fulfillment becomes a package that the lookup pipeline tracks through
// our carrier adapters.
//
//   auto source = MakeEbayOrderSource(http_client, settings);
//   source->GetOrder({.tenant = "acme", .order_id = "12-34567-89012",
//                     .channel = v1::SALES_CHANNEL_EBAY, .deadline = deadline}, done);
//
// Each seller's User access token comes from the OAuth refresh-token grant
// (ebay_requests.h) with the app's client ID and secret as Basic auth and
// the seller's refresh token; it is cached per tenant (OAuthTokenCache: one
// fetch at a time however many lookups wait, refreshed a minute before it
// expires) and fetched again once when eBay answers 401 for it. Upstream
// traffic is reported as one upstream, "ebay" (the token endpoint and the
// Fulfillment API share eBay's host), token fetches counted as its refreshes.
// Errors: FAILED_PRECONDITION naming the tenant and the config keys when
// the tenant has no eBay seller or its credentials are incomplete; the
// token endpoint's refusal (FAILED_PRECONDITION); EbayError's codes
// (ebay_errors.h) otherwise.
#ifndef TRACKENRICH_ADAPTERS_EBAY_EBAY_ORDER_SOURCE_H_
#define TRACKENRICH_ADAPTERS_EBAY_EBAY_ORDER_SOURCE_H_

#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"

#include "adapters/http/http_client.h"
#include "adapters/order_source.h"

namespace trackenrich::adapters::ebay {

// One seller's consent to the application (from the authorization-code grant).
struct EbaySeller {
  std::string refresh_token;
};

struct EbaySettings {
  // The Fulfillment API's base URL (eBay's sandbox: https://api.sandbox.ebay.com).
  std::string api_url = "https://api.ebay.com";
  // The OAuth token endpoint's base URL.
  std::string identity_url = "https://api.ebay.com";
  // The application's keys (App ID and Cert ID).
  std::string client_id;
  std::string client_secret;
  // Scopes asked for on refresh: equal to or a subset of the seller's consent.
  std::string scope = "https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly";
  // Sellers by tenant.
  std::map<std::string, EbaySeller> sellers;
};

// INVALID_ARGUMENT naming the key (ebay.api_url, ebay.identity_url) when a
// URL does not parse. `client` must outlive the source.
absl::StatusOr<std::unique_ptr<OrderSource>> MakeEbayOrderSource(http::HttpClient& client,
                                                                 EbaySettings settings);

}  // namespace trackenrich::adapters::ebay

#endif  // TRACKENRICH_ADAPTERS_EBAY_EBAY_ORDER_SOURCE_H_
