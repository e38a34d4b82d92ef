// Fakes of the Zendesk and Freshdesk APIs the integrations write notes to,
// served by the sandbox upstream under /zendesk and /freshdesk. They check
// the request as the real API would need it (method, path, Basic auth, JSON
// body) and record every note and tag, so tests and the zero-config demo see
// the write-back:
//   PUT  /zendesk/api/v2/tickets/{id}.json      {"ticket":{"comment":{...}}}
//   PUT  /zendesk/api/v2/tickets/{id}/tags.json {"tags":[...]}  (added to the ticket's)
//   POST /freshdesk/api/v2/tickets/{id}/notes {"body": "...", "private": true}
//   GET  /__sandbox/helpdesk/notes            what was recorded, oldest first
//
//   HelpdeskFakes fakes;
//   if (auto reply = fakes.Handle(request)) return *reply;   // nullopt: not a fake's path
#ifndef TRACKENRICH_SERVICES_SANDBOX_HELPDESK_FAKES_H_
#define TRACKENRICH_SERVICES_SANDBOX_HELPDESK_FAKES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"

namespace trackenrich::sandbox {

struct RecordedNote {
  std::string desk;  // "zendesk", "freshdesk"
  std::string ticket_id;
  bool is_private = false;
  std::string body;
  // Zendesk: the ticket's tags when the notes are listed.
  std::vector<std::string> tags;
  // The request target that wrote it.
  std::string target;
};

class HelpdeskFakes {
 public:
  std::optional<server::HttpServer::Reply> Handle(const http::HttpRequest& request);
  std::vector<RecordedNote> Notes() const;
  void Clear();
  // Drops the latest note recorded for `target`: an injected fault turned
  // its answer into an error, so (as for a desk that failed) it was not kept.
  void Forget(absl::string_view target);

 private:
  server::HttpServer::Reply Zendesk(const http::HttpRequest& request, std::string ticket_id);
  server::HttpServer::Reply ZendeskTags(const http::HttpRequest& request, std::string ticket_id);
  server::HttpServer::Reply Freshdesk(const http::HttpRequest& request, std::string ticket_id);

  // One Add Tags request as it was recorded.
  struct TagWrite {
    std::string ticket_id;
    std::vector<std::string> tags;
    std::string target;
  };

  mutable absl::Mutex mu_;
  std::vector<RecordedNote> notes_ ABSL_GUARDED_BY(mu_);
  std::vector<TagWrite> tag_writes_ ABSL_GUARDED_BY(mu_);
};

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_HELPDESK_FAKES_H_
