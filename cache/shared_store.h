// SharedStore: a cache layer shared by every replica (Redis in production,
// see redis/redis_cache.h; a map in tests). TieredCache puts it behind the
// in-process layer.
//
//   store.Get(key, [](absl::StatusOr<std::shared_ptr<const CacheEntry>> found) { ... });
//   store.Put(key, entry, now);   // expires with entry.keep_until
#ifndef TRACKENRICH_CACHE_SHARED_STORE_H_
#define TRACKENRICH_CACHE_SHARED_STORE_H_

#include <memory>
#include <string>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

#include "cache/cache_entry.h"

namespace trackenrich::cache {

using SharedGetCallback =
    absl::AnyInvocable<void(absl::StatusOr<std::shared_ptr<const CacheEntry>>)>;

class SharedStore {
 public:
  virtual ~SharedStore() = default;

  // `done` gets the entry, null on a miss, or UNAVAILABLE / DEADLINE_EXCEEDED
  // (the store is down or slow) / DATA_LOSS (the value does not decode for
  // this key). Runs once, on an I/O thread.
  virtual void Get(const std::string& key, SharedGetCallback done) = 0;

  // Stores `entry` until its keep_until. Fire and forget: failures are
  // counted by the store.
  virtual void Put(const std::string& key, const CacheEntry& entry, absl::Time now) = 0;

  // False while the store is known to be unreachable: callers skip it.
  virtual bool available() const = 0;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_SHARED_STORE_H_
