// Starts the whole service in-process, in sandbox mode on free ports, with a
// real gRPC channel to it.
//   TestServer server;
//   auto stub = server.Stub();
//   server.server().sandbox_url();
#ifndef TRACKENRICH_TESTS_SUPPORT_TEST_SERVER_H_
#define TRACKENRICH_TESTS_SUPPORT_TEST_SERVER_H_

#include <memory>
#include <stdexcept>
#include <string>

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

#include "services/sandbox/embedded_sandbox.h"
#include "services/server/server.h"
#include "trackenrich/v1/tracking_service.grpc.pb.h"

namespace trackenrich::testing {

inline server::ServiceConfig SandboxConfig() {
  server::ServiceConfig config;
  config.grpc_listen = "127.0.0.1:0";
  config.admin_listen = "127.0.0.1:0";
  config.sandbox = true;
  config.sandbox_listen = "127.0.0.1:0";
  return config;
}

class TestServer {
 public:
  explicit TestServer(server::ServiceConfig config = SandboxConfig()) {
    auto started = server::Server::Start(config, sandbox::StartEmbeddedSandbox);
    if (!started.ok()) throw std::runtime_error(started.status().ToString());
    server_ = *std::move(started);
    channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", server_->grpc_port()),
                                   grpc::InsecureChannelCredentials());
  }

  server::Server& server() { return *server_; }
  std::shared_ptr<grpc::Channel> channel() { return channel_; }
  std::unique_ptr<v1::TrackingService::Stub> Stub() {
    return v1::TrackingService::NewStub(channel_);
  }

 private:
  std::unique_ptr<server::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_TEST_SERVER_H_
