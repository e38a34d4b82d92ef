// The WatchStore on Redis. Keys (cache/cache_keys.h escaping):
//   trackenrich:v1:watch:due              sorted set: record key -> due (unix ms)
//   trackenrich:v1:watch:lease            hash: record key -> lease token
//   trackenrich:v1:{tenant}:watch:{id}    hash: t (tenant), w (Watch), f, d
//   trackenrich:v1:{tenant}:watches       sorted set of watch IDs (paging by ID)
//   trackenrich:v1:{tenant}:watch-subject:{number}  set of record keys on a subject
//   trackenrich:v1:{tenant}:push:{delivery ID}     a carrier push seen (replays ignored)
//   trackenrich:v1:{tenant}:events        stream, capped with MAXLEN ~
//   trackenrich:v1:{tenant}:webhook:lock|cursor|dead   webhook delivery
//   trackenrich:v1:subscription:due       sorted set: subscription key -> due
//   trackenrich:v1:subscription:lease     hash: subscription key -> lease token
//   trackenrich:v1:{tenant}:subscription:{carrier}:{number}  hash: t, c, n,
//                                         a (attempts), x (expires, unix ms),
//                                         s (the number's watch-subject key)
// Every multi-key change is one Lua script, so a replica dying between two
// commands cannot leave a watch half-updated.
#include <atomic>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

#include "cache/cache_keys.h"
#include "cache/redis/redis_client.h"
#include "cache/redis/redis_script.h"
#include "services/watch/watch_store.h"

namespace trackenrich::watch {
namespace {

using cache::RedisReply;

constexpr char kDueKey[] = "trackenrich:v1:watch:due";
constexpr char kLeaseKey[] = "trackenrich:v1:watch:lease";
constexpr char kSubscriptionDueKey[] = "trackenrich:v1:subscription:due";
constexpr char kSubscriptionLeaseKey[] = "trackenrich:v1:subscription:lease";

std::string TenantPrefix(absl::string_view tenant) {
  return absl::StrCat(cache::kKeyNamespace, ":", cache::EscapeKeyPart(tenant));
}
std::string RecordKey(absl::string_view tenant, absl::string_view id) {
  return absl::StrCat(TenantPrefix(tenant), ":watch:", id);
}
std::string IndexKey(absl::string_view tenant) { return TenantPrefix(tenant) + ":watches"; }
std::string StreamKey(absl::string_view tenant) { return TenantPrefix(tenant) + ":events"; }
// The set of watch record keys on one subject (a tracking number or order ID).
std::string SubjectPrefix(absl::string_view tenant) {
  return TenantPrefix(tenant) + ":watch-subject:";
}
std::string SubjectOf(const v1::Watch& watch) {
  return cache::EscapeKeyPart(watch.has_shipment() ? watch.shipment().tracking_number()
                                                   : watch.order().order_id());
}
std::string SubscriptionKey(const SubscriptionRecord& record) {
  return absl::StrCat(TenantPrefix(record.tenant),
                      ":subscription:", cache::EscapeKeyPart(record.carrier), ":",
                      cache::EscapeKeyPart(record.tracking_number));
}
std::string WebhookKey(absl::string_view tenant, absl::string_view part) {
  return absl::StrCat(TenantPrefix(tenant), ":webhook:", part);
}

std::string TimeField(absl::Time time) {
  return time == absl::InfinitePast() ? "" : absl::StrCat(absl::ToUnixMillis(time));
}
absl::Time ParseTimeField(absl::string_view text) {
  int64_t ms = 0;
  if (text.empty() || !absl::SimpleAtoi(text, &ms)) return absl::InfinitePast();
  return absl::FromUnixMillis(ms);
}

// Fields t, w, f, d as four replies.
absl::StatusOr<WatchRecord> DecodeRecord(const RedisReply* fields) {
  WatchRecord record;
  if (fields[0].is_nil() || fields[1].is_nil()) return absl::DataLossError("watch record missing");
  record.tenant = fields[0].str;
  if (!record.watch.ParseFromString(fields[1].str)) {
    return absl::DataLossError("watch record does not decode");
  }
  record.fingerprint = fields[2].str;
  record.delivered_at = ParseTimeField(fields[3].str);
  return record;
}

absl::Status ReplyError(const absl::StatusOr<RedisReply>& reply) {
  if (!reply.ok()) return reply.status();
  if (reply->is_error()) {
    if (absl::StartsWith(reply->str, "ABORTED")) return absl::AbortedError("watch lease lost");
    return absl::InternalError(absl::StrCat("redis: ", reply->str));
  }
  return absl::OkStatus();
}

const cache::RedisScript kPut(R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HMGET', KEYS[1], 't', 'w', 'f', 'd')
end
redis.call('HSET', KEYS[1], 't', ARGV[2], 'w', ARGV[3], 'f', ARGV[4], 'd', ARGV[5], 's', ARGV[7])
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[6], KEYS[1])
redis.call('SADD', KEYS[4], KEYS[1])
return 0
)lua");

const cache::RedisScript kRemove(R"lua(
local subject = redis.call('HGET', KEYS[1], 's')
if subject then redis.call('SREM', ARGV[2] .. subject, KEYS[1]) end
local existed = redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], KEYS[1])
redis.call('HDEL', KEYS[4], KEYS[1])
return existed
)lua");

