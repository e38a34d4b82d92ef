#include "services/watch/push_subscriber.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "prometheus/counter.h"
#include "prometheus/registry.h"
#include "spdlog/spdlog.h"

#include "adapters/tracking_source.h"
#include "cache/cache_keys.h"
#include "services/metrics/service_metrics.h"

namespace trackenrich::watch {

bool IsUpsTrackAlertNumber(absl::string_view number) {
  if (number.size() != 18 || number[0] != '1' || number[1] != 'Z') return false;
  return std::all_of(number.begin() + 2, number.end(),
                     [](char c) { return absl::ascii_isdigit(c) || (c >= 'A' && c <= 'Z'); });
}

namespace {

constexpr char kUps[] = "ups";
// Numbers per subscription call: trackingNumberList maxItems (UPSTrackAlert.yaml).
constexpr int kBatch = 100;

bool Ended(v1::ShipmentState state) {
  return state == v1::SHIPMENT_STATE_DELIVERED || state == v1::SHIPMENT_STATE_CANCELLED ||
         state == v1::SHIPMENT_STATE_RETURNED;
}

// The event telling a watch's help desk that UPS refused the number.
v1::WatchEvent InvalidTrackingEvent(const WatchRecord& record, absl::Time now) {
  const v1::Watch& watch = record.watch;
  v1::WatchEvent event;
  event.set_tenant(record.tenant);
  event.set_watch_id(watch.watch_id());
  event.set_ticket_id(watch.ticket_id());
  *event.mutable_shipment() = watch.shipment();
  *event.mutable_labels() = watch.labels();
  event.set_old_state(watch.last_state());
  event.set_new_state(watch.last_state());
  event.add_changes(v1::WATCH_CHANGE_FLAGS);
  v1::RiskFlag* flag = event.add_flags();
  flag->set_kind(v1::RISK_FLAG_KIND_INVALID_TRACKING);
  flag->set_tracking_number(watch.shipment().tracking_number());
  flag->set_reason(absl::StrCat("UPS refused to subscribe to ", watch.shipment().tracking_number(),
                                " for tracking updates: it is not a valid UPS 1Z number."));
  v1::NextAction* next = event.mutable_next_action();
  next->set_kind(v1::NEXT_ACTION_KIND_CONTACT_CARRIER);
  next->set_summary(absl::StrCat("Tracking number ", watch.shipment().tracking_number(),
                                 " looks invalid: verify it before sharing it."));
  *event.mutable_observed_at() =
      google::protobuf::util::TimeUtil::MillisecondsToTimestamp(absl::ToUnixMillis(now));
  return event;
}

}  // namespace

class PushSubscriber::Metrics {
 public:
  explicit Metrics(server::ServiceMetrics* metrics) {
    if (metrics == nullptr) return;
    numbers_ = &prometheus::BuildCounter()
                    .Name("trackenrich_push_subscriptions_total")
                    .Help(
                        "Carrier push subscriptions by number and outcome: subscribed, "
                        "renewed, invalid (refused by the carrier, not retried), failed "
                        "(retried with backoff), ended (no live watch left).")
                    .Register(metrics->registry());
    calls_ = &prometheus::BuildCounter()
                  .Name("trackenrich_push_subscription_calls_total")
                  .Help("Carrier push subscription calls by status code.")
                  .Register(metrics->registry());
  }
  void Number(const char* outcome, double count = 1) {
    if (numbers_ != nullptr && count > 0) {
      numbers_->Add({{"carrier", kUps}, {"outcome", outcome}}).Increment(count);
    }
  }
  void Call(absl::StatusCode code) {
    if (calls_ != nullptr) {
      calls_->Add({{"carrier", kUps}, {"code", absl::StatusCodeToString(code)}}).Increment();
    }
  }

