// Long dates in the buyer's language and region.
#include "services/enrichment/locale_format.h"

#include <catch2/catch.hpp>

namespace trackenrich::enrichment {
namespace {

TEST_CASE("locale dates: five languages, regional variants, a fallback", "[enrichment]") {
  const absl::CivilDay day(2026, 1, 30);
  CHECK(FormatLongDate(day, "en", true) == "Friday, 30 January 2026");
  CHECK(FormatLongDate(day, "en-GB", false) == "30 January 2026");
  CHECK(FormatLongDate(day, "en-US", true) == "Friday, January 30, 2026");
  CHECK(FormatLongDate(day, "en_ca", false) == "January 30, 2026");
  CHECK(FormatLongDate(day, "it", true) == "venerdì 30 gennaio 2026");
  CHECK(FormatLongDate(day, "de", true) == "Freitag, 30. Januar 2026");
  CHECK(FormatLongDate(day, "de-AT", true) == "Freitag, 30. Jänner 2026");
  CHECK(FormatLongDate(day, "de-CH", false) == "30. Januar 2026");
  CHECK(FormatLongDate(day, "fr", true) == "vendredi 30 janvier 2026");
  CHECK(FormatLongDate(absl::CivilDay(2026, 3, 1), "fr", false) == "1er mars 2026");
  CHECK(FormatLongDate(day, "es", true) == "viernes 30 de enero de 2026");
  CHECK(FormatLongDate(absl::CivilDay(2026, 8, 15), "es-MX", false) == "15 de agosto de 2026");
  CHECK(FormatLongDate(day, "nl", true) == "2026-01-30");
  CHECK(FormatDateRange(day, day, "it") == "venerdì 30 gennaio 2026");
  CHECK(FormatDateRange(day, absl::CivilDay(2026, 2, 2), "en") ==
        "30 January 2026 – 2 February 2026");
}

}  // namespace
}  // namespace trackenrich::enrichment
