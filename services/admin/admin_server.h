// AdminServer: the operators' HTTP port.
//   GET /healthz  200 while the process is alive;
//   GET /readyz   200 when ready to serve, 503 otherwise, with a JSON body
//                 that says why (mode, cache, adapters);
//   GET /metrics  Prometheus text format;
//   POST /v1/...  the JSON gateway's routes (services/gateway), answered
//                 asynchronously by the `gateway` hook when it is set.
//
//   AdminServer admin(io_context, {.readiness = ..., .metrics = ...});
//   auto port = admin.Listen("127.0.0.1", 0);
#ifndef TRACKENRICH_SERVICES_ADMIN_ADMIN_SERVER_H_
#define TRACKENRICH_SERVICES_ADMIN_ADMIN_SERVER_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "services/http/http_server.h"

namespace trackenrich::server {

struct Readiness {
  bool ready = false;
  // A JSON object describing the components.
  std::string details_json;
};

struct AdminHooks {
  std::function<Readiness()> readiness;
  std::function<std::string()> metrics;
  // Answers requests under /v1/; must return at once. Unset: 404.
  HttpServer::AsyncHandler gateway;
};

class AdminServer {
 public:
  AdminServer(boost::asio::io_context& io_context, AdminHooks hooks);

  absl::StatusOr<uint16_t> Listen(absl::string_view host, uint16_t port);
  void Stop();

 private:
  void Dispatch(const http::HttpRequest& request, HttpServer::ReplyCallback reply) const;
  HttpServer::Reply Handle(const http::HttpRequest& request) const;

  AdminHooks hooks_;
  HttpServer server_;
};

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_ADMIN_ADMIN_SERVER_H_
