// Gorgias HTTP integration: what a Gorgias "HTTP integration" sends and the
// flat JSON its sidebar widget shows.
//
// Gorgias calls the integration's URL with the method (GET, POST, ...),
// custom headers and a JSON or form body that the admin configured, after
// filling {{...}} variables such as {{ticket.id}} and
// {{ticket.customer.email}} (https://developers.gorgias.com/reference/integrations);
// no signature, so the tenant's API key goes in a custom header (X-Api-Key).
// A widget maps the answer's JSON paths to a card's text fields
// (https://developers.gorgias.com/reference/widgets; our template is in
// deploy/helpdesk/gorgias/widget.json).
//
// Parameters, in the query or the body: ticket_id, email, subject, message
// (the buyer's first message: {{ticket.messages[0].body_text}}, one of the
// ticket variables Gorgias lists at https://docs.gorgias.com/macros/macro-variables,
// with {{ticket.first_message.body_text}} and {{ticket.messages[-1].body_text}}
// for the last one), order_id, channel, tracking_number, language (the
// buyer's, for the reply draft), agent_language (the labels').
//
//   auto query = ParseGorgiasRequest(request);       // INVALID_ARGUMENT naming the problem
//   auto rpc = GorgiasEnrichRequest(*query);          // INVALID_ARGUMENT when nothing to look up
//   std::string json = GorgiasWidgetJson(enrichment, *query);
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_GORGIAS_GORGIAS_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_GORGIAS_GORGIAS_H_

#include <string>

#include "absl/status/statusor.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::integrations::gorgias {

struct GorgiasQuery {
  std::string ticket_id;
  std::string email;
  std::string subject;
  std::string message;
  std::string order_id;
  // amazon, shopify, ebay or other; "" lets the service decide.
  std::string channel;
  std::string tracking_number;
  std::string language;
  std::string agent_language = "en";
};

absl::StatusOr<GorgiasQuery> ParseGorgiasRequest(const http::HttpRequest& request);

// A tracking number wins over an order ID, which wins over the ticket text.
absl::StatusOr<v1::EnrichTicketRequest> GorgiasEnrichRequest(const GorgiasQuery& query);

// {"ticket_id", "status", "state", "carrier", "tracking_number",
//  "tracking_url", "eta", "flags", "next_action", "next_steps",
//  "reply_subject", "reply", "reply_language", "order_id", "found",
//  "shipments": [{"status", "state", "carrier", "tracking_number",
//  "tracking_url", "eta"}, ...]}: the first shipment's fields at the top,
// every shipment in "shipments", texts in the agent's language.
std::string GorgiasWidgetJson(const v1::Enrichment& enrichment, const GorgiasQuery& query);

}  // namespace trackenrich::integrations::gorgias

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_GORGIAS_GORGIAS_H_
