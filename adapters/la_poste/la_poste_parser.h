// Pure parser for La Poste's tracking answers (API Suivi v2): bytes in,
// canonical values out. No sockets, clocks or globals.
//
//   absl::StatusOr<v1::Shipment> shipment = ParseLaPosteTrackResponse(response, "6A12345678903");
//
// Shape (La Poste's OpenAPI "Swagger SUIVI", developer.laposte.fr
// catalog-apis/suivi@2; the published example in
// ../shared/fixtures/other/laposte): a 200 is an array of unitary answers
// {lang, scope, returnCode, shipment}; shipment has idShip, holder (1 letter,
// 3 Chronopost, 4 Colissimo), product, isFinal, entryDate, deliveryDate,
// estimDate (estimHourMin/Max), timeline[] (5 steps: id, shortLabel, status,
// type, date, country), event[] (code, label, date: newest first) and
// contextData (originCountry, arrivalCountry, removalPoint).
//
// Quirks handled:
// - the events decide the state (the newest event's code, see
//   la_poste_status_map.h); the timeline only when there is no event, and
//   neither isFinal nor the timeline ever makes a shipment delivered (DI2,
//   back with the sender, is final and on step 5 too);
// - dates carry an offset ("2023-03-09T09:38:00+01:00"); a date without one
//   takes the nearest event's offset, else entryDate's, else +01:00 (France
//   in winter), with offset_known = false;
// - deliveryDate is the delivered time of a delivered shipment (the DI event's
//   date otherwise); it is ignored for any other state;
// - a single object (not an array) is read as one unitary answer, as La Poste
//   sends its errors; in an array, the answer whose idShip is the number.
// Errors (returnCode in the body, else the HTTP status): returnCode 104
// ("your tracking is not available yet": no record of the item yet, HTTP 404)
// → a shipment in state NOT_FOUND, not an error; 400 (the number is not
// valid) and the other 404 codes → NOT_FOUND with La Poste's message; 401
// (the Okapi key) → FAILED_PRECONDITION; 429 → RESOURCE_EXHAUSTED; 5xx and
// returnCode 504 → UNAVAILABLE; a 200 that is not this shape → UNAVAILABLE
// (malformed).
#ifndef TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_PARSER_H_
#define TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::la_poste {

// The display name shipments carry (and the carrier's name in replies).
inline constexpr absl::string_view kLaPosteDisplayName = "La Poste / Colissimo";

absl::StatusOr<v1::Shipment> ParseLaPosteTrackResponse(const http::HttpResponse& response,
                                                       absl::string_view requested_number);

}  // namespace trackenrich::adapters::la_poste

#endif  // TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_PARSER_H_
