#include "services/integrations/helpscout/helpscout.h"

#include "boost/json.hpp"

#include "adapters/common/json_util.h"
#include "services/integrations/common/request_fields.h"
#include "services/integrations/common/signature.h"

namespace trackenrich::integrations::helpscout {

bool VerifyHelpScoutSignature(absl::string_view secret_key, absl::string_view body,
                              absl::string_view signature) {
  return VerifyBase64Hmac(HmacAlgorithm::kSha1, secret_key, body, signature);
}

absl::StatusOr<HelpScoutConversation> ParseHelpScoutRequest(absl::string_view body) {
  auto object = ParseJsonBody(body);
  if (!object.ok()) return object.status();
  const boost::json::value root(std::move(*object));
  const boost::json::value* ticket = adapters::JsonFind(root, {"ticket"});
  if (ticket != nullptr && !ticket->is_object() && !ticket->is_bool() && !ticket->is_null()) {
    return absl::InvalidArgumentError("request body: ticket must be an object (or false)");
  }
  HelpScoutConversation conversation;
  conversation.ticket_id = adapters::JsonString(root, {"ticket", "id"});
  conversation.subject = adapters::JsonString(root, {"ticket", "subject"});
  conversation.customer_email = adapters::JsonString(root, {"customer", "email"});
  // The documented request may carry "email": null beside the list "emails".
  if (const boost::json::value* emails = adapters::JsonFind(root, {"customer", "emails"});
      conversation.customer_email.empty() && emails != nullptr && emails->is_array() &&
      !emails->as_array().empty() && emails->as_array()[0].is_string()) {
    const boost::json::string& first = emails->as_array()[0].as_string();
    conversation.customer_email.assign(first.data(), first.size());
  }
  conversation.mailbox_id = adapters::JsonString(root, {"mailbox", "id"});
  return conversation;
}

std::optional<v1::EnrichTicketRequest> HelpScoutEnrichRequest(
    const HelpScoutConversation& conversation) {
  if (conversation.subject.empty()) return std::nullopt;
  v1::EnrichTicketRequest request;
  request.set_ticket_id(conversation.ticket_id);
  request.mutable_text()->set_subject(conversation.subject);
  return request;
}

std::string HelpScoutAnswer(absl::string_view html) {
  return boost::json::serialize(boost::json::object{
      {"html", boost::json::string(std::string_view(html.data(), html.size()))}});
}

}  // namespace trackenrich::integrations::helpscout
