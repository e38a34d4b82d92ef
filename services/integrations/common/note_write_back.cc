#include "services/integrations/common/note_write_back.h"

#include <algorithm>
#include <deque>
#include <utility>

#include <openssl/sha.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "spdlog/spdlog.h"

#include "cache/cache_keys.h"
#include "cache/redis/redis_client.h"
#include "services/gateway/json_gateway.h"
#include "services/integrations/card/agent_card.h"
#include "services/integrations/common/desk_webhook.h"
#include "services/integrations/common/enrich_client.h"
#include "services/logging/structured_log.h"
#include "services/metrics/service_metrics.h"

namespace trackenrich::integrations {
namespace {

using server::HttpServer;

HttpServer::Reply JsonAnswer(int status, std::string body) {
  HttpServer::Reply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", "application/json");
  reply.response.body = std::move(body);
  reply.response.body += "\n";
  return reply;
}

HttpServer::Reply ErrorAnswer(const absl::Status& status) {
  return JsonAnswer(
      server::HttpStatusFor(static_cast<grpc::StatusCode>(status.code())),
      absl::StrCat("{\"code\":\"", absl::StatusCodeToString(status.code()), "\",\"message\":\"",
                   logging::JsonEscape(status.message()), "\"}"));
}

std::string Sha256Hex(absl::string_view text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

bool Retryable(int status) { return status == 429 || status >= 500 || status == 0; }

constexpr size_t kMaxDeadLetters = 1000;

}  // namespace

struct WriteBackNoteWriter::State : std::enable_shared_from_this<State> {
  State(DeskSpec spec_in, WriteBackDeps deps_in)
      : spec(std::move(spec_in)), deps(std::move(deps_in)) {}

  void Count(absl::string_view outcome) {
    if (deps.metrics != nullptr) deps.metrics->RecordHelpdeskWriteBack(spec.name, outcome);
  }

  // True when this (ticket, card) pair is new within the window; claims it.
  bool Claim(const std::string& key) {
    absl::MutexLock lock(&mu);
    const absl::Time now = deps.clock();
    for (auto it = claims.begin(); it != claims.end();) {
      if (now - it->second > deps.policy.dedupe_window) {
        claims.erase(it++);
      } else {
        ++it;
      }
    }
    return claims.emplace(key, now).second;
  }

  void Release(const std::string& key) {
    absl::MutexLock lock(&mu);
    claims.erase(key);
  }

  void Lookup(DeskWebhook webhook, std::string request_id) {
    EnrichCall call{.request = DeskEnrichRequest(webhook),
                    .api_key = deps.identity.tenant_api_key,
                    .tenant = deps.identity.tenant_api_key.empty() ? "" : deps.identity.tenant,
                    .request_id = std::move(request_id),
                    .timeout = deps.lookup_timeout};
    deps.enrich->Enrich(std::move(call), [self = shared_from_this(), ticket = webhook.ticket_id](
                                             absl::StatusOr<v1::EnrichTicketResponse> answer) {
      if (!answer.ok()) {
        self->Count("lookup_failed");
        spdlog::warn("{}: ticket {}: the lookup failed, no note written: {}", self->spec.name,
                     ticket, answer.status().ToString());
        return;
      }
      const v1::Enrichment& enrichment = answer->enrichment();
      const CardOptions options{.agent_language = self->deps.identity.agent_language,
                                .heading_level = 3};
      const std::string digest = Sha256Hex(RenderCardText(enrichment, options));
      std::vector<http::HttpRequest> note = self->spec.note(ticket, enrichment);
      for (http::HttpRequest& request : note) {
        request.target = absl::StrCat(self->deps.path_prefix, request.target);
      }
      if (self->deps.redis == nullptr) return self->ClaimLocally(ticket, digest, std::move(note));
      self->ClaimShared(ticket, digest, std::move(note));
    });
  }

  std::string LocalKey(const std::string& ticket, const std::string& digest) const {
    return absl::StrCat(ticket, "|", digest);
  }

  std::string SharedKey(const std::string& ticket, const std::string& digest) const {
    const std::string& tenant = deps.identity.tenant;
    return cache::WriteBackClaimKey(tenant.empty() ? "default" : tenant, spec.name, ticket, digest);
  }

  void ClaimLocally(const std::string& ticket, const std::string& digest,
                    std::vector<http::HttpRequest> note) {
    const std::string key = LocalKey(ticket, digest);
    if (!Claim(key)) {
      Count("duplicate");
      return;
    }
    Send(ticket, key, std::move(note), 0, 1);
  }

  // SET NX PX: the replica that sets the key writes the note; a nil reply is
  // a duplicate. Redis unreachable: the in-process claim decides.
  void ClaimShared(const std::string& ticket, const std::string& digest,
                   std::vector<http::HttpRequest> note) {
    const int64_t window_ms =
        std::max<int64_t>(1, absl::ToInt64Milliseconds(deps.policy.dedupe_window));
    deps.redis->Command(
        {"SET", SharedKey(ticket, digest), "1", "NX", "PX", absl::StrCat(window_ms)},
        [self = shared_from_this(), ticket, digest,
         note = std::move(note)](absl::StatusOr<cache::RedisReply> reply) mutable {
          if (!reply.ok() || reply->is_error()) {
            spdlog::warn(
                "{}: ticket {}: redis claim failed ({}); deduplicating in this process only",
                self->spec.name, ticket,
                reply.ok() ? reply->str : std::string(reply.status().message()));
            return self->ClaimLocally(ticket, digest, std::move(note));
          }
          if (reply->is_nil()) {
            self->Count("duplicate");
            return;
          }
          self->Send(ticket, self->SharedKey(ticket, digest), std::move(note), 0, 1);
        });
  }

