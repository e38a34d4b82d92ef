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
