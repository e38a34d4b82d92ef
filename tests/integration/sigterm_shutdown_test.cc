// SIGTERM on the real binary: health goes NOT_SERVING, the call in flight
// finishes, and the process exits 0.
#include <cstdio>
#include <future>
#include <regex>
#include <string>
#include <thread>

#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"

#include "grpc/health/v1/health.grpc.pb.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/http_get.h"
#include "trackenrich/v1/tracking_service.grpc.pb.h"

namespace trackenrich {
namespace {

struct Child {
  pid_t pid = -1;
  FILE* out = nullptr;
};

// Starts the server binary on free ports; returns once it prints its ports.
Child StartServer(int* grpc_port, int* admin_port) {
  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    execl(TRACKENRICH_SERVER_BINARY, TRACKENRICH_SERVER_BINARY, "--grpc_listen=127.0.0.1:0",
          "--admin_listen=127.0.0.1:0", "--shutdown_grace=5s", "--log_level=warn",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[1]);
  Child child{pid, fdopen(pipe_fds[0], "r")};
  char line[256];
  const std::regex ports("grpc=(\\d+) admin=(\\d+)");
  while (std::fgets(line, sizeof(line), child.out) != nullptr) {
    std::cmatch match;
    if (std::regex_search(line, match, ports)) {
      *grpc_port = std::stoi(match[1]);
      *admin_port = std::stoi(match[2]);
      return child;
    }
  }
  FAIL("the server exited before printing its ports");
  return child;
}

TEST_CASE("SIGTERM drains in-flight calls and exits 0", "[integration][shutdown]") {
  int grpc_port = 0;
  int admin_port = 0;
  Child child = StartServer(&grpc_port, &admin_port);
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", grpc_port),
                                     grpc::InsecureChannelCredentials());
  auto stub = v1::TrackingService::NewStub(channel);
  auto health = grpc::health::v1::Health::NewStub(channel);
  {
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    REQUIRE(health->Check(&context, request, &response).ok());
    REQUIRE(response.status() == grpc::health::v1::HealthCheckResponse::SERVING);
  }
  REQUIRE(testing::HttpGet(static_cast<uint16_t>(admin_port), "/readyz").status == 200);

  // The "slow" scenario answers after 1.5 s; SIGTERM arrives while it waits.
  auto in_flight = std::async(std::launch::async, [&] {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    v1::TrackShipmentRequest request;
    request.mutable_shipment()->set_tracking_number(
        sandbox::SandboxUpstream::ScenarioNumber("ups", "slow"));
    v1::TrackShipmentResponse response;
    const grpc::Status status = stub->TrackShipment(&context, request, &response);
    return std::make_pair(status.error_code(), response.shipment().state());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  REQUIRE(kill(child.pid, SIGTERM) == 0);

  // A new call on a fresh channel after SIGTERM is not served.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  {
    auto fresh = grpc::health::v1::Health::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", grpc_port), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(500));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    const grpc::Status status = fresh->Check(&context, request, &response);
    CHECK(
        (!status.ok() || response.status() == grpc::health::v1::HealthCheckResponse::NOT_SERVING));
  }

  const auto [code, state] = in_flight.get();
  CHECK(code == grpc::StatusCode::OK);
  CHECK(state == v1::SHIPMENT_STATE_IN_TRANSIT);

  int wait_status = 0;
  REQUIRE(waitpid(child.pid, &wait_status, 0) == child.pid);
  REQUIRE(WIFEXITED(wait_status));
  CHECK(WEXITSTATUS(wait_status) == 0);
  std::fclose(child.out);
}

}  // namespace
}  // namespace trackenrich
