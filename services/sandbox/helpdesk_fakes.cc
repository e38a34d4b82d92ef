#include "services/sandbox/helpdesk_fakes.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using server::HttpServer;

HttpServer::Reply Json(int status, const json::value& body) {
  HttpServer::Reply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", "application/json");
  reply.response.body = json::serialize(body);
  return reply;
}

bool AllDigits(absl::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), absl::ascii_isdigit);
}

}  // namespace

std::optional<HttpServer::Reply> HelpdeskFakes::Handle(const http::HttpRequest& request) {
  absl::string_view path = request.target;
  path = path.substr(0, path.find('?'));
  if (path == "/__sandbox/helpdesk/notes") {
    json::array list;
    for (const RecordedNote& note : Notes()) {
      json::array tags;
      for (const std::string& tag : note.tags) tags.emplace_back(json::string(tag));
      list.push_back(json::object{{"desk", note.desk},
                                  {"ticket_id", note.ticket_id},
                                  {"private", note.is_private},
                                  {"body", note.body},
                                  {"tags", std::move(tags)}});
    }
    return Json(200, json::object{{"notes", std::move(list)}});
  }
  absl::string_view rest = path;
  if (absl::ConsumePrefix(&rest, "/zendesk/api/v2/tickets/") &&
      absl::ConsumeSuffix(&rest, ".json")) {
    if (AllDigits(rest)) return Zendesk(request, std::string(rest));
    if (absl::ConsumeSuffix(&rest, "/tags") && AllDigits(rest)) {
      return ZendeskTags(request, std::string(rest));
    }
  }
  rest = path;
  if (absl::ConsumePrefix(&rest, "/freshdesk/api/v2/tickets/") &&
      absl::ConsumeSuffix(&rest, "/notes") && AllDigits(rest)) {
    return Freshdesk(request, std::string(rest));
  }
  if (absl::StartsWith(path, "/zendesk/") || absl::StartsWith(path, "/freshdesk/")) {
    return Json(404, json::object{{"error", "RecordNotFound"}});
  }
  return std::nullopt;
}

HttpServer::Reply HelpdeskFakes::Zendesk(const http::HttpRequest& request, std::string ticket_id) {
  if (request.method != "PUT") return Json(405, json::object{{"error", "method"}});
  if (!absl::StartsWith(request.Header("Authorization"), "Basic ")) {
    return Json(401, json::object{{"error", "Couldn't authenticate you"}});
  }
  boost::system::error_code error;
  const json::value body = json::parse(request.body, error);
  const json::value* comment =
      error || !body.is_object() ? nullptr : body.as_object().if_contains("ticket");
  comment = comment != nullptr && comment->is_object() ? comment->as_object().if_contains("comment")
                                                       : nullptr;
  if (comment == nullptr || !comment->is_object()) {
    return Json(400, json::object{{"error", "InvalidValue"}, {"description", "no ticket.comment"}});
  }
  RecordedNote note{.desk = "zendesk", .ticket_id = ticket_id, .target = request.target};
  const json::object& fields = comment->as_object();
  if (const json::value* html = fields.if_contains("html_body"); html && html->is_string()) {
    note.body = std::string(html->as_string());
  } else if (const json::value* text = fields.if_contains("body"); text && text->is_string()) {
    note.body = std::string(text->as_string());
  }
  const json::value* is_public = fields.if_contains("public");
  note.is_private = is_public != nullptr && is_public->is_bool() && !is_public->as_bool();
  absl::MutexLock lock(&mu_);
  notes_.push_back(std::move(note));
  return Json(200, json::object{{"ticket", json::object{{"id", std::stoll(ticket_id)}}}});
}

