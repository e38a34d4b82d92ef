// HttpServer: a small HTTP/1.1 server on Boost.Beast for the admin port and
// the sandbox upstream. Handlers run on an io_context thread and must not
// block: a plain handler returns the response; an asynchronous one returns at
// once and answers later, from any thread, through its ReplyCallback (the
// reply is then written on the connection's own executor).
//
//   HttpServer server(io_context, [](const http::HttpRequest& request) {
//     return HttpServer::Reply{.response = {.status = 200, .body = "ok"}};
//   });
//   HttpServer later(io_context, HttpServer::AsyncHandler(
//       [](const http::HttpRequest& request, HttpServer::ReplyCallback reply) {
//         StartSomething([reply = std::move(reply)](Result r) mutable { reply(ToReply(r)); });
//       }), {});
//   absl::StatusOr<uint16_t> port = server.Listen("127.0.0.1", 0);   // port 0: any free port
#ifndef TRACKENRICH_SERVICES_HTTP_HTTP_SERVER_H_
#define TRACKENRICH_SERVICES_HTTP_HTTP_SERVER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace trackenrich::server {

class HttpServer {
 public:
  // What a handler answers. Besides a response, the sandbox uses the fault
  // fields to misbehave on purpose.
  struct Reply {
    http::HttpResponse response;
    // Wait this long before answering.
    absl::Duration delay = absl::ZeroDuration();
    // Close the connection without answering (a reset, as the client sees it).
    bool reset_connection = false;
    // Send only this many bytes of the serialized response, then close.
    size_t truncate_after_bytes = 0;
    // Send the body in small chunks this far apart (a slow upstream).
    absl::Duration trickle_interval = absl::ZeroDuration();
  };
  using Handler = std::function<Reply(const http::HttpRequest&)>;
  // Answers the request; call it exactly once, from any thread. Dropping it
  // unanswered closes the connection.
  using ReplyCallback = absl::AnyInvocable<void(Reply)>;
  using AsyncHandler = std::function<void(const http::HttpRequest&, ReplyCallback)>;

  struct Options {
    size_t max_header_bytes = 16 * 1024;
    size_t max_body_bytes = 1024 * 1024;
    absl::Duration idle_timeout = absl::Seconds(30);
    // PEM certificate chain and private key: set both to serve HTTPS.
    std::string tls_certificate_chain_pem;
    std::string tls_private_key_pem;
  };

  HttpServer(boost::asio::io_context& io_context, Handler handler, Options options);
  HttpServer(boost::asio::io_context& io_context, Handler handler)
      : HttpServer(io_context, std::move(handler), Options{}) {}
  HttpServer(boost::asio::io_context& io_context, AsyncHandler handler, Options options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts accepting. Returns the bound port (useful with port 0).
  absl::StatusOr<uint16_t> Listen(absl::string_view host, uint16_t port);

  // Stops accepting; open connections finish their current exchange.
  void Stop();

  // Connections accepted so far (for tests of client pooling).
  int64_t connections_accepted() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// Splits "host:port" (or "[v6]:port"). INVALID_ARGUMENT names `flag` on error.
absl::StatusOr<std::pair<std::string, uint16_t>> ParseHostPort(absl::string_view flag,
                                                               absl::string_view value);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_HTTP_HTTP_SERVER_H_
