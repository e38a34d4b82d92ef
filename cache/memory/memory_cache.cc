#include "cache/memory/memory_cache.h"

#include <algorithm>
#include <utility>

#include "absl/hash/hash.h"

namespace trackenrich::cache {

MemoryCache::MemoryCache(Options options)
    : enabled_(options.max_entries > 0),
      max_entries_per_shard_(std::max<size_t>(1, options.max_entries / kShards)),
      max_bytes_per_shard_(std::max<size_t>(1, options.max_bytes / kShards)) {}

MemoryCache::Shard& MemoryCache::ShardFor(absl::string_view key) {
  return shards_[absl::Hash<absl::string_view>{}(key) % kShards];
}

void MemoryCache::RemoveLocked(Shard& shard, std::list<Node>::iterator it) {
  shard.bytes -= it->entry->ByteSize() + it->key.size();
  shard.index.erase(it->key);
  shard.lru.erase(it);
}

std::shared_ptr<const CacheEntry> MemoryCache::Get(absl::string_view key, absl::Time now) {
  Shard& shard = ShardFor(key);
  absl::MutexLock lock(&shard.mu);
  auto found = enabled_ ? shard.index.find(key) : shard.index.end();
  if (found == shard.index.end()) {
    ++shard.misses;
    return nullptr;
  }
  auto it = found->second;
  if (it->entry->keep_until <= now) {
    RemoveLocked(shard, it);
    ++shard.misses;
    return nullptr;
  }
  shard.lru.splice(shard.lru.begin(), shard.lru, it);
  ++shard.hits;
  return it->entry;
}

void MemoryCache::Put(absl::string_view key, std::shared_ptr<const CacheEntry> entry) {
  if (!enabled_) return;
  Shard& shard = ShardFor(key);
  const size_t size = entry->ByteSize() + key.size();
  absl::MutexLock lock(&shard.mu);
  if (auto found = shard.index.find(key); found != shard.index.end()) {
    RemoveLocked(shard, found->second);
  }
  if (size > max_bytes_per_shard_) return;  // would evict everything; not worth keeping
  shard.lru.push_front(Node{std::string(key), std::move(entry)});
  shard.index.emplace(shard.lru.front().key, shard.lru.begin());
  shard.bytes += size;
  while (shard.lru.size() > max_entries_per_shard_ || shard.bytes > max_bytes_per_shard_) {
    RemoveLocked(shard, std::prev(shard.lru.end()));
    ++shard.evictions;
  }
}

void MemoryCache::Erase(absl::string_view key) {
  Shard& shard = ShardFor(key);
  absl::MutexLock lock(&shard.mu);
  if (auto found = shard.index.find(key); found != shard.index.end()) {
    RemoveLocked(shard, found->second);
  }
}

MemoryCache::Stats MemoryCache::stats() const {
  Stats total;
  for (const Shard& shard : shards_) {
    absl::MutexLock lock(&shard.mu);
    total.hits += shard.hits;
    total.misses += shard.misses;
    total.evictions += shard.evictions;
    total.entries += shard.lru.size();
    total.bytes += shard.bytes;
  }
  return total;
}

}  // namespace trackenrich::cache
