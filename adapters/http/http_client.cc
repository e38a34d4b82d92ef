#include "adapters/http/http_client.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <utility>

#include <openssl/ssl.h>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/connect.hpp"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/post.hpp"
#include "boost/asio/ssl.hpp"
#include "boost/asio/steady_timer.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/beast/ssl.hpp"
#include "boost/beast/version.hpp"
#include "boost/url/parse.hpp"

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

// One exchange: resolve, connect, (TLS handshake), write, read. Kept alive by
// the handlers it hands to Asio.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(asio::io_context& io_context, ssl::context* tls_context, Endpoint endpoint,
          HttpRequest request, absl::Time deadline, const HttpClientOptions& options,
          ResponseCallback done)
      : resolver_(io_context),
        endpoint_(std::move(endpoint)),
        request_(std::move(request)),
        deadline_(deadline),
        options_(options),
        done_(std::move(done)) {
    if (endpoint_.tls) {
      tls_stream_.emplace(io_context, *tls_context);
    } else {
      tcp_stream_.emplace(io_context);
    }
  }

  void Start() {
    if (absl::Now() >= deadline_) {
      Fail("start", beast::error::timeout);
      return;
    }
    resolver_.async_resolve(
        endpoint_.host, std::to_string(endpoint_.port),
        [self = shared_from_this()](beast::error_code error, tcp::resolver::results_type results) {
          self->OnResolve(error, std::move(results));
        });
  }

 private:
  beast::tcp_stream& Tcp() {
    return tls_stream_ ? beast::get_lowest_layer(*tls_stream_) : *tcp_stream_;
  }

  void OnResolve(beast::error_code error, tcp::resolver::results_type results) {
    if (error) return Fail("resolve", error);
    const auto connect_deadline = std::min(
        SteadyDeadline(deadline_),
        std::chrono::steady_clock::now() + absl::ToChronoNanoseconds(options_.connect_timeout));
    Tcp().expires_at(connect_deadline);
    Tcp().async_connect(results,
                        [self = shared_from_this()](beast::error_code error, const tcp::endpoint&) {
                          self->OnConnect(error);
                        });
  }

  void OnConnect(beast::error_code error) {
    if (error) return Fail("connect", error);
    Tcp().expires_at(SteadyDeadline(deadline_));
    if (!tls_stream_) return Write();
    // SNI, and the name the certificate must carry.
    if (!SSL_set_tlsext_host_name(tls_stream_->native_handle(), endpoint_.host.c_str())) {
      return Fail("handshake", beast::error_code(static_cast<int>(::ERR_get_error()),
                                                 asio::error::get_ssl_category()));
    }
    tls_stream_->set_verify_callback(ssl::host_name_verification(endpoint_.host));
    tls_stream_->async_handshake(ssl::stream_base::client,
                                 [self = shared_from_this()](beast::error_code error) {
                                   if (error) return self->Fail("handshake", error);
                                   self->Write();
                                 });
  }

  void Write() {
    wire_request_.method_string(request_.method);
    wire_request_.target(endpoint_.base_path + request_.target);
    wire_request_.version(11);
    wire_request_.set(bhttp::field::host, endpoint_.host);
    wire_request_.set(bhttp::field::user_agent, options_.user_agent);
    for (const auto& [name, value] : request_.headers) wire_request_.set(name, value);
    if (!request_.body.empty() || request_.method == "POST") {
      wire_request_.body() = std::move(request_.body);
      wire_request_.prepare_payload();
    }
    parser_.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    parser_.body_limit(options_.max_body_bytes);
    auto on_write = [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) return self->Fail("write", error);
      self->Read();
    };
    if (tls_stream_) {
      bhttp::async_write(*tls_stream_, wire_request_, std::move(on_write));
    } else {
      bhttp::async_write(*tcp_stream_, wire_request_, std::move(on_write));
    }
  }

  void Read() {
    auto on_read = [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) return self->Fail("read", error);
      self->Succeed();
    };
    if (tls_stream_) {
      bhttp::async_read(*tls_stream_, buffer_, parser_, std::move(on_read));
    } else {
      bhttp::async_read(*tcp_stream_, buffer_, parser_, std::move(on_read));
    }
  }

  void Succeed() {
    auto& message = parser_.get();
    HttpResponse response;
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    response.body = std::move(message.body());
    beast::error_code ignored;
    Tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
    Finish(std::move(response));
  }

  void Fail(absl::string_view step, beast::error_code error) {
    const std::string where = absl::StrCat(step, " ", endpoint_.host, ":", endpoint_.port);
    if (error == beast::error::timeout || error == asio::error::timed_out) {
      if (absl::Now() >= deadline_) {
        return Finish(absl::DeadlineExceededError(absl::StrCat(where, ": deadline exceeded")));
      }
      return Finish(absl::UnavailableError(absl::StrCat(where, ": timed out")));
    }
    if (error == bhttp::error::body_limit || error == bhttp::error::header_limit) {
      return Finish(absl::UnavailableError(absl::StrCat(where, ": response too large")));
    }
    Finish(absl::UnavailableError(absl::StrCat(where, ": ", ToAbsl(error.message()))));
  }

  void Finish(absl::StatusOr<HttpResponse> result) {
    if (done_) {
      auto done = std::move(done_);
      done(std::move(result));
    }
  }

  tcp::resolver resolver_;
  std::optional<beast::tcp_stream> tcp_stream_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_stream_;
  Endpoint endpoint_;
  HttpRequest request_;
  absl::Time deadline_;
  const HttpClientOptions options_;
  ResponseCallback done_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> wire_request_;
  bhttp::response_parser<bhttp::string_body> parser_;
};

}  // namespace

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

  asio::io_context& io_context;
  HttpClientOptions options;
  ssl::context tls;
};

HttpClient::HttpClient(asio::io_context& io_context, HttpClientOptions options)
    : impl_(std::make_unique<Impl>(io_context, std::move(options))) {}

HttpClient::~HttpClient() = default;

void HttpClient::Send(const Endpoint& endpoint, HttpRequest request, absl::Time deadline,
                      ResponseCallback done) {
  auto session =
      std::make_shared<Session>(impl_->io_context, &impl_->tls, endpoint, std::move(request),
                                deadline, impl_->options, std::move(done));
  asio::post(impl_->io_context, [session] { session->Start(); });
}

void HttpClient::RunAt(absl::Time when, absl::AnyInvocable<void()> task) {
  // A year is "never" for any task here, and keeps the steady clock from overflowing.
  when = std::min(when, absl::Now() + absl::Hours(24 * 365));
  auto timer = std::make_shared<asio::steady_timer>(impl_->io_context, SteadyDeadline(when));
  auto shared_task = std::make_shared<absl::AnyInvocable<void()>>(std::move(task));
  timer->async_wait([timer, shared_task](beast::error_code error) {
    if (!error) (*shared_task)();
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
