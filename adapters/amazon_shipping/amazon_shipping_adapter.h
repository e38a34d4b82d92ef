// The Amazon Shipping tracking adapter: a Login with Amazon refresh-token
// exchange (cached access token) plus Amazon Shipping API v2 getTracking, for
// labels bought through Amazon Shipping (Amazon Logistics "TBA" numbers).
//
//   RegisterAmazonShippingAdapter(registry, http_client,
//       {.base_url = "https://sellingpartnerapi-na.amazon.com",
//        .lwa_url = "https://api.amazon.com", .client_id = id, .client_secret = secret,
//        .refresh_token = refresh_token, .carrier_id = "AMZN_US"});
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_ADAPTER_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_ADAPTER_H_

#include <string>

#include "absl/status/status.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"

namespace trackenrich::adapters::amazon_shipping {

struct AmazonShippingSettings {
  // The SP-API regional endpoint (NA, EU or FE).
  std::string base_url = "https://sellingpartnerapi-na.amazon.com";
  // Login with Amazon.
  std::string lwa_url = "https://api.amazon.com";
  std::string client_id;
  std::string client_secret;
  std::string refresh_token;
  // getTracking's carrierId: Amazon's own network is AMZN_<country>.
  std::string carrier_id = "AMZN_US";
  // x-amzn-shipping-business-id, e.g. "AmazonShipping_US"; empty: not sent.
  std::string business_id;
};

// Adds the Amazon Shipping adapter (carrier CARRIER_AMAZON) to `registry`.
// INVALID_ARGUMENT if a URL does not parse. With any of client_id,
// client_secret or refresh_token missing it is still registered and answers
// FAILED_PRECONDITION naming Amazon Shipping.
absl::Status RegisterAmazonShippingAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                           AmazonShippingSettings settings);

}  // namespace trackenrich::adapters::amazon_shipping

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SHIPPING_AMAZON_SHIPPING_ADAPTER_H_
