// The standard OAuth 2.0 token response (RFC 6749 §5.1 and §5.2), as FedEx,
// USPS and Login with Amazon send it. Pure: bytes in, token out.
//
//   absl::StatusOr<OAuthToken> token = ParseOAuthTokenResponse("fedex", response, absl::Now());
//
// Success: {"access_token": "...", "expires_in": 3599, ...}; expires_in may be a
// number or a string of digits (USPS sends both). Errors:
// - 400/401/403 (RFC 6749 "invalid_client", "invalid_grant", ...) and FedEx's
//   {"errors":[{"code":"NOT.AUTHORIZED.ERROR"}]} → FAILED_PRECONDITION naming
//   the adapter: the service's own credentials are wrong, the caller's are not;
// - 429 → RESOURCE_EXHAUSTED, 5xx → UNAVAILABLE;
// - 200 without access_token or a positive expires_in → UNAVAILABLE (malformed).
// Neither the credentials nor the token ever appear in a message.
#ifndef TRACKENRICH_ADAPTERS_COMMON_OAUTH_TOKEN_RESPONSE_H_
#define TRACKENRICH_ADAPTERS_COMMON_OAUTH_TOKEN_RESPONSE_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/http/http_message.h"

namespace trackenrich::adapters {

// `now` dates the token's expiry ("expires_in" is relative).
absl::StatusOr<OAuthToken> ParseOAuthTokenResponse(absl::string_view adapter,
                                                   const http::HttpResponse& response,
                                                   absl::Time now);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_OAUTH_TOKEN_RESPONSE_H_
