// Pure parser for PostNL Shippingstatus v2 responses (status by barcode):
// bytes in, canonical values out. No sockets, clocks or globals.
//
//   absl::StatusOr<v1::Shipment> shipment =
//       ParsePostnlTrackResponse(response, "3SDEVC288882229");
//
// Quirks handled (sources: PostNL's OpenAPI examples in
// tests/data/postnl, tests/data/postnl/SOURCES.md):
// - the body is {"CompleteStatus": {...}} (detail=true) or
//   {"CurrentStatus": {...}}; "Shipment" is one object, or an array for a
//   multi-collo shipment (the parcel whose Barcode, else MainBarcode, is the
//   number asked for is read, else the first); "Event" is likewise an
//   object or an array, newest first;
// - fields PostNL leaves empty arrive as {} rather than null or "";
// - times are Dutch wall times without an offset, "08-11-2022 10:13:20"
//   (sometimes with milliseconds, "00:10:11.081"), and the expected-delivery
//   window is ISO without an offset ("2022-11-08T14:50:00"): all are read as
//   Europe/Amsterdam time, CET or CEST by the EU summer-time rule
//   (PostnlUtcOffset), converted to UTC, with the offset kept on each event
//   and offset_known = false (PostNL does not state it);
// - the shipment's state comes from its newest event with a published event
//   code (the finest word PostNL has, postnl_status_map.h), else from
//   Status.StatusCode, else Status.PhaseCode; status 99 ("not applicable")
//   never decides. An unpublished event code is read from its text and
//   never makes a package DELIVERED;
// - proof of delivery: where the delivered event says the parcel was left
//   (neighbour, letterbox, parcel locker, safe place, collected at a PostNL
//   point); delivered time from that event, else the delivered status;
// - descriptions can carry HTML entities ("Parcels, domestic &lt;= 10 kg"):
//   decoded;
// - addresses: only town, postcode and country of the receiver (type 01)
//   and sender (02) are kept, never names or streets.
// Errors: 200 with an empty status and Warnings "No shipment found" (code
// 2) → NOT_FOUND; 400 fault saying the barcode is invalid or unknown →
// NOT_FOUND, other 400 (e.g. "no barcode supplied in path") → INTERNAL; 401 (apikey) →
// FAILED_PRECONDITION; 429 (1000 calls a minute per key in production, 15 in PostNL's sandbox) →
// RESOURCE_EXHAUSTED; 5xx → UNAVAILABLE; a body of another shape → UNAVAILABLE (malformed).
#ifndef TRACKENRICH_ADAPTERS_POSTNL_POSTNL_PARSER_H_
#define TRACKENRICH_ADAPTERS_POSTNL_POSTNL_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::postnl {

absl::StatusOr<v1::Shipment> ParsePostnlTrackResponse(const http::HttpResponse& response,
                                                      absl::string_view requested_number);

// A PostNL time read as Dutch local time: "dd-MM-yyyy HH:mm:ss[.fff]" or
// "yyyy-MM-ddTHH:mm:ss" (an explicit offset, should one come, is kept).
struct PostnlTime {
  absl::Time time;
  int utc_offset_seconds = 0;
  bool offset_given = false;
};
// INVALID_ARGUMENT for any other text.
absl::StatusOr<PostnlTime> ParsePostnlTime(absl::string_view text);

}  // namespace trackenrich::adapters::postnl

#endif  // TRACKENRICH_ADAPTERS_POSTNL_POSTNL_PARSER_H_
