#include "adapters/http/http_client.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <optional>
#include <utility>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/post.hpp"
#include "boost/asio/ssl.hpp"
#include "boost/asio/steady_timer.hpp"
#include "boost/asio/strand.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/beast/ssl.hpp"

#include "adapters/http/http_connection.h"
#include "adapters/http/trace_context.h"

namespace trackenrich::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;
using connection_internal::Connection;
using connection_internal::Exchange;
using connection_internal::SteadyDeadline;
using connection_internal::ToAbsl;

using ConnectionCallback = absl::AnyInvocable<void(absl::StatusOr<std::shared_ptr<Connection>>)>;

}  // namespace

// One upstream: its pool, breaker and counters.
struct Upstream {
  Upstream(Endpoint endpoint, UpstreamOptions options)
      : endpoint(std::move(endpoint)), options(options), breaker(options.breaker) {}

  struct Waiter {
    absl::Time deadline;
    ConnectionCallback done;
  };

  Endpoint endpoint;
  const UpstreamOptions options;
  CircuitBreaker breaker;
  absl::Mutex mu;
  std::vector<std::shared_ptr<Connection>> idle ABSL_GUARDED_BY(mu);
  size_t open ABSL_GUARDED_BY(mu) = 0;
  std::deque<Waiter> waiters ABSL_GUARDED_BY(mu);
  CircuitBreaker::State last_state ABSL_GUARDED_BY(mu) = CircuitBreaker::State::kClosed;
  std::atomic<int64_t> requests{0};
  std::atomic<int64_t> attempts{0};
  std::atomic<int64_t> retries{0};
  std::atomic<int64_t> connections_opened{0};
};

struct HttpClient::Impl {
  Impl(asio::io_context& io_context, HttpClientOptions options)
      : io_context(io_context), options(std::move(options)), tls(ssl::context::tls_client) {
    tls.set_verify_mode(ssl::verify_peer);
    if (this->options.ca_file.empty()) {
      tls.set_default_verify_paths();
    } else {
      tls.load_verify_file(this->options.ca_file);
    }
  }

  std::shared_ptr<Upstream> UpstreamFor(const Endpoint& endpoint) {
    const std::string key = endpoint.Key();
    absl::MutexLock lock(&mu);
    auto& slot = upstreams[key];
    if (slot == nullptr) {
      auto configured = configured_options.find(key);
      slot = std::make_shared<Upstream>(
          endpoint, configured == configured_options.end() ? options.upstream : configured->second);
    }
    return slot;
  }

  // Hands out an idle connection, opens a new one under the cap, or queues.
  void Acquire(const std::shared_ptr<Upstream>& upstream, absl::Time deadline,
               ConnectionCallback done) {
    std::shared_ptr<Connection> reuse;
    bool open_new = false;
    {
      absl::MutexLock lock(&upstream->mu);
      if (!upstream->idle.empty()) {
        reuse = std::move(upstream->idle.back());
        upstream->idle.pop_back();
      } else if (upstream->open < upstream->options.max_connections) {
        ++upstream->open;
        open_new = true;
      } else {
        upstream->waiters.push_back({deadline, std::move(done)});
        ArmWaiterTimer(upstream, deadline);
        return;
      }
    }
    if (reuse != nullptr) {
      done(std::move(reuse));
      return;
    }
    if (open_new) OpenConnection(upstream, deadline, std::move(done));
  }

  void OpenConnection(const std::shared_ptr<Upstream>& upstream, absl::Time deadline,
                      ConnectionCallback done) {
    auto connection = std::make_shared<Connection>(io_context, &tls, upstream->endpoint);
    upstream->connections_opened.fetch_add(1);
    connection->Open(
        deadline, upstream->options.connect_timeout,
        [this, upstream, connection, done = std::move(done)](absl::Status status) mutable {
          if (!status.ok()) {
            Discard(upstream, connection);
            done(std::move(status));
            return;
          }
          done(connection);
        });
  }

  // Returns a healthy connection to the pool, or gives it to a waiter.
  void Release(const std::shared_ptr<Upstream>& upstream, std::shared_ptr<Connection> connection) {
    std::optional<Upstream::Waiter> waiter;
    {
      absl::MutexLock lock(&upstream->mu);
      while (!upstream->waiters.empty()) {
        Upstream::Waiter next = std::move(upstream->waiters.front());
        upstream->waiters.pop_front();
        if (next.deadline > absl::Now()) {
          waiter = std::move(next);
          break;
        }
        asio::post(io_context, [done = std::move(next.done)]() mutable {
          done(absl::DeadlineExceededError("waiting for a pooled connection: deadline exceeded"));
        });
      }
      if (!waiter) {
        upstream->idle.push_back(std::move(connection));
        return;
      }
    }
    asio::post(io_context, [done = std::move(waiter->done), connection]() mutable {
      done(std::move(connection));
    });
  }

