#include "services/sandbox/embedded_sandbox.h"

#include <utility>

#include "services/sandbox/sandbox_upstream.h"

namespace trackenrich::sandbox {

absl::StatusOr<std::unique_ptr<server::EmbeddedUpstream>> StartEmbeddedSandbox(
    boost::asio::io_context& io_context, absl::string_view host, uint16_t port) {
  auto upstream = std::make_unique<SandboxUpstream>(io_context);
  if (auto bound = upstream->Listen(host, port); !bound.ok()) return bound.status();
  return std::unique_ptr<server::EmbeddedUpstream>(std::move(upstream));
}

}  // namespace trackenrich::sandbox
