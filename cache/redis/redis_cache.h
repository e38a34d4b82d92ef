// RedisCache: the shared (L2) cache layer in Redis. Values are CacheEntry in
// the stable encoding of cache_entry_codec.h, bound to their key; each
// expires in Redis when the entry's keep_until passes.
//
//   RedisCache l2(redis_client);
//   TieredCache cache(memory, &l2);
#ifndef TRACKENRICH_CACHE_REDIS_REDIS_CACHE_H_
#define TRACKENRICH_CACHE_REDIS_REDIS_CACHE_H_

#include <string>

#include "cache/redis/redis_client.h"
#include "cache/shared_store.h"

namespace trackenrich::cache {

class RedisCache final : public SharedStore {
 public:
  // `client` must outlive the cache.
  explicit RedisCache(RedisClient& client);

  void Get(const std::string& key, SharedGetCallback done) override;
  void Put(const std::string& key, const CacheEntry& entry, absl::Time now) override;
  bool available() const override;

 private:
  RedisClient& client_;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_REDIS_REDIS_CACHE_H_
