// What sandbox mode runs next to the service, as the server sees it: an
// upstream on loopback that the adapters are pointed at. The sandbox
// (services/sandbox, its own library) implements it; the server only holds
// one when the binary was built with it and the config says sandbox mode, so
// the production path does not depend on the sandbox.
//
//   auto server = Server::Start(config, sandbox::StartEmbeddedSandbox);
//
// A starter returns the listening upstream, or the error of binding
// `host`:`port` (port 0 picks a free one). It reads what it needs of the
// service's config (e.g. the push secrets the pushing sandbox signs with).
#ifndef TRACKENRICH_SERVICES_SERVER_EMBEDDED_UPSTREAM_H_
#define TRACKENRICH_SERVICES_SERVER_EMBEDDED_UPSTREAM_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace trackenrich::server {

struct ServiceConfig;

class EmbeddedUpstream {
 public:
  virtual ~EmbeddedUpstream() = default;
  // "http://127.0.0.1:PORT".
  virtual std::string base_url() const = 0;
  virtual void Stop() = 0;
};

using EmbeddedUpstreamStarter = absl::StatusOr<std::unique_ptr<EmbeddedUpstream>> (*)(
    boost::asio::io_context& io_context, absl::string_view host, uint16_t port,
    const ServiceConfig& config);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_SERVER_EMBEDDED_UPSTREAM_H_
