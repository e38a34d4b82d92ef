#include "cache/cache_entry_codec.h"

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace trackenrich::cache {
namespace {

constexpr absl::string_view kMagic = "TEC";

void PutFixed(uint64_t value, int bytes, std::string* out) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void PutBytes(absl::string_view bytes, std::string* out) {
  PutFixed(bytes.size(), 4, out);
  out->append(bytes.data(), bytes.size());
}

// Reads from the front of `in`, failing once it runs out.
class Reader {
 public:
  explicit Reader(absl::string_view in) : in_(in) {}

  bool Fixed(int bytes, uint64_t* value) {
    if (in_.size() < static_cast<size_t>(bytes)) return false;
    *value = 0;
    for (int i = 0; i < bytes; ++i) {
      *value |= static_cast<uint64_t>(static_cast<unsigned char>(in_[i])) << (8 * i);
    }
    in_.remove_prefix(bytes);
    return true;
  }

  bool Time(absl::Time* time) {
    uint64_t micros = 0;
    if (!Fixed(8, &micros)) return false;
    *time = absl::FromUnixMicros(static_cast<int64_t>(micros));
    return true;
  }

  bool Bytes(absl::string_view* bytes) {
    uint64_t length = 0;
    if (!Fixed(4, &length) || in_.size() < length) return false;
    *bytes = in_.substr(0, length);
    in_.remove_prefix(length);
    return true;
  }

  bool done() const { return in_.empty(); }

 private:
  absl::string_view in_;
};

}  // namespace

std::string EncodeCacheEntry(absl::string_view key, const CacheEntry& entry) {
  std::string out;
  out.reserve(kMagic.size() + 2 + 3 * 8 + 3 * 4 + key.size() + entry.message.size() +
              entry.payload.size());
  out.append(kMagic.data(), kMagic.size());
  PutFixed(kCacheEntryEncodingVersion, 1, &out);
  PutFixed(static_cast<uint64_t>(entry.code), 1, &out);
  PutFixed(static_cast<uint64_t>(absl::ToUnixMicros(entry.stored_at)), 8, &out);
  PutFixed(static_cast<uint64_t>(absl::ToUnixMicros(entry.fresh_until)), 8, &out);
  PutFixed(static_cast<uint64_t>(absl::ToUnixMicros(entry.keep_until)), 8, &out);
  PutBytes(key, &out);
  PutBytes(entry.message, &out);
  PutBytes(entry.payload, &out);
  return out;
}

absl::StatusOr<CacheEntry> DecodeCacheEntry(absl::string_view bytes,
                                            absl::string_view expected_key) {
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    return absl::DataLossError("cache value: not a trackenrich cache entry");
  }
  Reader reader(bytes.substr(kMagic.size()));
  uint64_t version = 0;
  uint64_t code = 0;
  CacheEntry entry;
  absl::string_view key;
  absl::string_view message;
  absl::string_view payload;
  if (!reader.Fixed(1, &version)) return absl::DataLossError("cache value: truncated");
  if (version != kCacheEntryEncodingVersion) {
    return absl::DataLossError(absl::StrCat("cache value: unknown encoding version ", version));
  }
  if (!reader.Fixed(1, &code) || !reader.Time(&entry.stored_at) ||
      !reader.Time(&entry.fresh_until) || !reader.Time(&entry.keep_until) || !reader.Bytes(&key) ||
      !reader.Bytes(&message) || !reader.Bytes(&payload)) {
    return absl::DataLossError("cache value: truncated");
  }
  if (!reader.done()) return absl::DataLossError("cache value: trailing bytes");
  if (code > static_cast<uint64_t>(absl::StatusCode::kUnauthenticated)) {
    return absl::DataLossError(absl::StrCat("cache value: unknown status code ", code));
  }
  if (key != expected_key) {
    return absl::DataLossError("cache value: stored for another key");
  }
  entry.code = static_cast<absl::StatusCode>(code);
  entry.message = std::string(message);
  entry.payload = std::string(payload);
  return entry;
}

}  // namespace trackenrich::cache
