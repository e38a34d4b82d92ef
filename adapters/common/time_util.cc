#include "adapters/common/time_util.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace trackenrich::adapters {
namespace {

bool AllDigits(absl::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int Digits(absl::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

// The last Sunday of `month` in `year`, at 01:00 UTC.
absl::Time LastSundayAt0100Utc(int64_t year, int month) {
  absl::CivilDay day = absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1;
  while (absl::GetWeekday(day) != absl::Weekday::sunday) day -= 1;
  return absl::FromCivil(absl::CivilSecond(day) + 3600, absl::UTCTimeZone());
}

}  // namespace

absl::StatusOr<absl::Time> ParseCompactDateTime(absl::string_view date, absl::string_view time,
                                                absl::TimeZone zone) {
  if (date.size() != 8 || !AllDigits(date)) {
    return absl::InvalidArgumentError(absl::StrCat("date is not YYYYMMDD: \"", date, "\""));
  }
  std::string padded(time);
  if (padded.size() > 6 || (!padded.empty() && !AllDigits(padded))) {
    return absl::InvalidArgumentError(absl::StrCat("time is not HHMMSS: \"", time, "\""));
  }
  padded.insert(0, 6 - padded.size(), '0');
  const absl::CivilSecond civil(Digits(date.substr(0, 4)), Digits(date.substr(4, 2)),
                                Digits(date.substr(6, 2)), Digits(padded.substr(0, 2)),
                                Digits(padded.substr(2, 2)), Digits(padded.substr(4, 2)));
  // CivilSecond normalizes out-of-range fields (month 13 → next year); reject those.
  if (civil.month() != Digits(date.substr(4, 2)) || civil.day() != Digits(date.substr(6, 2)) ||
      civil.hour() != Digits(padded.substr(0, 2)) ||
      civil.minute() != Digits(padded.substr(2, 2)) ||
      civil.second() != Digits(padded.substr(4, 2))) {
    return absl::InvalidArgumentError(
        absl::StrCat("date or time out of range: \"", date, "\" \"", time, "\""));
  }
  return absl::FromCivil(civil, zone);
}

bool ParseUtcOffset(absl::string_view text, int* seconds) {
  if (text == "Z" || text == "z") {
    *seconds = 0;
    return true;
  }
  if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) return false;
  const int sign = text[0] == '-' ? -1 : 1;
  absl::string_view rest = text.substr(1);
  absl::string_view hours;
  absl::string_view minutes = "00";
  if (rest.size() == 5 && (rest[2] == ':' || rest[2] == '.')) {
    hours = rest.substr(0, 2);
    minutes = rest.substr(3, 2);
  } else if (rest.size() == 4) {
    hours = rest.substr(0, 2);
    minutes = rest.substr(2, 2);
  } else if (rest.size() == 2) {
    hours = rest;
  } else {
    return false;
  }
  if (!AllDigits(hours) || !AllDigits(minutes)) return false;
  const int h = Digits(hours);
  const int m = Digits(minutes);
  if (h > 18 || m > 59) return false;
  *seconds = sign * (h * 3600 + m * 60);
  return true;
}

absl::StatusOr<absl::Time> ParseRfc3339(absl::string_view text, int* offset_seconds) {
  absl::Time time;
  std::string error;
  const std::string input(text);
  if (!absl::ParseTime(absl::RFC3339_full, input, &time, &error)) {
    return absl::InvalidArgumentError(absl::StrCat("not an RFC 3339 time: \"", text, "\""));
  }
  if (offset_seconds != nullptr) {
    *offset_seconds = 0;
    // The offset is whatever follows the seconds field: "Z", "+hh:mm" or "-hh:mm".
    const size_t t = input.find('T');
    const size_t sign = t == std::string::npos ? std::string::npos : input.find_first_of("+-Zz", t);
    if (sign != std::string::npos)
      ParseUtcOffset(absl::string_view(input).substr(sign), offset_seconds);
  }
  return time;
}

absl::Time IsoDateTime::ToTime(int assumed_offset_seconds) const {
  const int offset = has_offset ? offset_seconds : assumed_offset_seconds;
  return absl::FromCivil(wall, absl::FixedTimeZone(offset)) + fraction;
}

absl::StatusOr<IsoDateTime> ParseIsoDateTime(absl::string_view text) {
  const auto invalid = [&] {
    return absl::InvalidArgumentError(absl::StrCat("not an ISO 8601 date-time: \"", text, "\""));
  };
  // "YYYY-MM-DDTHH:MM" at least.
  if (text.size() < 16 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':') {
    return invalid();
  }
  const absl::string_view year = text.substr(0, 4);
  const absl::string_view month = text.substr(5, 2);
  const absl::string_view day = text.substr(8, 2);
  const absl::string_view hour = text.substr(11, 2);
  const absl::string_view minute = text.substr(14, 2);
  absl::string_view second = "00";
  absl::string_view rest = text.substr(16);
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3) return invalid();
    second = rest.substr(1, 2);
    rest.remove_prefix(3);
  }
  for (absl::string_view field : {year, month, day, hour, minute, second}) {
    if (!AllDigits(field)) return invalid();
  }
  IsoDateTime parsed;
  if (!rest.empty() && (rest[0] == '.' || rest[0] == ',')) {
    size_t digits = 1;
    while (digits < rest.size() && absl::ascii_isdigit(static_cast<unsigned char>(rest[digits]))) {
      ++digits;
    }
    const absl::string_view fraction = rest.substr(1, digits - 1);
    if (fraction.empty()) return invalid();
    int64_t nanos = 0;
    for (size_t i = 0; i < 9; ++i)
      nanos = nanos * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    parsed.fraction = absl::Nanoseconds(nanos);
    rest.remove_prefix(digits);
  }
  if (!rest.empty()) {
    if (!ParseUtcOffset(rest, &parsed.offset_seconds)) return invalid();
    parsed.has_offset = true;
  }
  parsed.wall = absl::CivilSecond(Digits(year), Digits(month), Digits(day), Digits(hour),
                                  Digits(minute), Digits(second));
  // CivilSecond normalizes out-of-range fields (month 13 → next year); reject those.
  if (parsed.wall.month() != Digits(month) || parsed.wall.day() != Digits(day) ||
      parsed.wall.hour() != Digits(hour) || parsed.wall.minute() != Digits(minute) ||
      parsed.wall.second() != Digits(second)) {
    return invalid();
  }
  return parsed;
}