// Leases due watches by pushing their due time to the lease's end; returns
// key, t, w, f, d per watch.
const cache::RedisScript kClaim(R"lua(
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, member in ipairs(due) do
  local fields = redis.call('HMGET', member, 't', 'w', 'f', 'd')
  if fields[2] then
    redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[3]), member)
    redis.call('HSET', KEYS[2], member, ARGV[4])
    table.insert(out, member)
    for i = 1, 4 do table.insert(out, fields[i] or '') end
  else
    redis.call('ZREM', KEYS[1], member)
  end
end
return out
)lua");

const cache::RedisScript kComplete(R"lua(
if redis.call('HGET', KEYS[2], KEYS[3]) ~= ARGV[1] then
  return redis.error_reply('ABORTED watch lease lost')
end
redis.call('HDEL', KEYS[2], KEYS[3])
if redis.call('EXISTS', KEYS[3]) == 0 then
  redis.call('ZREM', KEYS[1], KEYS[3])
  return ''
end
local id = ''
if ARGV[7] ~= '' then
  id = redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[8], '*', 'e', ARGV[7])
end
if ARGV[2] == '' then
  local subject = redis.call('HGET', KEYS[3], 's')
  if subject then redis.call('SREM', ARGV[10] .. subject, KEYS[3]) end
  redis.call('DEL', KEYS[3])
  redis.call('ZREM', KEYS[5], ARGV[9])
  redis.call('ZREM', KEYS[1], KEYS[3])
else
  redis.call('HSET', KEYS[3], 't', ARGV[3], 'w', ARGV[4], 'f', ARGV[5], 'd', ARGV[6])
  redis.call('ZADD', KEYS[1], ARGV[2], KEYS[3])
end
return id
)lua");

// Makes every watch on a subject due now, except those being polled.
const cache::RedisScript kTouch(R"lua(
local touched = 0
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('HEXISTS', KEYS[3], member) == 0 then
    touched = touched + redis.call('ZADD', KEYS[2], 'XX', 'CH', ARGV[1], member)
  end
end
return touched
)lua");

const cache::RedisScript kBeginDelivery(R"lua(
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return false end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
local c = redis.call('HMGET', KEYS[2], 'c', 's')
return {c[1] or '0-0', c[2] or ''}
)lua");

const cache::RedisScript kSaveDelivery(R"lua(
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[4] ~= '' then
  redis.call('LPUSH', KEYS[3], ARGV[4])
  redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[5]) - 1)
end
redis.call('HSET', KEYS[2], 'c', ARGV[2], 's', ARGV[3])
return 1
)lua");

const cache::RedisScript kEnsureSubscription(R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 't', ARGV[1], 'c', ARGV[2], 'n', ARGV[3], 'a', '0', 'x', '',
           's', ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[5], KEYS[1])
return 1
)lua");

// Leases due subscriptions; returns per subscription {key, t, c, n, a, x,
// {t, w, f, d of each watch on the number (at most 50)}}.
const cache::RedisScript kClaimSubscriptions(R"lua(
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, member in ipairs(due) do
  local f = redis.call('HMGET', member, 't', 'c', 'n', 'a', 'x', 's')
  if f[1] then
    redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[3]), member)
    redis.call('HSET', KEYS[2], member, ARGV[4])
    local watches = {}
    local keys = redis.call('SMEMBERS', f[6])
    for i = 1, math.min(#keys, 50) do
      local w = redis.call('HMGET', keys[i], 't', 'w', 'f', 'd')
      if w[2] then
        for j = 1, 4 do table.insert(watches, w[j] or '') end
      end
    end
    table.insert(out, {member, f[1], f[2], f[3], f[4] or '0', f[5] or '', watches})
  else
    redis.call('ZREM', KEYS[1], member)
  end
end
return out
)lua");

