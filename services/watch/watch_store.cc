// The in-process WatchStore and the helpers both stores share.
#include "services/watch/watch_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"

#include "openssl/sha.h"

namespace trackenrich::watch {

std::string WatchId(absl::string_view tenant, absl::string_view subject_kind,
                    absl::string_view subject, absl::string_view ticket_id) {
  // Length-prefixed parts, so no two tuples hash the same input.
  const std::string input =
      absl::StrCat(tenant.size(), ":", tenant, subject_kind.size(), ":", subject_kind,
                   subject.size(), ":", subject, ticket_id.size(), ":", ticket_id);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(digest), 12));
}

namespace {

std::pair<uint64_t, uint64_t> SplitEventId(absl::string_view id) {
  std::pair<absl::string_view, absl::string_view> parts =
      absl::StrSplit(id, absl::MaxSplits('-', 1));
  uint64_t ms = 0, seq = 0;
  (void)absl::SimpleAtoi(parts.first, &ms);
  (void)absl::SimpleAtoi(parts.second, &seq);
  return {ms, seq};
}

class MemoryWatchStore final : public WatchStore {
 public:
  explicit MemoryWatchStore(RedisWatchStoreOptions options) : options_(options) {}

  bool durable() const override { return false; }

  void Put(const WatchRecord& record, absl::Time due, StoreCallback<PutResult> done) override {
    PutResult result;
    {
      absl::MutexLock lock(&mu_);
      Tenant& tenant = tenants_[record.tenant];
      auto [it, inserted] = tenant.watches.try_emplace(record.watch.watch_id(), record);
      result.created = inserted;
      result.record = it->second;
      if (inserted) Schedule(record.tenant, record.watch.watch_id(), due);
    }
    done(std::move(result));
  }

  void Remove(const std::string& tenant, const std::string& watch_id,
              StoreCallback<bool> done) override {
    bool removed = false;
    {
      absl::MutexLock lock(&mu_);
      removed = tenants_[tenant].watches.erase(watch_id) > 0;
      Unschedule(tenant, watch_id);
    }
    done(removed);
  }

  void List(const std::string& tenant, const std::string& after_id, int limit,
            StoreCallback<std::vector<WatchRecord>> done) override {
    std::vector<WatchRecord> page;
    {
      absl::MutexLock lock(&mu_);
      const Tenant& t = tenants_[tenant];
      for (auto it = t.watches.upper_bound(after_id);
           it != t.watches.end() && static_cast<int>(page.size()) < limit; ++it) {
        page.push_back(it->second);
      }
    }
    done(std::move(page));
  }

  void Claim(absl::Time now, int limit, absl::Duration lease,
             StoreCallback<std::vector<ClaimedWatch>> done) override {
    std::vector<ClaimedWatch> claimed;
    {
      absl::MutexLock lock(&mu_);
      while (!due_.empty() && static_cast<int>(claimed.size()) < limit &&
             due_.begin()->first <= now) {
        const Member member = due_.begin()->second;
        Unschedule(member.first, member.second);
        const std::string token = absl::StrCat("m", ++tokens_);
        Schedule(member.first, member.second, now + lease);
        Tenant& tenant = tenants_[member.first];
        auto it = tenant.watches.find(member.second);
        if (it == tenant.watches.end()) continue;
        tenant.leases[member.second] = token;
        claimed.push_back({it->second, token});
      }
    }
    done(std::move(claimed));
  }

  void Complete(const ClaimedWatch& claimed, const WatchRecord& updated,
                const v1::WatchEvent* event, std::optional<absl::Time> next_due,
                StoreCallback<std::string> done) override {
    absl::StatusOr<std::string> result;
    {
      absl::MutexLock lock(&mu_);
      Tenant& tenant = tenants_[updated.tenant];
      const std::string& id = updated.watch.watch_id();
      auto lease = tenant.leases.find(id);
      if (lease == tenant.leases.end() || lease->second != claimed.lease_token) {
        result = absl::AbortedError("watch lease lost");
      } else {
        tenant.leases.erase(lease);
        auto it = tenant.watches.find(id);
        if (it == tenant.watches.end()) {
          result = std::string();
        } else {
          std::string event_id;
          if (event != nullptr) event_id = AppendEvent(updated.tenant, *event);
          Unschedule(updated.tenant, id);
          if (next_due.has_value()) {
            it->second = updated;
            Schedule(updated.tenant, id, *next_due);
          } else {
            tenant.watches.erase(it);
          }
          result = event_id;
        }
      }
    }
    done(std::move(result));
  }

