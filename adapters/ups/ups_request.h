// Pure builders for the UPS OAuth and Track API requests.
//
//   HttpRequest token = BuildUpsTokenRequest(client_id, client_secret);
//   HttpRequest track = BuildUpsTrackRequest("1Z999AA10123456784", access_token, trans_id,
//   "en_US");
//
// API: POST /security/v1/oauth/token (HTTP Basic, grant_type=client_credentials);
// GET /api/track/v1/details/{inquiryNumber} with the required transId and
// transactionSrc headers (UPS-API/api-documentation, Tracking.yaml).
#ifndef TRACKENRICH_ADAPTERS_UPS_UPS_REQUEST_H_
#define TRACKENRICH_ADAPTERS_UPS_UPS_REQUEST_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::ups {

inline constexpr absl::string_view kUpsTokenPath = "/security/v1/oauth/token";
inline constexpr absl::string_view kUpsTrackPath = "/api/track/v1/details/";

http::HttpRequest BuildUpsTokenRequest(absl::string_view client_id,
                                       absl::string_view client_secret);

// `tracking_number` must already be normalized ([A-Z0-9]).
http::HttpRequest BuildUpsTrackRequest(absl::string_view tracking_number,
                                       absl::string_view access_token,
                                       absl::string_view transaction_id, absl::string_view locale);

}  // namespace trackenrich::adapters::ups

#endif  // TRACKENRICH_ADAPTERS_UPS_UPS_REQUEST_H_
