// CacheEntry: what every cache layer stores for a key: a serialized canonical
// proto (or a negative answer) and the times that decide whether it is fresh,
// servable as stale, or gone.
//
//   auto entry = std::make_shared<CacheEntry>();
//   entry->payload = shipment.SerializeAsString();
//   entry->stored_at = now;
//   entry->fresh_until = now + absl::Minutes(15);
//   entry->keep_until = now + absl::Hours(24);   // stale-on-error horizon
#ifndef TRACKENRICH_CACHE_CACHE_ENTRY_H_
#define TRACKENRICH_CACHE_CACHE_ENTRY_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace trackenrich::cache {

struct CacheEntry {
  // OK: `payload` holds the serialized proto. NOT_FOUND: a negative answer
  // (the upstream has no record), `message` says which.
  absl::StatusCode code = absl::StatusCode::kOk;
  std::string message;
  std::string payload;
  absl::Time stored_at;
  // Served as fresh until then.
  absl::Time fresh_until;
  // Kept (and served marked stale when the upstream fails) until then.
  absl::Time keep_until;

  size_t ByteSize() const { return payload.size() + message.size() + sizeof(CacheEntry); }
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_CACHE_ENTRY_H_
