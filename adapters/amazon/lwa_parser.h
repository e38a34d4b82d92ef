// Pure parser for the Login with Amazon token response.
//
//   absl::StatusOr<OAuthToken> token = ParseLwaTokenResponse("amazon_shipping", response, now);
//
// Success: {"access_token": "Atza|...", "token_type": "bearer", "expires_in": 3600, ...}.
// Errors: LWA answers 400/401 with {"error": "invalid_grant" | "invalid_client",
// "error_description": ...} when the refresh token or the app's credentials
// are wrong or revoked → FAILED_PRECONDITION naming `adapter` (the seller
// must re-authorize the app; the caller's own credentials are fine); 429 →
// RESOURCE_EXHAUSTED; 5xx → UNAVAILABLE. No token or secret is ever echoed.
#ifndef TRACKENRICH_ADAPTERS_AMAZON_LWA_PARSER_H_
#define TRACKENRICH_ADAPTERS_AMAZON_LWA_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/http/http_message.h"

namespace trackenrich::adapters::amazon {

// `adapter` names the caller in errors ("amazon_shipping", "sp_api").
absl::StatusOr<OAuthToken> ParseLwaTokenResponse(absl::string_view adapter,
                                                 const http::HttpResponse& response,
                                                 absl::Time now);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_LWA_PARSER_H_
