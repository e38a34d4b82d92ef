// Pure builder for La Poste's tracking request (API Suivi v2).
//
//   HttpRequest track = BuildLaPosteTrackRequest("6A12345678903", okapi_key, "en_GB");
//   // GET /suivi/v2/idships/6A12345678903?lang=en_GB
//
// API (developer.laposte.fr/catalog-apis/suivi@2, La Poste's OpenAPI
// "Swagger SUIVI" for https://api.laposte.fr/suivi/v2): GET
// /idships/{idship}?lang=..., with the application's key in the X-Okapi-Key
// header (never in the URL) and Accept: application/json (the only format;
// XML is deprecated). {idship} takes 1 to 10 numbers separated by commas;
// this adapter sends one. lang is one of fr_FR (La Poste's default), en_GB,
// de_DE, es_ES, it_IT, nl_NL: the language of the labels. The portal's plan
// allows 10 calls per second.
#ifndef TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_REQUEST_H_
#define TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_REQUEST_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::la_poste {

inline constexpr absl::string_view kLaPosteTrackPath = "/suivi/v2/idships/";

// The languages the lang parameter takes, as La Poste publishes them.
bool IsLaPosteLanguage(absl::string_view lang);

// `tracking_number` must already be normalized ([A-Z0-9]); it is
// percent-encoded all the same, so nothing can change the path.
http::HttpRequest BuildLaPosteTrackRequest(absl::string_view tracking_number,
                                           absl::string_view okapi_key, absl::string_view lang);

}  // namespace trackenrich::adapters::la_poste

#endif  // TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_REQUEST_H_
