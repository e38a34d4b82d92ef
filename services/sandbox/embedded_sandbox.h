// The sandbox upstream as sandbox mode starts it inside the service
// (Server::Start's starter, services/server/embedded_upstream.h). The
// binaries and tests that run sandbox mode link the sandbox library and pass
// this; a server started without it refuses sandbox mode.
//
//   auto server = server::Server::Start(config, sandbox::StartEmbeddedSandbox);
//
// Errors: those of binding `host`:`port`.
#ifndef TRACKENRICH_SERVICES_SANDBOX_EMBEDDED_SANDBOX_H_
#define TRACKENRICH_SERVICES_SANDBOX_EMBEDDED_SANDBOX_H_

#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "services/server/embedded_upstream.h"

namespace trackenrich::sandbox {

// The pushing sandbox signs with `config`'s push secrets.
absl::StatusOr<std::unique_ptr<server::EmbeddedUpstream>> StartEmbeddedSandbox(
    boost::asio::io_context& io_context, absl::string_view host, uint16_t port,
    const server::ServiceConfig& config);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_EMBEDDED_SANDBOX_H_