  void ReadEvents(const std::string& tenant, const std::string& after_id, int limit,
                  StoreCallback<std::vector<StoredEvent>> done) override {
    std::vector<StoredEvent> events;
    {
      absl::MutexLock lock(&mu_);
      for (const StoredEvent& event : tenants_[tenant].events) {
        if (static_cast<int>(events.size()) >= limit) break;
        if (EventIdAfter(event.id, after_id)) events.push_back(event);
      }
    }
    done(std::move(events));
  }

  void LastEventId(const std::string& tenant, StoreCallback<std::string> done) override {
    std::string id = "0-0";
    {
      absl::MutexLock lock(&mu_);
      const Tenant& t = tenants_[tenant];
      if (!t.events.empty()) id = t.events.back().id;
    }
    done(std::move(id));
  }

  void Touch(const std::string& tenant, const std::string& subject, absl::Time now,
             StoreCallback<int64_t> done) override {
    int64_t touched = 0;
    {
      absl::MutexLock lock(&mu_);
      Tenant& t = tenants_[tenant];
      for (const auto& [id, record] : t.watches) {
        const v1::Watch& w = record.watch;
        const std::string& on =
            w.has_shipment() ? w.shipment().tracking_number() : w.order().order_id();
        if (on != subject || t.leases.contains(id)) continue;
        Unschedule(tenant, id);
        Schedule(tenant, id, now);
        ++touched;
      }
    }
    done(touched);
  }

  void ClaimOnce(const std::string& tenant, const std::string& id, absl::Duration ttl,
                 StoreCallback<bool> done) override {
    bool first = false;
    {
      absl::MutexLock lock(&mu_);
      const absl::Time now = absl::Now();
      auto [it, inserted] = claimed_once_.try_emplace(absl::StrCat(tenant, "/", id), now + ttl);
      if (!inserted && it->second <= now) {
        it->second = now + ttl;
        inserted = true;
      }
      first = inserted;
    }
    done(first);
  }

  void BeginDelivery(const std::string& tenant, const std::string& owner, absl::Duration ttl,
                     StoreCallback<std::optional<DeliveryCursor>> done) override {
    DeliveryCursor cursor;
    {
      absl::MutexLock lock(&mu_);
      cursor = tenants_[tenant].cursor;
    }
    done(std::optional<DeliveryCursor>(cursor));
  }

  void SaveDelivery(const std::string& tenant, const std::string& owner,
                    const DeliveryCursor& cursor, const std::string* dead_letter,
                    StoreCallback<bool> done) override {
    {
      absl::MutexLock lock(&mu_);
      Tenant& t = tenants_[tenant];
      t.cursor = cursor;
      if (dead_letter != nullptr) {
        t.dead_letters.insert(t.dead_letters.begin(), *dead_letter);
        if (static_cast<int64_t>(t.dead_letters.size()) > options_.dead_letter_max_len) {
          t.dead_letters.pop_back();
        }
      }
    }
    done(true);
  }

  void EnsureSubscription(const SubscriptionRecord& record, absl::Time due,
                          StoreCallback<bool> done) override {
    bool created = false;
    {
      absl::MutexLock lock(&mu_);
      const SubscriptionKey key{record.tenant, record.carrier, record.tracking_number};
      if (!subscriptions_.contains(key)) {
        subscriptions_[key] = {record, due, ""};
        created = true;
      }
    }
    done(created);
  }

  void ClaimSubscriptions(absl::Time now, int limit, absl::Duration lease,
                          StoreCallback<std::vector<ClaimedSubscription>> done) override {
    std::vector<ClaimedSubscription> claimed;
    {
      absl::MutexLock lock(&mu_);
      for (auto& [key, entry] : subscriptions_) {
        if (static_cast<int>(claimed.size()) >= limit) break;
        if (entry.due > now) continue;
        entry.due = now + lease;
        entry.lease = absl::StrCat("s", ++tokens_);
        ClaimedSubscription one{entry.record, entry.lease, {}};
        for (const auto& [id, watch] : tenants_[entry.record.tenant].watches) {
          if (watch.watch.has_shipment() &&
              watch.watch.shipment().tracking_number() == entry.record.tracking_number &&
              one.watches.size() < 50) {
            one.watches.push_back(watch);
          }
        }
        claimed.push_back(std::move(one));
      }
    }
    done(std::move(claimed));
  }