  // Closes a broken connection; a waiter, if any, gets a new one.
  void Discard(const std::shared_ptr<Upstream>& upstream,
               const std::shared_ptr<Connection>& connection) {
    connection->Close();
    std::optional<Upstream::Waiter> waiter;
    {
      absl::MutexLock lock(&upstream->mu);
      while (!upstream->waiters.empty() && !waiter) {
        Upstream::Waiter next = std::move(upstream->waiters.front());
        upstream->waiters.pop_front();
        if (next.deadline > absl::Now()) {
          waiter = std::move(next);
        } else {
          asio::post(io_context, [done = std::move(next.done)]() mutable {
            done(absl::DeadlineExceededError("waiting for a pooled connection: deadline exceeded"));
          });
        }
      }
      if (!waiter) {
        --upstream->open;
        return;
      }
    }
    OpenConnection(upstream, waiter->deadline, std::move(waiter->done));
  }

  // Fails queued waiters whose deadline passed while the pool stayed full.
  void ArmWaiterTimer(const std::shared_ptr<Upstream>& upstream, absl::Time deadline) {
    auto timer = std::make_shared<asio::steady_timer>(io_context, SteadyDeadline(deadline));
    timer->async_wait([this, upstream, timer](beast::error_code) {
      std::vector<ConnectionCallback> expired;
      {
        absl::MutexLock lock(&upstream->mu);
        const absl::Time now = absl::Now();
        for (auto it = upstream->waiters.begin(); it != upstream->waiters.end();) {
          if (it->deadline <= now) {
            expired.push_back(std::move(it->done));
            it = upstream->waiters.erase(it);
          } else {
            ++it;
          }
        }
      }
      for (auto& done : expired) {
        done(absl::DeadlineExceededError("waiting for a pooled connection: deadline exceeded"));
      }
    });
  }

  void NoteBreaker(const std::shared_ptr<Upstream>& upstream) {
    const CircuitBreaker::State state = upstream->breaker.state(absl::Now());
    {
      absl::MutexLock lock(&upstream->mu);
      if (state == upstream->last_state) return;
      upstream->last_state = state;
    }
    if (observer != nullptr) observer->OnBreakerState(upstream->endpoint.DisplayName(), state);
  }

  struct Call {
    std::shared_ptr<Upstream> upstream;
    HttpRequest request;
    absl::Time deadline;
    ResponseCallback done;
    int attempt = 0;
    bool fresh_connection_retry = false;
  };

  void Attempt(std::shared_ptr<Call> call) {
    Upstream& upstream = *call->upstream;
    const absl::Time now = absl::Now();
    if (now >= call->deadline) {
      return call->done(absl::DeadlineExceededError("deadline exceeded before sending"));
    }
    if (!upstream.breaker.Allow(now)) {
      NoteBreaker(call->upstream);
      if (observer != nullptr) {
        observer->OnAttempt(upstream.endpoint.DisplayName(), "circuit_open", absl::ZeroDuration());
      }
      return call->done(
          absl::UnavailableError("circuit open after repeated failures; not calling"));
    }
    ++call->attempt;
    upstream.attempts.fetch_add(1);
    Acquire(
        call->upstream, call->deadline,
        [this, call, started = now](absl::StatusOr<std::shared_ptr<Connection>> connection) {
          if (!connection.ok()) {
            return Attempted(call, started, Exchange{connection.status(), false, false}, nullptr);
          }
          auto held = *connection;
          held->Run(call->request, options.user_agent, call->deadline,
                    call->upstream->options.max_header_bytes,
                    call->upstream->options.max_body_bytes,
                    [this, call, started, held](Exchange exchange) {
                      Attempted(call, started, std::move(exchange), held);
                    });
        });
  }

  void Attempted(const std::shared_ptr<Call>& call, absl::Time started, Exchange exchange,
                 const std::shared_ptr<Connection>& connection) {
    Upstream& upstream = *call->upstream;
    const absl::Time now = absl::Now();
    if (connection != nullptr) {
      if (exchange.reusable) {
        Release(call->upstream, connection);
      } else {
        Discard(call->upstream, connection);
      }
    }
    // An idle keep-alive connection the upstream had closed: try once on a new one.
    if (exchange.stale_connection && call->request.idempotent && !call->fresh_connection_retry) {
      call->fresh_connection_retry = true;
      --call->attempt;
      return Attempt(call);
    }

    absl::string_view outcome = "ok";
    bool healthy = true;
    if (!exchange.result.ok()) {
      healthy = false;
      outcome = exchange.result.status().code() == absl::StatusCode::kDeadlineExceeded
                    ? "timeout"
                    : "transport";
    } else if (exchange.result->status >= 500) {
      healthy = false;
      outcome = "5xx";
    } else if (exchange.result->status == 429) {
      outcome = "429";  // a quota, not a sick upstream: the breaker ignores it
    }
    upstream.breaker.Record(healthy, now);
    NoteBreaker(call->upstream);
    if (observer != nullptr)
      observer->OnAttempt(upstream.endpoint.DisplayName(), outcome, now - started);

    const RetryPolicy& policy = upstream.options.retry;
    if (policy.ShouldRetry(call->request, exchange.result, call->attempt)) {
      const absl::string_view retry_after =
          exchange.result.ok() ? exchange.result->Header("Retry-After") : absl::string_view();
      double jitter;
      {
        absl::MutexLock lock(&mu);
        jitter = absl::Uniform(random, 0.0, 1.0);
      }
      const absl::Duration wait = policy.Backoff(call->attempt, retry_after, now, jitter);
      if (now + wait < call->deadline) {
        upstream.retries.fetch_add(1);
        if (observer != nullptr) observer->OnRetry(upstream.endpoint.DisplayName());
        auto timer =
            std::make_shared<asio::steady_timer>(io_context, absl::ToChronoNanoseconds(wait));
        timer->async_wait([this, call, timer](beast::error_code) { Attempt(call); });
        return;
      }
    }
    call->done(std::move(exchange.result));
  }

