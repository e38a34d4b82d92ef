// OrderSource: the interface a sales channel implements (Amazon SP-API,
// Shopify, eBay): an order ID in, the Order with its packages out. Sources
// are registered by channel in an OrderSourceRegistry (order_sources.h),
// which picks the one that answers a query. The lookup pipeline
// (services/lookup/order_lookup.h) then tracks each package through the
// shipment cache; sources never call carrier adapters.
//
//   source.GetOrder({.tenant = "acme", .order_id = "114-3941689-8772232",
//                    .channel = v1::SALES_CHANNEL_AMAZON, .deadline = deadline},
//                   [](absl::StatusOr<v1::Order> order) { ... });
#ifndef TRACKENRICH_ADAPTERS_ORDER_SOURCE_H_
#define TRACKENRICH_ADAPTERS_ORDER_SOURCE_H_

#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
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
  // Amazon order ID. Any other channel goes to that channel's own source
  // when the tenant has one and the ID is in the channel's form (a Shopify
  // order name); otherwise it means an order fulfilled through Amazon
  // Multi-Channel Fulfillment, looked up by the seller's fulfillment order
  // ID at the Amazon source (OrderSourceRegistry::Route).
  v1::SalesChannel channel = v1::SALES_CHANNEL_UNSPECIFIED;
  absl::Time deadline = absl::InfiniteFuture();
};

// A tenant's own order-name format: the channel writes its order numbers
// with this prefix and suffix (Shopify's "#1001" by default, "EU-1001-S").
struct OrderNameFormat {
  std::string prefix;
  std::string suffix;
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

  // Whether `tenant` has this channel configured (credentials, a shop).
  virtual bool Serves(absl::string_view tenant) const {
    (void)tenant;
    return true;
  }

  // Whether `order_id` is in this channel's form for `tenant`: OK when it is,
  // NOT_FOUND when it is not (the registry then tries Amazon MCF), or
  // INVALID_ARGUMENT (starting with "order_id: ") when it claims to be and is
  // malformed (a "#" without digits, an oversized number). Pure: no I/O.
  virtual absl::Status Recognize(absl::string_view tenant, absl::string_view order_id) const {
    (void)tenant;
    (void)order_id;
    return absl::OkStatus();
  }

  // The tenant's order-name formats on this channel, for finding its order
  // IDs in ticket text; empty when the channel has none of its own.
  virtual std::vector<OrderNameFormat> NameFormats(absl::string_view tenant) const {
    (void)tenant;
    return {};
  }

  // Tracks packages the channel knows by its own package ID rather than by a
  // carrier tracking number (Amazon MCF package numbers): TrackQuery's
  // tracking_number carries Shipment.package_id. Null when the source has no
  // such packages. Lives as long as the source.
  virtual TrackingSource* PackageTracker() { return nullptr; }
};

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_ORDER_SOURCE_H_
