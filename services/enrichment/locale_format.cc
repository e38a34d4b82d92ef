#include "services/enrichment/locale_format.h"

#include <array>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace trackenrich::enrichment {
namespace {

struct LocaleNames {
  absl::string_view language;
  // Monday first, as absl::Weekday counts.
  std::array<absl::string_view, 7> weekdays;
  std::array<absl::string_view, 12> months;
};

constexpr LocaleNames kLocales[] = {
    {"en",
     {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
     {"January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"}},
    {"it",
     {"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"},
     {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
      "ottobre", "novembre", "dicembre"}},
    {"de",
     {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},
     {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
      "November", "Dezember"}},
    {"fr",
     {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"},
     {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
      "octobre", "novembre", "décembre"}},
    {"es",
     {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"},
     {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
      "octubre", "noviembre", "diciembre"}},
};

struct Tag {
  std::string language;
  std::string region;
};

Tag SplitTag(absl::string_view tag) {
  Tag out;
  std::vector<std::string> parts = absl::StrSplit(tag, absl::ByAnyChar("-_"), absl::SkipEmpty());
  if (!parts.empty()) out.language = absl::AsciiStrToLower(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].size() == 2) out.region = absl::AsciiStrToUpper(parts[i]);
  }
  return out;
}

const LocaleNames* FindLocale(absl::string_view language) {
  for (const LocaleNames& locale : kLocales) {
    if (locale.language == language) return &locale;
  }
  return nullptr;
}

int WeekdayIndex(absl::CivilDay day) {
  switch (absl::GetWeekday(day)) {
    case absl::Weekday::monday:
      return 0;
    case absl::Weekday::tuesday:
      return 1;
    case absl::Weekday::wednesday:
      return 2;
    case absl::Weekday::thursday:
      return 3;
    case absl::Weekday::friday:
      return 4;
    case absl::Weekday::saturday:
      return 5;
    case absl::Weekday::sunday:
      return 6;
  }
  return 0;
}

}  // namespace

std::string FormatLongDate(absl::CivilDay day, absl::string_view language_tag, bool with_weekday) {
  const Tag tag = SplitTag(language_tag);
  const LocaleNames* locale = FindLocale(tag.language);
  if (locale == nullptr)
    return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
  absl::string_view month = locale->months[day.month() - 1];
  const absl::string_view weekday = locale->weekdays[WeekdayIndex(day)];
  const int d = day.day();
  const auto year = day.year();
  if (tag.language == "en") {
    const bool month_first = tag.region == "US" || tag.region == "CA";
    const std::string date = month_first ? absl::StrCat(month, " ", d, ", ", year)
                                         : absl::StrCat(d, " ", month, " ", year);
    return with_weekday ? absl::StrCat(weekday, ", ", date) : date;
  }
  if (tag.language == "de") {
    if (tag.region == "AT" && day.month() == 1) month = "Jänner";
    const std::string date = absl::StrCat(d, ". ", month, " ", year);
    return with_weekday ? absl::StrCat(weekday, ", ", date) : date;
  }
  if (tag.language == "fr") {
    // French writes the first of the month as an ordinal: "1er mars".
    const std::string date = absl::StrCat(d, d == 1 ? "er" : "", " ", month, " ", year);
    return with_weekday ? absl::StrCat(weekday, " ", date) : date;
  }
  if (tag.language == "es") {
    const std::string date = absl::StrCat(d, " de ", month, " de ", year);
    return with_weekday ? absl::StrCat(weekday, " ", date) : date;
  }
  const std::string date = absl::StrCat(d, " ", month, " ", year);  // it
  return with_weekday ? absl::StrCat(weekday, " ", date) : date;
}

std::string FormatDateRange(absl::CivilDay first, absl::CivilDay last,
                            absl::string_view language_tag) {
  if (first == last) return FormatLongDate(first, language_tag, true);
  return absl::StrCat(FormatLongDate(first, language_tag, false), " – ",
                      FormatLongDate(last, language_tag, false));
}

}  // namespace trackenrich::enrichment
