// CacheEntry: what every cache layer stores for a key: a serialized canonical
// proto (or a negative answer) and the times that decide whether it is fresh,
// servable as stale, or gone. In the in-process layer an entry also holds the
// proto itself, parsed once and shared by every hit.
//
//   auto entry = std::make_shared<CacheEntry>();
//   entry->payload = shipment.SerializeAsString();
//   entry->answer = std::make_shared<const v1::Shipment>(shipment);
//   entry->stored_at = now;
//   entry->fresh_until = now + absl::Minutes(15);
//   entry->keep_until = now + absl::Hours(24);   // stale-on-error horizon
#ifndef TRACKENRICH_CACHE_CACHE_ENTRY_H_
#define TRACKENRICH_CACHE_CACHE_ENTRY_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace trackenrich::cache {

struct CacheEntry {
  using AnswerPtr = std::shared_ptr<const google::protobuf::Message>;

  // OK: `payload` holds the serialized proto. NOT_FOUND: a negative answer
  // (the upstream has no record), `message` says which.
  absl::StatusCode code = absl::StatusCode::kOk;
  std::string message;
  std::string payload;
  // `payload` parsed, when the entry was made from the proto or has been
  // read back once; null for entries as the shared layer returns them.
  AnswerPtr answer;
  absl::Time stored_at;
  // Served as fresh until then.
  absl::Time fresh_until;
  // Kept (and served marked stale when the upstream fails) until then.
  absl::Time keep_until;

  // What the entry costs in memory: a parsed proto takes about twice its
  // serialized size on top of the payload.
  size_t ByteSize() const {
    return payload.size() * (answer != nullptr ? 3 : 1) + message.size() + sizeof(CacheEntry);
  }
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_CACHE_ENTRY_H_
