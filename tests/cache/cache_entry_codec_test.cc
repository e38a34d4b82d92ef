#include "cache/cache_entry_codec.h"

#include <string>

#include <catch2/catch.hpp>

#include "tests/support/status_matchers.h"

namespace trackenrich::cache {
namespace {

using testing::StatusIs;

CacheEntry Sample() {
  CacheEntry entry;
  entry.payload = std::string("proto\0bytes\xff", 12);
  entry.stored_at = absl::FromUnixMicros(1'760'000'000'123'456);
  entry.fresh_until = entry.stored_at + absl::Minutes(20);
  entry.keep_until = entry.fresh_until + absl::Hours(72);
  return entry;
}

TEST_CASE("codec: entries round-trip, answers and negative answers alike", "[cache]") {
  const std::string key = "trackenrich:v1:acme:trk:ups:1Z999AA10123456784";
  const CacheEntry entry = Sample();
  auto back = DecodeCacheEntry(EncodeCacheEntry(key, entry), key);
  REQUIRE_THAT(back.status(), testing::IsOk());
  CHECK(back->code == absl::StatusCode::kOk);
  CHECK(back->payload == entry.payload);
  CHECK(back->stored_at == entry.stored_at);
  CHECK(back->fresh_until == entry.fresh_until);
  CHECK(back->keep_until == entry.keep_until);

  CacheEntry negative = Sample();
  negative.payload.clear();
  negative.code = absl::StatusCode::kNotFound;
  negative.message = "ups: TW0001 Tracking Information Not Found";
  auto negative_back = DecodeCacheEntry(EncodeCacheEntry(key, negative), key);
  REQUIRE_THAT(negative_back.status(), testing::IsOk());
  CHECK(negative_back->code == absl::StatusCode::kNotFound);
  CHECK(negative_back->message == negative.message);
}

TEST_CASE("codec: the version 1 layout is stable", "[cache]") {
  CacheEntry entry;
  entry.stored_at = absl::FromUnixMicros(1);
  entry.fresh_until = absl::FromUnixMicros(2);
  entry.keep_until = absl::FromUnixMicros(0x0102);
  entry.code = absl::StatusCode::kNotFound;
  entry.message = "m";
  entry.payload = "p";
  const std::string expected(
      "TEC\x01\x05"
      "\x01\0\0\0\0\0\0\0"
      "\x02\0\0\0\0\0\0\0"
      "\x02\x01\0\0\0\0\0\0"
      "\x01\0\0\0k"
      "\x01\0\0\0m"
      "\x01\0\0\0p",
      3 + 2 + 24 + 15);
  CHECK(EncodeCacheEntry("k", entry) == expected);
}

TEST_CASE("codec: a value stored under another key is refused", "[cache]") {
  const std::string bytes = EncodeCacheEntry("trackenrich:v1:tenant-b:trk:ups:1Z", Sample());
  CHECK_THAT(DecodeCacheEntry(bytes, "trackenrich:v1:tenant-a:trk:ups:1Z").status(),
             StatusIs(absl::StatusCode::kDataLoss, "another key"));
}

TEST_CASE("codec: truncated, padded or foreign bytes are DATA_LOSS", "[cache]") {
  const std::string key = "k";
  const std::string bytes = EncodeCacheEntry(key, Sample());
  for (size_t length = 0; length < bytes.size(); ++length) {
    INFO("prefix of " << length << " bytes");
    CHECK_THAT(DecodeCacheEntry(bytes.substr(0, length), key).status(),
               StatusIs(absl::StatusCode::kDataLoss));
  }
  CHECK_THAT(DecodeCacheEntry(bytes + "x", key).status(),
             StatusIs(absl::StatusCode::kDataLoss, "trailing"));
  CHECK_THAT(DecodeCacheEntry("{\"json\": true}", key).status(),
             StatusIs(absl::StatusCode::kDataLoss, "not a trackenrich cache entry"));
  std::string next_version = bytes;
  next_version[3] = 2;
  CHECK_THAT(DecodeCacheEntry(next_version, key).status(),
             StatusIs(absl::StatusCode::kDataLoss, "version 2"));
  std::string bad_code = bytes;
  bad_code[4] = 99;
  CHECK_THAT(DecodeCacheEntry(bad_code, key).status(),
             StatusIs(absl::StatusCode::kDataLoss, "status code"));
}

}  // namespace
}  // namespace trackenrich::cache
