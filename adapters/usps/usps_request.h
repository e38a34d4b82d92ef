// Pure builders for the USPS OAuth and Tracking v3 requests.
//
//   HttpRequest token = BuildUspsTokenRequest(client_id, client_secret);
//   HttpRequest track = BuildUspsTrackRequest("9400109104250532908587", access_token);
//
// API (USPS Tracking 3.x OpenAPI, reference/upstream-apis.md §4.3):
// - POST /oauth2/v3/token, form grant_type=client_credentials, client_id,
//   client_secret and scope=tracking (tracking access is a separately approved
//   scope: USPS/api-examples #28, #56); credentials travel in the body only;
// - GET /tracking/v3/tracking/{trackingNumber}?expand=DETAIL with the bearer token.
// USPS's default quota is 60 calls an hour, token calls included, so the token
// is cached (OAuthTokenCache) and never fetched per lookup.
#ifndef TRACKENRICH_ADAPTERS_USPS_USPS_REQUEST_H_
#define TRACKENRICH_ADAPTERS_USPS_USPS_REQUEST_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::usps {

inline constexpr absl::string_view kUspsTokenPath = "/oauth2/v3/token";
inline constexpr absl::string_view kUspsTrackPath = "/tracking/v3/tracking/";

http::HttpRequest BuildUspsTokenRequest(absl::string_view client_id,
                                        absl::string_view client_secret);

// `tracking_number` must already be normalized ([A-Z0-9]).
http::HttpRequest BuildUspsTrackRequest(absl::string_view tracking_number,
                                        absl::string_view access_token);

}  // namespace trackenrich::adapters::usps

#endif  // TRACKENRICH_ADAPTERS_USPS_USPS_REQUEST_H_
