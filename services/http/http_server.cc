#include "services/http/http_server.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <sstream>
#include <type_traits>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/post.hpp"
#include "boost/asio/steady_timer.hpp"
#include "boost/asio/strand.hpp"
#include "boost/asio/write.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/beast/ssl.hpp"

namespace trackenrich::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

constexpr size_t kTrickleChunkBytes = 16;

std::chrono::nanoseconds ToChrono(absl::Duration duration) {
  return absl::ToChronoNanoseconds(duration);
}

// What every connection of one server shares; outlives the server if needed.
struct Shared {
  // One of the two is set.
  HttpServer::Handler handler;
  HttpServer::AsyncHandler async_handler;
  HttpServer::Options options;
  std::unique_ptr<ssl::context> tls;  // null: plain HTTP
  std::atomic<int64_t> accepted{0};
};

// One accepted connection: read a request, answer it, repeat while keep-alive.
// `Stream` is beast::tcp_stream or beast::ssl_stream<beast::tcp_stream>.
template <class Stream>
class Connection : public std::enable_shared_from_this<Connection<Stream>> {
 public:
  Connection(Stream stream, std::shared_ptr<const Shared> shared)
      : stream_(std::move(stream)),
        timer_(stream_.get_executor()),
        shared_(std::move(shared)),
        options_(shared_->options) {}

  void Start() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      ReadRequest();
    } else {
      Lowest().expires_after(ToChrono(options_.idle_timeout));
      stream_.async_handshake(ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code error) {
                                if (error) return self->Close();
                                self->ReadRequest();
                              });
    }
  }

 private:
  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  void ReadRequest() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    parser_->body_limit(options_.max_body_bytes);
    Lowest().expires_after(ToChrono(options_.idle_timeout));
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = this->shared_from_this()](beast::error_code error, size_t) {
                        self->OnRead(error);
                      });
  }

  void OnRead(beast::error_code error) {
    if (error == bhttp::error::end_of_stream || error == beast::error::timeout ||
        error == asio::error::connection_reset || error == asio::error::operation_aborted) {
      return Close();
    }
    if (error) {
      // Oversized or malformed request: answer 400/413 and close.
      HttpServer::Reply reply;
      reply.response.status =
          (error == bhttp::error::body_limit || error == bhttp::error::header_limit) ? 413 : 400;
      reply.response.body = absl::StrCat("bad request: ", error.message(), "\n");
      keep_alive_ = false;
      return Respond(std::move(reply));
    }
    auto& message = parser_->get();
    http::HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(message.body());
    keep_alive_ = message.keep_alive();
    if (shared_->handler) return Respond(shared_->handler(request));
    shared_->async_handler(request, [self = this->shared_from_this()](HttpServer::Reply reply) {
      asio::post(self->stream_.get_executor(),
                 [self, reply = std::move(reply)]() mutable { self->Respond(std::move(reply)); });
    });
  }

  void Respond(HttpServer::Reply reply) {
    reply_ = std::move(reply);
    if (reply_.delay > absl::ZeroDuration()) {
      Lowest().expires_never();
      timer_.expires_after(ToChrono(reply_.delay));
      timer_.async_wait([self = this->shared_from_this()](beast::error_code) { self->Send(); });
      return;
    }
    Send();
  }

  void Send() {
    if (reply_.reset_connection) {
      beast::error_code ignored;
      Lowest().socket().set_option(asio::socket_base::linger(true, 0), ignored);
      return Close();
    }
    bhttp::response<bhttp::string_body> message;
    message.result(static_cast<unsigned>(reply_.response.status));
    message.version(11);
    bool has_content_type = false;
    for (const auto& [name, value] : reply_.response.headers) {
      message.set(name, value);
      if (beast::iequals(name, "content-type")) has_content_type = true;
    }
    if (!has_content_type) message.set(bhttp::field::content_type, "text/plain; charset=utf-8");
    message.keep_alive(keep_alive_);
    message.body() = std::move(reply_.response.body);
    message.prepare_payload();
    std::ostringstream wire;
    wire << message;
    wire_ = wire.str();
    if (reply_.truncate_after_bytes > 0 && reply_.truncate_after_bytes < wire_.size()) {
      wire_.resize(reply_.truncate_after_bytes);
      keep_alive_ = false;
    }
    written_ = 0;
    Lowest().expires_after(ToChrono(options_.idle_timeout));
    WriteMore();
  }

  void WriteMore() {
    const bool trickle = reply_.trickle_interval > absl::ZeroDuration();
    const size_t chunk =
        trickle ? std::min(kTrickleChunkBytes, wire_.size() - written_) : wire_.size() - written_;
    asio::async_write(
        stream_, asio::buffer(wire_.data() + written_, chunk),
        [self = this->shared_from_this(), trickle](beast::error_code error, size_t n) {
          if (error) return self->Close();
          self->written_ += n;
          if (self->written_ < self->wire_.size()) {
            if (!trickle) return self->WriteMore();
            self->timer_.expires_after(ToChrono(self->reply_.trickle_interval));
            self->timer_.async_wait([self](beast::error_code) { self->WriteMore(); });
            return;
          }
          self->OnWritten();
        });
  }

  void OnWritten() {
    if (!keep_alive_) return Close();
    ReadRequest();
  }

  void Close() {
    beast::error_code ignored;
    Lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
    Lowest().socket().close(ignored);
  }

  Stream stream_;
  asio::steady_timer timer_;
  std::shared_ptr<const Shared> shared_;
  const HttpServer::Options& options_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  HttpServer::Reply reply_;
  std::string wire_;
  size_t written_ = 0;
  bool keep_alive_ = false;
};

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
  Impl(asio::io_context& io_context, Handler handler, AsyncHandler async_handler, Options options)
      : io_context(io_context),
        acceptor(asio::make_strand(io_context)),
        shared(std::make_shared<Shared>()) {
    shared->handler = std::move(handler);
    shared->async_handler = std::move(async_handler);
    shared->options = options;
  }

  void Accept() {
    acceptor.async_accept(
        asio::make_strand(io_context),
        [self = this->shared_from_this()](beast::error_code error, tcp::socket socket) {
          if (error) {
            if (error == asio::error::operation_aborted || !self->acceptor.is_open()) return;
          } else {
            self->Serve(std::move(socket));
          }
          self->Accept();
        });
  }

  void Serve(tcp::socket socket) {
    shared->accepted.fetch_add(1);
    if (shared->tls != nullptr) {
      using TlsStream = beast::ssl_stream<beast::tcp_stream>;
      std::make_shared<Connection<TlsStream>>(
          TlsStream(beast::tcp_stream(std::move(socket)), *shared->tls), shared)
          ->Start();
    } else {
      std::make_shared<Connection<beast::tcp_stream>>(beast::tcp_stream(std::move(socket)), shared)
          ->Start();
    }
  }

  asio::io_context& io_context;
  tcp::acceptor acceptor;
  std::shared_ptr<Shared> shared;
};

