// Server: wires the whole service from a ServiceConfig: the I/O threads, the
// HTTP client, the adapters, the cache, the lookup pipeline, the gRPC server
// (TrackingService, grpc.health.v1, reflection), the admin port and, in
// sandbox mode, the embedded sandbox upstream.
//
//   auto server = Server::Start(config);          // listens; ports may be 0
//   // sandbox mode: the binary links the sandbox library and passes its starter
//   auto sandboxed = Server::Start(config, sandbox::StartEmbeddedSandbox);
//   LOG(server->grpc_port(), server->admin_port());
//   server->Shutdown(absl::Seconds(10));           // drain, then stop
#ifndef TRACKENRICH_SERVICES_SERVER_SERVER_H_
#define TRACKENRICH_SERVICES_SERVER_SERVER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

#include "services/config/service_config.h"
#include "services/server/embedded_upstream.h"

namespace trackenrich::server {

class Server {
 public:
  // `start_sandbox` starts the embedded sandbox upstream when the config asks
  // for sandbox mode (services/server/embedded_upstream.h); without it,
  // sandbox mode is FAILED_PRECONDITION.
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      const ServiceConfig& config, EmbeddedUpstreamStarter start_sandbox = nullptr);
  ~Server();

  uint16_t grpc_port() const;
  uint16_t admin_port() const;
  // The public HTTP listener's port; 0 when public_http.listen is not set.
  uint16_t http_port() const;
  // The embedded sandbox's base URL; "" outside sandbox mode.
  std::string sandbox_url() const;

  // Health goes NOT_SERVING and readiness false at once; new calls are
  // refused; in-flight calls get up to `grace` to finish; then everything
  // stops. Safe to call more than once.
  void Shutdown(absl::Duration grace);

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  static absl::Status StartPublicHttp(Impl& s);
  std::unique_ptr<Impl> impl_;
};

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_SERVER_SERVER_H_
