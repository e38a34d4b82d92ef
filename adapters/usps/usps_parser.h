// Pure parsers for USPS Tracking v3 responses: bytes in, canonical values
// out. No sockets, clocks or globals, so fixture tests and fuzzers drive them.
//
//   absl::StatusOr<v1::Shipment> shipment = ParseUspsTrackResponse(response, "9400...");
//
// Quirks handled (sources: ../shared/fixtures/usps, reference §4.3):
// - times: eventTimestamp is the local wall time, GMTTimestamp the instant
//   and GMTOffset the local offset ("-05:00", or "-7:00" with one hour digit
//   in the OpenAPI example). With GMTTimestamp the event is exact; with only
//   GMTOffset the wall time is read in that offset; with neither the wall
//   time is read as UTC and offset_known = false. USPS's README sample ends
//   eventTimestamp in "Z" although it is local (its summary says 7:31 am for
//   "07:31:00Z"), so a "Z" there is not trusted as UTC either;
// - the package state comes from statusCategory (Publication 199 App. G),
//   refined by the status text ("Delivered, To Original Sender" is
//   RETURNED; "In Transit, Arriving Late" is DELAYED); events are mapped
//   from their codes and texts;
// - "Delivered, Parcel Locker": the text after "Delivered, " is the delivery
//   location of the proof of delivery;
// - mailClass carries HTML ("Priority Mail<SUP>&reg;</SUP>"): stripped;
// - the expand=SUMMARY shape ({"TrackResults": {"TrackInfo": {"TrackSummary"}}})
//   gives a shipment without events, its state read from the summary text;
// - a 200 without events whose summary says USPS could not locate the item
//   is NOT_FOUND.
// Errors: 404 → NOT_FOUND; 400 naming the tracking number → NOT_FOUND (an
// invalid number, a Valid Tracking Rate risk); other 400 → INTERNAL; 401/403
// (e.g. a token without the tracking scope) → FAILED_PRECONDITION; 429 →
// RESOURCE_EXHAUSTED with Retry-After; 5xx → UNAVAILABLE.
#ifndef TRACKENRICH_ADAPTERS_USPS_USPS_PARSER_H_
#define TRACKENRICH_ADAPTERS_USPS_USPS_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/http/http_message.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::usps {

absl::StatusOr<OAuthToken> ParseUspsTokenResponse(const http::HttpResponse& response,
                                                  absl::Time now);

// `requested_number` names the shipment (USPS masks it in some samples).
absl::StatusOr<v1::Shipment> ParseUspsTrackResponse(const http::HttpResponse& response,
                                                    absl::string_view requested_number);

}  // namespace trackenrich::adapters::usps

#endif  // TRACKENRICH_ADAPTERS_USPS_USPS_PARSER_H_
