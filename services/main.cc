// trackenrich: the tracking-enrichment gRPC service. Wiring only: flags,
// config, start, wait for SIGTERM/SIGINT, drain, exit 0.
//
// Configuration: the JSON file (--config), then TRACKENRICH__<PATH>
// environment overrides, then the listen flags. `--check_config` validates
// all three, prints the effective config (secrets as their references) and
// exits: 0 when valid, 2 with the error.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "spdlog/sinks/stdout_sinks.h"
#include "spdlog/spdlog.h"

#include "services/auth/hash_api_key_command.h"
#include "services/config/service_config.h"
#include "services/logging/structured_log.h"
#include "services/sandbox/embedded_sandbox.h"
#include "services/server/server.h"

ABSL_FLAG(std::string, grpc_listen, "",
          "gRPC listen address HOST:PORT (default 127.0.0.1:50051); wins over the config file "
          "and TRACKENRICH__GRPC_LISTEN");
ABSL_FLAG(std::string, admin_listen, "",
          "admin HTTP listen address HOST:PORT for /healthz, /readyz, /metrics "
          "(default 127.0.0.1:8080); wins over the config file and TRACKENRICH__ADMIN_LISTEN");
ABSL_FLAG(std::string, http_listen, "",
          "public HTTP listen address HOST:PORT for the JSON gateway, the help-desk "
          "integrations and the agent card (off by default); wins over public_http.listen and "
          "TRACKENRICH__PUBLIC_HTTP__LISTEN");
ABSL_FLAG(std::string, config, "",
          "path of the JSON config file; without one the service runs in sandbox mode. "
          "Environment variables TRACKENRICH__<PATH> override its keys, levels separated by "
          "\"__\" (TRACKENRICH__CACHE__IN_TRANSIT_TTL=10m)");
ABSL_FLAG(bool, check_config, false,
          "validate the configuration (file, TRACKENRICH__* overrides and flags), print the "
          "effective config as JSON with secrets shown only as their references, and exit: 0 "
          "when valid, 2 otherwise");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "how long in-flight calls may take to finish after SIGTERM");
ABSL_FLAG(std::string, log_level, "info", "trace, debug, info, warn or error");
ABSL_FLAG(bool, hash_api_key, false,
          "read an API key from stdin, print the SHA-256 digest that goes in "
          "tenants.<name>.api_keys, and exit");

namespace {

// The file (or zero config), the environment's overrides, then the flags'.
absl::StatusOr<trackenrich::server::ServiceConfig> LoadConfig() {
  using trackenrich::server::FlagOverride;
  auto overrides = trackenrich::server::ConfigOverridesFromEnvironment(
      trackenrich::server::ProcessEnvironment());
  if (!overrides.ok()) return overrides.status();
  if (const std::string grpc = absl::GetFlag(FLAGS_grpc_listen); !grpc.empty()) {
    overrides->push_back(FlagOverride("grpc_listen", grpc));
  }
  if (const std::string admin = absl::GetFlag(FLAGS_admin_listen); !admin.empty()) {
    overrides->push_back(FlagOverride("admin_listen", admin));
  }
  if (const std::string http = absl::GetFlag(FLAGS_http_listen); !http.empty()) {
    overrides->push_back({.key = "public_http.listen",
                          .value = http,
                          .json_value = false,
                          .source = "flag --http_listen"});
  }
  const std::string config_path = absl::GetFlag(FLAGS_config);
  if (config_path.empty()) {
    return trackenrich::server::ParseServiceConfig(trackenrich::server::kZeroConfigJson,
                                                   *overrides);
  }
  return trackenrich::server::LoadServiceConfig(config_path, *overrides);
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "shipment-status enrichment for help desks over gRPC.\n"
      "Zero config: `trackenrich` runs in sandbox mode on 127.0.0.1:50051 (gRPC) and "
      "127.0.0.1:8080 (admin).\n"
      "Configuration: --config=FILE, then TRACKENRICH__<PATH> environment overrides, then "
      "flags; `trackenrich --check_config` validates them and prints the result.");
  // --help and --helpshort list this file's flags (absl would look for trackenrich.cc).
  absl::FlagsUsageConfig usage_config;
  usage_config.contains_help_flags = [](absl::string_view file) {
    return file == "main.cc" || absl::EndsWith(file, "/main.cc");
  };
  usage_config.contains_helpshort_flags = usage_config.contains_help_flags;
  absl::SetFlagsUsageConfig(usage_config);
  absl::ParseCommandLine(argc, argv);
  if (absl::GetFlag(FLAGS_hash_api_key)) {
    return trackenrich::auth::RunHashApiKeyCommand(std::cin, std::cout, std::cerr);
  }
  // Debian builds Abseil without NDEBUG, which leaves absl::Mutex deadlock
  // detection on: every lock (gRPC's included) updates a global lock-order
  // graph: 5-7% of the CPU on the cache-hit path (perf). The tests keep it
  // on (they do not run this main), so lock-order mistakes still show there.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  // Logs go to stderr; stdout carries only the one "listening" line.
  spdlog::set_default_logger(spdlog::stderr_logger_mt("trackenrich"));
  spdlog::set_level(spdlog::level::from_str(absl::GetFlag(FLAGS_log_level)));

  auto loaded = LoadConfig();
  if (!loaded.ok()) {
    std::fprintf(stderr, "trackenrich: %s\n", std::string(loaded.status().message()).c_str());
    return 2;
  }
  trackenrich::server::ServiceConfig config = *std::move(loaded);
  trackenrich::logging::ConfigureLogging(config.log_format);
  if (absl::GetFlag(FLAGS_check_config)) {
    std::fputs(config.effective_json.c_str(), stdout);
    std::fprintf(stderr, "trackenrich: configuration is valid%s\n",
                 config.sandbox ? " (sandbox mode)" : "");
    return 0;
  }

  // Block the stop signals before any thread starts, so only sigwait sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server =
      trackenrich::server::Server::Start(config, trackenrich::sandbox::StartEmbeddedSandbox);
  if (!server.ok()) {
    spdlog::critical("cannot start: {}", server.status().ToString());
    return 1;
  }
  // Start-up lines (sandbox address, warnings) are on stderr before the
  // listening line is on stdout.
  trackenrich::logging::FlushLogs();
  std::printf(
      "trackenrich listening: grpc=%d admin=%d%s%s\n", (*server)->grpc_port(),
      (*server)->admin_port(),
      (*server)->http_port() == 0 ? "" : absl::StrCat(" http=", (*server)->http_port()).c_str(),
      config.sandbox ? " (sandbox mode)" : "");
  std::fflush(stdout);

  int signal = 0;
  sigwait(&stop_signals, &signal);
  spdlog::info("received {}", signal == SIGTERM ? "SIGTERM" : "SIGINT");
  (*server)->Shutdown(absl::GetFlag(FLAGS_shutdown_grace));
  server->reset();
  return 0;
}
