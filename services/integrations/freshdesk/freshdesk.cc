#include "services/integrations/freshdesk/freshdesk.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "services/integrations/card/agent_card.h"
#include "services/integrations/common/signature.h"

namespace trackenrich::integrations::freshdesk {

absl::Status VerifyFreshdeskRequest(const http::HttpRequest& request,
                                    absl::string_view shared_secret) {
  const absl::string_view presented = request.Header(kSecretHeader);
  if (presented.empty()) {
    return absl::UnauthenticatedError(absl::StrCat(kSecretHeader, " is missing"));
  }
  if (!SecretsEqual(presented, shared_secret)) {
    return absl::UnauthenticatedError(
        absl::StrCat(kSecretHeader, " does not match helpdesks.freshdesk.shared_secret"));
  }
  return absl::OkStatus();
}

http::HttpRequest FreshdeskNoteRequest(absl::string_view ticket_id, absl::string_view html,
                                       absl::string_view api_key) {
  http::HttpRequest request;
  request.method = "POST";
  request.target = absl::StrCat("/api/v2/tickets/", ticket_id, "/notes");
  request.headers = {
      {"Content-Type", "application/json"},
      {"Authorization", absl::StrCat("Basic ", absl::Base64Escape(absl::StrCat(api_key, ":X")))}};
  request.body = boost::json::serialize(
      boost::json::object{{"body", boost::json::string(std::string_view(html.data(), html.size()))},
                          {"private", true}});
  request.idempotent = false;
  return request;
}

DeskSpec FreshdeskDesk(const FreshdeskSettings& settings) {
  return {
      .name = "freshdesk",
      .verify =
          [settings](const http::HttpRequest& request) {
            return VerifyFreshdeskRequest(request, settings.shared_secret);
          },
      .note =
          [settings](const std::string& ticket_id, const v1::Enrichment& enrichment) {
            return std::vector<http::HttpRequest>{FreshdeskNoteRequest(
                ticket_id,
                RenderCardFragment(enrichment, {.agent_language = settings.identity.agent_language,
                                                .heading_level = 3}),
                settings.api_key)};
          }};
}

}  // namespace trackenrich::integrations::freshdesk
