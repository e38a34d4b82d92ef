// OrderSource: the interface a sales channel implements (Amazon today;
// Shopify and eBay later): an order ID in, the Order with its packages out.
// The lookup pipeline (services/lookup/order_lookup.h) then tracks each
// package through the shipment cache; sources never call carrier adapters.
//
//   source.GetOrder({.tenant = "acme", .order_id = "114-3941689-8772232",
//                    .channel = v1::SALES_CHANNEL_AMAZON, .deadline = deadline},
//                   [](absl::StatusOr<v1::Order> order) { ... });
#ifndef TRACKENRICH_ADAPTERS_ORDER_SOURCE_H_
#define TRACKENRICH_ADAPTERS_ORDER_SOURCE_H_

#include <string>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/tracking_source.h"
#include "trackenrich/v1/order.pb.h"

namespace trackenrich::adapters {

struct OrderQuery {
  // Whose credentials, quotas and cache entries the lookup uses.
  std::string tenant = "default";
  std::string order_id;
  // Optional: picks the regional endpoint; the tenant's default otherwise.
  std::string marketplace_id;
  // Where the order was sold. SALES_CHANNEL_AMAZON (or unset) means an
  // Amazon order ID; any other channel means an order fulfilled through
  // Amazon Multi-Channel Fulfillment, looked up by the seller's fulfillment
  // order ID.
  v1::SalesChannel channel = v1::SALES_CHANNEL_UNSPECIFIED;
  absl::Time deadline = absl::InfiniteFuture();
};

using OrderCallback = absl::AnyInvocable<void(absl::StatusOr<v1::Order>)>;

class OrderSource {
 public:
  virtual ~OrderSource() = default;

  // Short lower-case name for logs, metrics and errors ("sp_api").
  virtual absl::string_view name() const = 0;

  // Looks the order up. `done` runs exactly once, on an I/O thread (or
  // inline when nothing was sent), with the Order whose shipments are the
  // channel's own view of each package (tracking number, carrier, the
  // channel's package status, Shipment.package_id), or: NOT_FOUND,
  // INVALID_ARGUMENT (the channel rejected the ID), FAILED_PRECONDITION
  // (credentials missing or rejected, the tenant named), RESOURCE_EXHAUSTED,
  // UNAVAILABLE, DEADLINE_EXCEEDED.
  virtual void GetOrder(const OrderQuery& query, OrderCallback done) = 0;

  // Tracks packages the channel knows by its own package ID rather than by a
  // carrier tracking number (Amazon MCF package numbers): TrackQuery's
  // tracking_number carries Shipment.package_id. Null when the source has no
  // such packages. Lives as long as the source.
  virtual TrackingSource* PackageTracker() { return nullptr; }
};

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_ORDER_SOURCE_H_
