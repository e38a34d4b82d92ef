// Pure parsers for DPD's SOAP answers (login and parcel life cycle): bytes
// in, canonical values out. XML is read with Boost.PropertyTree's
// xml_parser (header-only); its exceptions are caught here and become
// statuses, so nothing throws past these functions.
//
//   absl::StatusOr<OAuthToken> token = ParseDpdLoginResponse(response, absl::Now());
//   absl::StatusOr<v1::Shipment> shipment = ParseDpdTrackResponse(response, "05308801410058");
//
// Quirks handled (sources: ../shared/fixtures/other/dpd, reference §4.5):
// - element names carry namespace prefixes ("soap:Envelope",
//   "ns:authenticationFault"): matched by local name;
// - only statusInfo entries with statusHasBeenReached = true are events (the
//   rest are the planned route); the one with isCurrentStatus = true is the
//   shipment's state, else the newest reached one;
// - dates are local wall times in the messageLanguage's format
//   ("8/17/2021 7:11:26 PM" for en_EN; "17.08.2021 19:11:26" is read too),
//   without an offset: the offset comes from the country in the event's
//   location ("Mechelen (BE)") by EU summer-time rule (DpdUtcOffset), and
//   offset_known = false;
// - an empty trackingresult means DPD has no such parcel → NOT_FOUND;
// - SOAP faults arrive with HTTP 500: authenticationFault
//   (DELICOM_ERR_AUTHENTICATION, an expired or wrong token or login) →
//   FAILED_PRECONDITION; other faults → UNAVAILABLE;
// - authTokenExpires is DPD's local time without an offset
//   ("2020-05-08T13:02:56.06"): read as Central European time; a value that
//   does not parse or lies in the past gives the token one hour.
// Documents nested deeper than 64 elements are rejected before parsing (the
// XML reader recurses per level).
#ifndef TRACKENRICH_ADAPTERS_DPD_DPD_PARSER_H_
#define TRACKENRICH_ADAPTERS_DPD_DPD_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/http/http_message.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::dpd {

// `now` bounds the token's life when DPD's expiry cannot be used.
absl::StatusOr<OAuthToken> ParseDpdLoginResponse(const http::HttpResponse& response,
                                                 absl::Time now);

absl::StatusOr<v1::Shipment> ParseDpdTrackResponse(const http::HttpResponse& response,
                                                   absl::string_view requested_number);

// True when a response is DPD's refusal of the token or login (the adapter
// then fetches a new token once).
bool IsDpdAuthenticationFault(const http::HttpResponse& response);

}  // namespace trackenrich::adapters::dpd

#endif  // TRACKENRICH_ADAPTERS_DPD_DPD_PARSER_H_
