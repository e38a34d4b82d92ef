// TieredCache: the service's Cache: the in-process MemoryCache (L1) in front
// of an optional SharedStore (L2, Redis). With no shared store it is the L1
// alone (the zero-config run).
//
//   TieredCache cache(memory, &redis_cache);      // or nullptr: L1 only
//   cache.Get(key, want, [](CacheLookup found) { ... });
//
// A fresh L1 entry answers inline. Otherwise the shared store is asked; a
// fresh entry there is copied into L1 (its absolute expiry times travel
// with it, so the TTL chosen by state holds in both layers). When neither is
// fresh, the newer of the two is returned for stale-on-error. A shared store
// that is down, slow or returns garbage is a miss, never an error.
#ifndef TRACKENRICH_CACHE_TIERED_CACHE_H_
#define TRACKENRICH_CACHE_TIERED_CACHE_H_

#include <memory>
#include <string>

#include "cache/cache.h"
#include "cache/memory/memory_cache.h"
#include "cache/shared_store.h"

namespace trackenrich::cache {

class TieredCache final : public Cache {
 public:
  // `shared` may be null; both must outlive the cache.
  TieredCache(MemoryCache& memory, SharedStore* shared);

  void Get(const std::string& key, const Freshness& want, LookupCallback done) override;
  std::shared_ptr<const CacheEntry> Peek(absl::string_view key, const Freshness& want) override;
  void Put(const std::string& key, std::shared_ptr<const CacheEntry> entry,
           absl::Time now) override;
  void Fill(const std::string& key, std::shared_ptr<const CacheEntry> entry) override;
  std::string SharedState() const override;

  MemoryCache& memory() { return memory_; }

 private:
  MemoryCache& memory_;
  SharedStore* const shared_;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_TIERED_CACHE_H_
