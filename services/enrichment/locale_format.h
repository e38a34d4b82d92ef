// Dates written the way a buyer reads them in their language, for reply
// placeholders ({eta}, {delivered_date}). Month and weekday names are spelled
// out so "03/04" can never be read as the wrong day.
//
//   absl::CivilDay day(2026, 1, 30);
//   FormatLongDate(day, "en-US", true);   // "Friday, January 30, 2026"
//   FormatLongDate(day, "en", true);      // "Friday, 30 January 2026"
//   FormatLongDate(day, "de-AT", true);   // "Freitag, 30. Jänner 2026"
//   FormatLongDate(day, "it", false);     // "30 gennaio 2026"
//   FormatLongDate(day, "fr", true);      // "vendredi 30 janvier 2026"
//   FormatLongDate(day, "es", true);      // "viernes 30 de enero de 2026"
//   FormatLongDate(day, "nl", true);      // "2026-01-30" (no names for the language)
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_LOCALE_FORMAT_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_LOCALE_FORMAT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace trackenrich::enrichment {

// `language_tag` is a BCP 47 tag; its region picks the variant where the
// language's countries differ (en-US and en-CA write month first; de-AT
// says "Jänner"). Unknown languages get ISO 8601.
std::string FormatLongDate(absl::CivilDay day, absl::string_view language_tag, bool with_weekday);

// Two days as a range in the same style without weekdays:
// "30 January 2026 – 2 February 2026"; one day when `first` == `last`.
std::string FormatDateRange(absl::CivilDay first, absl::CivilDay last,
                            absl::string_view language_tag);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_LOCALE_FORMAT_H_
