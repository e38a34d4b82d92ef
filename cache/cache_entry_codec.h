// The stable byte encoding of a CacheEntry, as stored in Redis (and in any
// other shared layer). Versioned, so a rolling upgrade can tell old values
// from new ones, and bound to its key, so a value copied under another key
// (another tenant's, say) is rejected rather than served.
//
//   std::string bytes = EncodeCacheEntry(key, entry);
//   absl::StatusOr<CacheEntry> back = DecodeCacheEntry(bytes, key);
//
// Layout, version 1 (integers little-endian):
//   "TEC" magic, u8 version (1), u8 absl::StatusCode,
//   i64 stored_at, i64 fresh_until, i64 keep_until (microseconds since the Unix epoch),
//   u32 length + key, u32 length + message, u32 length + payload (the serialized proto).
#ifndef TRACKENRICH_CACHE_CACHE_ENTRY_CODEC_H_
#define TRACKENRICH_CACHE_CACHE_ENTRY_CODEC_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "cache/cache_entry.h"

namespace trackenrich::cache {

inline constexpr int kCacheEntryEncodingVersion = 1;

std::string EncodeCacheEntry(absl::string_view key, const CacheEntry& entry);

// DATA_LOSS when `bytes` is truncated, has trailing bytes, an unknown magic or
// version, or was encoded for a key other than `expected_key`.
absl::StatusOr<CacheEntry> DecodeCacheEntry(absl::string_view bytes,
                                            absl::string_view expected_key);

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_CACHE_ENTRY_CODEC_H_
