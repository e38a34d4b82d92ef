// Pure builders for the FedEx OAuth and Track API requests.
//
//   HttpRequest token = BuildFedexTokenRequest(client_id, client_secret);
//   HttpRequest track = BuildFedexTrackRequest({"123456789012", "998877665544"}, access_token);
//
// API (developer.fedex.com, reference/upstream-apis.md §4.2):
// - POST /oauth/token, form grant_type=client_credentials, client_id,
//   client_secret (in the body, never in the URL); tokens last 60 minutes;
// - POST /track/v1/trackingnumbers with up to 30 numbers per call:
//   {"includeDetailedScans": true,
//    "trackingInfo": [{"trackingNumberInfo": {"trackingNumber": "..."}}, ...]}.
//   The POST is a query, so it is safe to retry.
#ifndef TRACKENRICH_ADAPTERS_FEDEX_FEDEX_REQUEST_H_
#define TRACKENRICH_ADAPTERS_FEDEX_FEDEX_REQUEST_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::fedex {

inline constexpr absl::string_view kFedexTokenPath = "/oauth/token";
inline constexpr absl::string_view kFedexTrackPath = "/track/v1/trackingnumbers";
// FedEx Track API: "up to 30 tracking numbers" per request.
inline constexpr size_t kFedexMaxNumbersPerRequest = 30;

http::HttpRequest BuildFedexTokenRequest(absl::string_view client_id,
                                         absl::string_view client_secret);

// `tracking_numbers` are normalized ([A-Z0-9]); at most kFedexMaxNumbersPerRequest.
http::HttpRequest BuildFedexTrackRequest(const std::vector<std::string>& tracking_numbers,
                                         absl::string_view access_token);

}  // namespace trackenrich::adapters::fedex

#endif  // TRACKENRICH_ADAPTERS_FEDEX_FEDEX_REQUEST_H_
