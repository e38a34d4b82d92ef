// WatchStore: where watches, their due times and their events live. Two
// implementations: RedisWatchStore (durable, shared by every replica: due
// times in a sorted set claimed atomically with leases, events in a capped
// per-tenant stream) and MemoryWatchStore (this process only, for sandbox
// mode without Redis; not durable).
//
//   store.Put(record, due, [](absl::StatusOr<PutResult> put) { ... });
//   store.Claim(now, 100, absl::Seconds(60), [](absl::StatusOr<std::vector<ClaimedWatch>>) {});
//   store.Complete(claimed, updated, &event, next_due, [](absl::StatusOr<std::string> id) {});
//   store.ReadEvents(tenant, "1733300000000-0", 100, ...);
//
// Callbacks run once, on an I/O thread (Redis) or inline (memory). Errors:
// UNAVAILABLE / DEADLINE_EXCEEDED when Redis is down or slow; ABORTED from
// Complete when the lease was lost (another replica took the watch over);
// DATA_LOSS when a stored value does not decode.
#ifndef TRACKENRICH_SERVICES_WATCH_WATCH_STORE_H_
#define TRACKENRICH_SERVICES_WATCH_WATCH_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::cache {
class RedisClient;
}  // namespace trackenrich::cache

namespace trackenrich::watch {

// One watch as stored: the public Watch plus what change detection needs.
struct WatchRecord {
  std::string tenant;
  v1::Watch watch;
  // State, ETA and flags at the last poll ("" before the first).
  std::string fingerprint;
  // When DELIVERED was first seen; InfinitePast if not yet.
  absl::Time delivered_at = absl::InfinitePast();
};

// "1734000000000-0": events are ordered by ID within a tenant.
struct StoredEvent {
  std::string id;
  v1::WatchEvent event;
};

struct PutResult {
  WatchRecord record;
  bool created = false;
};

// A watch leased to this replica until the lease expires.
struct ClaimedWatch {
  WatchRecord record;
  std::string lease_token;
};

// Where a tenant's webhook deliveries stand: the last event delivered (or
// dead-lettered) and since when the next one has been failing.
struct DeliveryCursor {
  std::string last_event_id = "0-0";
  absl::Time failing_since = absl::InfinitePast();
};

// A carrier push subscription on one tracking number of a tenant (UPS
// Track Alert), kept while a watch lives on the number.
struct SubscriptionRecord {
  std::string tenant;
  std::string carrier;  // "ups"
  std::string tracking_number;
  // Failed attempts in a row (the backoff's exponent).
  int64_t attempts = 0;
  // Subscribed until; InfinitePast before the first success.
  absl::Time expires_at = absl::InfinitePast();
};

// A subscription leased to this replica, with the watches on its number at
// the time of the claim (at most 50).
struct ClaimedSubscription {
  SubscriptionRecord record;
  std::string lease_token;
  std::vector<WatchRecord> watches;
};

template <typename T>
using StoreCallback = absl::AnyInvocable<void(absl::StatusOr<T>)>;

class WatchStore {
 public:
  virtual ~WatchStore() = default;

  // Survives restarts and is shared by replicas.
  virtual bool durable() const = 0;

  // Stores `record` with its first poll at `due`, unless a watch with its ID
  // exists: then the stored one is returned, unchanged (created false).
  virtual void Put(const WatchRecord& record, absl::Time due, StoreCallback<PutResult> done) = 0;

  // Ends a watch; true when it existed.
  virtual void Remove(const std::string& tenant, const std::string& watch_id,
                      StoreCallback<bool> done) = 0;

  // Up to `limit` of the tenant's watches with IDs after `after_id`, by ID.
  virtual void List(const std::string& tenant, const std::string& after_id, int limit,
                    StoreCallback<std::vector<WatchRecord>> done) = 0;

  // Leases up to `limit` watches due at `now` until now + `lease`; a watch
  // leased to a replica that does not Complete it is due again when its lease
  // expires. Atomic across replicas: each due watch goes to one caller.
  virtual void Claim(absl::Time now, int limit, absl::Duration lease,
                     StoreCallback<std::vector<ClaimedWatch>> done) = 0;

