#include "services/lookup/order_lookup.h"

#include <atomic>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"

#include "adapters/common/utf8.h"
#include "cache/cache_keys.h"

namespace trackenrich::server {
namespace {

std::string SourceKeyPart(const OrderRequest& request, absl::string_view source, bool mcf) {
  // MCF fulfillment order IDs are the seller's own: keep them apart from
  // Amazon order IDs, and each region's apart (the seller's regions are
  // separate accounts). A channel's own source keys by its name alone.
  if (!mcf) return std::string(source);
  std::string channel(v1::SalesChannel_Name(request.channel));
  absl::AsciiStrToLower(&channel);
  if (!request.marketplace_id.empty()) absl::StrAppend(&channel, ".", request.marketplace_id);
  return absl::StrCat(source, ".", channel);
}

bool Settled(v1::OrderStatus status) {
  return status == v1::ORDER_STATUS_SHIPPED || status == v1::ORDER_STATUS_DELIVERED ||
         status == v1::ORDER_STATUS_CANCELLED || status == v1::ORDER_STATUS_UNFULFILLABLE;
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

// Orders as the cache keeps them: open ones briefly, settled ones longer.
class OrderLookup::OrderAnswers final : public AnswerKind {
 public:
  explicit OrderAnswers(OrderCachePolicy policy) : policy_(policy) {}

  AnswerPtr Parse(absl::string_view payload) const override {
    auto order = std::make_shared<v1::Order>();
    if (!order->ParseFromArray(payload.data(), static_cast<int>(payload.size()))) return nullptr;
    return order;
  }
  absl::Duration FreshFor(const google::protobuf::Message* answer) const override {
    if (answer == nullptr) return policy_.not_found_ttl;
    return Settled(static_cast<const v1::Order&>(*answer).status()) ? policy_.settled_ttl
                                                                    : policy_.open_ttl;
  }
  absl::Duration StaleHorizon() const override { return policy_.stale_horizon; }

 private:
  const OrderCachePolicy policy_;
};

// One order's fetch from the order source.
class OrderLookup::OrderFlight final : public Flight {
 public:
  adapters::OrderSource* source = nullptr;
  adapters::OrderQuery query;

  void Fetch(absl::Time deadline, FetchCallback done) const override {
    adapters::OrderQuery bounded = query;
    bounded.deadline = deadline;
    source->GetOrder(bounded, [done = std::move(done)](absl::StatusOr<v1::Order> order) mutable {
      if (!order.ok()) {
        done(order.status());
        return;
      }
      // Checked once here, so every answer served from the caches is UTF-8.
      adapters::RepairUtf8Strings(&*order);
      done(AnswerPtr(std::make_shared<const v1::Order>(*std::move(order))));
    });
  }
};

OrderLookup::OrderLookup(const adapters::OrderSourceRegistry* sources, ShipmentLookup& shipments,
                         cache::Cache& cache, ServiceMetrics& metrics,
                         LookupCoordination coordination, OrderCachePolicy policy, Clock clock)
    : sources_(sources),
      shipments_(shipments),
      answers_(std::make_unique<OrderAnswers>(policy)),
      core_(cache, *answers_, metrics, std::move(coordination), std::move(clock)) {}

OrderLookup::~OrderLookup() = default;

void OrderLookup::Get(const OrderRequest& request, OrderAnswerCallback done) {
  adapters::OrderQuery query;
  query.tenant = request.tenant;
  query.order_id = request.order_id;
  query.marketplace_id = request.marketplace_id;
  query.channel = request.channel;
  query.deadline = request.deadline;
  static const adapters::OrderSourceRegistry kNone;
  auto route = (sources_ != nullptr ? *sources_ : kNone).Resolve(query);
  if (!route.ok()) {
    done(route.status());
    return;
  }
  adapters::OrderSource* source = route->source;
  auto flight = std::make_shared<OrderFlight>();
  flight->key = cache::OrderKey(request.tenant, SourceKeyPart(request, source->name(), route->mcf),
                                request.order_id);
  flight->tenant = request.tenant;
  flight->upstream = std::string(source->name());
  flight->deadline = request.deadline;
  flight->want = WantedFreshness(request.cache, core_.Now());
  flight->force_refresh = request.cache.force_refresh();
  flight->trace = request.trace;
  flight->source = source;
  flight->query = std::move(query);
  core_.Lookup(std::move(flight), [this, request, source,
                                   done = std::move(done)](absl::StatusOr<Served> served) mutable {
    if (!served.ok()) {
      done(served.status());
      return;
    }
    v1::Order order = static_cast<const v1::Order&>(*served->answer);
    MarkProvenance(*served, core_.Now(), order.mutable_provenance());
    TrackPackages(request, *source, std::move(order), std::move(done));
  });
}

void OrderLookup::Newest(const std::string& tenant, absl::string_view source,
                         const std::string& order_id,
                         absl::AnyInvocable<void(std::shared_ptr<const v1::Order>)> done) {
  core_.Newest(cache::OrderKey(tenant, source, order_id),
               [done = std::move(done)](AnswerPtr answer) mutable {
                 done(std::static_pointer_cast<const v1::Order>(std::move(answer)));
               });
}

void OrderLookup::Store(const std::string& tenant, absl::string_view source,
                        const std::string& order_id, v1::Order order) {
  adapters::RepairUtf8Strings(&order);
  core_.Put(cache::OrderKey(tenant, source, order_id),
            std::make_shared<const v1::Order>(std::move(order)));
}

void OrderLookup::GetFromAnyChannel(const OrderRequest& request, OrderAnswerCallback done) {
  std::vector<v1::SalesChannel> channels;
  if (sources_ != nullptr) channels = sources_->CandidateChannels(request.tenant, request.order_id);
  if (channels.empty()) {
    done(absl::InvalidArgumentError(absl::StrCat(
        "order_id: '", request.order_id,
        "' is not an Amazon order ID nor an order ID of a channel configured for tenant '",
        request.tenant, "'")));
    return;
  }
  TryChannels(request, std::move(channels), 0, std::move(done));
}

void OrderLookup::TryChannels(OrderRequest request, std::vector<v1::SalesChannel> channels,
                              size_t next, OrderAnswerCallback done) {
  request.channel = channels[next];
  OrderRequest asked = request;
  Get(asked, [this, request = std::move(request), channels = std::move(channels), next,
              done = std::move(done)](absl::StatusOr<OrderAnswer> answer) mutable {
    if (answer.ok() || !absl::IsNotFound(answer.status()) || next + 1 == channels.size()) {
      if (!answer.ok() && absl::IsNotFound(answer.status()) && channels.size() > 1) {
        std::vector<std::string> names;
        for (v1::SalesChannel channel : channels) names.push_back(adapters::ChannelName(channel));
        done(absl::NotFoundError(absl::StrCat(
            "order '", request.order_id, "' was found on none of the tenant's channels (",
            absl::StrJoin(names, ", "), "); last: ", answer.status().message())));
        return;
      }
      done(std::move(answer));
      return;
    }
    TryChannels(std::move(request), std::move(channels), next + 1, std::move(done));
  });
}

void OrderLookup::TrackPackages(const OrderRequest& request, adapters::OrderSource& source,
                                v1::Order order, OrderAnswerCallback done) {
  std::vector<std::pair<int, TrackRequest>> lookups;
  adapters::TrackingSource* tracker = source.PackageTracker();
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
    } else if (view.carrier() == v1::CARRIER_OTHER) {
      // A carrier we do not support (the channel named it): the channel's
      // own status stands, marked with its source.
      continue;
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
