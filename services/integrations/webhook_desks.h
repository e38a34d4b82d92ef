// NoteWriter: a help desk that calls a webhook and gets the enrichment
// written back to the ticket as an internal note through its own API
// (Zendesk, Freshdesk). Accept verifies and parses the webhook, answers at
// once (202, or the 4xx saying what is wrong) and does the lookup and the
// write-back afterwards, with retries.
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_WEBHOOK_DESKS_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_WEBHOOK_DESKS_H_

#include <functional>

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/logging/structured_log.h"

namespace trackenrich::integrations {

class NoteWriter {
 public:
  virtual ~NoteWriter() = default;

  // Answers through `respond` (once); `record` is the request's log line
  // (tenant and ticket filled in here).
  virtual void Accept(const http::HttpRequest& request, logging::HttpLogRecord& record,
                      std::function<void(server::HttpServer::Reply)> respond) = 0;
};

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_WEBHOOK_DESKS_H_
