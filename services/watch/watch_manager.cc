#include "services/watch/watch_manager.h"

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/time_util.h"
#include "prometheus/counter.h"
#include "prometheus/registry.h"
#include "spdlog/spdlog.h"

#include "services/enrichment/ticket_enricher.h"
#include "services/lookup/lookup_error.h"
#include "services/validation/request_validation.h"

namespace trackenrich::watch {

using google::protobuf::util::TimeUtil;

absl::Duration WatchSettings::PollEvery(v1::ShipmentState state) const {
  switch (state) {
    case v1::SHIPMENT_STATE_OUT_FOR_DELIVERY:
      return out_for_delivery_every;
    case v1::SHIPMENT_STATE_IN_TRANSIT:
    case v1::SHIPMENT_STATE_PICKED_UP:
      return in_transit_every;
    case v1::SHIPMENT_STATE_LABEL_CREATED:
    case v1::SHIPMENT_STATE_PENDING:
    case v1::SHIPMENT_STATE_NOT_FOUND:
      return label_created_every;
    case v1::SHIPMENT_STATE_EXCEPTION:
    case v1::SHIPMENT_STATE_DELAYED:
    case v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED:
      return exception_every;
    default:
      return other_every;
  }
}

namespace {

constexpr int kMaxTicketIdLength = 128;
constexpr int kMaxLabels = 16;
constexpr int kMaxLabelLength = 64;

absl::Status ValidateTicketAndLabels(
    absl::string_view ticket_id, const google::protobuf::Map<std::string, std::string>& labels) {
  if (ticket_id.empty()) return absl::InvalidArgumentError("ticket_id: required");
  if (ticket_id.size() > kMaxTicketIdLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("ticket_id: at most ", kMaxTicketIdLength, " characters"));
  }
  for (const char c : ticket_id) {
    if (!absl::ascii_isalnum(c) && absl::string_view("-_.:#").find(c) == absl::string_view::npos) {
      return absl::InvalidArgumentError("ticket_id: only letters, digits and \"-_.:#\"");
    }
  }
  if (labels.size() > kMaxLabels) {
    return absl::InvalidArgumentError(absl::StrCat("labels: at most ", kMaxLabels));
  }
  for (const auto& [key, value] : labels) {
    if (key.empty() || key.size() > kMaxLabelLength || value.size() > kMaxLabelLength) {
      return absl::InvalidArgumentError(absl::StrCat(
          "labels: keys 1-", kMaxLabelLength, " and values 0-", kMaxLabelLength, " characters"));
    }
  }
  return absl::OkStatus();
}

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  return TimeUtil::MillisecondsToTimestamp(absl::ToUnixMillis(time));
}

absl::Time FromTimestamp(const google::protobuf::Timestamp& timestamp) {
  return absl::FromUnixSeconds(timestamp.seconds()) + absl::Nanoseconds(timestamp.nanos());
}

// The state an order stands for: its first package's, else its own status's.
v1::ShipmentState OrderState(const v1::Order& order) {
  if (order.shipments_size() > 0) return order.shipments(0).state();
  switch (order.status()) {
    case v1::ORDER_STATUS_CANCELLED:
      return v1::SHIPMENT_STATE_CANCELLED;
    case v1::ORDER_STATUS_DELIVERED:
      return v1::SHIPMENT_STATE_DELIVERED;
    default:
      return v1::SHIPMENT_STATE_PENDING;
  }
}

// "state|eta|flag,flag": what a change is judged on.
std::string Fingerprint(v1::ShipmentState state, int64_t eta_seconds,
                        const v1::Enrichment& enrichment) {
  std::vector<int> flags;
  for (const auto& flag : enrichment.flags()) flags.push_back(flag.kind());
  std::sort(flags.begin(), flags.end());
  flags.erase(std::unique(flags.begin(), flags.end()), flags.end());
  return absl::StrCat(static_cast<int>(state), "|", eta_seconds, "|", absl::StrJoin(flags, ","));
}

struct Fingerprinted {
  std::string state, eta, flags;
};
Fingerprinted SplitFingerprint(absl::string_view fingerprint) {
  std::vector<std::string> parts = absl::StrSplit(fingerprint, '|');
  parts.resize(3);
  return {parts[0], parts[1], parts[2]};
}

}  // namespace

// What one look at a watch's subject found.
struct WatchManager::Observation {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  google::protobuf::Timestamp eta;
  v1::Enrichment enrichment;
  std::string fingerprint;
};

