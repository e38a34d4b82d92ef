// Help Scout dynamic app (legacy custom app): Help Scout POSTs the open
// conversation as JSON and shows the HTML it gets back in the sidebar
// (https://developer.helpscout.com/apps/legacy-custom-apps/dynamic/):
//
//   POST <callback URL>
//   X-HelpScout-Signature: base64(HMAC-SHA1(app secret key, raw body))
//   {"ticket": {"id": 123, "number": 456, "subject": "..."},
//    "customer": {"id": 1, "fname": "", "lname": "", "email": "...", "emails": []},
//    "user": {...}, "mailbox": {"id": 9, "email": "help@shop.example"}}
//
// "ticket" is false for a draft; fields without a value are left out. The
// answer is {"html": "..."}; redirects are not followed.
//
//   if (!VerifyHelpScoutSignature(secret, body, header)) -> 401
//   auto conversation = ParseHelpScoutRequest(body);   // INVALID_ARGUMENT naming the problem
//   std::string answer = HelpScoutAnswer(card_html);   // {"html":"..."}
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_HELPSCOUT_HELPSCOUT_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_HELPSCOUT_HELPSCOUT_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::integrations::helpscout {

inline constexpr char kSignatureHeader[] = "X-HelpScout-Signature";

struct HelpScoutConversation {
  std::string ticket_id;
  std::string subject;
  std::string customer_email;
  std::string mailbox_id;
};

bool VerifyHelpScoutSignature(absl::string_view secret_key, absl::string_view body,
                              absl::string_view signature);

absl::StatusOr<HelpScoutConversation> ParseHelpScoutRequest(absl::string_view body);

// The EnrichTicket request for the conversation's subject; nullopt when there
// is nothing to look up (a draft, or no subject).
std::optional<v1::EnrichTicketRequest> HelpScoutEnrichRequest(
    const HelpScoutConversation& conversation);

std::string HelpScoutAnswer(absl::string_view html);

}  // namespace trackenrich::integrations::helpscout

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_HELPSCOUT_HELPSCOUT_H_
