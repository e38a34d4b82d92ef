// Zendesk: the webhook a trigger sends, and the internal note written back.
//
// Inbound (https://developer.zendesk.com/documentation/webhooks/verifying/):
//   X-Zendesk-Webhook-Signature: base64(HMAC-SHA256(signing secret, timestamp + body))
//   X-Zendesk-Webhook-Signature-Timestamp: 2026-12-04T19:30:00Z
// The timestamp (RFC 3339, or Unix seconds) must be within the allowed skew
// of now, so a captured request cannot be replayed later.
//
// Outbound, two requests with Authorization: Basic base64("{email}/token:{api_token}"):
//   1. the note (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/:
//      comments are added by updating the ticket):
//        PUT /api/v2/tickets/{id}.json
//        {"ticket": {"comment": {"html_body": "<card>", "public": false}}}
//   2. the flags as tags, when there are any and tags are on. Tags set through
//      Update Ticket replace the ticket's own, so they go through Add Tags
//      (https://developer.zendesk.com/api-reference/ticketing/ticket-management/tags/,
//      "Adding tags to tickets without overwriting existing tags"):
//        PUT /api/v2/tickets/{id}/tags.json
//        {"tags": ["trackenrich_exception"]}
//
//   absl::Status ok = VerifyZendeskRequest(request, secret, absl::Now(), absl::Minutes(5));
//   http::HttpRequest note = ZendeskNoteRequest("35436", html, email, token);
//   http::HttpRequest tags = ZendeskTagsRequest("35436", {"trackenrich_late"}, email, token);
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_ZENDESK_ZENDESK_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_ZENDESK_ZENDESK_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/integrations/common/note_write_back.h"
#include "services/integrations/integration_settings.h"
#include "trackenrich/v1/enrichment.pb.h"

namespace trackenrich::integrations::zendesk {

inline constexpr char kSignatureHeader[] = "X-Zendesk-Webhook-Signature";
inline constexpr char kTimestampHeader[] = "X-Zendesk-Webhook-Signature-Timestamp";

// UNAUTHENTICATED naming the header that is missing, stale or does not match.
absl::Status VerifyZendeskRequest(const http::HttpRequest& request, absl::string_view secret,
                                  absl::Time now, absl::Duration max_skew);

// "trackenrich_<flag>" for each flag of the enrichment, once each, lower case.
std::vector<std::string> ZendeskTags(const v1::Enrichment& enrichment);

// The internal note (a private comment) with the card as HTML.
http::HttpRequest ZendeskNoteRequest(absl::string_view ticket_id, absl::string_view html,
                                     absl::string_view email, absl::string_view api_token);

// Adds `tags` to the ticket's own (Add Tags; adding a tag twice is harmless).
http::HttpRequest ZendeskTagsRequest(absl::string_view ticket_id,
                                     const std::vector<std::string>& tags, absl::string_view email,
                                     absl::string_view api_token);

// The desk for WriteBackNoteWriter: verification and the note, from the
// settings (credentials are read when a note is built, never logged).
DeskSpec ZendeskDesk(const ZendeskSettings& settings, std::function<absl::Time()> clock);

}  // namespace trackenrich::integrations::zendesk

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_ZENDESK_ZENDESK_H_
