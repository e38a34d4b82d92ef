// Freshdesk: the automation's "Trigger webhook" action, and the private note
// written back.
//
// Inbound: the action sends the URL, method, custom headers and JSON body
// the admin configures; Freshdesk signs nothing, so the admin adds a header
// with a shared secret that is compared here in constant time:
//   X-Trackenrich-Secret: <helpdesks.freshdesk.shared_secret>
//
// Outbound (https://developers.freshdesk.com/api/#add_note_to_a_ticket):
//   POST /api/v2/tickets/{id}/notes
//   Authorization: Basic base64("{api_key}:X")
//   {"body": "<card>", "private": true}
//
//   absl::Status ok = VerifyFreshdeskRequest(request, shared_secret);
//   http::HttpRequest note = FreshdeskNoteRequest("1042", html, api_key);
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_FRESHDESK_FRESHDESK_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_FRESHDESK_FRESHDESK_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "services/integrations/common/note_write_back.h"
#include "services/integrations/integration_settings.h"

namespace trackenrich::integrations::freshdesk {

inline constexpr char kSecretHeader[] = "X-Trackenrich-Secret";

// UNAUTHENTICATED when the header is missing or holds another value.
absl::Status VerifyFreshdeskRequest(const http::HttpRequest& request,
                                    absl::string_view shared_secret);

http::HttpRequest FreshdeskNoteRequest(absl::string_view ticket_id, absl::string_view html,
                                       absl::string_view api_key);

// The desk for WriteBackNoteWriter: verification and the note.
DeskSpec FreshdeskDesk(const FreshdeskSettings& settings);

}  // namespace trackenrich::integrations::freshdesk

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_FRESHDESK_FRESHDESK_H_
