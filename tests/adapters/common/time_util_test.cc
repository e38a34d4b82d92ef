#include "adapters/common/time_util.h"

#include <catch2/catch.hpp>

#include "tests/support/status_matchers.h"

namespace trackenrich::adapters {
namespace {

std::string Utc(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", time, absl::UTCTimeZone());
}

TEST_CASE("compact UPS-style dates and times", "[time]") {
  CHECK(Utc(*ParseCompactDateTime("20220126", "163000", absl::UTCTimeZone())) ==
        "2022-01-26T16:30:00Z");
  CHECK(Utc(*ParseCompactDateTime("20210210", "74700", absl::UTCTimeZone())) ==
        "2021-02-10T07:47:00Z");
  CHECK(Utc(*ParseCompactDateTime("20210210", "", absl::UTCTimeZone())) == "2021-02-10T00:00:00Z");
  CHECK(Utc(*ParseCompactDateTime("20260312", "090000", absl::FixedTimeZone(-5 * 3600))) ==
        "2026-03-12T14:00:00Z");
  for (const auto& [date, time] :
       std::vector<std::pair<std::string, std::string>>{{"2022012", "163000"},
                                                        {"20221301", "000000"},
                                                        {"20220230", "000000"},
                                                        {"20220126", "250000"},
                                                        {"20220126", "1630000"},
                                                        {"string", "163000"},
                                                        {"", ""}}) {
    INFO(date << " " << time);
    CHECK_FALSE(ParseCompactDateTime(date, time, absl::UTCTimeZone()).ok());
  }
}

TEST_CASE("UTC offsets", "[time]") {
  int seconds = 1;
  CHECK(ParseUtcOffset("Z", &seconds));
  CHECK(seconds == 0);
  CHECK(ParseUtcOffset("-05:00", &seconds));
  CHECK(seconds == -18000);
  CHECK(ParseUtcOffset("-04.00", &seconds));
  CHECK(seconds == -14400);
  CHECK(ParseUtcOffset("+0530", &seconds));
  CHECK(seconds == 19800);
  CHECK(ParseUtcOffset("+01", &seconds));
  CHECK(seconds == 3600);
  for (const char* bad : {"", "05:00", "+5:00", "+19:00", "+05:61", "-05-00", "EST"}) {
    INFO(bad);
    CHECK_FALSE(ParseUtcOffset(bad, &seconds));
  }
}

TEST_CASE("RFC 3339 keeps the original offset", "[time]") {
  int offset = 0;
  auto time = ParseRfc3339("2026-01-30T10:15:00-05:00", &offset);
  REQUIRE(time.ok());
  CHECK(Utc(*time) == "2026-01-30T15:15:00Z");
  CHECK(offset == -18000);
  CHECK(ParseRfc3339("2026-01-30T10:15:00Z", &offset).ok());
  CHECK(offset == 0);
  CHECK_FALSE(ParseRfc3339("2026-01-30 10:15").ok());
}

TEST_CASE("proto timestamps round-trip", "[time]") {
  const absl::Time time = absl::FromUnixMillis(1'767'225'600'123);
  google::protobuf::Timestamp proto;
  ToProto(time, &proto);
  CHECK(proto.seconds() == 1'767'225'600);
  CHECK(proto.nanos() == 123'000'000);
  CHECK(FromProto(proto) == time);
}

}  // namespace
}  // namespace trackenrich::adapters

namespace trackenrich::adapters {
namespace {

TEST_CASE("ISO 8601 date-times with and without offsets", "[time]") {
  auto with_offset = ParseIsoDateTime("2024-08-20T12:41:57-04:00");
  REQUIRE(with_offset.ok());
  CHECK(with_offset->has_offset);
  CHECK(with_offset->offset_seconds == -4 * 3600);
  CHECK(Utc(with_offset->ToTime()) == "2024-08-20T16:41:57Z");

  auto bare = ParseIsoDateTime("2024-08-15T00:00:00");
  REQUIRE(bare.ok());
  CHECK_FALSE(bare->has_offset);
  CHECK(Utc(bare->ToTime()) == "2024-08-15T00:00:00Z");
  CHECK(Utc(bare->ToTime(-5 * 3600)) == "2024-08-15T05:00:00Z");

  auto nanos = ParseIsoDateTime("2023-10-14T15:27:20.331986369+01:00");
  REQUIRE(nanos.ok());
  CHECK(nanos->ToTime() - absl::FromUnixSeconds(absl::ToUnixSeconds(nanos->ToTime())) ==
        absl::Nanoseconds(331986369));
  CHECK(Utc(ParseIsoDateTime("2024-02-11T07:09:05.513Z")->ToTime()) == "2024-02-11T07:09:05Z");
  CHECK(Utc(ParseIsoDateTime("2024-02-11T07:09")->ToTime()) == "2024-02-11T07:09:00Z");
  for (const char* bad : {"", "2024-02-11", "2024-13-01T00:00:00", "2024-02-30T00:00:00",
                          "2024-02-11T25:00:00", "2024-02-11T07:09:05+99:00",
                          "2024-02-11T07:09:05.", "2024-02-11T07:09:05 junk", "string"}) {
    INFO(bad);
    CHECK_FALSE(ParseIsoDateTime(bad).ok());
  }
}

TEST_CASE("bare local times borrow the nearest offset", "[time]") {
  std::vector<IsoDateTime> times;
  for (const char* text :
       {"2024-01-01T10:00:00", "2024-01-01T09:00:00-05:00", "2024-01-01T08:00:00",
        "2024-01-01T07:00:00", "2024-01-01T06:00:00+01:00"}) {
    times.push_back(*ParseIsoDateTime(text));
  }
  CHECK(NearestOffsets(times, 7200) == std::vector<int>{-18000, -18000, -18000, 3600, 3600});
  times.resize(1);
  CHECK(NearestOffsets(times, 7200) == std::vector<int>{7200});
}

TEST_CASE("European wall times take summer time by the EU rule", "[time]") {
  // CET: 2026 summer time runs from 29 March 01:00 UTC to 25 October 01:00 UTC.
  CHECK(EuropeanUtcOffset(1, absl::CivilSecond(2026, 3, 29, 1, 59, 59)) == 3600);
  CHECK(EuropeanUtcOffset(1, absl::CivilSecond(2026, 3, 29, 3, 0, 0)) == 7200);
  CHECK(EuropeanUtcOffset(1, absl::CivilSecond(2026, 10, 25, 2, 30, 0)) == 7200);  // read as summer
  CHECK(EuropeanUtcOffset(1, absl::CivilSecond(2026, 10, 25, 3, 0, 0)) == 3600);
  CHECK(EuropeanUtcOffset(1, absl::CivilSecond(2022, 11, 8, 10, 13, 20)) == 3600);
  // WET and EET switch at the same instant, at their own wall times.
  CHECK(EuropeanUtcOffset(0, absl::CivilSecond(2026, 3, 29, 0, 59, 0)) == 0);
  CHECK(EuropeanUtcOffset(0, absl::CivilSecond(2026, 3, 29, 2, 0, 0)) == 3600);
  CHECK(EuropeanUtcOffset(2, absl::CivilSecond(2026, 3, 29, 2, 59, 0)) == 7200);
  CHECK(EuropeanUtcOffset(2, absl::CivilSecond(2026, 3, 29, 4, 0, 0)) == 10800);
}

}  // namespace
}  // namespace trackenrich::adapters