class WatchManager::Metrics {
 public:
  explicit Metrics(server::ServiceMetrics* metrics) {
    if (metrics == nullptr) return;
    auto& polls = prometheus::BuildCounter()
                      .Name("trackenrich_watch_polls_total")
                      .Help("Watch polls by outcome: ok, error (rescheduled), lease_lost.")
                      .Register(metrics->registry());
    auto& events = prometheus::BuildCounter()
                       .Name("trackenrich_watch_events_total")
                       .Help("Watch events emitted (state, ETA or flags changed).")
                       .Register(metrics->registry());
    auto& ended = prometheus::BuildCounter()
                      .Name("trackenrich_watch_ended_total")
                      .Help("Watches that ended by themselves.")
                      .Register(metrics->registry());
    ok = &polls.Add({{"outcome", "ok"}});
    error = &polls.Add({{"outcome", "error"}});
    lease_lost = &polls.Add({{"outcome", "lease_lost"}});
    emitted = &events.Add({});
    ends = &ended.Add({});
  }
  static void Inc(prometheus::Counter* counter) {
    if (counter != nullptr) counter->Increment();
  }
  prometheus::Counter* ok = nullptr;
  prometheus::Counter* error = nullptr;
  prometheus::Counter* lease_lost = nullptr;
  prometheus::Counter* emitted = nullptr;
  prometheus::Counter* ends = nullptr;
};

WatchManager::WatchManager(WatchDeps deps, WatchSettings settings)
    : deps_(std::move(deps)),
      settings_(std::move(settings)),
      metrics_(std::make_unique<Metrics>(deps_.metrics)) {}

WatchManager::~WatchManager() { Stop(); }

void WatchManager::Start() {
  if (running_.exchange(true)) return;
  deps_.later(settings_.tick, [this] { Tick(); });
}

void WatchManager::Stop() { running_ = false; }

absl::Time WatchManager::NextPoll(v1::ShipmentState state, absl::Time now) {
  thread_local std::mt19937_64 random(std::random_device{}());
  const absl::Duration every = settings_.PollEvery(state);
  std::uniform_real_distribution<double> spread(-settings_.jitter, settings_.jitter);
  return now + every * (1.0 + spread(random));
}

void WatchManager::Tick() {
  if (!running_) return;
  const int64_t room = settings_.max_in_flight - in_flight_.load();
  if (room <= 0 || claiming_.exchange(true)) {
    deps_.later(settings_.tick, [this] { Tick(); });
    return;
  }
  const int limit = static_cast<int>(std::min(room, settings_.batch_size));
  deps_.store->Claim(
      deps_.clock(), limit, settings_.lease,
      [this, limit](absl::StatusOr<std::vector<ClaimedWatch>> claimed) {
        claiming_ = false;
        if (!claimed.ok()) {
          spdlog::warn("watch: claiming due watches failed: {}", claimed.status().ToString());
        } else {
          for (ClaimedWatch& watch : *claimed) Poll(std::move(watch));
        }
        // A full batch: more may be due; look again at once.
        const bool full = claimed.ok() && static_cast<int>(claimed->size()) == limit;
        if (!running_) return;
        deps_.later(full ? absl::ZeroDuration() : settings_.tick, [this] { Tick(); });
      });
}

