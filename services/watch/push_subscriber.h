// PushSubscriber: keeps a carrier push subscription alive for every watched
// number whose carrier subscribes per number (UPS Track Alert), so UPS
// pushes the package's events to the public listener (services/push) and
// the watch is polled at once instead of at its next due time.
//
// When a watch on a 1Z number of the configured tenant is stored, the
// number gets one subscription record in the WatchStore (created once,
// atomically, however many replicas or watches ask). Subscriptions are due
// times in the store's subscription set, claimed with a lease by one replica
// (the same Lua claim as watches), so each subscription call is made once
// across the fleet:
//   - first due at once: subscribe (POST /api/track/v1/subscription/standard/
//     package, through the UPS adapter's OAuth token cache);
//   - accepted: due again at `lifetime - renew_before` (UPS subscriptions
//     last 14 days: UPSTrackAlert.yaml FAQ "Each 1Z subscription is valid
//     for 14 days"), renewed then while a watch on the number lives and has
//     not reached DELIVERED, CANCELLED or RETURNED; otherwise it ends
//     without a call;
//   - refused as invalid (invalidTrackingNumbers): ends, and each watch on
//     the number gets a WatchEvent with the INVALID_TRACKING flag;
//   - failed (401/403, 429, 5xx, transport, the usage plan refused the
//     slot): due again after retry_base * 2^attempts (at most retry_max).
// Calls take a slot from the UPS rate limit (carriers.ups.rate_limit, per
// tenant, shared by replicas through Redis) like lookups do.
//
//   PushSubscriber subscriber(deps, settings);
//   subscriber.Start();
//   subscriber.OnWatched(record);   // from WatchManager, for each stored watch
//
// Metrics: trackenrich_push_subscriptions_total{carrier, outcome} with
// outcome subscribed, renewed, invalid, failed, ended (per number), and
// trackenrich_push_subscription_calls_total{carrier, code} (per call).
#ifndef TRACKENRICH_SERVICES_WATCH_PUSH_SUBSCRIBER_H_
#define TRACKENRICH_SERVICES_WATCH_PUSH_SUBSCRIBER_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"

#include "cache/rate_limiter.h"
#include "cache/scheduler.h"
#include "services/watch/watch_store.h"

namespace trackenrich::adapters {
class AdapterRegistry;
}  // namespace trackenrich::adapters

namespace trackenrich::server {
class ServiceMetrics;
}  // namespace trackenrich::server

namespace trackenrich::watch {

// push.ups.subscribe (with push.ups.credential and push.ups.tenant).
struct UpsSubscribeSettings {
  bool enabled = false;
  // Whose watches are subscribed: the tenant UPS pushes are applied to.
  std::string tenant = "default";
  // Where UPS pushes (this service's public /push/ups, as the world sees it).
  std::string destination_url;
  std::string credential_type = "Bearer";
  // The `credential` header UPS sends with each push (a secret).
  std::string credential;
  absl::Duration lifetime = absl::Hours(24 * 14);
  absl::Duration renew_before = absl::Hours(24);
  absl::Duration retry_base = absl::Minutes(1);
  absl::Duration retry_max = absl::Hours(1);
  // How often a replica looks for due subscriptions, and the claim's lease.
  absl::Duration tick = absl::Seconds(1);
  absl::Duration lease = absl::Seconds(60);
  absl::Duration call_timeout = absl::Seconds(15);
};

struct PushSubscriberDeps {
  WatchStore* store = nullptr;
  adapters::AdapterRegistry* adapters = nullptr;
  // Null: no rate limit.
  cache::RateLimiter* rate_limiter = nullptr;
  cache::RateLimit ups_limit;
  server::ServiceMetrics* metrics = nullptr;
  cache::Scheduler later;
  std::function<absl::Time()> clock = absl::Now;
};

class PushSubscriber {
 public:
  PushSubscriber(PushSubscriberDeps deps, UpsSubscribeSettings settings);
  ~PushSubscriber();
  PushSubscriber(const PushSubscriber&) = delete;
  PushSubscriber& operator=(const PushSubscriber&) = delete;

  void Start();
  void Stop();

  // Makes sure the watch's number has a subscription (if it is one to
  // subscribe); never fails the watch: a store error is logged and the
  // subscription is made the next time the number is watched.
  void OnWatched(const WatchRecord& record);

 private:
  class Metrics;
  void Tick();
  void Subscribe(std::vector<ClaimedSubscription> batch);
  void Complete(const ClaimedSubscription& claimed, const SubscriptionRecord& updated,
                std::optional<absl::Time> next, std::vector<v1::WatchEvent> events);
  absl::Time Backoff(int64_t attempts, absl::Time now) const;

  PushSubscriberDeps deps_;
  const UpsSubscribeSettings settings_;
  std::unique_ptr<Metrics> metrics_;
  std::atomic<bool> running_{false};
  std::atomic<bool> claiming_{false};
};

// Whether `number` is one UPS Track Alert takes: ^1Z[0-9A-Z]{16}$
// (UPSTrackAlert.yaml, trackingNumberList items).
bool IsUpsTrackAlertNumber(absl::string_view number);

}  // namespace trackenrich::watch

#endif  // TRACKENRICH_SERVICES_WATCH_PUSH_SUBSCRIBER_H_
