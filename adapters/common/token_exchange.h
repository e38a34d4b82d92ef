// SendWithToken: one upstream exchange that carries a cached access token,
// fetched (single-flight) when there is none and refreshed once when the
// upstream rejects it. The glue of the OAuth-style adapters (FedEx,
// USPS, Amazon Shipping, DPD's login token) uses it.
//
//   SendWithToken(client_, endpoint_, tokens_, deadline,
//                 [&](absl::string_view token) { return BuildFedexTrackRequest(numbers, token); },
//                 [](absl::StatusOr<http::HttpResponse> response) { ... });
//
// Contract: `done` runs exactly once, on an I/O thread (or inline when the
// token fetch fails at once), with the upstream's response (any HTTP status)
// or with the token fetch's or the transport's failure. When `rejected` says
// the response refused the token (default: HTTP 401), the token is dropped
// from the cache and the exchange is sent once more with a fresh one: tokens
// expire early and some upstreams revoke the old token when a new one is
// issued (USPS, libretrack#62).
#ifndef TRACKENRICH_ADAPTERS_COMMON_TOKEN_EXCHANGE_H_
#define TRACKENRICH_ADAPTERS_COMMON_TOKEN_EXCHANGE_H_

#include <functional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/http/http_client.h"
#include "adapters/http/http_message.h"

namespace trackenrich::adapters {

using TokenRequestBuilder = std::function<http::HttpRequest(absl::string_view token)>;
using TokenRejected = std::function<bool(const http::HttpResponse& response)>;

bool IsHttpUnauthorized(const http::HttpResponse& response);

// A TokenFetcher's body for an endpoint that answers the standard OAuth 2.0
// token response (oauth_token_response.h): counts a refresh of `endpoint`,
// sends `request` and calls `done` with the token or the failure, named
// `adapter` ("ebay oauth (tenant 'acme')"). `client` and `endpoint` must
// outlive the exchange.
void FetchOAuthToken(http::HttpClient& client, const http::Endpoint& endpoint,
                     http::HttpRequest request, absl::Time deadline, std::string adapter,
                     TokenFetchCallback done);

// The same for an endpoint whose token response has its own shape (UPS's
// expires_in and error bodies): `parse` reads a response that arrived.
using TokenResponseParser = absl::StatusOr<OAuthToken> (*)(const http::HttpResponse& response,
                                                           absl::Time now);
void FetchOAuthToken(http::HttpClient& client, const http::Endpoint& endpoint,
                     http::HttpRequest request, absl::Time deadline, std::string adapter,
                     TokenResponseParser parse, TokenFetchCallback done);

// `client`, `endpoint` and `tokens` must outlive the exchange (adapters own
// them for the life of the service).
void SendWithToken(http::HttpClient& client, const http::Endpoint& endpoint,
                   OAuthTokenCache& tokens, absl::Time deadline, TokenRequestBuilder build,
                   http::ResponseCallback done, TokenRejected rejected = IsHttpUnauthorized);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_TOKEN_EXCHANGE_H_
