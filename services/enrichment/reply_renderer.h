// Renders a reply template for a shipment (and optionally its order) in the
// buyer's language and runs the compliance check on the result.
//
//   ReplyInput input{.template_id = "fbm_status_update", .language = "de-AT",
//                    .shipment = &shipment, .order = &order};
//   absl::StatusOr<v1::RenderedReply> reply = RenderReply(*catalog, policy, input, now);
//   reply->language();    // "de": de-AT → de → en
//   reply->compliant();   // false when any finding
//
// Placeholder values:
//   {carrier}         Shipment.carrier_name, else the carrier's display name
//   {tracking_number} Shipment.tracking_number
//   {status}          the state in words in the reply's language (template words)
//   {status_detail}   the reason in words, when the carrier gave one
//   {eta}             the estimated delivery as a long date (or range) in the
//                     buyer's locale, while not delivered and not yet past
//   {delivered_date}  the delivery day, when delivered
//   {tracking_link}   the carrier's tracking page, only where ReplyPolicy allows
//                     links for the channel and the link is a carrier tracking
//                     link (compliance.h)
//   {order_id}        Order.order_id
// When the reply covers more than one package (ReplyInput.packages, else the
// order's shipments), each is named:
//   {packages}        one line per package, as the language's package_line
//                     writes it from the package's own placeholders
//   {package_count}   how many ("2")
//   {packages_delivered}, {packages_not_delivered}
//                     "UPS 1Z…, FedEx 7771…": the packages the carrier shows
//                     delivered, and the others
// For an order (all dates in UTC):
//   {ship_by}         the end of the ship-by window while it is ahead; once
//                     missed, the next day (the next action asks the seller to
//                     ship today)
//   {deliver_by}      the deliver-by window (or what is left of it) while its
//                     end is ahead
// Dates are read in the time zone of the carrier's latest event (the package's
// local time), else UTC. A placeholder with no value renders as written
// ("{eta}") and is reported as COMPLIANCE_RULE_UNFILLED_PLACEHOLDER.
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_REPLY_RENDERER_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_REPLY_RENDERER_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"

#include "services/enrichment/enrichment_settings.h"
#include "services/enrichment/reply_templates.h"
#include "trackenrich/v1/enrichment.pb.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::enrichment {

struct ReplyInput {
  std::string template_id;
  // BCP 47; empty means "en".
  std::string language;
  // Required (may be an empty message when no package is known).
  const v1::Shipment* shipment = nullptr;
  const v1::Order* order = nullptr;
  // The channel whose policy applies; UNSPECIFIED: the order's channel.
  v1::SalesChannel channel = v1::SALES_CHANNEL_UNSPECIFIED;
  // Every package the reply covers, `shipment` included; empty: the order's
  // shipments. Named one by one when there are two or more.
  absl::Span<const v1::Shipment> packages;
};

// NOT_FOUND naming template_id when the catalog has no such template, or the
// template has no translation in the language's fallback chain.
absl::StatusOr<v1::RenderedReply> RenderReply(const TemplateCatalog& catalog,
                                              const ReplyPolicy& policy, const ReplyInput& input,
                                              absl::Time now);

// The placeholder values for `input` in `language` (canonical tag); names
// without a value are absent.
std::map<std::string, std::string> PlaceholderValues(const TemplateCatalog& catalog,
                                                     const ReplyPolicy& policy,
                                                     const ReplyInput& input,
                                                     absl::string_view language, absl::Time now);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_REPLY_RENDERER_H_
