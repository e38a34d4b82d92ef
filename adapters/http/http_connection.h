// One keep-alive HTTP/1.1 connection to an upstream, plain or TLS, as
// HttpClient's pool holds them: resolve, connect and handshake once, then
// one exchange at a time (request out, response parsed within the header
// and body limits), each bound by its deadline. Internal to the HTTP client:
// Beast's templates stay in http_client.cc, the one file that includes this.
//
//   auto connection = std::make_shared<Connection>(io_context, tls, endpoint);
//   connection->Open(deadline, connect_timeout, [](absl::Status opened) { ... });
//   connection->Run(request, "trackenrich/1", deadline, 16 << 10, 4 << 20,
//                   [](Exchange exchange) { ... });
//
// Failures are UNAVAILABLE naming the step and the host ("connect
// 127.0.0.1:8081: Connection refused"), DEADLINE_EXCEEDED when the caller's
// deadline passed, "response too large" past the limits.
#ifndef TRACKENRICH_ADAPTERS_HTTP_HTTP_CONNECTION_H_
#define TRACKENRICH_ADAPTERS_HTTP_HTTP_CONNECTION_H_

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/ssl.hpp"
#include "boost/asio/strand.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/beast/ssl.hpp"

#include "adapters/http/endpoint.h"
#include "adapters/http/http_message.h"

namespace trackenrich::http {
namespace connection_internal {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

inline std::chrono::steady_clock::time_point SteadyDeadline(absl::Time deadline) {
  const absl::Duration remaining = std::max(deadline - absl::Now(), absl::ZeroDuration());
  return std::chrono::steady_clock::now() + absl::ToChronoNanoseconds(remaining);
}

inline absl::string_view ToAbsl(std::string_view view) { return {view.data(), view.size()}; }

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

}  // namespace connection_internal
}  // namespace trackenrich::http

#endif  // TRACKENRICH_ADAPTERS_HTTP_HTTP_CONNECTION_H_