std::vector<int> NearestOffsets(const std::vector<IsoDateTime>& times, int fallback) {
  std::vector<int> offsets(times.size(), fallback);
  for (size_t i = 0; i < times.size(); ++i) {
    if (times[i].has_offset) {
      offsets[i] = times[i].offset_seconds;
      continue;
    }
    for (size_t distance = 1; distance < times.size(); ++distance) {
      if (i + distance < times.size() && times[i + distance].has_offset) {
        offsets[i] = times[i + distance].offset_seconds;
        break;
      }
      if (i >= distance && times[i - distance].has_offset) {
        offsets[i] = times[i - distance].offset_seconds;
        break;
      }
    }
  }
  return offsets;
}

int EuropeanUtcOffset(int standard_hours, absl::CivilSecond wall) {
  // Summer time if the wall time, read as summer time, falls inside the EU window.
  const int summer = (standard_hours + 1) * 3600;
  const absl::Time as_summer = absl::FromCivil(wall, absl::FixedTimeZone(summer));
  if (as_summer >= LastSundayAt0100Utc(wall.year(), 3) &&
      as_summer < LastSundayAt0100Utc(wall.year(), 10)) {
    return summer;
  }
  return standard_hours * 3600;
}

void ToProto(absl::Time time, google::protobuf::Timestamp* out) {
  const int64_t seconds = absl::ToUnixSeconds(time);
  out->set_seconds(seconds);
  out->set_nanos(
      static_cast<int32_t>((time - absl::FromUnixSeconds(seconds)) / absl::Nanoseconds(1)));
}

absl::Time FromProto(const google::protobuf::Timestamp& timestamp) {
  return absl::FromUnixSeconds(timestamp.seconds()) + absl::Nanoseconds(timestamp.nanos());
}

}  // namespace trackenrich::adapters
