#include "services/integrations/common/desk_webhook.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "services/integrations/common/request_fields.h"

namespace trackenrich::integrations {

absl::StatusOr<DeskWebhook> ParseDeskWebhook(absl::string_view body) {
  auto object = ParseJsonBody(body);
  if (!object.ok()) return object.status();
  DeskWebhook webhook;
  auto text = [&](const char* name, std::string* out) -> absl::Status {
    const boost::json::value* value = object->if_contains(name);
    if (value == nullptr || value->is_null()) return absl::OkStatus();
    if (value->is_string()) {
      *out = std::string(absl::StripAsciiWhitespace(
          absl::string_view(value->as_string().data(), value->as_string().size())));
      // A placeholder the desk could not fill arrives as itself.
      if (out->size() >= 4 && out->substr(0, 2) == "{{" && out->substr(out->size() - 2) == "}}") {
        out->clear();
      }
    } else if (value->is_int64() || value->is_uint64()) {
      *out = value->is_int64() ? absl::StrCat(value->as_int64()) : absl::StrCat(value->as_uint64());
    } else {
      return absl::InvalidArgumentError(absl::StrCat(name, ": must be a string"));
    }
    return absl::OkStatus();
  };
  for (const auto& [name, out] :
       {std::pair{"ticket_id", &webhook.ticket_id}, std::pair{"subject", &webhook.subject},
        std::pair{"description", &webhook.description},
        std::pair{"requester_email", &webhook.requester_email},
        std::pair{"language", &webhook.language}}) {
    if (absl::Status status = text(name, out); !status.ok()) return status;
  }
  if (webhook.ticket_id.empty()) {
    return absl::InvalidArgumentError("ticket_id: required (e.g. \"{{ticket.id}}\")");
  }
  if (webhook.ticket_id.size() > 20 ||
      !std::all_of(webhook.ticket_id.begin(), webhook.ticket_id.end(), absl::ascii_isdigit)) {
    return absl::InvalidArgumentError("ticket_id: must be the ticket's number (digits only)");
  }
  if (webhook.subject.empty() && webhook.description.empty()) {
    return absl::InvalidArgumentError("subject and description are both empty: nothing to look up");
  }
  return webhook;
}

v1::EnrichTicketRequest DeskEnrichRequest(const DeskWebhook& webhook) {
  v1::EnrichTicketRequest request;
  request.set_ticket_id(webhook.ticket_id);
  request.set_language(webhook.language);
  request.mutable_text()->set_subject(webhook.subject);
  request.mutable_text()->set_body(webhook.description);
  return request;
}

}  // namespace trackenrich::integrations
