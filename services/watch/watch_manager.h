// WatchManager: the watches of every tenant, kept in a WatchStore, and the
// poller every replica runs: each tick it claims a batch of due watches
// (atomically, with a lease: one replica per due watch), looks each up
// through the normal cached lookup pipeline (services/lookup), enriches the
// answer exactly as EnrichTicket does (flags, next action, reply draft), and
// on a change of state, ETA or flags appends a WatchEvent to the tenant's
// event stream in the same atomic step that reschedules the watch.
//
//   WatchManager watches(deps, settings);
//   watches.Start();
//   watches.WatchShipment("acme", request, [](absl::StatusOr<v1::WatchShipmentResponse> r) {});
//   watches.Stop();   // before the io_context stops
//
// Errors: INVALID_ARGUMENT naming the field (shipment.tracking_number,
// order.order_id, ticket_id, labels); NOT_FOUND for an unknown watch ID in
// Unwatch (answered as removed=false instead); UNAVAILABLE when the store
// (Redis) is down.
#ifndef TRACKENRICH_SERVICES_WATCH_WATCH_MANAGER_H_
#define TRACKENRICH_SERVICES_WATCH_WATCH_MANAGER_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

#include "cache/scheduler.h"
#include "services/enrichment/enrichment_settings.h"
#include "services/enrichment/reply_templates.h"
#include "services/lookup/order_lookup.h"
#include "services/lookup/shipment_lookup.h"
#include "services/metrics/service_metrics.h"
#include "services/watch/watch_settings.h"
#include "services/watch/watch_store.h"
#include "trackenrich/v1/tracking_service.pb.h"

namespace prometheus {
class Counter;
}  // namespace prometheus

namespace trackenrich::watch {

struct WatchDeps {
  WatchStore* store = nullptr;
  server::ShipmentLookup* shipments = nullptr;
  server::OrderLookup* orders = nullptr;
  server::ServiceMetrics* metrics = nullptr;
  cache::Scheduler later;
  // What EnrichTicket uses, so events carry the same flags and replies.
  std::shared_ptr<const enrichment::TemplateCatalog> templates =
      enrichment::TemplateCatalog::Builtin();
  enrichment::EnrichmentSettings enrichment;
  enrichment::ReplyPolicy reply_policy;
  std::function<absl::Time()> clock = absl::Now;
  // Called with each watch WatchShipment or WatchOrder stored (new or
  // existing): carrier push subscriptions (push_subscriber.h). May be empty.
  std::function<void(const WatchRecord&)> on_stored;
};

template <typename T>
using Done = absl::AnyInvocable<void(absl::StatusOr<T>)>;

class WatchManager {
 public:
  WatchManager(WatchDeps deps, WatchSettings settings);
  ~WatchManager();
  WatchManager(const WatchManager&) = delete;
  WatchManager& operator=(const WatchManager&) = delete;

  // Starts the poller; returns at once.
  void Start();
  // Stops claiming; polls in flight finish or their leases expire.
  void Stop();

  // Looks the subject up once (its baseline), then stores the watch with its
  // next poll by state. Idempotent on (tenant, subject, ticket ID).
  void WatchShipment(const std::string& tenant, const v1::WatchShipmentRequest& request,
                     Done<v1::WatchShipmentResponse> done);
  void WatchOrder(const std::string& tenant, const v1::WatchOrderRequest& request,
                  Done<v1::WatchOrderResponse> done);
  void Unwatch(const std::string& tenant, const std::string& watch_id,
               Done<v1::UnwatchResponse> done);
  void List(const std::string& tenant, const v1::ListWatchesRequest& request,
            Done<v1::ListWatchesResponse> done);

  WatchStore& store() { return *deps_.store; }
  const WatchSettings& settings() const { return settings_; }
  const cache::Scheduler& later() const { return deps_.later; }

 private:
  struct Observation;
  class Metrics;

  void Tick();
  void Poll(ClaimedWatch claimed);
  void Observe(const WatchRecord& record, absl::Time deadline, bool force_refresh,
               absl::AnyInvocable<void(absl::StatusOr<Observation>)> done);
  void Finish(ClaimedWatch claimed, absl::StatusOr<Observation> observed);
  void Create(WatchRecord record, Done<v1::WatchShipmentResponse> done);
  absl::Time NextPoll(v1::ShipmentState state, absl::Time now);

  WatchDeps deps_;
  const WatchSettings settings_;
  std::unique_ptr<Metrics> metrics_;
  std::atomic<bool> running_{false};
  std::atomic<int64_t> in_flight_{0};
  std::atomic<bool> claiming_{false};
};

}  // namespace trackenrich::watch

#endif  // TRACKENRICH_SERVICES_WATCH_WATCH_MANAGER_H_
