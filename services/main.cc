// trackenrich: the tracking-enrichment gRPC service. Wiring only: flags,
// config, start, wait for SIGTERM/SIGINT, drain, exit 0.
#include <csignal>
#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "spdlog/sinks/stdout_sinks.h"
#include "spdlog/spdlog.h"

#include "services/config/service_config.h"
#include "services/server/server.h"

ABSL_FLAG(std::string, grpc_listen, "", "gRPC listen address HOST:PORT (default 127.0.0.1:50051)");
ABSL_FLAG(std::string, admin_listen, "",
          "admin HTTP listen address HOST:PORT for /healthz, /readyz, /metrics "
          "(default 127.0.0.1:8080)");
ABSL_FLAG(std::string, config, "",
          "path of the JSON config file; without one the service runs in sandbox mode");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "how long in-flight calls may take to finish after SIGTERM");
ABSL_FLAG(std::string, log_level, "info", "trace, debug, info, warn or error");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "trackenrich: shipment-status enrichment for help desks over gRPC.\n"
      "Zero config: `trackenrich` runs in sandbox mode on 127.0.0.1:50051 (gRPC) and "
      "127.0.0.1:8080 (admin).");
  absl::ParseCommandLine(argc, argv);
  // Debian builds Abseil without NDEBUG, which leaves absl::Mutex deadlock
  // detection on: every lock (gRPC's included) updates a global lock-order
  // graph: 5-7% of the CPU on the cache-hit path (perf). The tests keep it
  // on (they do not run this main), so lock-order mistakes still show there.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  // Logs go to stderr; stdout carries only the one "listening" line.
  spdlog::set_default_logger(spdlog::stderr_logger_mt("trackenrich"));
  spdlog::set_level(spdlog::level::from_str(absl::GetFlag(FLAGS_log_level)));

  trackenrich::server::ServiceConfig config;
  const std::string config_path = absl::GetFlag(FLAGS_config);
  if (!config_path.empty()) {
    auto loaded = trackenrich::server::LoadServiceConfig(config_path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "trackenrich: %s\n", std::string(loaded.status().message()).c_str());
      return 2;
    }
    config = *std::move(loaded);
  }
  if (!absl::GetFlag(FLAGS_grpc_listen).empty())
    config.grpc_listen = absl::GetFlag(FLAGS_grpc_listen);
  if (!absl::GetFlag(FLAGS_admin_listen).empty()) {
    config.admin_listen = absl::GetFlag(FLAGS_admin_listen);
  }

  // Block the stop signals before any thread starts, so only sigwait sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = trackenrich::server::Server::Start(config);
  if (!server.ok()) {
    spdlog::critical("cannot start: {}", server.status().ToString());
    return 1;
  }
  std::printf("trackenrich listening: grpc=%d admin=%d%s\n", (*server)->grpc_port(),
              (*server)->admin_port(), config.sandbox ? " (sandbox mode)" : "");
  std::fflush(stdout);

  int signal = 0;
  sigwait(&stop_signals, &signal);
  spdlog::info("received {}", signal == SIGTERM ? "SIGTERM" : "SIGINT");
  (*server)->Shutdown(absl::GetFlag(FLAGS_shutdown_grace));
  server->reset();
  return 0;
}
