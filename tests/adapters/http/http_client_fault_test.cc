// The HTTP client against the sandbox over real sockets: every fault kind,
// retries, deadlines, the circuit breaker, TLS verification and pooling.
#include <future>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <dirent.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/io_context.hpp"

#include "adapters/http/http_client.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_certs.h"

namespace trackenrich::http {
namespace {

using sandbox::Fault;
using sandbox::FaultKind;
using testing::StatusIs;

int OpenFileDescriptors() {
  int count = 0;
  DIR* dir = opendir("/proc/self/fd");
  while (dirent* entry = readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  closedir(dir);
  return count;
}

// A sandbox and a client sharing one io_context run by two threads.
class Harness {
 public:
  explicit Harness(UpstreamOptions upstream = {}, sandbox::SandboxUpstream::Options tls = {},
                   std::string ca_file = "", std::string host = "127.0.0.1")
      : work_(boost::asio::make_work_guard(io_context_)),
        sandbox_(io_context_, std::move(tls)),
        client_(io_context_, {.upstream = upstream, .ca_file = std::move(ca_file)}) {
    auto port = sandbox_.Listen("127.0.0.1", 0);
    REQUIRE(port.ok());
    endpoint_.host = std::move(host);
    endpoint_.port = *port;
    endpoint_.name = "test";
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_context_.run(); });
  }

  ~Harness() {
    sandbox_.Stop();
    work_.reset();
    io_context_.stop();
    for (auto& thread : threads_) thread.join();
  }

  void UseTls() { endpoint_.tls = true; }

  absl::StatusOr<HttpResponse> Send(HttpRequest request,
                                    absl::Duration timeout = absl::Seconds(5)) {
    std::promise<absl::StatusOr<HttpResponse>> promise;
    auto future = promise.get_future();
    client_.Send(endpoint_, std::move(request), absl::Now() + timeout,
                 [&promise](absl::StatusOr<HttpResponse> response) {
                   promise.set_value(std::move(response));
                 });
    return future.get();
  }

  absl::StatusOr<HttpResponse> Ping(absl::Duration timeout = absl::Seconds(5)) {
    return Send(HttpRequest{.method = "GET", .target = "/ping"}, timeout);
  }

  sandbox::SandboxUpstream& sandbox() { return sandbox_; }
  HttpClient& client() { return client_; }
  const Endpoint& endpoint() const { return endpoint_; }