const cache::RedisScript kCompleteSubscription(R"lua(
if redis.call('HGET', KEYS[2], KEYS[3]) ~= ARGV[1] then
  return redis.error_reply('ABORTED subscription lease lost')
end
redis.call('HDEL', KEYS[2], KEYS[3])
for i = 6, #ARGV do
  redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[5], '*', 'e', ARGV[i])
end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[3])
  redis.call('ZREM', KEYS[1], KEYS[3])
elseif redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('HSET', KEYS[3], 'a', ARGV[3], 'x', ARGV[4])
  redis.call('ZADD', KEYS[1], ARGV[2], KEYS[3])
end
return 1
)lua");

absl::StatusOr<std::vector<StoredEvent>> DecodeEntries(const RedisReply& reply) {
  std::vector<StoredEvent> events;
  for (const RedisReply& entry : reply.elements) {
    if (entry.elements.size() != 2) return absl::DataLossError("stream entry malformed");
    StoredEvent event;
    event.id = entry.elements[0].str;
    const auto& fields = entry.elements[1].elements;
    for (size_t i = 0; i + 1 < fields.size(); i += 2) {
      if (fields[i].str == "e" && !event.event.ParseFromString(fields[i + 1].str)) {
        return absl::DataLossError("stream event does not decode");
      }
    }
    event.event.set_event_id(event.id);
    events.push_back(std::move(event));
  }
  return events;
}

class RedisWatchStore final : public WatchStore {
 public:
  RedisWatchStore(cache::RedisClient& redis, RedisWatchStoreOptions options)
      : redis_(redis), options_(options) {}

  bool durable() const override { return true; }

  void Put(const WatchRecord& record, absl::Time due, StoreCallback<PutResult> done) override {
    const std::string& id = record.watch.watch_id();
    kPut.Run(redis_,
             {RecordKey(record.tenant, id), IndexKey(record.tenant), kDueKey,
              SubjectPrefix(record.tenant) + SubjectOf(record.watch)},
             {id, record.tenant, record.watch.SerializeAsString(), record.fingerprint,
              TimeField(record.delivered_at), absl::StrCat(absl::ToUnixMillis(due)),
              SubjectOf(record.watch)},
             [record, done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
               if (auto status = ReplyError(reply); !status.ok()) return done(status);
               if (reply->type == RedisReply::Type::kInteger) {
                 return done(PutResult{record, true});
               }
               if (reply->elements.size() != 4) return done(absl::DataLossError("watch record"));
               auto existing = DecodeRecord(reply->elements.data());
               if (!existing.ok()) return done(existing.status());
               done(PutResult{*std::move(existing), false});
             });
  }

  void Remove(const std::string& tenant, const std::string& watch_id,
              StoreCallback<bool> done) override {
    kRemove.Run(redis_, {RecordKey(tenant, watch_id), IndexKey(tenant), kDueKey, kLeaseKey},
                {watch_id, SubjectPrefix(tenant)},
                [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                  if (auto status = ReplyError(reply); !status.ok()) return done(status);
                  done(reply->integer > 0);
                });
  }

  void List(const std::string& tenant, const std::string& after_id, int limit,
            StoreCallback<std::vector<WatchRecord>> done) override {
    redis_.Command(
        {"ZRANGEBYLEX", IndexKey(tenant), after_id.empty() ? "-" : absl::StrCat("(", after_id), "+",
         "LIMIT", "0", absl::StrCat(limit)},
        [this, tenant, done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
          if (auto status = ReplyError(reply); !status.ok()) return done(status);
          if (reply->elements.empty()) return done(std::vector<WatchRecord>{});
          std::vector<std::vector<std::string>> commands;
          for (const RedisReply& id : reply->elements) {
            commands.push_back({"HMGET", RecordKey(tenant, id.str), "t", "w", "f", "d"});
          }
          redis_.Pipeline(
              std::move(commands),
              [done = std::move(done)](absl::StatusOr<std::vector<RedisReply>> replies) mutable {
                if (!replies.ok()) return done(replies.status());
                std::vector<WatchRecord> page;
                for (const RedisReply& fields : *replies) {
                  if (fields.elements.size() != 4) continue;
                  auto record = DecodeRecord(fields.elements.data());
                  // Removed between the two reads: skipped.
                  if (record.ok()) page.push_back(*std::move(record));
                }
                done(std::move(page));
              });
        });
  }

