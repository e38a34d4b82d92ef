#include "cache/tiered_cache.h"

#include <utility>

namespace trackenrich::cache {

TieredCache::TieredCache(MemoryCache& memory, SharedStore* shared)
    : memory_(memory), shared_(shared) {}

void TieredCache::Get(const std::string& key, const Freshness& want, LookupCallback done) {
  CacheLookup result;
  result.entry = memory_.Get(key, want.now);
  if (result.entry != nullptr) {
    result.layer = Layer::kMemory;
    if (want.Accepts(*result.entry)) {
      result.fresh = true;
      done(std::move(result));
      return;
    }
  }
  if (shared_ == nullptr) {
    done(std::move(result));
    return;
  }
  result.shared_consulted = true;
  if (!shared_->available()) {
    result.shared_failed = true;
    done(std::move(result));
    return;
  }
  shared_->Get(key, [this, key, want, result = std::move(result), done = std::move(done)](
                        absl::StatusOr<std::shared_ptr<const CacheEntry>> found) mutable {
    if (!found.ok()) {
      result.shared_failed = true;
    } else if (*found != nullptr) {
      std::shared_ptr<const CacheEntry>& shared = *found;
      if (want.Accepts(*shared)) {
        memory_.Put(key, shared);
        result.entry = std::move(shared);
        result.layer = Layer::kShared;
        result.fresh = true;
      } else if (result.entry == nullptr || shared->stored_at > result.entry->stored_at) {
        result.entry = std::move(shared);
        result.layer = Layer::kShared;
      }
    }
    done(std::move(result));
  });
}

std::shared_ptr<const CacheEntry> TieredCache::Peek(absl::string_view key, const Freshness& want) {
  std::shared_ptr<const CacheEntry> entry = memory_.Get(key, want.now);
  if (entry == nullptr || !want.Accepts(*entry)) return nullptr;
  return entry;
}

void TieredCache::Put(const std::string& key, std::shared_ptr<const CacheEntry> entry,
                      absl::Time now) {
  if (shared_ != nullptr) shared_->Put(key, *entry, now);
  memory_.Put(key, std::move(entry));
}

void TieredCache::Fill(const std::string& key, std::shared_ptr<const CacheEntry> entry) {
  memory_.Put(key, std::move(entry));
}

std::string TieredCache::SharedState() const {
  if (shared_ == nullptr) return "off";
  return shared_->available() ? "ok" : "degraded";
}

}  // namespace trackenrich::cache