 private:
  boost::asio::io_context io_context_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  sandbox::SandboxUpstream sandbox_;
  HttpClient client_;
  Endpoint endpoint_;
  std::vector<std::thread> threads_;
};

UpstreamOptions FastRetries() {
  UpstreamOptions options;
  options.retry.base_backoff = absl::Milliseconds(5);
  options.retry.max_backoff = absl::Milliseconds(20);
  options.breaker.consecutive_failures = 1000;
  options.breaker.ratio_min_calls = 1000;
  return options;
}

TEST_CASE("5xx and resets are retried up to the attempt limit, POST is not", "[fault]") {
  for (int status : {500, 502, 503}) {
    Harness harness(FastRetries());
    harness.sandbox().faults().Add(
        {.path_prefix = "/ping", .kind = FaultKind::kStatus, .status = status});
    auto response = harness.Ping();
    REQUIRE(response.ok());
    CHECK(response->status == status);
    CHECK(harness.sandbox().RequestCount("ping") == 3);
  }
  {
    Harness harness(FastRetries());
    harness.sandbox().faults().Add(
        {.path_prefix = "/ping", .kind = FaultKind::kStatus, .status = 503});
    auto response =
        harness.Send({.method = "POST", .target = "/ping", .body = "x", .idempotent = false});
    REQUIRE(response.ok());
    CHECK(harness.sandbox().RequestCount("ping") == 1);
  }
  {
    Harness harness(FastRetries());
    harness.sandbox().faults().Add({.path_prefix = "/ping", .kind = FaultKind::kReset});
    CHECK_THAT(harness.Ping().status(), StatusIs(absl::StatusCode::kUnavailable, "read"));
    CHECK(harness.sandbox().RequestCount("ping") == 3);
  }
  {
    // Two failures, then success: the caller sees only the success.
    Harness harness(FastRetries());
    harness.sandbox().faults().Add(
        {.path_prefix = "/ping", .kind = FaultKind::kStatus, .status = 502, .times = 2});
    auto response = harness.Ping();
    REQUIRE(response.ok());
    CHECK(response->status == 200);
    CHECK(harness.sandbox().RequestCount("ping") == 3);
    CHECK(harness.client().Stats().at(0).retries == 2);
  }
}

TEST_CASE("a 429 with Retry-After: 1 is retried after about a second", "[fault]") {
  Harness harness(FastRetries());
  harness.sandbox().faults().Add({.path_prefix = "/ping",
                                  .kind = FaultKind::kRateLimited,
                                  .retry_after_seconds = 1,
                                  .times = 1});
  const absl::Time started = absl::Now();
  auto response = harness.Ping(absl::Seconds(5));
  const absl::Duration took = absl::Now() - started;
  REQUIRE(response.ok());
  CHECK(response->status == 200);
  CHECK(took >= absl::Milliseconds(950));
  CHECK(took < absl::Seconds(3));
  CHECK(harness.sandbox().RequestCount("ping") == 2);

  // Not when the deadline cannot allow the wait: the 429 comes back at once.
  harness.sandbox().faults().Add({.path_prefix = "/ping",
                                  .kind = FaultKind::kRateLimited,
                                  .retry_after_seconds = 1,
                                  .times = 1});
  auto limited = harness.Ping(absl::Milliseconds(500));
  REQUIRE(limited.ok());
  CHECK(limited->status == 429);
}

TEST_CASE("deadlines: 200 ms against a 2 s upstream ends within 250 ms", "[fault]") {
  Harness harness(FastRetries());
  harness.sandbox().faults().Add(
      {.path_prefix = "/ping", .kind = FaultKind::kLatency, .delay = absl::Seconds(2)});
  const absl::Time started = absl::Now();
  CHECK_THAT(harness.Ping(absl::Milliseconds(200)).status(),
             StatusIs(absl::StatusCode::kDeadlineExceeded));
  const absl::Duration took = absl::Now() - started;
  CHECK(took < absl::Milliseconds(250));
  CHECK(harness.sandbox().RequestCount("ping") == 1);  // no retry past the deadline
}

TEST_CASE("slow, truncated, oversized and wrong-type bodies", "[fault]") {
  {
    Harness harness(FastRetries());
    harness.sandbox().faults().Add(
        {.path_prefix = "/ping", .kind = FaultKind::kTrickle, .delay = absl::Milliseconds(100)});
    CHECK_THAT(harness.Ping(absl::Milliseconds(300)).status(),
               StatusIs(absl::StatusCode::kDeadlineExceeded));
  }
  {
    Harness harness(FastRetries());
    harness.sandbox().faults().Add(
        {.path_prefix = "/ping", .kind = FaultKind::kTruncate, .bytes = 40});
    CHECK_THAT(harness.Ping().status(), StatusIs(absl::StatusCode::kUnavailable));
  }
  {
    UpstreamOptions options = FastRetries();
    options.max_body_bytes = 64 * 1024;
    Harness harness(options);
    harness.sandbox().faults().Add(
        {.path_prefix = "/ping", .kind = FaultKind::kOversized, .bytes = 1 << 20});
    CHECK_THAT(harness.Ping().status(), StatusIs(absl::StatusCode::kUnavailable, "too large"));
  }
  {
    Harness harness(FastRetries());
    harness.sandbox().faults().Add({.path_prefix = "/ping", .kind = FaultKind::kWrongContentType});
    auto response = harness.Ping();
    REQUIRE(response.ok());  // the transport is fine; the adapter's parser rejects the body
    CHECK(response->Header("Content-Type") == "text/html");
  }
}

TEST_CASE("the circuit breaker opens, short-circuits, and closes after recovery", "[fault]") {
  UpstreamOptions options = FastRetries();
  options.retry.max_attempts = 1;
  options.breaker.consecutive_failures = 3;
  options.breaker.open_for = absl::Milliseconds(300);
  Harness harness(options);
  harness.sandbox().faults().Add(
      {.path_prefix = "/ping", .kind = FaultKind::kStatus, .status = 503});
  for (int i = 0; i < 3; ++i) CHECK(harness.Ping()->status == 503);
  CHECK(harness.client().Stats().at(0).breaker == CircuitBreaker::State::kOpen);

  CHECK_THAT(harness.Ping().status(), StatusIs(absl::StatusCode::kUnavailable, "circuit open"));
  CHECK(harness.sandbox().RequestCount("ping") == 3);  // short-circuited: no call went out

  harness.sandbox().faults().Clear();
  absl::SleepFor(absl::Milliseconds(350));
  auto probe = harness.Ping();
  REQUIRE(probe.ok());
  CHECK(probe->status == 200);
  CHECK(harness.client().Stats().at(0).breaker == CircuitBreaker::State::kClosed);
  CHECK(harness.client().Stats().at(0).breaker_opened == 1);
}

TEST_CASE("the pool reuses keep-alive connections and never exceeds its cap", "[fault]") {
  const int fds_before = OpenFileDescriptors();
  {
    UpstreamOptions options;
    options.max_connections = 4;
    Harness harness(options);
    for (int i = 0; i < 10000; ++i) {
      auto response = harness.Ping();
      REQUIRE(response.ok());
    }
    CHECK(harness.sandbox().RequestCount("ping") == 10000);
    CHECK(harness.sandbox().ConnectionCount() <= 4);
    WARN("10,000 sequential requests used " << harness.sandbox().ConnectionCount()
                                            << " connection(s)");

    // Concurrency above the cap queues instead of opening more.
    std::vector<std::future<absl::StatusOr<HttpResponse>>> futures;
    for (int i = 0; i < 64; ++i) {
      futures.push_back(std::async(std::launch::async, [&] { return harness.Ping(); }));
    }
    for (auto& future : futures) CHECK(future.get().ok());
    CHECK(harness.sandbox().ConnectionCount() <= 4);
  }
  CHECK(OpenFileDescriptors() <= fds_before);
}

TEST_CASE("TLS: verified against the configured CA, and a certificate for another host is refused",
          "[fault]") {
  const testing::TestCertificates good = testing::MakeTestCertificates("localhost");
  {
    Harness harness(FastRetries(),
                    {.tls_certificate_chain_pem = good.server_chain_pem,
                     .tls_private_key_pem = good.server_key_pem},
                    good.ca_file, "localhost");
    harness.UseTls();
    auto response = harness.Ping();
    REQUIRE(response.ok());
    CHECK(response->status == 200);
  }
  {
    const testing::TestCertificates wrong = testing::MakeTestCertificates("wrong.example");
    Harness harness(FastRetries(),
                    {.tls_certificate_chain_pem = wrong.server_chain_pem,
                     .tls_private_key_pem = wrong.server_key_pem},
                    wrong.ca_file, "localhost");
    harness.UseTls();
    CHECK_THAT(harness.Ping().status(), StatusIs(absl::StatusCode::kUnavailable, "handshake"));
    CHECK(harness.sandbox().RequestCount("ping") == 0);
  }
  {
    // Signed by a CA the client does not trust.
    const testing::TestCertificates other = testing::MakeTestCertificates("localhost");
    Harness harness(FastRetries(),
                    {.tls_certificate_chain_pem = other.server_chain_pem,
                     .tls_private_key_pem = other.server_key_pem},
                    good.ca_file, "localhost");
    harness.UseTls();
    CHECK_THAT(harness.Ping().status(), StatusIs(absl::StatusCode::kUnavailable, "handshake"));
  }
}

}  // namespace
}  // namespace trackenrich::http