void WatchManager::Observe(const WatchRecord& record, absl::Time deadline, bool force_refresh,
                           absl::AnyInvocable<void(absl::StatusOr<Observation>)> done) {
  const v1::Watch& watch = record.watch;
  v1::CacheControl cache;
  if (force_refresh || settings_.poll_max_age <= absl::ZeroDuration()) {
    cache.set_force_refresh(true);
  } else {
    cache.mutable_max_age()->set_seconds(absl::ToInt64Seconds(settings_.poll_max_age));
  }
  auto finish = [this, language = watch.language()](
                    v1::Enrichment enrichment, enrichment::TicketContext ticket,
                    v1::ShipmentState state, google::protobuf::Timestamp eta) {
    ticket.language = language;
    enrichment::CompleteEnrichment(ticket, *deps_.templates, deps_.enrichment, deps_.reply_policy,
                                   deps_.clock(), &enrichment);
    Observation seen;
    seen.state = state;
    seen.eta = eta;
    seen.fingerprint = Fingerprint(state, eta.seconds(), enrichment);
    seen.enrichment = std::move(enrichment);
    return seen;
  };
  if (watch.has_shipment()) {
    server::TrackRequest track;
    track.tenant = record.tenant;
    track.tracking_number = watch.shipment().tracking_number();
    track.carrier = watch.shipment().carrier();
    track.cache = cache;
    track.deadline = deadline;
    deps_.shipments->Track(track, [finish, number = track.tracking_number, done = std::move(done)](
                                      absl::StatusOr<v1::Shipment> shipment) mutable {
      v1::Enrichment enrichment;
      if (shipment.ok()) {
        const v1::ShipmentState state = shipment->state();
        google::protobuf::Timestamp eta = shipment->estimated_delivery().has_end()
                                              ? shipment->estimated_delivery().end()
                                              : shipment->estimated_delivery().start();
        *enrichment.add_shipments() = *std::move(shipment);
        return done(finish(std::move(enrichment), {}, state, eta));
      }
      if (shipment.status().code() != absl::StatusCode::kNotFound) {
        return done(shipment.status());
      }
      // The carrier has no record: judged like EnrichTicket judges it
      // (INVALID_TRACKING once it has been long enough).
      *enrichment.add_errors() = server::ToLookupError(number, shipment.status());
      done(finish(std::move(enrichment), {}, v1::SHIPMENT_STATE_NOT_FOUND, {}));
    });
    return;
  }
  server::OrderRequest order;
  order.tenant = record.tenant;
  order.order_id = watch.order().order_id();
  order.marketplace_id = watch.order().marketplace_id();
  order.channel = watch.order().channel();
  order.cache = cache;
  order.deadline = deadline;
  deps_.orders->Get(order,
                    [finish, order_id = order.order_id, channel = order.channel,
                     done = std::move(done)](absl::StatusOr<server::OrderAnswer> answer) mutable {
                      if (!answer.ok()) return done(answer.status());
                      v1::Enrichment enrichment;
                      const v1::ShipmentState state = OrderState(answer->order);
                      google::protobuf::Timestamp eta;
                      if (answer->order.shipments_size() > 0) {
                        const auto& window = answer->order.shipments(0).estimated_delivery();
                        eta = window.has_end() ? window.end() : window.start();
                      }
                      enrichment::TicketContext ticket;
                      ticket.order_ids = {order_id};
                      ticket.channel = channel;
                      *enrichment.add_orders() = std::move(answer->order);
                      for (auto& error : answer->errors)
                        *enrichment.add_errors() = std::move(error);
                      done(finish(std::move(enrichment), std::move(ticket), state, eta));
                    });
}

void WatchManager::Poll(ClaimedWatch claimed) {
  ++in_flight_;
  const absl::Time now = deps_.clock();
  const WatchRecord record = claimed.record;
  if (now - FromTimestamp(record.watch.created_at()) > settings_.max_age) {
    Finish(std::move(claimed), absl::DeadlineExceededError("watch reached its max age"));
    return;
  }
  Observe(record, now + settings_.poll_timeout, false,
          [this, claimed = std::move(claimed)](absl::StatusOr<Observation> seen) mutable {
            Finish(std::move(claimed), std::move(seen));
          });
}

