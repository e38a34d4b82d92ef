#include "cache/redis/redis_cache.h"

#include <memory>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

#include "cache/cache_entry_codec.h"

namespace trackenrich::cache {

RedisCache::RedisCache(RedisClient& client) : client_(client) {}

void RedisCache::Get(const std::string& key, SharedGetCallback done) {
  client_.Command(
      {"GET", key}, [key, done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
        if (!reply.ok()) {
          done(reply.status());
        } else if (reply->is_nil()) {
          done(std::shared_ptr<const CacheEntry>());
        } else if (reply->type != RedisReply::Type::kString) {
          done(absl::UnavailableError(absl::StrCat("redis: GET answered ", reply->str)));
        } else if (auto entry = DecodeCacheEntry(reply->str, key); !entry.ok()) {
          spdlog::warn("redis: ignoring the value under {}: {}", key, entry.status().ToString());
          done(entry.status());
        } else {
          done(std::make_shared<const CacheEntry>(*std::move(entry)));
        }
      });
}

void RedisCache::Put(const std::string& key, const CacheEntry& entry, absl::Time now) {
  const int64_t ttl_ms =
      absl::ToInt64Milliseconds(absl::Ceil(entry.keep_until - now, absl::Milliseconds(1)));
  if (ttl_ms <= 0) return;
  // Failures are counted by the client; the entry still serves from L1.
  client_.Command({"SET", key, EncodeCacheEntry(key, entry), "PX", std::to_string(ttl_ms)},
                  [](absl::StatusOr<RedisReply>) {});
}

bool RedisCache::available() const { return client_.ready(); }

}  // namespace trackenrich::cache
