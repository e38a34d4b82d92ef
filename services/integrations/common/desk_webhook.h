// The body a help desk's trigger sends to /integrations/zendesk or
// /integrations/freshdesk. Both desks let the admin write the JSON body with
// placeholders; the README gives the exact body to paste:
//
//   {"ticket_id": "{{ticket.id}}", "subject": "{{ticket.title}}",
//    "description": "{{ticket.description}}", "requester_email": "...",
//    "language": "..."}
//
// ticket_id is required and must be digits (both desks' ticket IDs are
// integers, and it becomes part of the API path the note is written to);
// the ticket ID may be a JSON number or string. Unknown members are ignored,
// since a desk may add its own.
//
//   auto webhook = ParseDeskWebhook(body);   // INVALID_ARGUMENT naming the field
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_DESK_WEBHOOK_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_DESK_WEBHOOK_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::integrations {

struct DeskWebhook {
  std::string ticket_id;
  std::string subject;
  std::string description;
  std::string requester_email;
  std::string language;
};

absl::StatusOr<DeskWebhook> ParseDeskWebhook(absl::string_view body);

// The lookup for the ticket's text (subject and description).
v1::EnrichTicketRequest DeskEnrichRequest(const DeskWebhook& webhook);

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_DESK_WEBHOOK_H_
