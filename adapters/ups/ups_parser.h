// Pure parsers for UPS responses: bytes in, canonical values out. No sockets,
// clocks or globals, so fixture tests and fuzzers drive them directly.
//
//   absl::StatusOr<v1::Shipment> shipment = ParseUpsTrackResponse(response, "1Z...");
//
// Quirks handled:
// - "not found" arrives as HTTP 200 with warning TW0001 and no package
//   (UPS-API/api-documentation issues #102, #166) → NOT_FOUND;
// - error bodies {"response":{"errors":[{code,message}]}}: TV1002 (invalid
//   inquiry number) → NOT_FOUND; 250002/250003 (credentials) → FAILED_PRECONDITION;
// - activity times are local without an offset; when gmtDate/gmtTime/gmtOffset
//   are present they give the UTC instant and offset, otherwise the local time
//   is read as UTC and the event says offset_known = false;
// - activities come newest first; the Shipment lists them oldest first.
#ifndef TRACKENRICH_ADAPTERS_UPS_UPS_PARSER_H_
#define TRACKENRICH_ADAPTERS_UPS_UPS_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/http/http_message.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::ups {

// `now` dates the token's expiry ("expires_in" is relative).
absl::StatusOr<OAuthToken> ParseUpsTokenResponse(const http::HttpResponse& response,
                                                 absl::Time now);

// `requested_number` is the normalized number asked for; it names the
// shipment when the payload carries a placeholder.
absl::StatusOr<v1::Shipment> ParseUpsTrackResponse(const http::HttpResponse& response,
                                                   absl::string_view requested_number);

}  // namespace trackenrich::adapters::ups

#endif  // TRACKENRICH_ADAPTERS_UPS_UPS_PARSER_H_