void WatchManager::Finish(ClaimedWatch claimed, absl::StatusOr<Observation> observed) {
  const absl::Time now = deps_.clock();
  WatchRecord updated = claimed.record;
  v1::Watch& watch = updated.watch;
  std::optional<absl::Time> next;
  std::optional<v1::WatchEvent> event;
  bool ended = false;
  if (!observed.ok()) {
    if (observed.status().code() == absl::StatusCode::kDeadlineExceeded &&
        observed.status().message() == "watch reached its max age") {
      ended = true;
    } else {
      Metrics::Inc(metrics_->error);
      spdlog::info("watch {}: poll failed, retrying later: {}", watch.watch_id(),
                   observed.status().ToString());
      next = now + settings_.retry_after_error;
    }
  } else {
    Metrics::Inc(metrics_->ok);
    const Observation& seen = *observed;
    const v1::ShipmentState old_state = watch.last_state();
    const bool changed = !updated.fingerprint.empty() && seen.fingerprint != updated.fingerprint;
    if (seen.state == v1::SHIPMENT_STATE_DELIVERED) {
      if (updated.delivered_at == absl::InfinitePast()) updated.delivered_at = now;
      if (now - updated.delivered_at >= settings_.delivered_grace) {
        ended = true;
      } else {
        next =
            std::min(NextPoll(seen.state, now), updated.delivered_at + settings_.delivered_grace);
      }
    } else if (seen.state == v1::SHIPMENT_STATE_CANCELLED ||
               seen.state == v1::SHIPMENT_STATE_RETURNED) {
      ended = true;
    } else {
      next = NextPoll(seen.state, now);
    }
    if (changed) {
      const Fingerprinted before = SplitFingerprint(updated.fingerprint);
      const Fingerprinted after = SplitFingerprint(seen.fingerprint);
      v1::WatchEvent& e = event.emplace();
      e.set_tenant(updated.tenant);
      e.set_watch_id(watch.watch_id());
      e.set_ticket_id(watch.ticket_id());
      if (watch.has_shipment()) *e.mutable_shipment() = watch.shipment();
      if (watch.has_order()) *e.mutable_order() = watch.order();
      *e.mutable_labels() = watch.labels();
      e.set_old_state(old_state);
      e.set_new_state(seen.state);
      if (before.state != after.state) e.add_changes(v1::WATCH_CHANGE_STATE);
      if (before.eta != after.eta) e.add_changes(v1::WATCH_CHANGE_ETA);
      if (before.flags != after.flags) e.add_changes(v1::WATCH_CHANGE_FLAGS);
      int64_t old_eta = 0;
      if (absl::SimpleAtoi(before.eta, &old_eta) && old_eta != 0) {
        e.mutable_old_estimated_delivery()->set_seconds(old_eta);
      }
      if (seen.eta.seconds() != 0) *e.mutable_new_estimated_delivery() = seen.eta;
      *e.mutable_flags() = seen.enrichment.flags();
      *e.mutable_next_action() = seen.enrichment.next_action();
      if (seen.enrichment.has_reply()) *e.mutable_reply() = seen.enrichment.reply();
      if (seen.enrichment.shipments_size() > 0) {
        *e.mutable_shipment_status() = seen.enrichment.shipments(0);
      }
      if (seen.enrichment.orders_size() > 0) *e.mutable_order_status() = seen.enrichment.orders(0);
      *e.mutable_observed_at() = ToTimestamp(now);
      e.set_watch_ended(ended);
    }
    updated.fingerprint = seen.fingerprint;
    watch.set_last_state(seen.state);
    *watch.mutable_last_polled_at() = ToTimestamp(now);
  }
  if (next.has_value()) *watch.mutable_next_poll_at() = ToTimestamp(*next);
  if (ended) Metrics::Inc(metrics_->ends);
  const bool has_event = event.has_value();
  deps_.store->Complete(
      claimed, updated, has_event ? &*event : nullptr, ended ? std::nullopt : next,
      [this, has_event, id = watch.watch_id()](absl::StatusOr<std::string> event_id) {
        --in_flight_;
        if (!event_id.ok()) {
          if (event_id.status().code() == absl::StatusCode::kAborted) {
            Metrics::Inc(metrics_->lease_lost);
          }
          spdlog::warn("watch {}: not saved ({}); it is polled again when its lease ends", id,
                       event_id.status().ToString());
          return;
        }
        if (has_event && !event_id->empty()) Metrics::Inc(metrics_->emitted);
      });
}

void WatchManager::Create(WatchRecord record, Done<v1::WatchShipmentResponse> done) {
  const absl::Time now = deps_.clock();
  *record.watch.mutable_created_at() = ToTimestamp(now);
  // A copy: the callback below takes `record` over before Observe reads it.
  const WatchRecord subject = record;
  Observe(subject, now + settings_.poll_timeout, false,
          [this, record = std::move(record),
           done = std::move(done)](absl::StatusOr<Observation> seen) mutable {
            const absl::Time now = deps_.clock();
            absl::Time due = now + settings_.retry_after_error;
            if (seen.ok()) {
              record.fingerprint = seen->fingerprint;
              record.watch.set_last_state(seen->state);
              *record.watch.mutable_last_polled_at() = ToTimestamp(now);
              if (seen->state == v1::SHIPMENT_STATE_DELIVERED) record.delivered_at = now;
              due = NextPoll(seen->state, now);
            } else if (seen.status().code() == absl::StatusCode::kInvalidArgument) {
              return done(seen.status());
            } else {
              spdlog::info("watch {}: first look failed, polled again in {}: {}",
                           record.watch.watch_id(), absl::FormatDuration(due - now),
                           seen.status().ToString());
            }
            *record.watch.mutable_next_poll_at() = ToTimestamp(due);
            deps_.store->Put(record, due,
                             [this, durable = deps_.store->durable(),
                              done = std::move(done)](absl::StatusOr<PutResult> put) mutable {
                               if (!put.ok()) return done(put.status());
                               if (deps_.on_stored) deps_.on_stored(put->record);
                               v1::WatchShipmentResponse response;
                               *response.mutable_watch() = std::move(put->record.watch);
                               response.set_created(put->created);
                               response.set_durable(durable);
                               done(std::move(response));
                             });
          });
}

