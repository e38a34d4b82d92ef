#include "adapters/order_sources.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace trackenrich::adapters {
namespace {

bool IsAmazon(v1::SalesChannel channel) {
  return channel == v1::SALES_CHANNEL_AMAZON || channel == v1::SALES_CHANNEL_UNSPECIFIED;
}

}  // namespace

std::string ChannelName(v1::SalesChannel channel) {
  std::string name(absl::StripPrefix(v1::SalesChannel_Name(channel), "SALES_CHANNEL_"));
  absl::AsciiStrToLower(&name);
  return name;
}

void OrderSourceRegistry::Add(v1::SalesChannel channel, std::unique_ptr<OrderSource> source) {
  if (channel == v1::SALES_CHANNEL_UNSPECIFIED) channel = v1::SALES_CHANNEL_AMAZON;
  sources_[channel] = std::move(source);
}

OrderSource* OrderSourceRegistry::Find(v1::SalesChannel channel) const {
  if (channel == v1::SALES_CHANNEL_UNSPECIFIED) channel = v1::SALES_CHANNEL_AMAZON;
  auto it = sources_.find(channel);
  return it == sources_.end() ? nullptr : it->second.get();
}

std::vector<v1::SalesChannel> OrderSourceRegistry::ChannelsFor(absl::string_view tenant) const {
  std::vector<v1::SalesChannel> channels;
  // std::map keeps SALES_CHANNEL_AMAZON (1) first.
  for (const auto& [channel, source] : sources_) {
    if (source->Serves(tenant)) channels.push_back(channel);
  }
  return channels;
}

std::vector<v1::SalesChannel> OrderSourceRegistry::CandidateChannels(
    absl::string_view tenant, absl::string_view order_id) const {
  std::vector<v1::SalesChannel> channels;
  for (const auto& [channel, source] : sources_) {
    if (IsAmazon(channel) || !source->Serves(tenant)) continue;
    if (source->Recognize(tenant, order_id).ok()) channels.push_back(channel);
  }
  return channels;
}

absl::StatusOr<OrderSourceRegistry::Route> OrderSourceRegistry::Resolve(
    const OrderQuery& query) const {
  OrderSource* amazon = Find(v1::SALES_CHANNEL_AMAZON);
  if (IsAmazon(query.channel)) {
    if (amazon == nullptr) {
      return absl::FailedPreconditionError(
          sources_.empty()
              ? "order: order lookups need an order source; none is configured (set the amazon "
                "section of the config, or run in sandbox mode)"
              : "order: Amazon order lookups need the amazon section of the config");
    }
    return Route{.source = amazon};
  }
  absl::Status not_ours = absl::OkStatus();
  if (OrderSource* own = Find(query.channel); own != nullptr && own->Serves(query.tenant)) {
    not_ours = own->Recognize(query.tenant, query.order_id);
    if (not_ours.ok()) return Route{.source = own};
    if (!absl::IsNotFound(not_ours)) return not_ours;
    if (amazon == nullptr || !amazon->Serves(query.tenant)) {
      // Not the channel's form, and no Amazon seller to read it as MCF.
      return absl::InvalidArgumentError(not_ours.message());
    }
  }
  if (amazon != nullptr) return Route{.source = amazon, .mcf = true};
  if (sources_.empty()) {
    return absl::FailedPreconditionError(
        "order: order lookups need an order source; none is configured (set the amazon "
        "section of the config, or run in sandbox mode)");
  }
  const std::string name = ChannelName(query.channel);
  return absl::FailedPreconditionError(
      absl::StrCat("order: no order source answers channel ", name, " for tenant '", query.tenant,
                   "' (configure the ", name,
                   " section for it, or amazon for Multi-Channel Fulfillment orders)"));
}

std::vector<std::pair<v1::SalesChannel, OrderSource*>> OrderSourceRegistry::All() const {
  std::vector<std::pair<v1::SalesChannel, OrderSource*>> all;
  for (const auto& [channel, source] : sources_) all.emplace_back(channel, source.get());
  return all;
}

}  // namespace trackenrich::adapters
