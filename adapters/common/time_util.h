// Time parsing shared by the carrier parsers.
//
//   absl::StatusOr<absl::Time> t = ParseCompactDateTime("20220126", "163000", absl::UTCTimeZone());
//   int offset = 0;
//   if (ParseUtcOffset("-05:00", &offset)) ...   // offset == -18000
#ifndef TRACKENRICH_ADAPTERS_COMMON_TIME_UTIL_H_
#define TRACKENRICH_ADAPTERS_COMMON_TIME_UTIL_H_

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

void ToProto(absl::Time time, google::protobuf::Timestamp* out);
absl::Time FromProto(const google::protobuf::Timestamp& timestamp);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_TIME_UTIL_H_