  void Claim(absl::Time now, int limit, absl::Duration lease,
             StoreCallback<std::vector<ClaimedWatch>> done) override {
    const std::string token = absl::StrCat(absl::ToUnixNanos(absl::Now()), "-", ++tokens_, "-",
                                           reinterpret_cast<uintptr_t>(this));
    kClaim.Run(redis_, {kDueKey, kLeaseKey},
               {absl::StrCat(absl::ToUnixMillis(now)), absl::StrCat(limit),
                absl::StrCat(absl::ToInt64Milliseconds(lease)), token},
               [token, done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                 if (auto status = ReplyError(reply); !status.ok()) return done(status);
                 std::vector<ClaimedWatch> claimed;
                 const auto& items = reply->elements;
                 for (size_t i = 0; i + 4 < items.size(); i += 5) {
                   auto record = DecodeRecord(&items[i + 1]);
                   if (!record.ok()) continue;
                   claimed.push_back({*std::move(record), token});
                 }
                 done(std::move(claimed));
               });
  }

  void Complete(const ClaimedWatch& claimed, const WatchRecord& updated,
                const v1::WatchEvent* event, std::optional<absl::Time> next_due,
                StoreCallback<std::string> done) override {
    const std::string& id = updated.watch.watch_id();
    kComplete.Run(
        redis_,
        {kDueKey, kLeaseKey, RecordKey(updated.tenant, id), StreamKey(updated.tenant),
         IndexKey(updated.tenant)},
        {claimed.lease_token,
         next_due.has_value() ? absl::StrCat(absl::ToUnixMillis(*next_due)) : "", updated.tenant,
         updated.watch.SerializeAsString(), updated.fingerprint, TimeField(updated.delivered_at),
         event != nullptr ? event->SerializeAsString() : "", absl::StrCat(options_.stream_max_len),
         id, SubjectPrefix(updated.tenant)},
        [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
          if (auto status = ReplyError(reply); !status.ok()) return done(status);
          done(reply->str);
        });
  }

  void ReadEvents(const std::string& tenant, const std::string& after_id, int limit,
                  StoreCallback<std::vector<StoredEvent>> done) override {
    redis_.Command({"XRANGE", StreamKey(tenant), absl::StrCat("(", after_id), "+", "COUNT",
                    absl::StrCat(limit)},
                   [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                     if (auto status = ReplyError(reply); !status.ok()) return done(status);
                     done(DecodeEntries(*reply));
                   });
  }

  void LastEventId(const std::string& tenant, StoreCallback<std::string> done) override {
    redis_.Command({"XREVRANGE", StreamKey(tenant), "+", "-", "COUNT", "1"},
                   [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                     if (auto status = ReplyError(reply); !status.ok()) return done(status);
                     if (reply->elements.empty()) return done(std::string("0-0"));
                     done(reply->elements[0].elements.empty() ? std::string("0-0")
                                                              : reply->elements[0].elements[0].str);
                   });
  }

  void Touch(const std::string& tenant, const std::string& subject, absl::Time now,
             StoreCallback<int64_t> done) override {
    kTouch.Run(redis_, {SubjectPrefix(tenant) + cache::EscapeKeyPart(subject), kDueKey, kLeaseKey},
               {absl::StrCat(absl::ToUnixMillis(now))},
               [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                 if (auto status = ReplyError(reply); !status.ok()) return done(status);
                 done(reply->integer);
               });
  }

  void ClaimOnce(const std::string& tenant, const std::string& id, absl::Duration ttl,
                 StoreCallback<bool> done) override {
    redis_.Command({"SET", absl::StrCat(TenantPrefix(tenant), ":push:", cache::EscapeKeyPart(id)),
                    "1", "NX", "PX", absl::StrCat(absl::ToInt64Milliseconds(ttl))},
                   [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                     if (auto status = ReplyError(reply); !status.ok()) return done(status);
                     done(!reply->is_nil());
                   });
  }

  void BeginDelivery(const std::string& tenant, const std::string& owner, absl::Duration ttl,
                     StoreCallback<std::optional<DeliveryCursor>> done) override {
    kBeginDelivery.Run(redis_, {WebhookKey(tenant, "lock"), WebhookKey(tenant, "cursor")},
                       {owner, absl::StrCat(absl::ToInt64Milliseconds(ttl))},
                       [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                         if (auto status = ReplyError(reply); !status.ok()) return done(status);
                         if (reply->is_nil() || reply->elements.size() != 2) {
                           return done(std::optional<DeliveryCursor>());
                         }
                         DeliveryCursor cursor;
                         cursor.last_event_id = reply->elements[0].str;
                         cursor.failing_since = ParseTimeField(reply->elements[1].str);
                         done(std::optional<DeliveryCursor>(cursor));
                       });
  }

