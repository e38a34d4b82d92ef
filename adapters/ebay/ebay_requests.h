// Pure builders for the eBay calls an order lookup makes: the OAuth
// refresh-token grant that turns a seller's long-lived consent into a User
// access token, and the two Sell Fulfillment API reads. None asks for more
// than the order and its shipping fulfillments; the buyer's data that eBay
// returns with the order is never read (ebay_parser.h).
//
//   HttpRequest token = BuildEbayTokenRequest(client_id, client_secret, refresh_token,
//                                             kEbayFulfillmentReadScope);
//   HttpRequest order = BuildEbayGetOrderRequest("12-34567-89012", access_token);
//
// APIs (developer.ebay.com):
// - Refresh token grant (api-docs/static/oauth-refresh-token-request.html):
//   POST /identity/v1/oauth2/token, Authorization: Basic
//   base64(client_id:client_secret), form grant_type=refresh_token,
//   refresh_token, scope (space-separated; equal to or a subset of the scopes
//   the seller consented to). A User access token lasts about two hours.
// - getOrder: GET /sell/fulfillment/v1/order/{orderId};
//   getShippingFulfillments: GET /sell/fulfillment/v1/order/{orderId}/
//   shipping_fulfillment. Both accept the scope sell.fulfillment.readonly
//   (the Fulfillment API's OpenAPI contract, security api_auth). The access
//   token travels as Authorization: Bearer.
// Secrets travel only in headers and the form body, never in a URL.
#ifndef TRACKENRICH_ADAPTERS_EBAY_EBAY_REQUESTS_H_
#define TRACKENRICH_ADAPTERS_EBAY_EBAY_REQUESTS_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::ebay {

inline constexpr absl::string_view kEbayTokenPath = "/identity/v1/oauth2/token";
inline constexpr absl::string_view kEbayOrderPath = "/sell/fulfillment/v1/order/";
inline constexpr absl::string_view kEbayFulfillmentsSuffix = "/shipping_fulfillment";
// Read-only access to the seller's orders and fulfillments: all a lookup needs.
inline constexpr absl::string_view kEbayFulfillmentReadScope =
    "https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly";

http::HttpRequest BuildEbayTokenRequest(absl::string_view client_id,
                                        absl::string_view client_secret,
                                        absl::string_view refresh_token, absl::string_view scope);

http::HttpRequest BuildEbayGetOrderRequest(absl::string_view order_id,
                                           absl::string_view access_token);

http::HttpRequest BuildEbayGetShippingFulfillmentsRequest(absl::string_view order_id,
                                                          absl::string_view access_token);

}  // namespace trackenrich::adapters::ebay

#endif  // TRACKENRICH_ADAPTERS_EBAY_EBAY_REQUESTS_H_
