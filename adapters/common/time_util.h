// Time parsing shared by the carrier parsers.
//
//   absl::StatusOr<absl::Time> t = ParseCompactDateTime("20220126", "163000", absl::UTCTimeZone());
//   int offset = 0;
//   if (ParseUtcOffset("-05:00", &offset)) ...   // offset == -18000
//   auto local = ParseIsoDateTime("2024-08-15T00:00:00");   // no offset: local->has_offset false
#ifndef TRACKENRICH_ADAPTERS_COMMON_TIME_UTIL_H_
#define TRACKENRICH_ADAPTERS_COMMON_TIME_UTIL_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace trackenrich::adapters {

// "YYYYMMDD" plus "HHMMSS" (shorter times are left-padded with zeros, as UPS
// sends "74700" for 07:47:00; an empty time is midnight) read in `zone`.
absl::StatusOr<absl::Time> ParseCompactDateTime(absl::string_view date, absl::string_view time,
                                                absl::TimeZone zone);

// "+HH:MM", "-HH.MM", "+HHMM" or "Z" → seconds east of UTC. False if malformed.
bool ParseUtcOffset(absl::string_view text, int* seconds);

// RFC 3339 / ISO 8601 with an offset ("2026-01-30T10:15:00-05:00", "...Z").
// Reports the offset in `offset_seconds` when not null.
absl::StatusOr<absl::Time> ParseRfc3339(absl::string_view text, int* offset_seconds = nullptr);

// An ISO 8601 date-time as carriers write it: with an offset
// ("2024-08-20T12:41:57-04:00", "...Z"), with fractional seconds down to
// nanoseconds ("...T15:27:20.331986369+01:00", DHL eCommerce, karrio #439), or
// as a bare local wall time ("2024-08-15T00:00:00").
struct IsoDateTime {
  absl::CivilSecond wall;
  absl::Duration fraction = absl::ZeroDuration();
  bool has_offset = false;
  // Seconds east of UTC; meaningful only when has_offset.
  int offset_seconds = 0;

  // The instant: with its own offset, or with `assumed_offset_seconds` when
  // the text had none.
  absl::Time ToTime(int assumed_offset_seconds = 0) const;
};

// INVALID_ARGUMENT unless `text` is "YYYY-MM-DDTHH:MM[:SS[.fraction]]" with an
// optional "Z" or "+hh:mm" / "-hh:mm" / "+hhmm" offset.
absl::StatusOr<IsoDateTime> ParseIsoDateTime(absl::string_view text);

// The offset to read each of `times` in: its own, or for a bare local time
// the offset of the nearest entry (by position: scans of one package are
// listed in order, so a neighbour is most likely in the same place) that has
// one, or `fallback` when none has.
std::vector<int> NearestOffsets(const std::vector<IsoDateTime>& times, int fallback = 0);

// The offset from UTC, in seconds, of the wall time `wall` in a European
// zone whose standard time is `standard_hours` east of UTC (WET 0, CET 1,
// EET 2), by the EU summer-time rule: one hour more from the last Sunday of
// March to the last Sunday of October, 01:00 UTC both. A wall time that
// occurs twice (the autumn fall-back hour) is read as summer time. Computed
// by rule, without a tz database, so parsers stay pure. For carriers that
// send local times without an offset (DPD, PostNL).
//
//   EuropeanUtcOffset(1, absl::CivilSecond(2022, 11, 8, 10, 13, 20));  // 3600 (CET)
//   EuropeanUtcOffset(1, absl::CivilSecond(2021, 8, 17, 19, 11, 26));  // 7200 (CEST)
int EuropeanUtcOffset(int standard_hours, absl::CivilSecond wall);

void ToProto(absl::Time time, google::protobuf::Timestamp* out);
absl::Time FromProto(const google::protobuf::Timestamp& timestamp);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_TIME_UTIL_H_
