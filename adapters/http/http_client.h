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

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/http/http_message.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace trackenrich::http {

// Where an upstream listens, parsed from a base URL such as
// "https://onlinetools.ups.com" or "http://127.0.0.1:8081/ups".
struct Endpoint {
  bool tls = false;
  std::string host;
  uint16_t port = 0;
  // Path prefix prepended to every request target ("" or "/ups").
  std::string base_path;
};

// Returns INVALID_ARGUMENT naming the URL's problem (scheme, host, port).
absl::StatusOr<Endpoint> ParseEndpoint(absl::string_view base_url);

struct HttpClientOptions {
  absl::Duration connect_timeout = absl::Seconds(3);
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 4 * 1024 * 1024;
  // PEM file of trusted CAs; empty means the system's default store.
  std::string ca_file;
  std::string user_agent = "trackenrich/0.1";
};

using ResponseCallback = absl::AnyInvocable<void(absl::StatusOr<HttpResponse>)>;

class HttpClient {
 public:
  HttpClient(boost::asio::io_context& io_context, HttpClientOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends `request` to `endpoint`; `done` receives the response or the
  // transport failure. Never blocks; never calls `done` inline.
  void Send(const Endpoint& endpoint, HttpRequest request, absl::Time deadline,
            ResponseCallback done);

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