  asio::io_context& io_context;
  HttpClientOptions options;
  ssl::context tls;
  HttpObserver* observer = nullptr;
  absl::Mutex mu;
  absl::flat_hash_map<std::string, std::shared_ptr<Upstream>> upstreams ABSL_GUARDED_BY(mu);
  absl::flat_hash_map<std::string, UpstreamOptions> configured_options ABSL_GUARDED_BY(mu);
  absl::BitGen random ABSL_GUARDED_BY(mu);
};

HttpClient::HttpClient(asio::io_context& io_context, HttpClientOptions options)
    : impl_(std::make_unique<Impl>(io_context, std::move(options))) {}

HttpClient::~HttpClient() = default;

void HttpClient::Configure(const Endpoint& endpoint, UpstreamOptions options) {
  absl::MutexLock lock(&impl_->mu);
  impl_->configured_options[endpoint.Key()] = options;
}

void HttpClient::set_observer(HttpObserver* observer) { impl_->observer = observer; }

void HttpClient::Send(const Endpoint& endpoint, HttpRequest request, absl::Time deadline,
                      ResponseCallback done) {
  // The caller's trace goes upstream, and the completion runs under it, so
  // that a call made from the completion (the request after a token fetch, a
  // retry after a 401) carries it too.
  if (const TraceContext& trace = CurrentTrace(); trace.valid()) {
    if (request.Header("traceparent").empty()) {
      request.headers.emplace_back("traceparent", trace.OutgoingTraceparent());
    }
    if (trace.upstream_requests != nullptr) trace.upstream_requests->fetch_add(1);
    done = [trace, done = std::move(done)](absl::StatusOr<HttpResponse> response) mutable {
      ScopedTrace scope(trace);
      done(std::move(response));
    };
  }
  request.target = endpoint.base_path + request.target;
  auto call = std::make_shared<Impl::Call>();
  call->upstream = impl_->UpstreamFor(endpoint);
  call->upstream->requests.fetch_add(1);
  call->request = std::move(request);
  call->deadline = deadline;
  call->done = std::move(done);
  asio::post(impl_->io_context, [impl = impl_.get(), call] { impl->Attempt(call); });
}

void HttpClient::RecordTokenRefresh(const Endpoint& endpoint) {
  if (impl_->observer != nullptr) impl_->observer->OnTokenRefresh(endpoint.DisplayName());
}

void HttpClient::RecordRateLimitDecision(absl::string_view limited, bool granted,
                                         absl::Duration waited) {
  if (impl_->observer != nullptr) impl_->observer->OnRateLimitDecision(limited, granted, waited);
}

std::vector<UpstreamStats> HttpClient::Stats() const {
  std::vector<std::shared_ptr<Upstream>> upstreams;
  {
    absl::MutexLock lock(&impl_->mu);
    for (const auto& [key, upstream] : impl_->upstreams) upstreams.push_back(upstream);
  }
  std::vector<UpstreamStats> stats;
  const absl::Time now = absl::Now();
  for (const auto& upstream : upstreams) {
    UpstreamStats entry;
    entry.name = upstream->endpoint.DisplayName();
    entry.breaker = upstream->breaker.state(now);
    entry.breaker_opened = upstream->breaker.times_opened();
    entry.requests = upstream->requests.load();
    entry.attempts = upstream->attempts.load();
    entry.retries = upstream->retries.load();
    entry.connections_opened = upstream->connections_opened.load();
    absl::MutexLock lock(&upstream->mu);
    entry.open_connections = static_cast<int>(upstream->open);
    entry.idle_connections = static_cast<int>(upstream->idle.size());
    stats.push_back(std::move(entry));
  }
  std::sort(stats.begin(), stats.end(),
            [](const UpstreamStats& a, const UpstreamStats& b) { return a.name < b.name; });
  return stats;
}

void HttpClient::RunAt(absl::Time when, absl::AnyInvocable<void()> task) {
  // A year is "never" for any task here, and keeps the steady clock from overflowing.
  when = std::min(when, absl::Now() + absl::Hours(24 * 365));
  auto timer = std::make_shared<asio::steady_timer>(impl_->io_context, SteadyDeadline(when));
  auto shared_task = std::make_shared<absl::AnyInvocable<void()>>(std::move(task));
  timer->async_wait([timer, shared_task, trace = CurrentTrace()](beast::error_code error) {
    if (error) return;
    ScopedTrace scope(trace);
    (*shared_task)();
  });
}

}  // namespace trackenrich::http
