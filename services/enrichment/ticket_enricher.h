// The last step of EnrichTicket: once the orders and shipments a ticket
// points to are looked up, add what the agent acts on: risk flags, the next
// action, a reply in the buyer's language with its compliance findings, and
// the evidence. Pure: the caller passes the time from its clock.
//
//   v1::Enrichment enrichment;   // orders and shipments filled by the lookups
//   CompleteEnrichment({.language = "it", .buyer_reports_not_received = false},
//                      catalog, settings, policy, now, &enrichment);
//   enrichment.next_action().template_id();   // "fbm_status_update"
//   enrichment.reply().language();            // "it"
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_TICKET_ENRICHER_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_TICKET_ENRICHER_H_

#include <string>
#include <vector>

#include "absl/time/time.h"

#include "services/enrichment/enrichment_settings.h"
#include "services/enrichment/reply_templates.h"
#include "trackenrich/v1/enrichment.pb.h"

namespace trackenrich::enrichment {

struct TicketContext {
  // The buyer's language (BCP 47); empty means "en".
  std::string language;
  // The caller says so, or the ticket text does (buyer_claims.h).
  bool buyer_reports_not_received = false;
  // The sales channel when no order says it (e.g. Amazon order IDs in the
  // ticket text); decides whether replies may carry tracking links.
  v1::SalesChannel channel = v1::SALES_CHANNEL_UNSPECIFIED;
  // The order IDs the ticket asked about (the request's, or those in its
  // text), so their failed lookups are read as orders, not packages.
  std::vector<std::string> order_ids;
};

// Fills flags, next_action, reply, evidence and buyer_reports_not_received.
// The first order is the one the ticket is about; the flags and next action
// consider its packages and every shipment looked up by number. No reply is
// rendered when the next action has no template (ship first, investigate,
// fix an invalid number). An order the channel does not know gets the
// "please confirm the order number" reply. When the ticket is about more
// than one package, the reply names each (reply_renderer.h). A tracking
// number whose lookup failed with
// NOT_FOUND (the carrier has no record) or INVALID_ARGUMENT with a failing
// check digit is judged as a package too, so it can be flagged
// INVALID_TRACKING; it stays in `errors`, not in `shipments`.
void CompleteEnrichment(const TicketContext& ticket, const TemplateCatalog& catalog,
                        const EnrichmentSettings& settings, const ReplyPolicy& policy,
                        absl::Time now, v1::Enrichment* enrichment);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_TICKET_ENRICHER_H_
