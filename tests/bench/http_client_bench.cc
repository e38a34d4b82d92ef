// Benchmark (not a test): the upstream HTTP client against the sandbox over
// loopback, HTTP and HTTPS with keep-alive, at 1 and 256 requests in flight.
// Prints one row per case: requests/s, p50 and p99 latency, connections used.
//
//   build/tests/bench/http_client_bench [--requests=20000]
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/io_context.hpp"

#include "adapters/http/http_client.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/test_certs.h"

namespace trackenrich {
namespace {

struct Result {
  double requests_per_second;
  absl::Duration p50;
  absl::Duration p99;
  int64_t errors;
  int64_t connections;
};

Result Run(bool tls, int in_flight, int total) {
  boost::asio::io_context server_context;
  boost::asio::io_context client_context;
  auto server_work = boost::asio::make_work_guard(server_context);
  auto client_work = boost::asio::make_work_guard(client_context);
  sandbox::SandboxUpstream::Options options;
  std::string ca_file;
  if (tls) {
    const auto certs = testing::MakeTestCertificates("localhost");
    options.tls_certificate_chain_pem = certs.server_chain_pem;
    options.tls_private_key_pem = certs.server_key_pem;
    ca_file = certs.ca_file;
  }
  sandbox::SandboxUpstream sandbox(server_context, options);
  const uint16_t port = *sandbox.Listen("127.0.0.1", 0);
  http::UpstreamOptions upstream;
  upstream.max_connections = static_cast<size_t>(std::max(1, in_flight));
  http::HttpClient client(client_context, {.upstream = upstream, .ca_file = ca_file});
  const http::Endpoint endpoint{
      .tls = tls, .host = tls ? "localhost" : "127.0.0.1", .port = port, .name = "bench"};
  std::thread server_thread([&] { server_context.run(); });
  std::thread client_thread([&] { client_context.run(); });

  absl::Mutex mu;
  std::vector<absl::Duration> latencies;
  latencies.reserve(total);
  std::atomic<int> started{0};
  std::atomic<int> finished{0};
  std::atomic<int64_t> errors{0};
  std::promise<void> all_done;
  std::function<void()> launch = [&] {
    if (started.fetch_add(1) >= total) return;
    const absl::Time begin = absl::Now();
    client.Send(endpoint, {.method = "GET", .target = "/ping"}, absl::Now() + absl::Seconds(10),
                [&, begin](absl::StatusOr<http::HttpResponse> response) {
                  const absl::Duration took = absl::Now() - begin;
                  if (!response.ok() || response->status != 200) errors.fetch_add(1);
                  {
                    absl::MutexLock lock(&mu);
                    latencies.push_back(took);
                  }
                  if (finished.fetch_add(1) + 1 == total) {
                    all_done.set_value();
                  } else {
                    launch();
                  }
                });
  };
  // Warm the pool, then measure.
  const absl::Time begin = absl::Now();
  for (int i = 0; i < in_flight; ++i) launch();
  all_done.get_future().wait();
  const absl::Duration elapsed = absl::Now() - begin;

  std::sort(latencies.begin(), latencies.end());
  Result result{total / absl::ToDoubleSeconds(elapsed), latencies[latencies.size() / 2],
                latencies[latencies.size() * 99 / 100], errors.load(), sandbox.ConnectionCount()};
  sandbox.Stop();
  server_work.reset();
  client_work.reset();
  server_context.stop();
  client_context.stop();
  server_thread.join();
  client_thread.join();
  return result;
}

}  // namespace
}  // namespace trackenrich

int main(int argc, char** argv) {
  int total = 20000;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--requests=", 11) == 0) total = std::atoi(argv[i] + 11);
  }
  std::printf("%-6s %9s %12s %10s %10s %7s %12s\n", "proto", "in-flight", "requests/s", "p50 ms",
              "p99 ms", "errors", "connections");
  for (bool tls : {false, true}) {
    for (int in_flight : {1, 256}) {
      const auto r = trackenrich::Run(tls, in_flight, total);
      std::printf("%-6s %9d %12.0f %10.3f %10.3f %7lld %12lld\n", tls ? "https" : "http", in_flight,
                  r.requests_per_second, absl::ToDoubleMilliseconds(r.p50),
                  absl::ToDoubleMilliseconds(r.p99), static_cast<long long>(r.errors),
                  static_cast<long long>(r.connections));
    }
  }
  return 0;
}