HttpServer::HttpServer(asio::io_context& io_context, Handler handler, Options options)
    : impl_(std::make_shared<Impl>(io_context, std::move(handler), nullptr, options)) {}

HttpServer::HttpServer(asio::io_context& io_context, AsyncHandler handler, Options options)
    : impl_(std::make_shared<Impl>(io_context, nullptr, std::move(handler), options)) {}

HttpServer::~HttpServer() { Stop(); }

absl::StatusOr<uint16_t> HttpServer::Listen(absl::string_view host, uint16_t port) {
  beast::error_code error;
  const Options& options = impl_->shared->options;
  if (!options.tls_certificate_chain_pem.empty()) {
    auto tls = std::make_unique<ssl::context>(ssl::context::tls_server);
    tls->use_certificate_chain(asio::buffer(options.tls_certificate_chain_pem), error);
    if (!error)
      tls->use_private_key(asio::buffer(options.tls_private_key_pem), ssl::context::pem, error);
    if (error) {
      return absl::InvalidArgumentError(
          absl::StrCat("TLS certificate or key does not load: ", error.message()));
    }
    impl_->shared->tls = std::move(tls);
  }
  const auto address = asio::ip::make_address(std::string(host), error);
  if (error) return absl::InvalidArgumentError(absl::StrCat("not an IP address: \"", host, "\""));
  const tcp::endpoint endpoint(address, port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", host, ":", port, ": ", error.message()));
  }
  const uint16_t bound = acceptor.local_endpoint().port();
  impl_->Accept();
  return bound;
}

int64_t HttpServer::connections_accepted() const { return impl_->shared->accepted.load(); }

void HttpServer::Stop() {
  // Close on the acceptor's strand so it never races a pending accept, and
  // wait (briefly) so the port is closed when Stop returns.
  auto closed = std::make_shared<std::promise<void>>();
  std::future<void> done = closed->get_future();
  asio::post(impl_->acceptor.get_executor(), [impl = impl_, closed] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
    closed->set_value();
  });
  if (!impl_->io_context.stopped()) done.wait_for(std::chrono::seconds(1));
}

absl::StatusOr<std::pair<std::string, uint16_t>> ParseHostPort(absl::string_view flag,
                                                               absl::string_view value) {
  const size_t colon = value.rfind(':');
  if (colon == absl::string_view::npos || colon == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": expected HOST:PORT, got \"", value, "\""));
  }
  std::string host(value.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  uint32_t port = 0;
  if (!absl::SimpleAtoi(value.substr(colon + 1), &port) || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": port must be 0..65535, got \"", value, "\""));
  }
  return std::make_pair(host, static_cast<uint16_t>(port));
}

}  // namespace trackenrich::server