  // After a poll, atomically, if the lease is still held: stores `updated`,
  // appends `event` (if any) to the tenant's stream, and schedules the next
  // poll at `next_due`, or ends the watch when `next_due` is nullopt. Returns
  // the event's ID ("" without an event, or when the watch was removed
  // meanwhile). ABORTED when the lease was lost.
  virtual void Complete(const ClaimedWatch& claimed, const WatchRecord& updated,
                        const v1::WatchEvent* event, std::optional<absl::Time> next_due,
                        StoreCallback<std::string> done) = 0;

  // Up to `limit` events of `tenant` after `after_id` ("0-0": from the
  // oldest kept), oldest first.
  virtual void ReadEvents(const std::string& tenant, const std::string& after_id, int limit,
                          StoreCallback<std::vector<StoredEvent>> done) = 0;

  // The ID of the tenant's newest event, "0-0" when none.
  virtual void LastEventId(const std::string& tenant, StoreCallback<std::string> done) = 0;

  // Makes every watch of `tenant` on `subject` (a tracking number or order
  // ID) due at `now`, except those being polled right now; returns how many.
  virtual void Touch(const std::string& tenant, const std::string& subject, absl::Time now,
                     StoreCallback<int64_t> done) = 0;

  // True the first time `id` is claimed within `ttl` (carrier push replays).
  virtual void ClaimOnce(const std::string& tenant, const std::string& id, absl::Duration ttl,
                         StoreCallback<bool> done) = 0;

  // Webhook delivery for `tenant` is done by one replica at a time: the one
  // holding the delivery lease (`owner`, renewed by calling again within
  // `ttl`). Returns the cursor when this owner holds the lease, nullopt when
  // another does.
  virtual void BeginDelivery(const std::string& tenant, const std::string& owner,
                             absl::Duration ttl,
                             StoreCallback<std::optional<DeliveryCursor>> done) = 0;

  // Saves the cursor (if `owner` still holds the lease); with
  // `dead_letter`, first appends it to the tenant's dead-letter list.
  virtual void SaveDelivery(const std::string& tenant, const std::string& owner,
                            const DeliveryCursor& cursor, const std::string* dead_letter,
                            StoreCallback<bool> done) = 0;

  // Creates the subscription `record` due at `due` unless one exists for its
  // (tenant, carrier, number); true when created. Atomic across replicas.
  virtual void EnsureSubscription(const SubscriptionRecord& record, absl::Time due,
                                  StoreCallback<bool> done) = 0;

  // Leases up to `limit` due subscriptions until now + `lease`, like Claim.
  virtual void ClaimSubscriptions(absl::Time now, int limit, absl::Duration lease,
                                  StoreCallback<std::vector<ClaimedSubscription>> done) = 0;

  // If the lease is still held: appends `events` to the tenant's stream and
  // stores `updated` due at `next_due`, or ends the subscription (nullopt).
  // ABORTED when the lease was lost.
  virtual void CompleteSubscription(const ClaimedSubscription& claimed,
                                    const SubscriptionRecord& updated,
                                    std::optional<absl::Time> next_due,
                                    const std::vector<v1::WatchEvent>& events,
                                    StoreCallback<bool> done) = 0;

  // The tenant's dead-lettered webhook bodies, newest first (at most `limit`).
  virtual void DeadLetters(const std::string& tenant, int limit,
                           StoreCallback<std::vector<std::string>> done) = 0;
};

struct RedisWatchStoreOptions {
  // Events kept (about) per tenant stream: XADD MAXLEN ~.
  int64_t stream_max_len = 100'000;
  // Dead-lettered webhook bodies kept per tenant.
  int64_t dead_letter_max_len = 10'000;
};

// The store on Redis (`redis` must outlive it).
std::unique_ptr<WatchStore> MakeRedisWatchStore(cache::RedisClient& redis,
                                                RedisWatchStoreOptions options);

// The store in this process's memory.
std::unique_ptr<WatchStore> MakeMemoryWatchStore(RedisWatchStoreOptions options);

// The watch ID for (tenant, subject, ticket): 24 hex digits of a SHA-256.
std::string WatchId(absl::string_view tenant, absl::string_view subject_kind,
                    absl::string_view subject, absl::string_view ticket_id);

// Whether stream ID `a` sorts after `b` ("1-2" vs "1-10" numerically).
bool EventIdAfter(absl::string_view a, absl::string_view b);

}  // namespace trackenrich::watch

#endif  // TRACKENRICH_SERVICES_WATCH_WATCH_STORE_H_