  // Sends request `step` of `note` (attempt `attempt` of it), then the next.
  void Send(std::string ticket, std::string key, std::vector<http::HttpRequest> note, size_t step,
            int attempt) {
    if (step == note.size()) {
      Count("written");
      absl::MutexLock lock(&mu);
      ++written;
      return;
    }
    const absl::Time deadline = deps.clock() + deps.attempt_timeout;
    http::HttpRequest copy = note[step];
    deps.http->Send(
        deps.endpoint, std::move(copy), deadline,
        [self = shared_from_this(), ticket = std::move(ticket), key = std::move(key),
         note = std::move(note), step,
         attempt](absl::StatusOr<http::HttpResponse> response) mutable {
          const int status = response.ok() ? response->status : 0;
          if (status >= 200 && status < 300) {
            return self->Send(std::move(ticket), std::move(key), std::move(note), step + 1, 1);
          }
          std::string reason = response.ok() ? absl::StrCat("HTTP ", status)
                                             : std::string(response.status().message());
          if (Retryable(status) && attempt < self->deps.policy.max_attempts) {
            self->Count("retried");
            absl::Duration backoff = self->deps.policy.first_backoff;
            for (int i = 1; i < attempt; ++i) backoff *= 2;
            backoff = std::min(backoff, self->deps.policy.max_backoff);
            self->deps.http->RunAt(self->deps.clock() + backoff,
                                   [self, ticket = std::move(ticket), key = std::move(key),
                                    note = std::move(note), step, attempt]() mutable {
                                     self->Send(std::move(ticket), std::move(key), std::move(note),
                                                step, attempt + 1);
                                   });
            return;
          }
          if (step > 0) {
            reason =
                absl::StrCat("the note is written; request ", step + 1, " of ", note.size(), " (",
                             note[step].method, " ", note[step].target, ") failed: ", reason);
          }
          self->DeadLetterOf(ticket, key, reason, attempt, /*release_claim=*/step == 0);
        });
  }

  void DeadLetterOf(const std::string& ticket, const std::string& key, const std::string& reason,
                    int attempts, bool release_claim) {
    Count("dead_letter");
    spdlog::warn("{}: ticket {}: note not written after {} attempt(s) ({}); kept as a dead letter",
                 spec.name, ticket, attempts, reason);
    if (release_claim) {
      Release(key);
      if (deps.redis != nullptr && absl::StartsWith(key, cache::kKeyNamespace)) {
        deps.redis->Command({"DEL", key}, [](absl::StatusOr<cache::RedisReply>) {});
      }
    }
    absl::MutexLock lock(&mu);
    dead_letters.push_back({ticket, reason, attempts, deps.clock()});
    if (dead_letters.size() > kMaxDeadLetters) dead_letters.pop_front();
  }

  DeskSpec spec;
  WriteBackDeps deps;
  mutable absl::Mutex mu;
  absl::flat_hash_map<std::string, absl::Time> claims ABSL_GUARDED_BY(mu);
  std::deque<DeadLetter> dead_letters ABSL_GUARDED_BY(mu);
  int64_t written ABSL_GUARDED_BY(mu) = 0;
};

WriteBackNoteWriter::WriteBackNoteWriter(DeskSpec spec, WriteBackDeps deps)
    : state_(std::make_shared<State>(std::move(spec), std::move(deps))) {}

WriteBackNoteWriter::~WriteBackNoteWriter() = default;

void WriteBackNoteWriter::Accept(const http::HttpRequest& request, logging::HttpLogRecord& record,
                                 std::function<void(HttpServer::Reply)> respond) {
  record.tenant = state_->deps.identity.tenant;
  if (absl::Status verified = state_->spec.verify(request); !verified.ok()) {
    return respond(ErrorAnswer(verified));
  }
  auto webhook = ParseDeskWebhook(request.body);
  if (!webhook.ok()) return respond(ErrorAnswer(webhook.status()));
  record.ticket_id = webhook->ticket_id;
  respond(JsonAnswer(
      202, absl::StrCat("{\"accepted\":true,\"ticket_id\":\"", webhook->ticket_id, "\"}")));
  state_->Lookup(*std::move(webhook), record.request_id);
}

std::vector<DeadLetter> WriteBackNoteWriter::DeadLetters() const {
  absl::MutexLock lock(&state_->mu);
  return {state_->dead_letters.begin(), state_->dead_letters.end()};
}

int64_t WriteBackNoteWriter::notes_written() const {
  absl::MutexLock lock(&state_->mu);
  return state_->written;
}

}  // namespace trackenrich::integrations
