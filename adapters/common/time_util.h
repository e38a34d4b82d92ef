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

void ToProto(absl::Time time, google::protobuf::Timestamp* out);
absl::Time FromProto(const google::protobuf::Timestamp& timestamp);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_TIME_UTIL_H_
