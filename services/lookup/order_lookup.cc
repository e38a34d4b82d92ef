#include "services/lookup/order_lookup.h"

#include <atomic>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

#include "adapters/common/time_util.h"
#include "cache/cache_keys.h"

namespace trackenrich::server {
namespace {

std::string SourceKeyPart(const OrderRequest& request, absl::string_view source) {
  // MCF fulfillment order IDs are the seller's own: keep them apart from
  // Amazon order IDs, and each region's apart (the seller's regions are
  // separate accounts).
  if (request.channel == v1::SALES_CHANNEL_AMAZON ||
      request.channel == v1::SALES_CHANNEL_UNSPECIFIED) {
    return std::string(source);
  }
  std::string channel(v1::SalesChannel_Name(request.channel));
  absl::AsciiStrToLower(&channel);
  if (!request.marketplace_id.empty()) absl::StrAppend(&channel, ".", request.marketplace_id);
  return absl::StrCat(source, ".", channel);
}

bool Settled(v1::OrderStatus status) {
  return status == v1::ORDER_STATUS_SHIPPED || status == v1::ORDER_STATUS_DELIVERED ||
         status == v1::ORDER_STATUS_CANCELLED || status == v1::ORDER_STATUS_UNFULFILLABLE;
}

// The answer an entry holds, marked as served from `layer`; false when its
// payload does not parse.
bool FromEntry(const cache::CacheEntry& entry, v1::CacheLayer layer, absl::Time now, bool stale,
               absl::StatusOr<v1::Order>* answer) {
  if (entry.code != absl::StatusCode::kOk) {
    *answer = absl::Status(entry.code, entry.message);
    return true;
  }
  v1::Order order;
  if (!order.ParseFromString(entry.payload)) return false;
  MarkProvenance(layer, entry.stored_at, now, stale, order.mutable_provenance());
  *answer = std::move(order);
  return true;
}

// Puts the carrier's answer for a package into the order's view of it.
void Merge(const absl::StatusOr<v1::Shipment>& result, absl::string_view subject,
           v1::Shipment* view, std::vector<v1::LookupError>* errors) {
  if (!result.ok()) {
    errors->push_back(ToLookupError(subject, result.status()));
    return;
  }
  const bool carrier_knows = result->state() != v1::SHIPMENT_STATE_UNSPECIFIED &&
                             result->state() != v1::SHIPMENT_STATE_NOT_FOUND &&
                             result->provenance().source() != v1::SOURCE_TEMPLATE;
  if (!carrier_knows) {
    // A carrier without an API (a link only) or with no record yet: the
    // channel's own status stays, with what the carrier side adds.
    if (view->carrier() == v1::CARRIER_UNSPECIFIED) {
      view->set_carrier(result->carrier());
      view->set_carrier_name(result->carrier_name());
    }
    if (view->tracking_url().empty()) view->set_tracking_url(result->tracking_url());
    return;
  }
  std::string package_id = view->package_id();
  *view = *result;
  view->set_package_id(std::move(package_id));
}

}  // namespace

v1::LookupError ToLookupError(absl::string_view subject, const absl::Status& status) {
  v1::LookupError error;
  error.set_subject(std::string(subject));
  error.set_code(static_cast<int32_t>(status.code()));
  error.set_message(std::string(status.message()));
  return error;
}

OrderLookup::OrderLookup(adapters::OrderSource* source, ShipmentLookup& shipments,
                         cache::Cache& cache, OrderCachePolicy policy, Clock clock)
    : source_(source),
      shipments_(shipments),
      cache_(cache),
      policy_(policy),
      clock_(std::move(clock)) {}

void OrderLookup::Get(const OrderRequest& request, OrderAnswerCallback done) {
  if (source_ == nullptr) {
    done(absl::FailedPreconditionError(
        "order: order lookups need an order source; none is configured (set the amazon "
        "section of the config, or run in sandbox mode)"));
    return;
  }
  const std::string key =
      cache::OrderKey(request.tenant, SourceKeyPart(request, source_->name()), request.order_id);
  const cache::Freshness want = WantedFreshness(request.cache, clock_());
  auto with_packages = [this, request,
                        done = std::move(done)](absl::StatusOr<v1::Order> order) mutable {
    if (!order.ok()) {
      done(order.status());
      return;
    }
    TrackPackages(request, *std::move(order), std::move(done));
  };
  cache_.Get(key, want,
             [this, request, key,
              with_packages = std::move(with_packages)](cache::CacheLookup found) mutable {
               if (found.fresh) {
                 absl::StatusOr<v1::Order> answer;
                 if (FromEntry(*found.entry, ToCacheLayer(found.layer), clock_(), false, &answer)) {
                   with_packages(std::move(answer));
                   return;
                 }
                 spdlog::warn("cache entry for {} does not parse; refetching", key);
               }
               bool lead = false;
               {
                 absl::MutexLock lock(&mu_);
                 auto [it, inserted] = flights_.try_emplace(key);
                 it->second.waiters.push_back(std::move(with_packages));
                 if (inserted) {
                   lead = true;
                   if (found.entry != nullptr && found.entry->code == absl::StatusCode::kOk) {
                     it->second.stale = found.entry;
                   }
                 }
               }
               if (lead) Fetch(request, key);
             });
}

void OrderLookup::Fetch(const OrderRequest& request, const std::string& key) {
  adapters::OrderQuery query;
  query.tenant = request.tenant;
  query.order_id = request.order_id;
  query.marketplace_id = request.marketplace_id;
  query.channel = request.channel;
  query.deadline = request.deadline;
  http::ScopedTrace trace(request.trace);
  source_->GetOrder(query, [this, key](absl::StatusOr<v1::Order> order) {
    const absl::Time now = clock_();
    if (order.ok() || order.status().code() == absl::StatusCode::kNotFound) Store(key, order, now);
    Flight flight;
    {
      absl::MutexLock lock(&mu_);
      auto it = flights_.find(key);
      if (it != flights_.end()) {
        flight = std::move(it->second);
        flights_.erase(it);
      }
    }
    if (order.ok()) {
      MarkProvenance(v1::CACHE_LAYER_NONE, now, now, false, order->mutable_provenance());
    } else if (flight.stale != nullptr && order.status().code() != absl::StatusCode::kNotFound) {
      spdlog::warn("order source failed for {}, serving the cached order marked stale: {}", key,
                   std::string(order.status().message()));
      absl::StatusOr<v1::Order> stale;
      if (FromEntry(*flight.stale, v1::CACHE_LAYER_MEMORY, now, true, &stale)) {
        order = std::move(stale);
      }
    }
    for (size_t i = 0; i < flight.waiters.size(); ++i) {
      flight.waiters[i](i + 1 == flight.waiters.size() ? std::move(order) : order);
    }
  });
}

void OrderLookup::Store(const std::string& key, const absl::StatusOr<v1::Order>& order,
                        absl::Time now) {
  auto entry = std::make_shared<cache::CacheEntry>();
  entry->stored_at = now;
  absl::Duration ttl = policy_.not_found_ttl;
  if (order.ok()) {
    order->SerializeToString(&entry->payload);
    ttl = Settled(order->status()) ? policy_.settled_ttl : policy_.open_ttl;
  } else {
    entry->code = order.status().code();
    entry->message = std::string(order.status().message());
  }
  entry->fresh_until = now + ttl;
  entry->keep_until =
      entry->fresh_until + (order.ok() ? policy_.stale_horizon : absl::ZeroDuration());
  cache_.Put(key, std::move(entry), now);
}

void OrderLookup::TrackPackages(const OrderRequest& request, v1::Order order,
                                OrderAnswerCallback done) {
  std::vector<std::pair<int, TrackRequest>> lookups;
  adapters::TrackingSource* tracker = source_->PackageTracker();
  for (int i = 0; i < order.shipments_size(); ++i) {
    const v1::Shipment& view = order.shipments(i);
    TrackRequest track;
    track.tenant = request.tenant;
    track.cache = request.cache;
    track.deadline = request.deadline;
    track.trace = request.trace;
    if (view.provenance().source() == v1::SOURCE_AMAZON_FULFILLMENT_OUTBOUND &&
        !view.package_id().empty() && tracker != nullptr) {
      track.source = tracker;
      track.tracking_number = view.package_id();
      // Tracked in the region the order was found in.
      track.marketplace_id =
          request.marketplace_id.empty() ? order.marketplace_id() : request.marketplace_id;
    } else if (!view.tracking_number().empty()) {
      track.tracking_number = view.tracking_number();
      track.carrier = view.carrier();
    } else {
      continue;
    }
    lookups.emplace_back(i, std::move(track));
  }
  if (lookups.empty()) {
    done(OrderAnswer{.order = std::move(order)});
    return;
  }
  struct Pending {
    absl::Mutex mu;
    OrderAnswer answer ABSL_GUARDED_BY(mu);
    std::atomic<int> remaining{0};
    OrderAnswerCallback done;
  };
  auto pending = std::make_shared<Pending>();
  {
    absl::MutexLock lock(&pending->mu);
    pending->answer.order = std::move(order);
  }
  pending->done = std::move(done);
  pending->remaining = static_cast<int>(lookups.size());
  for (auto& [index, track] : lookups) {
    shipments_.Track(track, [pending, index = index,
                             subject = track.tracking_number](absl::StatusOr<v1::Shipment> result) {
      {
        absl::MutexLock lock(&pending->mu);
        Merge(result, subject, pending->answer.order.mutable_shipments(index),
              &pending->answer.errors);
      }
      if (pending->remaining.fetch_sub(1) == 1) {
        OrderAnswer answer;
        {
          absl::MutexLock lock(&pending->mu);
          answer = std::move(pending->answer);
        }
        pending->done(std::move(answer));
      }
    });
  }
}

}  // namespace trackenrich::server
