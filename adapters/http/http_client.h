// HttpClient: asynchronous HTTP/1.1 and HTTPS exchanges with an upstream,
// bound by the caller's deadline. Beast stays inside http_client.cc.
//
//   HttpClient client(io_context, {});
//   auto endpoint = ParseEndpoint("http://127.0.0.1:8081");
//   client.Send(*endpoint, request, absl::Now() + absl::Seconds(2),
//               [](absl::StatusOr<HttpResponse> response) { ... });
//
// The callback runs on one of the io_context's threads. Transport failures
// (refused, reset, timeout, malformed response) come back as UNAVAILABLE or
// DEADLINE_EXCEEDED with the failing step named; any HTTP status, including
// 4xx and 5xx, is a successful exchange and is left to the caller's parser.
#ifndef TRACKENRICH_ADAPTERS_HTTP_HTTP_CLIENT_H_
#define TRACKENRICH_ADAPTERS_HTTP_HTTP_CLIENT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/circuit_breaker.h"
#include "adapters/http/endpoint.h"
#include "adapters/http/http_message.h"
#include "adapters/http/retry_policy.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace trackenrich::http {

// Per-upstream behaviour: pool, limits, retries, circuit breaker.
struct UpstreamOptions {
  // Connections kept open (and in use) at most; further requests wait for one.
  size_t max_connections = 32;
  absl::Duration connect_timeout = absl::Seconds(3);
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 4 * 1024 * 1024;
  RetryPolicy retry;
  BreakerOptions breaker;
};

struct HttpClientOptions {
  // Defaults for every upstream not given its own with Configure().
  UpstreamOptions upstream;
  // PEM file of trusted CAs; empty means the system's default store.
  std::string ca_file;
  std::string user_agent = "trackenrich/0.1";
};

// Receives what happens on the wire, for metrics. Called on I/O threads.
class HttpObserver {
 public:
  virtual ~HttpObserver() = default;
  // One attempt finished: outcome is "ok" (any 2xx-4xx response), "5xx", "429",
  // "timeout", "transport", or "circuit_open".
  virtual void OnAttempt(absl::string_view upstream, absl::string_view outcome,
                         absl::Duration latency) = 0;
  virtual void OnRetry(absl::string_view upstream) = 0;
  virtual void OnBreakerState(absl::string_view upstream, CircuitBreaker::State state) = 0;
  // An OAuth token was fetched for this upstream.
  virtual void OnTokenRefresh(absl::string_view upstream) = 0;
  // An adapter that paces its own calls (SP-API usage plans) decided on one:
  // granted after waiting `waited`, or rejected. `limited` names the adapter
  // and operation ("sp_api.getOrder").
  virtual void OnRateLimitDecision(absl::string_view /*limited*/, bool /*granted*/,
                                   absl::Duration /*waited*/) {}
};

// A snapshot of one upstream, for /readyz and tests.
struct UpstreamStats {
  std::string name;
  CircuitBreaker::State breaker = CircuitBreaker::State::kClosed;
  int64_t breaker_opened = 0;
  int64_t requests = 0;
  int64_t attempts = 0;
  int64_t retries = 0;
  int64_t connections_opened = 0;
  int open_connections = 0;
  int idle_connections = 0;
};

using ResponseCallback = absl::AnyInvocable<void(absl::StatusOr<HttpResponse>)>;

class HttpClient {
 public:
  HttpClient(boost::asio::io_context& io_context, HttpClientOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sets the options of one upstream (by scheme, host and port); call before
  // its first request.
  void Configure(const Endpoint& endpoint, UpstreamOptions options);

  // Receives wire events from now on; must outlive the client.
  void set_observer(HttpObserver* observer);

  // Sends `request` to `endpoint` over a pooled keep-alive connection,
  // retrying per the upstream's RetryPolicy within `deadline`; `done`
  // receives the last response or the transport failure. Never blocks; never
  // calls `done` inline. An open circuit answers UNAVAILABLE at once.
  void Send(const Endpoint& endpoint, HttpRequest request, absl::Time deadline,
            ResponseCallback done);

  std::vector<UpstreamStats> Stats() const;

  // Reports a token fetch for `endpoint` to the observer (token caches call it).
  void RecordTokenRefresh(const Endpoint& endpoint);
  // Reports an adapter's own rate-limit decision (HttpObserver::OnRateLimitDecision).
  void RecordRateLimitDecision(absl::string_view limited, bool granted, absl::Duration waited);

  // Runs `task` on one of the io_context's threads at `when` (soon, when that
  // has passed). For adapters that hold requests back briefly, e.g. to batch
  // them. Never runs `task` inline; drops it if the io_context stops first.
  void RunAt(absl::Time when, absl::AnyInvocable<void()> task);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace trackenrich::http

#endif  // TRACKENRICH_ADAPTERS_HTTP_HTTP_CLIENT_H_
