// SandboxUpstream: a real HTTP server on loopback that speaks the upstreams'
// wire formats (token and tracking endpoints), serves scenario data shaped
// like the published payloads, injects faults on demand, and counts every
// request by route so tests can assert on upstream traffic.
//
//   SandboxUpstream sandbox(io_context);
//   auto port = sandbox.Listen("127.0.0.1", 0);
//   // point the UPS adapter at sandbox.base_url() with kSandboxClientId/Secret
//   sandbox.RequestCount("ups.track");
//
// Control endpoints: GET /__sandbox/stats (counts as JSON),
// GET /__sandbox/scenarios (the scenario numbers), POST /__sandbox/reset,
// POST and DELETE /__sandbox/faults (fault_injection.h),
// GET /__sandbox/helpdesk/notes (helpdesk_fakes.h),
// POST /__sandbox/story {"tracking_number": "1Z...", "stage": "exception"}
// (a package's story: later tracking answers are that scenario's, for the
// carriers whose sandbox tells stories),
// POST /__sandbox/push and GET /__sandbox/pushes (the pushing sandbox:
// carrier_pusher.h).
#ifndef TRACKENRICH_SERVICES_SANDBOX_SANDBOX_UPSTREAM_H_
#define TRACKENRICH_SERVICES_SANDBOX_SANDBOX_UPSTREAM_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "adapters/carrier.h"
#include "services/http/http_server.h"
#include "services/sandbox/carrier_pusher.h"
#include "services/sandbox/fault_injection.h"
#include "services/sandbox/helpdesk_fakes.h"
#include "services/server/embedded_upstream.h"

namespace trackenrich::sandbox {

inline constexpr absl::string_view kSandboxClientId = adapters::kSandboxClientId;
inline constexpr absl::string_view kSandboxClientSecret = adapters::kSandboxClientSecret;

// One scenario a sandbox tracking number stands for.
struct Scenario {
  std::string carrier;  // "ups"
  std::string tracking_number;
  std::string name;  // "delivered", "in_transit", ...
  std::string description;
  // Orders only: the marketplace to ask with ("" for the seller's default).
  std::string marketplace_id;
};

// What the sandbox remembers for the carriers across requests, one per
// SandboxUpstream: the tokens it issued (every one stays valid, as a
// carrier's do until they expire: several replicas of the service each hold
// their own) and the stages packages' stories were moved to
// (POST /__sandbox/story). Thread-safe.
//
//   std::string token = memory.IssueToken("sandbox-ups-token-");  // ...-1
//   memory.IsIssued(token);  // true
class CarrierMemory {
 public:
  // A new token: `prefix` and a serial number, valid from now on.
  std::string IssueToken(absl::string_view prefix);
  bool IsIssued(absl::string_view token) const;
  void SetStory(absl::string_view tracking_number, absl::string_view stage);
  // The stage `tracking_number`'s story reached; "" when it has none.
  std::string Story(absl::string_view tracking_number) const;

 private:
  mutable absl::Mutex mu_;
  absl::flat_hash_set<std::string> issued_tokens_ ABSL_GUARDED_BY(mu_);
  int64_t tokens_issued_ ABSL_GUARDED_BY(mu_) = 0;
  // Tracking number -> the scenario its story has reached.
  absl::flat_hash_map<std::string, std::string> stories_ ABSL_GUARDED_BY(mu_);
};

class SandboxUpstream final : public server::EmbeddedUpstream {
 public:
  using Clock = std::function<absl::Time()>;

  struct Options {
    // PEM certificate chain and key: set both to serve HTTPS.
    std::string tls_certificate_chain_pem;
    std::string tls_private_key_pem;
  };

  explicit SandboxUpstream(boost::asio::io_context& io_context, Clock clock = absl::Now)
      : SandboxUpstream(io_context, Options{}, std::move(clock)) {}
  SandboxUpstream(boost::asio::io_context& io_context, Options options, Clock clock = absl::Now);
  ~SandboxUpstream() override;

  absl::StatusOr<uint16_t> Listen(absl::string_view host, uint16_t port);
  void Stop() override;

  // "http://127.0.0.1:PORT" once listening.
  std::string base_url() const override;

  // Requests received on `route` ("ups.token", "ups.track", ...).
  int64_t RequestCount(absl::string_view route) const;
  void ResetCounts();
  // TCP connections accepted so far.
  int64_t ConnectionCount() const;
  // The `traceparent` headers of the last 256 upstream requests that carried
  // one, oldest first (also in /__sandbox/stats as "traceparents").
  std::vector<std::string> RecentTraceparents() const;

  // The Zendesk and Freshdesk API fakes (helpdesk_fakes.h): the notes written.
  HelpdeskFakes& helpdesks() { return helpdesks_; }

  // Advances a package's story: from now on `tracking_number` is answered
  // as the scenario `stage` ("in_transit", "exception", "delivered", ...) by
  // the carriers whose sandbox tells stories (UPS's). INVALID_ARGUMENT for a
  // stage none of them knows.
  absl::Status SetStory(absl::string_view tracking_number, absl::string_view stage);

  // What the pushing sandbox signs with (the service's own push settings
  // when embedded).
  void SetPushSecrets(PushSecrets secrets) { pusher_.SetSecrets(std::move(secrets)); }

  // Faults for the requests to come (see fault_injection.h).
  FaultPlan& faults() { return faults_; }

  // Every scenario the sandbox serves, for docs, demos and tests.
  static const std::vector<Scenario>& Scenarios();
  // The sandbox number for a carrier and scenario name; "" if none.
  static std::string ScenarioNumber(absl::string_view carrier, absl::string_view name);

 private:
  server::HttpServer::Reply Handle(const http::HttpRequest& request);
  void Count(absl::string_view route);

  Clock clock_;
  bool tls_ = false;
  FaultPlan faults_;
  HelpdeskFakes helpdesks_;
  CarrierPusher pusher_{[this](absl::string_view number, absl::string_view stage) {
    return SetStory(number, stage);
  }};
  std::unique_ptr<server::HttpServer> server_;
  std::string base_url_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, int64_t> counts_ ABSL_GUARDED_BY(mu_);
  std::deque<std::string> traceparents_ ABSL_GUARDED_BY(mu_);
  CarrierMemory memory_;
};

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_SANDBOX_UPSTREAM_H_
