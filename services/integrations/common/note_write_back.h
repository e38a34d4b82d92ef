// WriteBackNoteWriter: the NoteWriter of a help desk whose webhook is
// answered at once and whose ticket gets the enrichment as an internal note
// through the desk's API afterwards (Zendesk, Freshdesk).
//
//   Accept:  verify (401) -> parse (400) -> answer 202 {"accepted": true}
//   then:    EnrichTicket as the desk's tenant -> render the card
//            -> claim (desk, ticket, card digest): a repeat within the
//               dedupe window is dropped ("duplicate"), so the same webhook
//               delivered 3 times writes 1 note. With `deps.redis` the
//               claim is a Redis key (SET NX PX dedupe_window, under
//               cache::WriteBackClaimKey), so replicas sharing the Redis
//               write one note between them; while Redis does not answer,
//               and without it, the claim is this process's alone.
//            -> send the note's requests in order; 429, 5xx and transport
//               failures are retried
//               with exponential backoff (policy.first_backoff doubling up to
//               policy.max_backoff, policy.max_attempts in all); any other
//               4xx, or the attempts used up, is a dead letter: kept (the
//               latest 1000), logged as a warning, counted
//               (trackenrich_helpdesk_writebacks_total{outcome="dead_letter"}),
//               and, when its first request (the note itself) failed, its
//               claim released so a later webhook may try again; a later
//               request failing (Zendesk's tags) keeps the claim, since the
//               note is on the ticket already.
//
//   WriteBackNoteWriter writer(
//       {.name = "zendesk", .verify = ..., .note = ...},
//       {.enrich = &client, .http = &http_client, .endpoint = endpoint, ...});
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_NOTE_WRITE_BACK_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_NOTE_WRITE_BACK_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

#include "adapters/http/http_client.h"
#include "services/integrations/integration_settings.h"
#include "services/integrations/webhook_desks.h"
#include "trackenrich/v1/enrichment.pb.h"

namespace trackenrich::cache {
class RedisClient;
}  // namespace trackenrich::cache

namespace trackenrich::server {
class ServiceMetrics;
}  // namespace trackenrich::server

namespace trackenrich::integrations {

class EnrichClient;

struct DeskSpec {
  // "zendesk", "freshdesk": metric label and log name.
  std::string name;
  // UNAUTHENTICATED (401) with the reason, or OK.
  std::function<absl::Status(const http::HttpRequest&)> verify;
  // The API requests that write the note for `ticket_id`, sent in order
  // (Zendesk: the comment, then the tags). Each is retried on its own; a
  // request that fails for good stops the rest.
  std::function<std::vector<http::HttpRequest>(const std::string& ticket_id, const v1::Enrichment&)>
      note;
};

struct WriteBackDeps {
  EnrichClient* enrich = nullptr;
  http::HttpClient* http = nullptr;
  http::Endpoint endpoint;
  // Put before each note request's target ("/zendesk" for the sandbox fake).
  std::string path_prefix;
  WriteBackPolicy policy;
  DeskIdentity identity;
  absl::Duration lookup_timeout = absl::Seconds(10);
  // Each attempt at the desk's API.
  absl::Duration attempt_timeout = absl::Seconds(10);
  // May be null.
  server::ServiceMetrics* metrics = nullptr;
  // Null: claims are per process. Otherwise shared by every replica.
  cache::RedisClient* redis = nullptr;
  std::function<absl::Time()> clock = absl::Now;
};

struct DeadLetter {
  std::string ticket_id;
  std::string reason;
  int attempts = 0;
  absl::Time at;
};

class WriteBackNoteWriter final : public NoteWriter {
 public:
  WriteBackNoteWriter(DeskSpec spec, WriteBackDeps deps);
  ~WriteBackNoteWriter() override;

  void Accept(const http::HttpRequest& request, logging::HttpLogRecord& record,
              std::function<void(server::HttpServer::Reply)> respond) override;

  std::vector<DeadLetter> DeadLetters() const;
  int64_t notes_written() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_NOTE_WRITE_BACK_H_
