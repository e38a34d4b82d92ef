#include "services/sandbox/embedded_sandbox.h"

#include <utility>

#include "services/config/service_config.h"
#include "services/sandbox/sandbox_upstream.h"

namespace trackenrich::sandbox {

absl::StatusOr<std::unique_ptr<server::EmbeddedUpstream>> StartEmbeddedSandbox(
    boost::asio::io_context& io_context, absl::string_view host, uint16_t port,
    const server::ServiceConfig& config) {
  auto upstream = std::make_unique<SandboxUpstream>(io_context);
  upstream->SetPushSecrets({.ups_credential = config.push.ups.credential,
                            .fedex_security_token = config.push.fedex.security_token,
                            .dhl_header = config.push.dhl.header,
                            .dhl_token = config.push.dhl.token,
                            .shopify_client_secret = config.push.shopify.client_secret});
  if (auto bound = upstream->Listen(host, port); !bound.ok()) return bound.status();
  return std::unique_ptr<server::EmbeddedUpstream>(std::move(upstream));
}

}  // namespace trackenrich::sandbox