  void CompleteSubscription(const ClaimedSubscription& claimed, const SubscriptionRecord& updated,
                            std::optional<absl::Time> next_due,
                            const std::vector<v1::WatchEvent>& events,
                            StoreCallback<bool> done) override {
    absl::Status status;
    {
      absl::MutexLock lock(&mu_);
      const SubscriptionRecord& r = claimed.record;
      auto it = subscriptions_.find(SubscriptionKey{r.tenant, r.carrier, r.tracking_number});
      if (it == subscriptions_.end() || it->second.lease != claimed.lease_token) {
        status = absl::AbortedError("subscription lease lost");
      } else {
        for (const v1::WatchEvent& event : events) AppendEvent(updated.tenant, event);
        if (next_due.has_value()) {
          it->second = {updated, *next_due, ""};
        } else {
          subscriptions_.erase(it);
        }
      }
    }
    if (!status.ok()) return done(status);
    done(true);
  }

  void DeadLetters(const std::string& tenant, int limit,
                   StoreCallback<std::vector<std::string>> done) override {
    std::vector<std::string> letters;
    {
      absl::MutexLock lock(&mu_);
      const auto& all = tenants_[tenant].dead_letters;
      letters.assign(all.begin(), all.begin() + std::min<size_t>(all.size(), limit));
    }
    done(std::move(letters));
  }

 private:
  using Member = std::pair<std::string, std::string>;  // tenant, watch ID
  // tenant, carrier, number
  using SubscriptionKey = std::tuple<std::string, std::string, std::string>;
  struct SubscriptionEntry {
    SubscriptionRecord record;
    absl::Time due;
    std::string lease;
  };
  struct Tenant {
    std::map<std::string, WatchRecord> watches;
    absl::flat_hash_map<std::string, std::string> leases;
    std::vector<StoredEvent> events;
    DeliveryCursor cursor;
    std::vector<std::string> dead_letters;
  };

  // Adds `event` to the tenant's events with the next ID; returns the ID.
  std::string AppendEvent(const std::string& tenant_name, const v1::WatchEvent& event)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    Tenant& tenant = tenants_[tenant_name];
    uint64_t ms = static_cast<uint64_t>(absl::ToUnixMillis(absl::Now()));
    uint64_t seq = 0;
    if (!tenant.events.empty()) {
      auto [last_ms, last_seq] = SplitEventId(tenant.events.back().id);
      if (ms <= last_ms) {
        ms = last_ms;
        seq = last_seq + 1;
      }
    }
    std::string event_id = absl::StrCat(ms, "-", seq);
    tenant.events.push_back({event_id, event});
    tenant.events.back().event.set_event_id(event_id);
    while (static_cast<int64_t>(tenant.events.size()) > options_.stream_max_len) {
      tenant.events.erase(tenant.events.begin());
    }
    return event_id;
  }

  void Schedule(const std::string& tenant, const std::string& id, absl::Time due)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    due_.emplace(due, Member{tenant, id});
    due_of_[Member{tenant, id}] = due;
  }

  void Unschedule(const std::string& tenant, const std::string& id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = due_of_.find(Member{tenant, id});
    if (it == due_of_.end()) return;
    auto [first, last] = due_.equal_range(it->second);
    for (auto i = first; i != last; ++i) {
      if (i->second == it->first) {
        due_.erase(i);
        break;
      }
    }
    due_of_.erase(it);
  }

  const RedisWatchStoreOptions options_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Tenant> tenants_ ABSL_GUARDED_BY(mu_);
  std::multimap<absl::Time, Member> due_ ABSL_GUARDED_BY(mu_);
  std::map<Member, absl::Time> due_of_ ABSL_GUARDED_BY(mu_);
  uint64_t tokens_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_map<std::string, absl::Time> claimed_once_ ABSL_GUARDED_BY(mu_);
  std::map<SubscriptionKey, SubscriptionEntry> subscriptions_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

bool EventIdAfter(absl::string_view a, absl::string_view b) {
  return SplitEventId(a) > SplitEventId(b);
}

std::unique_ptr<WatchStore> MakeMemoryWatchStore(RedisWatchStoreOptions options) {
  return std::make_unique<MemoryWatchStore>(options);
}

}  // namespace trackenrich::watch
