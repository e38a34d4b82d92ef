// OrderLookup: the path from an order ID to an Order whose every package
// carries its live status. The order comes from the channel's order source
// (adapters/order_sources.h picks it: Amazon SP-API, Shopify, eBay, or Amazon
// MCF for an order sold elsewhere) through the cached single-flight core (cached_lookup.h: one
// fetch per order however many ask at once, across replicas too, stale-on-error); then every
// package is tracked at the same time through ShipmentLookup (so a tracking number is cached once,
// whether asked for directly or through its order) and merged in. A package the carrier knows
// nothing of keeps the channel's own view of it (Amazon's package status, Shopify's display
// status), with the carrier's answer reported as a LookupError.
//
//   OrderLookup orders(&sources, shipments, cache, metrics, coordination, {});
//   orders.Get({.order_id = "114-3941689-8772232", .deadline = deadline},
//              [](absl::StatusOr<OrderAnswer> answer) { ... });
#ifndef TRACKENRICH_SERVICES_LOOKUP_ORDER_LOOKUP_H_
#define TRACKENRICH_SERVICES_LOOKUP_ORDER_LOOKUP_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

#include "adapters/http/trace_context.h"
#include "adapters/order_source.h"
#include "adapters/order_sources.h"
#include "cache/cache.h"
#include "services/lookup/cached_lookup.h"
#include "services/lookup/lookup_error.h"
#include "services/lookup/shipment_lookup.h"
#include "services/metrics/service_metrics.h"
#include "trackenrich/v1/enrichment.pb.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::server {

// How long an order's own data (status, windows, packages) stays fresh.
// Package statuses are live: they follow ShipmentLookup's CachePolicy.
struct OrderCachePolicy {
  // Pending, unshipped, partially shipped: the order itself still changes.
  absl::Duration open_ttl = absl::Minutes(2);
  // Shipped, cancelled: its packages change, the order hardly does.
  absl::Duration settled_ttl = absl::Minutes(15);
  absl::Duration not_found_ttl = absl::Minutes(1);
  absl::Duration stale_horizon = absl::Hours(24);
};

struct OrderRequest {
  std::string tenant = "default";
  std::string order_id;
  std::string marketplace_id;
  v1::SalesChannel channel = v1::SALES_CHANNEL_UNSPECIFIED;
  v1::CacheControl cache;
  absl::Time deadline = absl::InfiniteFuture();
  // The caller's trace, carried to the order source and to every package's
  // lookup (http/trace_context.h).
  http::TraceContext trace;
};

struct OrderAnswer {
  v1::Order order;
  // Packages whose carrier lookup failed or found nothing.
  std::vector<v1::LookupError> errors;
};

using OrderAnswerCallback = absl::AnyInvocable<void(absl::StatusOr<OrderAnswer>)>;

class OrderLookup {
 public:
  using Clock = std::function<absl::Time()>;

  // `sources` may be null or empty (no order source configured: every Get
  // answers FAILED_PRECONDITION). Everything must outlive the lookup.
  OrderLookup(const adapters::OrderSourceRegistry* sources, ShipmentLookup& shipments,
              cache::Cache& cache, ServiceMetrics& metrics, LookupCoordination coordination = {},
              OrderCachePolicy policy = {}, Clock clock = absl::Now);
  ~OrderLookup();

  // `done` runs once, inline or on an I/O thread. Errors are the routing's
  // (OrderSourceRegistry::Resolve) and the order source's (see
  // OrderSource::GetOrder); a cached order past its freshness is served,
  // marked stale, instead of an upstream failure (NOT_FOUND excepted).
  void Get(const OrderRequest& request, OrderAnswerCallback done);

  // An order named without its channel (`request.channel` unset, an ID not
  // in Amazon's form): asks each of the tenant's channels that recognize
  // the ID in turn (OrderSourceRegistry::CandidateChannels) until one finds
  // it. NOT_FOUND naming the channels asked when none does; INVALID_ARGUMENT
  // when no configured channel takes such an ID.
  void GetFromAnyChannel(const OrderRequest& request, OrderAnswerCallback done);

  // The order `source` ("shopify") last answered for `order_id`, as cached
  // (fresh or not; null when none), and storing a changed one as if just
  // fetched: for a channel's push (a Shopify fulfillment update) merged into
  // the cached order. Keys are those Get uses for a channel's own source.
  void Newest(const std::string& tenant, absl::string_view source, const std::string& order_id,
              absl::AnyInvocable<void(std::shared_ptr<const v1::Order>)> done);
  void Store(const std::string& tenant, absl::string_view source, const std::string& order_id,
             v1::Order order);

  // Sets the sources once the upstreams are known; call before the first Get.
  void set_sources(const adapters::OrderSourceRegistry* sources) { sources_ = sources; }
  const adapters::OrderSourceRegistry* sources() const { return sources_; }
  bool configured() const { return sources_ != nullptr && !sources_->empty(); }

 private:
  class OrderAnswers;
  class OrderFlight;

  void TrackPackages(const OrderRequest& request, adapters::OrderSource& source, v1::Order order,
                     OrderAnswerCallback done);
  void TryChannels(OrderRequest request, std::vector<v1::SalesChannel> channels, size_t next,
                   OrderAnswerCallback done);

  const adapters::OrderSourceRegistry* sources_;
  ShipmentLookup& shipments_;
  const std::unique_ptr<const OrderAnswers> answers_;
  CachedLookup core_;
};

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_LOOKUP_ORDER_LOOKUP_H_
