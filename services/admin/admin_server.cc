#include "services/admin/admin_server.h"

#include <utility>

#include "absl/strings/match.h"

namespace trackenrich::server {

AdminServer::AdminServer(boost::asio::io_context& io_context, AdminHooks hooks)
    : hooks_(std::move(hooks)),
      server_(io_context,
              HttpServer::AsyncHandler(
                  [this](const http::HttpRequest& request, HttpServer::ReplyCallback reply) {
                    Dispatch(request, std::move(reply));
                  }),
              HttpServer::Options{}) {}

void AdminServer::Dispatch(const http::HttpRequest& request,
                           HttpServer::ReplyCallback reply) const {
  if (hooks_.gateway && absl::StartsWith(request.target, "/v1/")) {
    hooks_.gateway(request, std::move(reply));
    return;
  }
  reply(Handle(request));
}

absl::StatusOr<uint16_t> AdminServer::Listen(absl::string_view host, uint16_t port) {
  return server_.Listen(host, port);
}

void AdminServer::Stop() { server_.Stop(); }

HttpServer::Reply AdminServer::Handle(const http::HttpRequest& request) const {
  HttpServer::Reply reply;
  absl::string_view path = request.target;
  path = path.substr(0, path.find('?'));
  if (request.method != "GET" && request.method != "HEAD") {
    reply.response.status = 405;
    reply.response.headers.emplace_back("Allow", "GET, HEAD");
    reply.response.body = "method not allowed\n";
    return reply;
  }
  if (path == "/healthz") {
    reply.response.status = 200;
    reply.response.body = "ok\n";
  } else if (path == "/readyz") {
    const Readiness readiness = hooks_.readiness();
    reply.response.status = readiness.ready ? 200 : 503;
    reply.response.headers.emplace_back("Content-Type", "application/json");
    reply.response.body = readiness.details_json + "\n";
  } else if (path == "/metrics") {
    reply.response.status = 200;
    reply.response.headers.emplace_back("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    reply.response.body = hooks_.metrics();
  } else {
    reply.response.status = 404;
    reply.response.body = "not found: try /healthz, /readyz or /metrics\n";
  }
  return reply;
}

}  // namespace trackenrich::server
