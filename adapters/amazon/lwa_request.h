// Pure builder for the Login with Amazon (LWA) token exchange that every
// Selling Partner API call starts from: a seller's long-lived refresh token
// becomes a one-hour access token, sent as the x-amz-access-token header.
// Shared by Amazon Shipping and the SP-API order sources.
//
//   HttpRequest token = BuildLwaTokenRequest(client_id, client_secret, refresh_token);
//
// API (developer-docs.amazon.com, SP-API migration for private developers;
// reference/upstream-apis.md §3.6): POST https://api.amazon.com/auth/o2/token,
// form grant_type=refresh_token, refresh_token, client_id, client_secret.
// Every secret travels in the form body, never in the URL; the access token
// "expires one hour after it is issued".
#ifndef TRACKENRICH_ADAPTERS_AMAZON_LWA_REQUEST_H_
#define TRACKENRICH_ADAPTERS_AMAZON_LWA_REQUEST_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::amazon {

inline constexpr absl::string_view kLwaTokenPath = "/auth/o2/token";

http::HttpRequest BuildLwaTokenRequest(absl::string_view client_id, absl::string_view client_secret,
                                       absl::string_view refresh_token);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_LWA_REQUEST_H_
