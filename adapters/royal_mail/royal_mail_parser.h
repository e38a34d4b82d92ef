// Pure parser for Royal Mail Tracking API v2 events responses: bytes in,
// canonical values out. No sockets, clocks or globals.
//
//   absl::StatusOr<v1::Shipment> shipment =
//       ParseRoyalMailEventsResponse(response, "FQ087430672GB");
//
// The payload (Royal Mail Tracking API V2 (REST) Technical User Guide, as its
// examples show): {"mailPieces": {"mailPieceId", "carrierShortName",
// "summary": {"oneDBarcode", "productName", "lastEventCode",
// "lastEventName", "lastEventDateTime", "statusCategory", ...},
// "signature": {"recipientName", "signatureDateTime", "imageId"},
// "estimatedDelivery": {"date", "startOfEstimatedWindow",
// "endOfEstimatedWindow"}, "events": [{"eventCode", "eventName",
// "eventDateTime", "locationName"}], "links": {...}}}.
// - eventDateTime carries the UK offset ("2016-10-20T10:04:00+01:00"): events
//   are kept in UTC with that offset; events come newest first, the Shipment
//   lists them oldest first; an event without a parsable time is dropped;
// - the state is the crosswalk's (royal_mail_status_map.h) for
//   summary.lastEventCode, else for the newest event; raw codes and names
//   are kept on each event and the shipment;
// - locationName ("Stafford DO") is a Royal Mail site: kept as the facility;
// - signature (proof of delivery: who signed, when, the image's ID) is read
//   for a delivered item only.
// Errors (httpCode/httpMessage/moreInformation/errors[].errorCode): E1142
// (barcode not recognised), E1283 (tracking not offered for the product),
// E1284 and E1308 (no update yet) → NOT_FOUND; E0010 and HTTP 429 →
// RESOURCE_EXHAUSTED; E1307 (tracking unavailable), E0009, E0001 and 5xx →
// UNAVAILABLE; 401/403 (client ID or secret) → FAILED_PRECONDITION; E0004 and
// E0013 (a request we built wrong) and other 4xx → INTERNAL. A 200 without
// mailPieces is malformed (UNAVAILABLE).
#ifndef TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_PARSER_H_
#define TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::royal_mail {

absl::StatusOr<v1::Shipment> ParseRoyalMailEventsResponse(const http::HttpResponse& response,
                                                          absl::string_view requested_number);

}  // namespace trackenrich::adapters::royal_mail

#endif  // TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_PARSER_H_
