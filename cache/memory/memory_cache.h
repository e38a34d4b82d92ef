// MemoryCache: the in-process (L1) cache. TTL plus LRU, bounded by entry
// count and bytes, sharded so concurrent readers rarely meet on a lock.
//
//   MemoryCache cache({.max_entries = 100000, .max_bytes = 256 << 20});
//   cache.Put("v1:default:trk:ups:1Z...", entry);
//   std::shared_ptr<const CacheEntry> hit = cache.Get("v1:default:trk:ups:1Z...", absl::Now());
//
// Get returns entries until their keep_until (stale ones included: the caller
// decides with fresh_until); expired entries are dropped on access and
// evicted least-recently-used first when a bound is hit. With max_entries 0
// the cache is off: it keeps nothing and every Get is a miss (the service
// then reads the shared store, or the upstream, every time).
#ifndef TRACKENRICH_CACHE_MEMORY_MEMORY_CACHE_H_
#define TRACKENRICH_CACHE_MEMORY_MEMORY_CACHE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "cache/cache_entry.h"

namespace trackenrich::cache {

class MemoryCache {
 public:
  struct Options {
    // 0: no in-process cache.
    size_t max_entries = 100000;
    size_t max_bytes = 256u << 20;
  };

  struct Stats {
    uint64_t hits = 0;
    uint64_t misses = 0;
    uint64_t evictions = 0;
    size_t entries = 0;
    size_t bytes = 0;
  };

  explicit MemoryCache(Options options);

  std::shared_ptr<const CacheEntry> Get(absl::string_view key, absl::Time now);
  void Put(absl::string_view key, std::shared_ptr<const CacheEntry> entry);
  void Erase(absl::string_view key);
  Stats stats() const;

 private:
  static constexpr size_t kShards = 16;

  struct Node {
    std::string key;
    std::shared_ptr<const CacheEntry> entry;
  };

  struct Shard {
    mutable absl::Mutex mu;
    std::list<Node> lru ABSL_GUARDED_BY(mu);  // most recently used first
    absl::flat_hash_map<std::string, std::list<Node>::iterator> index ABSL_GUARDED_BY(mu);
    size_t bytes ABSL_GUARDED_BY(mu) = 0;
    uint64_t hits ABSL_GUARDED_BY(mu) = 0;
    uint64_t misses ABSL_GUARDED_BY(mu) = 0;
    uint64_t evictions ABSL_GUARDED_BY(mu) = 0;
  };

  Shard& ShardFor(absl::string_view key);
  void RemoveLocked(Shard& shard, std::list<Node>::iterator it)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(shard.mu);

  const bool enabled_;
  const size_t max_entries_per_shard_;
  const size_t max_bytes_per_shard_;
  std::array<Shard, kShards> shards_;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_MEMORY_MEMORY_CACHE_H_
