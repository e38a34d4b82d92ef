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
#include "boost/url/parse.hpp"

#include "adapters/http/trace_context.h"

namespace trackenrich::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

std::chrono::steady_clock::time_point SteadyDeadline(absl::Time deadline) {
  const absl::Duration remaining = std::max(deadline - absl::Now(), absl::ZeroDuration());
  return std::chrono::steady_clock::now() + absl::ToChronoNanoseconds(remaining);
}

absl::string_view ToAbsl(std::string_view view) { return {view.data(), view.size()}; }

// What one exchange on a connection produced.
struct Exchange {
  absl::StatusOr<HttpResponse> result;
  // The connection may carry another request.
  bool reusable = false;
  // Failed before any response byte arrived on a reused connection: the
  // upstream most likely closed it while idle, so a fresh one may be tried.
  bool stale_connection = false;
};

// One keep-alive connection (plain or TLS). Used by one exchange at a time;
// its operations run on its own strand.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(asio::io_context& io_context, ssl::context* tls_context, const Endpoint& endpoint)
      : endpoint_(endpoint), resolver_(asio::make_strand(io_context)) {
    if (endpoint_.tls) {
      tls_stream_.emplace(resolver_.get_executor(), *tls_context);
    } else {
      tcp_stream_.emplace(resolver_.get_executor());
    }
  }

  // Resolve, connect and (for TLS) handshake.
  void Open(absl::Time deadline, absl::Duration connect_timeout,
            absl::AnyInvocable<void(absl::Status)> done) {
    on_open_ = std::move(done);
    open_deadline_ = deadline;
    connect_timeout_ = connect_timeout;
    resolver_.async_resolve(
        endpoint_.host, std::to_string(endpoint_.port),
        [self = shared_from_this()](beast::error_code error, tcp::resolver::results_type results) {
          if (error) return self->OpenFailed("resolve", error);
          self->Connect(std::move(results));
        });
  }

  void Run(const HttpRequest& request, const std::string& user_agent, absl::Time deadline,
           size_t max_header_bytes, size_t max_body_bytes,
           absl::AnyInvocable<void(Exchange)> done) {
    on_exchange_ = std::move(done);
    deadline_ = deadline;
    wire_request_ = {};
    wire_request_.method_string(request.method);
    // The base path is the request's (HttpClient::Send): a pooled connection
    // serves every endpoint on its host and port.
    wire_request_.target(request.target);
    wire_request_.version(11);
    wire_request_.set(bhttp::field::host, endpoint_.host);
    wire_request_.set(bhttp::field::user_agent, user_agent);
    wire_request_.keep_alive(true);
    for (const auto& [name, value] : request.headers) wire_request_.set(name, value);
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
      wire_request_.body() = request.body;
      wire_request_.prepare_payload();
    }
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(max_header_bytes));
    parser_->body_limit(max_body_bytes);
    Tcp().expires_at(SteadyDeadline(deadline));
    auto on_write = [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) return self->ExchangeFailed("write", error);
      self->Read();
    };
    if (tls_stream_) {
      bhttp::async_write(*tls_stream_, wire_request_, std::move(on_write));
    } else {
      bhttp::async_write(*tcp_stream_, wire_request_, std::move(on_write));
    }
  }

  void Close() {
    asio::post(resolver_.get_executor(), [self = shared_from_this()] {
      beast::error_code ignored;
      self->Tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
      self->Tcp().socket().close(ignored);
    });
  }

  bool used() const { return exchanges_ > 0; }

 private:
  beast::tcp_stream& Tcp() {
    return tls_stream_ ? beast::get_lowest_layer(*tls_stream_) : *tcp_stream_;
  }

  void Connect(tcp::resolver::results_type results) {
    Tcp().expires_at(
        std::min(SteadyDeadline(open_deadline_),
                 std::chrono::steady_clock::now() + absl::ToChronoNanoseconds(connect_timeout_)));
    Tcp().async_connect(results,
                        [self = shared_from_this()](beast::error_code error, const tcp::endpoint&) {
                          if (error) return self->OpenFailed("connect", error);
                          self->Handshake();
                        });
  }

  void Handshake() {
    if (!tls_stream_) return Opened(absl::OkStatus());
    Tcp().expires_at(SteadyDeadline(open_deadline_));
    // SNI, and the name the certificate must carry.
    if (!SSL_set_tlsext_host_name(tls_stream_->native_handle(), endpoint_.host.c_str())) {
      return OpenFailed("handshake", beast::error_code(static_cast<int>(::ERR_get_error()),
                                                       asio::error::get_ssl_category()));
    }
    tls_stream_->set_verify_callback(ssl::host_name_verification(endpoint_.host));
    tls_stream_->async_handshake(ssl::stream_base::client,
                                 [self = shared_from_this()](beast::error_code error) {
                                   if (error) return self->OpenFailed("handshake", error);
                                   self->Opened(absl::OkStatus());
                                 });
  }

  void Opened(absl::Status status) {
    if (on_open_) std::exchange(on_open_, nullptr)(std::move(status));
  }

  void OpenFailed(absl::string_view step, beast::error_code error) {
    Opened(Describe(step, error, open_deadline_));
  }

  void Read() {
    auto on_read = [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) return self->ExchangeFailed("read", error);
      self->Succeed();
    };
    if (tls_stream_) {
      bhttp::async_read(*tls_stream_, buffer_, *parser_, std::move(on_read));
    } else {
      bhttp::async_read(*tcp_stream_, buffer_, *parser_, std::move(on_read));
    }
  }

  void Succeed() {
    ++exchanges_;
    auto& message = parser_->get();
    HttpResponse response;
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    response.body = std::move(message.body());
    const bool reusable = message.keep_alive() && parser_->is_done();
    Tcp().expires_never();
    Finish(Exchange{std::move(response), reusable, false});
  }

  void ExchangeFailed(absl::string_view step, beast::error_code error) {
    const bool nothing_received = !parser_->got_some();
    const bool closed_by_peer = error == bhttp::error::end_of_stream || error == asio::error::eof ||
                                error == asio::error::connection_reset ||
                                error == asio::error::broken_pipe ||
                                error == ssl::error::stream_truncated;
    Finish(Exchange{Describe(step, error, deadline_), false,
                    exchanges_ > 0 && nothing_received && closed_by_peer});
  }

  void Finish(Exchange exchange) {
    if (on_exchange_) std::exchange(on_exchange_, nullptr)(std::move(exchange));
  }

  absl::Status Describe(absl::string_view step, beast::error_code error, absl::Time deadline) {
    const std::string where = absl::StrCat(step, " ", endpoint_.host, ":", endpoint_.port);
    if (error == beast::error::timeout || error == asio::error::timed_out) {
      if (absl::Now() >= deadline) {
        return absl::DeadlineExceededError(absl::StrCat(where, ": deadline exceeded"));
      }
      return absl::UnavailableError(absl::StrCat(where, ": timed out"));
    }
    if (error == bhttp::error::body_limit || error == bhttp::error::header_limit) {
      return absl::UnavailableError(absl::StrCat(where, ": response too large"));
    }
    return absl::UnavailableError(absl::StrCat(where, ": ", ToAbsl(error.message())));
  }

  Endpoint endpoint_;
  tcp::resolver resolver_;
  std::optional<beast::tcp_stream> tcp_stream_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_stream_;
  absl::AnyInvocable<void(absl::Status)> on_open_;
  absl::AnyInvocable<void(Exchange)> on_exchange_;
  absl::Time open_deadline_;
  absl::Duration connect_timeout_;
  absl::Time deadline_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> wire_request_;
  std::optional<bhttp::response_parser<bhttp::string_body>> parser_;
  int exchanges_ = 0;
};

