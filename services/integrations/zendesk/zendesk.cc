#include "services/integrations/zendesk/zendesk.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "boost/json.hpp"

#include "services/integrations/card/agent_card.h"
#include "services/integrations/common/signature.h"

namespace trackenrich::integrations::zendesk {

absl::Status VerifyZendeskRequest(const http::HttpRequest& request, absl::string_view secret,
                                  absl::Time now, absl::Duration max_skew) {
  const absl::string_view signature = request.Header(kSignatureHeader);
  const absl::string_view timestamp = absl::StripAsciiWhitespace(request.Header(kTimestampHeader));
  if (signature.empty()) {
    return absl::UnauthenticatedError(absl::StrCat(kSignatureHeader, " is missing"));
  }
  if (timestamp.empty()) {
    return absl::UnauthenticatedError(absl::StrCat(kTimestampHeader, " is missing"));
  }
  absl::Time signed_at;
  int64_t seconds = 0;
  std::string error;
  if (absl::SimpleAtoi(timestamp, &seconds)) {
    signed_at = absl::FromUnixSeconds(seconds);
  } else if (!absl::ParseTime(absl::RFC3339_full, timestamp, &signed_at, &error)) {
    return absl::UnauthenticatedError(
        absl::StrCat(kTimestampHeader, " is not a time (RFC 3339 or Unix seconds)"));
  }
  if (absl::AbsDuration(now - signed_at) > max_skew) {
    const bool past = now > signed_at;
    return absl::UnauthenticatedError(absl::StrCat(
        kTimestampHeader, " is stale: ", past ? "signed " : "dated ",
        absl::FormatDuration(absl::AbsDuration(now - signed_at)), past ? " ago" : " ahead",
        ", more than the ", absl::FormatDuration(max_skew), " allowed"));
  }
  if (!VerifyBase64Hmac(HmacAlgorithm::kSha256, secret, absl::StrCat(timestamp, request.body),
                        signature)) {
    return absl::UnauthenticatedError(absl::StrCat(
        kSignatureHeader, " does not match the timestamp and body (check the signing secret)"));
  }
  return absl::OkStatus();
}

std::vector<std::string> ZendeskTags(const v1::Enrichment& enrichment) {
  std::vector<std::string> tags;
  for (const v1::RiskFlag& flag : enrichment.flags()) {
    std::string tag =
        absl::StrCat("trackenrich_", absl::AsciiStrToLower(absl::StripPrefix(
                                         v1::RiskFlagKind_Name(flag.kind()), "RISK_FLAG_KIND_")));
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
  }
  return tags;
}

namespace {

http::HttpRequest ZendeskPut(std::string target, std::string body, absl::string_view email,
                             absl::string_view api_token) {
  http::HttpRequest request;
  request.method = "PUT";
  request.target = std::move(target);
  request.headers = {
      {"Content-Type", "application/json"},
      {"Authorization",
       absl::StrCat("Basic ", absl::Base64Escape(absl::StrCat(email, "/token:", api_token)))}};
  request.body = std::move(body);
  return request;
}

}  // namespace

http::HttpRequest ZendeskNoteRequest(absl::string_view ticket_id, absl::string_view html,
                                     absl::string_view email, absl::string_view api_token) {
  namespace json = boost::json;
  const json::object comment{
      {"html_body", json::string(std::string_view(html.data(), html.size()))}, {"public", false}};
  http::HttpRequest request =
      ZendeskPut(absl::StrCat("/api/v2/tickets/", ticket_id, ".json"),
                 json::serialize(json::object{{"ticket", json::object{{"comment", comment}}}}),
                 email, api_token);
  // Written once per claim (note_write_back.h); a resend after a lost answer
  // could double the note, so the client's own retries stay off.
  request.idempotent = false;
  return request;
}

http::HttpRequest ZendeskTagsRequest(absl::string_view ticket_id,
                                     const std::vector<std::string>& tags, absl::string_view email,
                                     absl::string_view api_token) {
  namespace json = boost::json;
  json::array tag_list;
  for (const std::string& tag : tags) tag_list.emplace_back(json::string(tag));
  http::HttpRequest request =
      ZendeskPut(absl::StrCat("/api/v2/tickets/", ticket_id, "/tags.json"),
                 json::serialize(json::object{{"tags", std::move(tag_list)}}), email, api_token);
  request.idempotent = true;
  return request;
}

DeskSpec ZendeskDesk(const ZendeskSettings& settings, std::function<absl::Time()> clock) {
  return {.name = "zendesk",
          .verify =
              [settings, clock](const http::HttpRequest& request) {
                return VerifyZendeskRequest(request, settings.signing_secret, clock(),
                                            settings.max_clock_skew);
              },
          .note =
              [settings](const std::string& ticket_id, const v1::Enrichment& enrichment) {
                const std::string html = RenderCardFragment(
                    enrichment,
                    {.agent_language = settings.identity.agent_language, .heading_level = 3});
                std::vector<http::HttpRequest> requests = {
                    ZendeskNoteRequest(ticket_id, html, settings.email, settings.api_token)};
                if (std::vector<std::string> tags = ZendeskTags(enrichment);
                    settings.tags && !tags.empty()) {
                  requests.push_back(
                      ZendeskTagsRequest(ticket_id, tags, settings.email, settings.api_token));
                }
                return requests;
              }};
}

}  // namespace trackenrich::integrations::zendesk