  void SaveDelivery(const std::string& tenant, const std::string& owner,
                    const DeliveryCursor& cursor, const std::string* dead_letter,
                    StoreCallback<bool> done) override {
    kSaveDelivery.Run(
        redis_,
        {WebhookKey(tenant, "lock"), WebhookKey(tenant, "cursor"), WebhookKey(tenant, "dead")},
        {owner, cursor.last_event_id, TimeField(cursor.failing_since),
         dead_letter != nullptr ? *dead_letter : "", absl::StrCat(options_.dead_letter_max_len)},
        [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
          if (auto status = ReplyError(reply); !status.ok()) return done(status);
          done(reply->integer == 1);
        });
  }

  void EnsureSubscription(const SubscriptionRecord& record, absl::Time due,
                          StoreCallback<bool> done) override {
    kEnsureSubscription.Run(
        redis_, {SubscriptionKey(record), kSubscriptionDueKey},
        {record.tenant, record.carrier, record.tracking_number,
         SubjectPrefix(record.tenant) + cache::EscapeKeyPart(record.tracking_number),
         absl::StrCat(absl::ToUnixMillis(due))},
        [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
          if (auto status = ReplyError(reply); !status.ok()) return done(status);
          done(reply->integer == 1);
        });
  }

  void ClaimSubscriptions(absl::Time now, int limit, absl::Duration lease,
                          StoreCallback<std::vector<ClaimedSubscription>> done) override {
    const std::string token = absl::StrCat("s", absl::ToUnixNanos(absl::Now()), "-", ++tokens_, "-",
                                           reinterpret_cast<uintptr_t>(this));
    kClaimSubscriptions.Run(
        redis_, {kSubscriptionDueKey, kSubscriptionLeaseKey},
        {absl::StrCat(absl::ToUnixMillis(now)), absl::StrCat(limit),
         absl::StrCat(absl::ToInt64Milliseconds(lease)), token},
        [token, done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
          if (auto status = ReplyError(reply); !status.ok()) return done(status);
          std::vector<ClaimedSubscription> claimed;
          for (const RedisReply& item : reply->elements) {
            const auto& f = item.elements;
            if (f.size() != 7) return done(absl::DataLossError("subscription claim malformed"));
            ClaimedSubscription one;
            one.lease_token = token;
            one.record.tenant = f[1].str;
            one.record.carrier = f[2].str;
            one.record.tracking_number = f[3].str;
            (void)absl::SimpleAtoi(f[4].str, &one.record.attempts);
            one.record.expires_at = ParseTimeField(f[5].str);
            const auto& watches = f[6].elements;
            for (size_t i = 0; i + 3 < watches.size(); i += 4) {
              auto record = DecodeRecord(&watches[i]);
              if (record.ok()) one.watches.push_back(*std::move(record));
            }
            claimed.push_back(std::move(one));
          }
          done(std::move(claimed));
        });
  }

  void CompleteSubscription(const ClaimedSubscription& claimed, const SubscriptionRecord& updated,
                            std::optional<absl::Time> next_due,
                            const std::vector<v1::WatchEvent>& events,
                            StoreCallback<bool> done) override {
    std::vector<std::string> args = {
        claimed.lease_token,
        next_due.has_value() ? absl::StrCat(absl::ToUnixMillis(*next_due)) : "",
        absl::StrCat(updated.attempts), TimeField(updated.expires_at),
        absl::StrCat(options_.stream_max_len)};
    for (const v1::WatchEvent& event : events) args.push_back(event.SerializeAsString());
    kCompleteSubscription.Run(redis_,
                              {kSubscriptionDueKey, kSubscriptionLeaseKey,
                               SubscriptionKey(claimed.record), StreamKey(updated.tenant)},
                              std::move(args),
                              [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                                if (auto status = ReplyError(reply); !status.ok())
                                  return done(status);
                                done(true);
                              });
  }

  void DeadLetters(const std::string& tenant, int limit,
                   StoreCallback<std::vector<std::string>> done) override {
    redis_.Command({"LRANGE", WebhookKey(tenant, "dead"), "0", absl::StrCat(limit - 1)},
                   [done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
                     if (auto status = ReplyError(reply); !status.ok()) return done(status);
                     std::vector<std::string> letters;
                     for (const RedisReply& item : reply->elements) letters.push_back(item.str);
                     done(std::move(letters));
                   });
  }

 private:
  cache::RedisClient& redis_;
  const RedisWatchStoreOptions options_;
  std::atomic<uint64_t> tokens_{0};
};

}  // namespace

std::unique_ptr<WatchStore> MakeRedisWatchStore(cache::RedisClient& redis,
                                                RedisWatchStoreOptions options) {
  return std::make_unique<RedisWatchStore>(redis, options);
}

}  // namespace trackenrich::watch
