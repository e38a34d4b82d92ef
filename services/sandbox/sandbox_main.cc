// trackenrich_sandbox: the sandbox upstream on its own, for demos, benchmarks
// and pointing a production-mode service at it.
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/synchronization/mutex.h"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/io_context.hpp"
#include "spdlog/spdlog.h"

#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:8081", "listen address HOST:PORT");
ABSL_FLAG(int, threads, 1, "I/O threads");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  // As in services/main.cc: no absl::Mutex lock-order graph outside tests.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  auto address = trackenrich::server::ParseHostPort("listen", absl::GetFlag(FLAGS_listen));
  if (!address.ok()) {
    std::fprintf(stderr, "%s\n", std::string(address.status().message()).c_str());
    return 2;
  }
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  boost::asio::io_context io_context;
  auto work = boost::asio::make_work_guard(io_context);
  trackenrich::sandbox::SandboxUpstream sandbox(io_context);
  auto port = sandbox.Listen(address->first, address->second);
  if (!port.ok()) {
    spdlog::critical("{}", port.status().ToString());
    return 1;
  }
  std::vector<std::thread> threads;
  for (int i = 0; i < std::max(1, absl::GetFlag(FLAGS_threads)); ++i) {
    threads.emplace_back([&] { io_context.run(); });
  }
  std::printf("trackenrich_sandbox listening on %s (client id %s)\n", sandbox.base_url().c_str(),
              std::string(trackenrich::sandbox::kSandboxClientId).c_str());
  std::fflush(stdout);
  int signal = 0;
  sigwait(&stop_signals, &signal);
  sandbox.Stop();
  work.reset();
  io_context.stop();
  for (auto& thread : threads) thread.join();
  return 0;
}