void WatchManager::WatchShipment(const std::string& tenant, const v1::WatchShipmentRequest& request,
                                 Done<v1::WatchShipmentResponse> done) {
  v1::TrackShipmentRequest as_track;
  *as_track.mutable_shipment() = request.shipment();
  if (auto status = server::ValidateTrackShipment("", as_track); !status.ok()) {
    return done(status);
  }
  if (auto status = ValidateTicketAndLabels(request.ticket_id(), request.labels()); !status.ok()) {
    return done(status);
  }
  WatchRecord record;
  record.tenant = tenant;
  v1::ShipmentRef* shipment = record.watch.mutable_shipment();
  *shipment = request.shipment();
  shipment->set_tracking_number(*server::ValidateTrackingNumber(
      "shipment.tracking_number", request.shipment().tracking_number()));
  record.watch.set_watch_id(
      WatchId(tenant, "shipment", shipment->tracking_number(), request.ticket_id()));
  record.watch.set_ticket_id(request.ticket_id());
  *record.watch.mutable_labels() = request.labels();
  record.watch.set_language(request.language());
  Create(std::move(record), std::move(done));
}

void WatchManager::WatchOrder(const std::string& tenant, const v1::WatchOrderRequest& request,
                              Done<v1::WatchOrderResponse> done) {
  v1::GetOrderTrackingRequest as_get;
  *as_get.mutable_order() = request.order();
  if (auto status = server::ValidateGetOrderTracking("", as_get); !status.ok()) {
    return done(status);
  }
  if (auto status = ValidateTicketAndLabels(request.ticket_id(), request.labels()); !status.ok()) {
    return done(status);
  }
  WatchRecord record;
  record.tenant = tenant;
  *record.watch.mutable_order() = request.order();
  record.watch.set_watch_id(
      WatchId(tenant,
              absl::StrCat("order:", static_cast<int>(request.order().channel()), ":",
                           request.order().marketplace_id()),
              request.order().order_id(), request.ticket_id()));
  record.watch.set_ticket_id(request.ticket_id());
  *record.watch.mutable_labels() = request.labels();
  record.watch.set_language(request.language());
  Create(std::move(record),
         [done = std::move(done)](absl::StatusOr<v1::WatchShipmentResponse> created) mutable {
           if (!created.ok()) return done(created.status());
           v1::WatchOrderResponse response;
           *response.mutable_watch() = std::move(*created->mutable_watch());
           response.set_created(created->created());
           response.set_durable(created->durable());
           done(std::move(response));
         });
}

void WatchManager::Unwatch(const std::string& tenant, const std::string& watch_id,
                           Done<v1::UnwatchResponse> done) {
  if (watch_id.size() != 24 || !std::all_of(watch_id.begin(), watch_id.end(),
                                            [](char c) { return absl::ascii_isxdigit(c); })) {
    return done(absl::InvalidArgumentError("watch_id: 24 hex digits, as WatchShipment returns"));
  }
  deps_.store->Remove(tenant, watch_id,
                      [done = std::move(done)](absl::StatusOr<bool> removed) mutable {
                        if (!removed.ok()) return done(removed.status());
                        v1::UnwatchResponse response;
                        response.set_removed(*removed);
                        done(std::move(response));
                      });
}

void WatchManager::List(const std::string& tenant, const v1::ListWatchesRequest& request,
                        Done<v1::ListWatchesResponse> done) {
  if (request.page_size() < 0 || request.page_size() > 500) {
    return done(absl::InvalidArgumentError("page_size: between 1 and 500 (0: 100)"));
  }
  const std::string& token = request.page_token();
  if (!token.empty() && (token.size() != 24 || !std::all_of(token.begin(), token.end(), [](char c) {
                           return absl::ascii_isxdigit(c);
                         }))) {
    return done(absl::InvalidArgumentError("page_token: not a token ListWatches returned"));
  }
  const int size = request.page_size() == 0 ? 100 : request.page_size();
  deps_.store->List(
      tenant, token, size + 1,
      [size, done = std::move(done)](absl::StatusOr<std::vector<WatchRecord>> page) mutable {
        if (!page.ok()) return done(page.status());
        v1::ListWatchesResponse response;
        for (int i = 0; i < std::min<int>(size, page->size()); ++i) {
          *response.add_watches() = std::move((*page)[i].watch);
        }
        if (static_cast<int>(page->size()) > size) {
          response.set_next_page_token(response.watches(response.watches_size() - 1).watch_id());
        }
        done(std::move(response));
      });
}

}  // namespace trackenrich::watch