using ConnectionCallback = absl::AnyInvocable<void(absl::StatusOr<std::shared_ptr<Connection>>)>;

}  // namespace

std::string Endpoint::Key() const {
  return absl::StrCat(tls ? "https://" : "http://", host, ":", port);
}

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

absl::StatusOr<Endpoint> ParseEndpoint(absl::string_view base_url) {
  auto url = boost::urls::parse_uri(std::string_view(base_url.data(), base_url.size()));
  if (!url) {
    return absl::InvalidArgumentError(absl::StrCat("not a URL: \"", base_url, "\""));
  }
  Endpoint endpoint;
  const std::string_view scheme = url->scheme();
  if (scheme == "https") {
    endpoint.tls = true;
  } else if (scheme != "http") {
    return absl::InvalidArgumentError(
        absl::StrCat("URL scheme must be http or https: \"", base_url, "\""));
  }
  endpoint.host = std::string(url->host_address());
  if (endpoint.host.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("URL has no host: \"", base_url, "\""));
  }
  if (url->has_port()) {
    uint32_t port = 0;
    if (!absl::SimpleAtoi(ToAbsl(url->port()), &port) || port == 0 || port > 65535) {
      return absl::InvalidArgumentError(absl::StrCat("URL port is invalid: \"", base_url, "\""));
    }
    endpoint.port = static_cast<uint16_t>(port);
  } else {
    endpoint.port = endpoint.tls ? 443 : 80;
  }
  std::string path(url->encoded_path());
  while (!path.empty() && path.back() == '/') path.pop_back();
  endpoint.base_path = std::move(path);
  return endpoint;
}

}  // namespace trackenrich::http
