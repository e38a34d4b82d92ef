// The trackenrich binary and the standalone sandbox as child processes, for
// tests of several replicas sharing one Redis and one upstream.
//   SandboxProcess upstream;                                  // trackenrich_sandbox
//   ServiceProcess replica(config_json, {{"UPS_ID", "..."}}); // trackenrich --config=...
//   auto stub = replica.Stub();
#ifndef TRACKENRICH_TESTS_SUPPORT_SERVICE_PROCESS_H_
#define TRACKENRICH_TESTS_SUPPORT_SERVICE_PROCESS_H_

#include <cstdio>
#include <fstream>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

#include "tests/support/child_process.h"
#include "trackenrich/v1/tracking_service.grpc.pb.h"

namespace trackenrich::testing {

class SandboxProcess {
 public:
  explicit SandboxProcess(const std::string& binary)
      : process_({binary, "--listen=127.0.0.1:0", "--threads=2"}) {
    const auto port =
        process_.WaitForLine(std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    if (port.empty()) throw std::runtime_error("trackenrich_sandbox did not start");
    port_ = static_cast<uint16_t>(std::stoi(port[0]));
  }

  uint16_t port() const { return port_; }
  std::string base_url() const { return absl::StrCat("http://127.0.0.1:", port_); }

 private:
  ChildProcess process_;
  uint16_t port_ = 0;
};

class ServiceProcess {
 public:
  // Writes `config_json` to a temporary file and starts the binary on it.
  ServiceProcess(const std::string& binary, const std::string& config_json,
                 const std::vector<std::pair<std::string, std::string>>& env)
      : config_path_(WriteConfig(config_json)),
        process_({binary, absl::StrCat("--config=", config_path_), "--log_level=warn"}, env) {
    const auto ports = process_.WaitForLine(std::regex("grpc=(\\d+) admin=(\\d+)"));
    if (ports.size() != 2) throw std::runtime_error("trackenrich did not start");
    grpc_port_ = static_cast<uint16_t>(std::stoi(ports[0]));
    admin_port_ = static_cast<uint16_t>(std::stoi(ports[1]));
    channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", grpc_port_),
                                   grpc::InsecureChannelCredentials());
  }
  ~ServiceProcess() { std::remove(config_path_.c_str()); }

  uint16_t admin_port() const { return admin_port_; }
  std::unique_ptr<v1::TrackingService::Stub> Stub() {
    return v1::TrackingService::NewStub(channel_);
  }

 private:
  static std::string WriteConfig(const std::string& json) {
    char path[] = "/tmp/trackenrich-config-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    close(fd);
    std::ofstream(path) << json;
    return path;
  }

  std::string config_path_;
  ChildProcess process_;
  uint16_t grpc_port_ = 0;
  uint16_t admin_port_ = 0;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_SERVICE_PROCESS_H_
