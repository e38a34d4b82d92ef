// Pure parsers for FedEx Track API responses: bytes in, canonical values out.
// No sockets, clocks or globals, so fixture tests and fuzzers drive them.
//
//   absl::StatusOr<FedexTrackResults> batch = ParseFedexTrackResults(response);
//   absl::StatusOr<v1::Shipment> one = ParseFedexTrackResponse(response, "123456789012");
//
// Quirks handled (sources: ../shared/fixtures/fedex, reference §4.2):
// - one response answers up to 30 numbers (output.completeTrackResults[]);
//   a number FedEx does not know comes back inside the 200 as
//   trackResults[].error {code: TRACKING.TRACKINGNUMBER.NOTFOUND} → NOT_FOUND
//   for that number only; other per-number errors → UNAVAILABLE for it;
// - FedEx's docs sample puts an "error" next to a full result: a result with
//   a latestStatusDetail is data, whatever else it carries;
// - a reused or split number has several trackResults (one per
//   trackingNumberUniqueId; karrio PR #587): the one whose newest scan is
//   latest answers;
// - scan dates carry their offset ("2024-08-20T12:41:57-04:00"); a date
//   without one ("2024-08-15T00:00:00", seen on pickup scans) is read in the
//   offset of the nearest scan of the same result that has one, else as UTC,
//   and the event says offset_known = false;
// - delivered_at comes from dateAndTimes ACTUAL_DELIVERY, and proof of
//   delivery from deliveryDetails, only for a delivered shipment (the docs
//   sample carries both on a package that was only picked up);
// - latestStatusDetail.delayDetail.status DELAYED makes a moving package
//   DELAYED (reason from delayDetail.type).
// Top-level errors: 401/403 → FAILED_PRECONDITION (the service's
// credentials), 429 → RESOURCE_EXHAUSTED, 5xx → UNAVAILABLE, 400 and 404 →
// INTERNAL (a request or base URL this service got wrong; never NOT_FOUND,
// which would be cached against every number of the batch).
#ifndef TRACKENRICH_ADAPTERS_FEDEX_FEDEX_PARSER_H_
#define TRACKENRICH_ADAPTERS_FEDEX_FEDEX_PARSER_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/http/http_message.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::fedex {

// Per number FedEx answered (normalized: upper case, [A-Z0-9]).
using FedexTrackResults = absl::flat_hash_map<std::string, absl::StatusOr<v1::Shipment>>;

absl::StatusOr<OAuthToken> ParseFedexTokenResponse(const http::HttpResponse& response,
                                                   absl::Time now);

// The whole-response error, or every number's own result.
absl::StatusOr<FedexTrackResults> ParseFedexTrackResults(const http::HttpResponse& response);

// The result for `requested_number` alone (a response to a one-number
// request names it; UNAVAILABLE when the response does not answer it).
absl::StatusOr<v1::Shipment> ParseFedexTrackResponse(const http::HttpResponse& response,
                                                     absl::string_view requested_number);

}  // namespace trackenrich::adapters::fedex

#endif  // TRACKENRICH_ADAPTERS_FEDEX_FEDEX_PARSER_H_
