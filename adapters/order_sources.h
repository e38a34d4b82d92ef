// OrderSourceRegistry: the order sources by sales channel (Amazon SP-API,
// Shopify, eBay, ...), and the one rule that picks which answers a lookup.
// A channel's source registers once at start-up; each source says which
// tenants have the channel configured (OrderSource::Serves) and which order
// IDs are in its form (OrderSource::Recognize).
//
//   OrderSourceRegistry sources;
//   sources.Add(v1::SALES_CHANNEL_AMAZON, MakeSpApiOrderSource(...));
//   sources.Add(v1::SALES_CHANNEL_SHOPIFY, MakeShopifyOrderSource(...));
//   auto route = sources.Resolve(
//       {.tenant = "acme", .order_id = "#1001", .channel = v1::SALES_CHANNEL_SHOPIFY});
//   route->source->name();   // "shopify"; "MCF-1" on Shopify: "sp_api", route->mcf
//
// Routing (OrderQuery::channel):
//   - Amazon or unset: the Amazon source.
//   - Another channel: that channel's source when the tenant has it and the
//     ID is in its form; otherwise the Amazon source, which reads the ID as
//     an Amazon Multi-Channel Fulfillment order (the seller's fulfillment
//     order ID for an order sold on that channel).
// Errors: INVALID_ARGUMENT ("order_id: ...") when the channel's source finds
// the ID malformed, or when it is not in the channel's form and no Amazon
// source is there to read it as MCF; FAILED_PRECONDITION when no source
// answers the channel at all.
#ifndef TRACKENRICH_ADAPTERS_ORDER_SOURCES_H_
#define TRACKENRICH_ADAPTERS_ORDER_SOURCES_H_

#include <map>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/order_source.h"
#include "trackenrich/v1/order.pb.h"

namespace trackenrich::adapters {

class OrderSourceRegistry {
 public:
  struct Route {
    OrderSource* source = nullptr;
    // The Amazon source answers for another channel: an MCF order.
    bool mcf = false;
  };

  // One source per channel; a later Add for the same channel replaces it.
  // Register every source before the first lookup.
  void Add(v1::SalesChannel channel, std::unique_ptr<OrderSource> source);

  // The channel's source; null when none is registered.
  OrderSource* Find(v1::SalesChannel channel) const;

  // The channels whose source serves `tenant`: Amazon first, then the
  // others in the order of their SalesChannel values.
  std::vector<v1::SalesChannel> ChannelsFor(absl::string_view tenant) const;

  // The channels other than Amazon whose source serves `tenant` and
  // recognizes `order_id` (a ticket that names an order without its
  // channel tries these in turn).
  std::vector<v1::SalesChannel> CandidateChannels(absl::string_view tenant,
                                                  absl::string_view order_id) const;

  // Which source answers `query` (see the file comment).
  absl::StatusOr<Route> Resolve(const OrderQuery& query) const;

  bool empty() const { return sources_.empty(); }
  // Every registered source with its channel, for health and metrics.
  std::vector<std::pair<v1::SalesChannel, OrderSource*>> All() const;

 private:
  std::map<v1::SalesChannel, std::unique_ptr<OrderSource>> sources_;
};

// "shopify" for SALES_CHANNEL_SHOPIFY: the enum name without its prefix, in
// lower case (config keys, cache keys, messages).
std::string ChannelName(v1::SalesChannel channel);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_ORDER_SOURCES_H_
