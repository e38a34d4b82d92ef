// Cache: the one interface the lookup pipeline sees, whatever layers sit
// behind it (TieredCache: the in-process L1 in front of an optional shared
// L2 such as Redis). Keys come from cache_keys.h; values are CacheEntry.
//
//   cache.Get(key, Freshness{.now = now, .stored_after = now - max_age},
//             [](CacheLookup found) {
//               if (found.fresh) Serve(*found.entry);   // else fetch; keep found.entry as stale
//             });
//   cache.Put(key, entry, now);                         // every layer
#ifndef TRACKENRICH_CACHE_CACHE_H_
#define TRACKENRICH_CACHE_CACHE_H_

#include <memory>
#include <string>

#include "absl/functional/any_invocable.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "cache/cache_entry.h"

namespace trackenrich::cache {

// What a caller accepts as a fresh answer: an entry still inside its
// freshness window and, when the caller asked for a max age, stored recently
// enough.
struct Freshness {
  absl::Time now;
  // Entries stored before this are too old for the caller (max age, or a
  // forced refresh); InfinitePast accepts any.
  absl::Time stored_after = absl::InfinitePast();

  bool Accepts(const CacheEntry& entry) const {
    return now < entry.fresh_until && entry.stored_at >= stored_after;
  }
};

enum class Layer { kNone, kMemory, kShared };

struct CacheLookup {
  // The best entry found: the fresh one when `fresh`, otherwise the newest
  // still-kept entry (for stale-on-error), or null.
  std::shared_ptr<const CacheEntry> entry;
  // Where `entry` came from.
  Layer layer = Layer::kNone;
  bool fresh = false;
  // Whether the shared layer was asked, and whether asking it failed (it is
  // down, slow, or returned a value that does not decode). A failure is a
  // miss to the caller, never an error.
  bool shared_consulted = false;
  bool shared_failed = false;
};

using LookupCallback = absl::AnyInvocable<void(CacheLookup)>;

class Cache {
 public:
  virtual ~Cache() = default;

  // Looks `key` up, nearest layer first. `done` runs exactly once: inline
  // when the in-process layer answers, on an I/O thread when a shared layer
  // was asked.
  virtual void Get(const std::string& key, const Freshness& want, LookupCallback done) = 0;

  // The in-process layer alone: never waits. Null unless fresh for `want`.
  virtual std::shared_ptr<const CacheEntry> Peek(absl::string_view key, const Freshness& want) = 0;

  // Stores in every layer (the shared one without waiting for it; failures
  // there are counted, never reported).
  virtual void Put(const std::string& key, std::shared_ptr<const CacheEntry> entry,
                   absl::Time now) = 0;

  // Stores in the in-process layer only: for answers that came from the
  // shared layer (another replica's fetch).
  virtual void Fill(const std::string& key, std::shared_ptr<const CacheEntry> entry) = 0;

  // "ok", "degraded" (a shared layer is configured but unreachable), or
  // "off" (no shared layer), for readiness reports.
  virtual std::string SharedState() const = 0;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_CACHE_H_
