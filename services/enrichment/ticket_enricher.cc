#include "services/enrichment/ticket_enricher.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"

#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"
#include "services/enrichment/evidence.h"
#include "services/enrichment/next_action.h"
#include "services/enrichment/reply_renderer.h"
#include "services/enrichment/risk_flags.h"

namespace trackenrich::enrichment {
namespace {

bool AmazonOrderIdShape(absl::string_view id) {
  if (id.size() != 19 || id[3] != '-' || id[11] != '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    if (i != 3 && i != 11 && !absl::ascii_isdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  return true;
}

// Whether a failed lookup was of an order rather than a tracking number.
bool IsOrderLookup(const TicketContext& ticket, const v1::LookupError& error) {
  return AmazonOrderIdShape(error.subject()) ||
         std::find(ticket.order_ids.begin(), ticket.order_ids.end(), error.subject()) !=
             ticket.order_ids.end();
}

// Tracking numbers whose lookup failed because the carrier has no record
// (NOT_FOUND) or because they fail every check digit (INVALID_ARGUMENT), as
// shipments the flags and the next action can judge: the first as
// SHIPMENT_STATE_NOT_FOUND, the second only when its check digit fails.
std::vector<v1::Shipment> UnknownPackages(const TicketContext& ticket,
                                          const v1::Enrichment& enrichment) {
  std::vector<v1::Shipment> packages;
  for (const v1::LookupError& error : enrichment.errors()) {
    const bool not_found = error.code() == static_cast<int>(absl::StatusCode::kNotFound);
    const bool invalid = error.code() == static_cast<int>(absl::StatusCode::kInvalidArgument);
    if ((!not_found && !invalid) || error.subject().empty() || IsOrderLookup(ticket, error)) {
      continue;
    }
    const v1::DetectCarrierResponse detected = detection::DetectCarrier(error.subject());
    if (invalid && !detected.invalid_checksum()) continue;
    v1::Shipment package;
    package.set_tracking_number(detected.normalized_tracking_number());
    if (!detected.candidates().empty()) {
      package.set_carrier(detected.candidates(0).carrier());
      package.set_carrier_name(detection::CarrierDisplayName(package.carrier()));
    }
    package.set_state(not_found ? v1::SHIPMENT_STATE_NOT_FOUND : v1::SHIPMENT_STATE_UNSPECIFIED);
    packages.push_back(std::move(package));
  }
  return packages;
}

MissingLookups Missing(const TicketContext& ticket, const v1::Enrichment& enrichment) {
  MissingLookups missing;
  for (const v1::LookupError& error : enrichment.errors()) {
    if (IsOrderLookup(ticket, error) &&
        error.code() == static_cast<int>(absl::StatusCode::kNotFound)) {
      missing.orders_not_found.push_back(error.subject());
    } else {
      missing.other_failures = true;
    }
  }
  return missing;
}

// The packages a reply covers: each tracking number once, in view order.
std::vector<v1::Shipment> DistinctPackages(const std::vector<v1::Shipment>& in_view) {
  std::vector<v1::Shipment> packages;
  for (const v1::Shipment& shipment : in_view) {
    const bool seen = std::any_of(packages.begin(), packages.end(), [&](const v1::Shipment& known) {
      return known.tracking_number() == shipment.tracking_number();
    });
    if (!seen) packages.push_back(shipment);
  }
  return packages;
}

}  // namespace

void CompleteEnrichment(const TicketContext& ticket, const TemplateCatalog& catalog,
                        const EnrichmentSettings& settings, const ReplyPolicy& policy,
                        absl::Time now, v1::Enrichment* enrichment) {
  enrichment->set_buyer_reports_not_received(ticket.buyer_reports_not_received);

  std::vector<v1::RiskFlag> flags;
  for (const v1::Order& order : enrichment->orders()) {
    for (auto& flag : OrderRiskFlags(order, settings, now)) flags.push_back(std::move(flag));
  }
  const std::vector<v1::Shipment> unknown = UnknownPackages(ticket, *enrichment);
  auto add_flags = [&](const v1::Shipment& shipment) {
    for (auto& flag : ShipmentRiskFlags(shipment, nullptr, settings, now)) {
      flags.push_back(std::move(flag));
    }
  };
  for (const v1::Shipment& shipment : enrichment->shipments()) add_flags(shipment);
  for (const v1::Shipment& shipment : unknown) add_flags(shipment);
  for (const v1::RiskFlag& flag : flags) *enrichment->add_flags() = flag;

  const v1::Order* order = enrichment->orders().empty() ? nullptr : &enrichment->orders(0);
  std::vector<v1::Shipment> in_view;
  if (order != nullptr) in_view.assign(order->shipments().begin(), order->shipments().end());
  in_view.insert(in_view.end(), enrichment->shipments().begin(), enrichment->shipments().end());
  in_view.insert(in_view.end(), unknown.begin(), unknown.end());
  const MissingLookups missing = Missing(ticket, *enrichment);
  const SuggestedAction suggested =
      SuggestNextAction(order, in_view, flags, ticket.buyer_reports_not_received, missing);
  *enrichment->mutable_next_action() = suggested.action;

  if (!suggested.action.template_id().empty()) {
    static const v1::Shipment kNoShipment;
    const std::vector<v1::Shipment> packages = DistinctPackages(in_view);
    // The order the channel does not know, named in the reply.
    v1::Order unknown_order;
    if (order == nullptr && !missing.orders_not_found.empty()) {
      unknown_order.set_order_id(missing.orders_not_found.front());
      unknown_order.set_channel(ticket.channel);
    }
    ReplyInput input;
    input.template_id = suggested.action.template_id();
    input.language = ticket.language;
    input.shipment =
        suggested.shipment_index >= 0 ? &in_view[suggested.shipment_index] : &kNoShipment;
    input.order = order != nullptr                   ? order
                  : unknown_order.order_id().empty() ? nullptr
                                                     : &unknown_order;
    input.channel = order != nullptr && order->channel() != v1::SALES_CHANNEL_UNSPECIFIED
                        ? order->channel()
                        : ticket.channel;
    input.packages = packages;
    auto reply = RenderReply(catalog, policy, input, now);
    if (reply.ok()) *enrichment->mutable_reply() = *std::move(reply);
  }

  *enrichment->mutable_evidence() = BuildEvidence(*enrichment, now);
}

}  // namespace trackenrich::enrichment