 private:
  prometheus::Family<prometheus::Counter>* numbers_ = nullptr;
  prometheus::Family<prometheus::Counter>* calls_ = nullptr;
};

PushSubscriber::PushSubscriber(PushSubscriberDeps deps, UpsSubscribeSettings settings)
    : deps_(std::move(deps)),
      settings_(std::move(settings)),
      metrics_(std::make_unique<Metrics>(deps_.metrics)) {}

PushSubscriber::~PushSubscriber() { Stop(); }

void PushSubscriber::Start() {
  if (!settings_.enabled || running_.exchange(true)) return;
  deps_.later(settings_.tick, [this] { Tick(); });
}

void PushSubscriber::Stop() { running_ = false; }

void PushSubscriber::OnWatched(const WatchRecord& record) {
  if (!settings_.enabled || record.tenant != settings_.tenant || !record.watch.has_shipment()) {
    return;
  }
  const v1::ShipmentRef& shipment = record.watch.shipment();
  if ((shipment.carrier() != v1::CARRIER_UPS && shipment.carrier() != v1::CARRIER_UNSPECIFIED) ||
      !IsUpsTrackAlertNumber(shipment.tracking_number()) || Ended(record.watch.last_state())) {
    return;
  }
  SubscriptionRecord subscription;
  subscription.tenant = record.tenant;
  subscription.carrier = kUps;
  subscription.tracking_number = shipment.tracking_number();
  deps_.store->EnsureSubscription(
      subscription, deps_.clock(),
      [number = subscription.tracking_number](absl::StatusOr<bool> created) {
        if (!created.ok()) {
          spdlog::warn("push subscription for {}: not stored ({})", number,
                       created.status().ToString());
        }
      });
}

absl::Time PushSubscriber::Backoff(int64_t attempts, absl::Time now) const {
  thread_local std::mt19937_64 random(std::random_device{}());
  const double factor = std::pow(2.0, static_cast<double>(std::min<int64_t>(attempts - 1, 30)));
  absl::Duration wait = std::min(settings_.retry_base * factor, settings_.retry_max);
  std::uniform_real_distribution<double> spread(0.9, 1.1);
  return now + wait * spread(random);
}

void PushSubscriber::Tick() {
  if (!running_) return;
  if (claiming_.exchange(true)) {
    deps_.later(settings_.tick, [this] { Tick(); });
    return;
  }
  deps_.store->ClaimSubscriptions(
      deps_.clock(), kBatch, settings_.lease,
      [this](absl::StatusOr<std::vector<ClaimedSubscription>> claimed) {
        claiming_ = false;
        if (!claimed.ok()) {
          spdlog::warn("push subscriptions: claiming failed: {}", claimed.status().ToString());
        } else if (!claimed->empty()) {
          // By tenant: one call carries one tenant's numbers.
          absl::flat_hash_map<std::string, std::vector<ClaimedSubscription>> by_tenant;
          for (ClaimedSubscription& one : *claimed) {
            by_tenant[one.record.tenant].push_back(std::move(one));
          }
          for (auto& [tenant, batch] : by_tenant) Subscribe(std::move(batch));
        }
        if (running_) deps_.later(settings_.tick, [this] { Tick(); });
      });
}

void PushSubscriber::Complete(const ClaimedSubscription& claimed, const SubscriptionRecord& updated,
                              std::optional<absl::Time> next, std::vector<v1::WatchEvent> events) {
  deps_.store->CompleteSubscription(
      claimed, updated, next, events,
      [number = updated.tracking_number](absl::StatusOr<bool> saved) {
        if (!saved.ok()) {
          spdlog::warn("push subscription for {}: not saved ({}); claimed again later", number,
                       saved.status().ToString());
        }
      });
}

void PushSubscriber::Subscribe(std::vector<ClaimedSubscription> batch) {
  const absl::Time now = deps_.clock();
  // Only numbers a live watch still follows are (re)subscribed.
  auto live = std::make_shared<std::vector<ClaimedSubscription>>();
  for (ClaimedSubscription& one : batch) {
    const bool followed =
        std::any_of(one.watches.begin(), one.watches.end(),
                    [](const WatchRecord& w) { return !Ended(w.watch.last_state()); });
    if (!followed || one.record.carrier != kUps) {
      metrics_->Number("ended");
      Complete(one, one.record, std::nullopt, {});
      continue;
    }
    live->push_back(std::move(one));
  }
  if (live->empty()) return;
  adapters::TrackingSource* ups =
      deps_.adapters == nullptr ? nullptr : deps_.adapters->Find(v1::CARRIER_UPS);
  auto finish = [this, live](absl::StatusOr<adapters::PushSubscriptionAnswer> answer) {
    const absl::Time done_at = deps_.clock();
    metrics_->Call(answer.status().code());
    absl::flat_hash_map<std::string, bool> verdict;  // number -> subscribed
    if (answer.ok()) {
      for (const auto& number : answer->subscribed) verdict[number] = true;
      for (const auto& number : answer->invalid) verdict.try_emplace(number, false);
    } else {
      spdlog::warn("push subscriptions: UPS subscription of {} numbers failed: {}", live->size(),
                   answer.status().ToString());
    }
    for (const ClaimedSubscription& one : *live) {
      SubscriptionRecord updated = one.record;
      auto it = verdict.find(updated.tracking_number);
      if (it == verdict.end()) {
        // Failed, or the carrier did not say: again after the backoff.
        ++updated.attempts;
        metrics_->Number("failed");
        Complete(one, updated, Backoff(updated.attempts, done_at), {});
      } else if (it->second) {
        metrics_->Number(updated.expires_at == absl::InfinitePast() ? "subscribed" : "renewed");
        updated.attempts = 0;
        updated.expires_at = done_at + settings_.lifetime;
        Complete(one, updated, updated.expires_at - settings_.renew_before, {});
      } else {
        metrics_->Number("invalid");
        spdlog::info("push subscriptions: UPS refused {} as invalid; its watches are flagged",
                     updated.tracking_number);
        std::vector<v1::WatchEvent> events;
        for (const WatchRecord& watch : one.watches) {
          events.push_back(InvalidTrackingEvent(watch, done_at));
        }
        Complete(one, updated, std::nullopt, std::move(events));
      }
    }
  };
  if (ups == nullptr) {
    return finish(absl::FailedPreconditionError("ups: no UPS adapter configured (carriers.ups)"));
  }
  adapters::PushSubscriptionQuery query;
  for (const ClaimedSubscription& one : *live) {
    query.tracking_numbers.push_back(one.record.tracking_number);
  }
  query.tenant = live->front().record.tenant;
  query.destination_url = settings_.destination_url;
  query.credential_type = settings_.credential_type;
  query.credential = settings_.credential;
  query.deadline = now + settings_.call_timeout;
  auto call = [ups, query, finish](absl::Status granted) mutable {
    if (!granted.ok()) return finish(granted);
    ups->SubscribePushes(query, std::move(finish));
  };
  if (deps_.rate_limiter == nullptr || deps_.ups_limit.unlimited()) {
    return call(absl::OkStatus());
  }
  deps_.rate_limiter->Acquire(cache::RateLimitKey(query.tenant, kUps), deps_.ups_limit, 1,
                              query.deadline - absl::Seconds(2), std::move(call));
}

}  // namespace trackenrich::watch
