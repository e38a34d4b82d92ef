// Pure parser for DHL Shipment Tracking – Unified responses: bytes in,
// canonical values out. No sockets, clocks or globals.
//
//   absl::StatusOr<v1::Shipment> shipment = ParseDhlTrackResponse(response,
//   "00340434161094042557");
//
// Quirks handled (sources: ../shared/fixtures/dhl, reference §4.4, karrio #439):
// - statusCode versus status disagree: statusCode wins (see dhl_status_map.h);
// - timestamps come with an offset ("...+01:00", "...Z", even nanoseconds:
//   "T15:27:20.331986369+01:00"), or as a bare local time (the docs sample's
//   event); a bare time takes the offset of the nearest event that has one,
//   else the shipment status's, else UTC, with offset_known = false;
// - events come newest first; the Shipment lists them oldest first;
// - addressLocality is normally the town, but the docs sample puts a street
//   in front ("Oderweg 2, AMSTERDAM"): only the part after the last comma is
//   kept, so no street address is ever stored;
// - proof of delivery (details.proofOfDelivery) is read only for a delivered
//   shipment (the docs sample carries one on a pre-transit shipment);
// - several shipments can answer one number (different DHL divisions): the
//   one whose id is the number asked for, else the first.
// Errors: 404 problem+json "No result found" → NOT_FOUND; 200 with no
// shipments → NOT_FOUND; 400 naming the tracking number → NOT_FOUND; other
// 400 → INTERNAL; 401/403 (API key) → FAILED_PRECONDITION; 429 (daily quota,
// lasts until the next day) → RESOURCE_EXHAUSTED; 5xx → UNAVAILABLE. A body
// of another DHL API (MyDHL Express) is rejected as malformed, not guessed at.
#ifndef TRACKENRICH_ADAPTERS_DHL_DHL_PARSER_H_
#define TRACKENRICH_ADAPTERS_DHL_DHL_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::dhl {

absl::StatusOr<v1::Shipment> ParseDhlTrackResponse(const http::HttpResponse& response,
                                                   absl::string_view requested_number);

}  // namespace trackenrich::adapters::dhl

#endif  // TRACKENRICH_ADAPTERS_DHL_DHL_PARSER_H_