HttpServer::Reply HelpdeskFakes::ZendeskTags(const http::HttpRequest& request,
                                             std::string ticket_id) {
  if (request.method != "PUT") return Json(405, json::object{{"error", "method"}});
  if (!absl::StartsWith(request.Header("Authorization"), "Basic ")) {
    return Json(401, json::object{{"error", "Couldn't authenticate you"}});
  }
  boost::system::error_code error;
  const json::value body = json::parse(request.body, error);
  const json::value* tags =
      error || !body.is_object() ? nullptr : body.as_object().if_contains("tags");
  if (tags == nullptr || !tags->is_array()) {
    return Json(400, json::object{{"error", "InvalidValue"}, {"description", "no tags array"}});
  }
  TagWrite write{.ticket_id = ticket_id, .target = request.target};
  for (const json::value& tag : tags->as_array()) {
    if (!tag.is_string()) {
      return Json(
          400, json::object{{"error", "InvalidValue"}, {"description", "a tag is not a string"}});
    }
    write.tags.emplace_back(tag.as_string());
  }
  absl::MutexLock lock(&mu_);
  tag_writes_.push_back(std::move(write));
  json::array all;
  for (const TagWrite& each : tag_writes_) {
    if (each.ticket_id != ticket_id) continue;
    for (const std::string& tag : each.tags) {
      if (std::find(all.begin(), all.end(), json::value(tag)) == all.end()) all.emplace_back(tag);
    }
  }
  return Json(200, json::object{{"tags", std::move(all)}});
}

HttpServer::Reply HelpdeskFakes::Freshdesk(const http::HttpRequest& request,
                                           std::string ticket_id) {
  if (request.method != "POST") return Json(405, json::object{{"message", "method"}});
  if (!absl::StartsWith(request.Header("Authorization"), "Basic ")) {
    return Json(401, json::object{{"code", "invalid_credentials"}});
  }
  boost::system::error_code error;
  const json::value body = json::parse(request.body, error);
  const json::value* text =
      error || !body.is_object() ? nullptr : body.as_object().if_contains("body");
  if (text == nullptr || !text->is_string()) {
    return Json(400, json::object{{"description", "Validation failed"},
                                  {"errors", json::array{json::object{{"field", "body"}}}}});
  }
  RecordedNote note{
      .desk = "freshdesk", .ticket_id = ticket_id, .body = std::string(text->as_string())};
  note.target = request.target;
  const json::value* is_private = body.as_object().if_contains("private");
  note.is_private = is_private != nullptr && is_private->is_bool() && is_private->as_bool();
  absl::MutexLock lock(&mu_);
  notes_.push_back(std::move(note));
  return Json(201, json::object{{"id", static_cast<int64_t>(notes_.size())},
                                {"ticket_id", std::stoll(ticket_id)},
                                {"private", notes_.back().is_private}});
}

std::vector<RecordedNote> HelpdeskFakes::Notes() const {
  absl::MutexLock lock(&mu_);
  std::vector<RecordedNote> notes = notes_;
  for (RecordedNote& note : notes) {
    if (note.desk != "zendesk") continue;
    for (const TagWrite& write : tag_writes_) {
      if (write.ticket_id != note.ticket_id) continue;
      for (const std::string& tag : write.tags) {
        if (std::find(note.tags.begin(), note.tags.end(), tag) == note.tags.end()) {
          note.tags.push_back(tag);
        }
      }
    }
  }
  return notes;
}

void HelpdeskFakes::Forget(absl::string_view target) {
  absl::MutexLock lock(&mu_);
  for (auto it = tag_writes_.rbegin(); it != tag_writes_.rend(); ++it) {
    if (it->target == target) {
      tag_writes_.erase(std::next(it).base());
      return;
    }
  }
  for (auto it = notes_.rbegin(); it != notes_.rend(); ++it) {
    if (it->target == target) {
      notes_.erase(std::next(it).base());
      return;
    }
  }
}

void HelpdeskFakes::Clear() {
  absl::MutexLock lock(&mu_);
  notes_.clear();
  tag_writes_.clear();
}

}  // namespace trackenrich::sandbox
