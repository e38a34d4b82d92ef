// The real binary: no secret ever reaches its logs, its log lines are JSON
// with one line per RPC, and SIGTERM under load drains every call.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "boost/json.hpp"
#include "grpcpp/create_channel.h"

#include "services/auth/api_key_auth.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/child_process.h"
#include "tests/support/grpc_load.h"
#include "tests/support/http_get.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/service_process.h"
#include "tests/support/status_matchers.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

std::string TempPath(const char* stem) {
  std::string path = absl::StrCat("/tmp/", stem, "-XXXXXX");
  const int fd = mkstemp(path.data());
  REQUIRE(fd >= 0);
  close(fd);
  return path;
}

std::string ReadWhole(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

// The binary with stderr (its log) appended to `log_file` and stdout read
// for the "listening" line.
class LoggedService {
 public:
  LoggedService(const std::vector<std::string>& args, const std::string& log_file,
                const std::vector<std::pair<std::string, std::string>>& env)
      : process_(Argv(args), WithLogFile(env, log_file)) {
    const auto ports = process_.WaitForLine(std::regex("grpc=(\\d+) admin=(\\d+)"));
    if (ports.size() != 2) FAIL("trackenrich did not start; its log:\n" << ReadWhole(log_file));
    grpc_port_ = static_cast<uint16_t>(std::stoi(ports[0]));
    admin_port_ = static_cast<uint16_t>(std::stoi(ports[1]));
    channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", grpc_port_),
                                   grpc::InsecureChannelCredentials());
  }

  testing::ChildProcess& process() { return process_; }
  uint16_t admin_port() const { return admin_port_; }
  std::unique_ptr<v1::TrackingService::Stub> Stub() {
    return v1::TrackingService::NewStub(channel_);
  }

 private:
  static std::vector<std::string> Argv(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"/bin/sh", "-c", "exec \"$@\" 2>>\"$TE_TEST_LOG_FILE\"", "sh",
                                     TRACKENRICH_SERVER_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  }
  static std::vector<std::pair<std::string, std::string>> WithLogFile(
      std::vector<std::pair<std::string, std::string>> env, const std::string& log_file) {
    env.emplace_back("TE_TEST_LOG_FILE", log_file);
    return env;
  }

  testing::ChildProcess process_;
  uint16_t grpc_port_ = 0;
  uint16_t admin_port_ = 0;
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_CASE("logs: no secret value, API key or ticket text in a whole run's output",
          "[integration][logging]") {
  testing::SandboxProcess upstream(TRACKENRICH_SANDBOX_BINARY);
  const std::string sandbox = upstream.base_url();
  // Distinctive values: any of them in the log is a leak.
  const std::string acme_key = "acme-api-key-Zq8Wt3";
  const std::string wrong_key = "presented-wrong-key-Lk5Rv1";
  const std::vector<std::pair<std::string, std::string>> secrets = {
      {"TE_SECRET_GLOBEX_UPS", "globex-ups-secret-Hx4Pm9"},
      {"TE_SECRET_DHL_KEY", "dhl-api-key-Ny7Bq2"},
      {"TE_SECRET_SP_SECRET", "sp-api-secret-Tf6Ju8"},
      {"TE_SECRET_SP_TOKEN", "sp-refresh-token-Wd3Kc5"},
  };
  const std::string config = absl::StrCat(R"({
      "grpc_listen": "127.0.0.1:0", "admin_listen": "127.0.0.1:0",
      "carriers": {
        "ups": {"base_url": ")",
                                          sandbox, R"(", "client_id": {"env": "TE_SANDBOX_ID"},
                "client_secret": {"env": "TE_SANDBOX_SECRET"}},
        "dhl": {"base_url": ")",
                                          sandbox, R"(", "api_key": {"env": "TE_SECRET_DHL_KEY"}}},
      "amazon": {"lwa_url": ")",
                                          sandbox, R"(", "endpoints": {"na": ")", sandbox, R"("},
                 "client_id": {"env": "TE_SANDBOX_ID"},
                 "client_secret": {"env": "TE_SECRET_SP_SECRET"},
                 "sellers": {"acme": {"refresh_token": {"env": "TE_SECRET_SP_TOKEN"}}}},
      "tenants": {
        "acme": {"api_keys": [")",
                                          auth::HashApiKey(acme_key), R"("]},
        "globex": {"api_keys": [")",
                                          auth::HashApiKey("globex-key-unused"), R"("],
                   "carriers": {"ups": {"client_secret": {"env": "TE_SECRET_GLOBEX_UPS"}}}}}})");
  const std::string config_file = TempPath("trackenrich-secrets-config");
  std::ofstream(config_file) << config;
  const std::string log_file = TempPath("trackenrich-secrets-log");
  std::vector<std::pair<std::string, std::string>> env = secrets;
  env.emplace_back("TE_SANDBOX_ID", std::string(sandbox::kSandboxClientId));
  env.emplace_back("TE_SANDBOX_SECRET", std::string(sandbox::kSandboxClientSecret));
  {
    LoggedService service({absl::StrCat("--config=", config_file), "--log_level=trace"}, log_file,
                          env);
    auto stub = service.Stub();
    auto track = [&](const std::string& key, const std::string& number) {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
      if (!key.empty()) context.AddMetadata("x-api-key", key);
      v1::TrackShipmentRequest request;
      request.mutable_shipment()->set_tracking_number(number);
      v1::TrackShipmentResponse response;
      return stub->TrackShipment(&context, request, &response).error_code();
    };
    const std::string ups = sandbox::SandboxUpstream::ScenarioNumber("ups", "in_transit");
    CHECK(track(acme_key, ups) == grpc::StatusCode::OK);
    CHECK(track(wrong_key, ups) == grpc::StatusCode::UNAUTHENTICATED);
    CHECK(track("", ups) == grpc::StatusCode::UNAUTHENTICATED);
    CHECK(track(acme_key, "1Z/bad") == grpc::StatusCode::INVALID_ARGUMENT);
    // Refused credentials: the DHL key, globex's UPS secret, the SP-API secret.
    CHECK(track(acme_key, sandbox::SandboxUpstream::ScenarioNumber("dhl", "delivered")) ==
          grpc::StatusCode::FAILED_PRECONDITION);
    {
      grpc::ClientContext context;
      context.AddMetadata("authorization", "Bearer globex-key-unused");
      v1::TrackShipmentRequest request;
      request.mutable_shipment()->set_tracking_number(ups);
      v1::TrackShipmentResponse response;
      CHECK(stub->TrackShipment(&context, request, &response).error_code() ==
            grpc::StatusCode::FAILED_PRECONDITION);
    }
    {
      grpc::ClientContext context;
      context.AddMetadata("x-api-key", acme_key);
      v1::EnrichTicketRequest request;
      request.set_ticket_id("T-secret-scan");
      request.mutable_text()->set_subject("Order 113-5550001-0000001 missing");
      request.mutable_text()->set_body("Hi, this is Jane Buyer-Qv2, 12 Elm Street, call me.");
      v1::EnrichTicketResponse response;
      CHECK(stub->EnrichTicket(&context, request, &response).ok());
      // The order lookup failed on the refused SP-API secret.
      CHECK(response.enrichment().errors_size() > 0);
    }
    // Through the gateway too.
    const auto http = testing::HttpSendWithHeaders(
        service.admin_port(), "POST", "/v1/TrackShipment",
        absl::StrCat(R"({"shipment": {"trackingNumber": ")", ups, R"("}})"),
        {{"X-Api-Key", wrong_key}});
    CHECK(http.status == 401);
    CHECK(testing::HttpSendWithHeaders(
              service.admin_port(), "POST", "/v1/TrackShipment",
              absl::StrCat(R"({"shipment": {"trackingNumber": ")", ups, R"("}})"),
              {{"X-Api-Key", acme_key}})
              .status == 200);
    service.process().Signal(SIGTERM);
    CHECK(service.process().WaitFor(absl::Seconds(15)) == 0);
  }
  const std::string log = ReadWhole(log_file);
  std::remove(log_file.c_str());
  std::remove(config_file.c_str());

  // The scan means something only if the log has what it should.
  int rpc_lines = 0;
  for (absl::string_view line : absl::StrSplit(log, '\n', absl::SkipEmpty())) {
    boost::system::error_code error;
    const boost::json::value json = boost::json::parse(std::string(line), error);
    INFO(line);
    REQUIRE_FALSE(error);
    const auto& object = json.as_object();
    CHECK(object.contains("time"));
    CHECK(object.contains("level"));
    if (object.contains("event") && object.at("event").as_string() == "rpc") {
      ++rpc_lines;
      CHECK(object.at("request_id").as_string().size() == 32);
      CHECK(object.at("trace_id").as_string().size() == 32);
      CHECK(object.contains("latency_ms"));
      CHECK(object.contains("upstream_calls"));
    }
  }
  CHECK(rpc_lines >= 9);
  CHECK(log.find(R"("ticket_id":"T-secret-scan")") != std::string::npos);
  CHECK(log.find(R"("tenant":"globex")") != std::string::npos);

  for (const auto& [name, value] : secrets) {
    INFO(name);
    CHECK(log.find(value) == std::string::npos);
  }
  CHECK(log.find(acme_key) == std::string::npos);
  CHECK(log.find(wrong_key) == std::string::npos);
  CHECK(log.find("globex-key-unused") == std::string::npos);
  CHECK(log.find("Jane Buyer-Qv2") == std::string::npos);
  CHECK(log.find("Elm Street") == std::string::npos);
}

TEST_CASE("SIGTERM under 200 concurrent calls: every call completes, exit 0",
          "[integration][shutdown]") {
  const std::string log_file = TempPath("trackenrich-sigterm-log");
  LoggedService service(
      {"--grpc_listen=127.0.0.1:0", "--admin_listen=127.0.0.1:0", "--shutdown_grace=10s"}, log_file,
      {});
  // The embedded sandbox's address is in the log; every UPS call made from
  // now on answers after 5 s, so the calls are still in flight at SIGTERM
  // even when a loaded machine takes seconds to start all 200.
  const std::string startup_log = ReadWhole(log_file);
  std::smatch sandbox;
  REQUIRE(std::regex_search(startup_log, sandbox,
                            std::regex("sandbox at http://127\\.0\\.0\\.1:(\\d+)")));
  const uint16_t sandbox_port = static_cast<uint16_t>(std::stoi(sandbox[1]));
  REQUIRE(testing::HttpSend(sandbox_port, "POST", "/__sandbox/faults",
                            R"({"path": "/api/track/", "kind": "latency", "delay_ms": 5000,
                                "times": 1000})")
              .status == 200);

  const char* scenarios[] = {"delivered", "in_transit", "out_for_delivery", "exception",
                             "delayed",   "returned",   "label_created"};
  auto stub = service.Stub();
  testing::TrackTally tally;
  auto load = std::thread([&] {
    tally = testing::TrackConcurrently(
        *stub, 200,
        [&](int i, v1::TrackShipmentRequest* request) {
          request->mutable_shipment()->set_tracking_number(
              sandbox::SandboxUpstream::ScenarioNumber("ups", scenarios[i % 7]));
        },
        std::chrono::seconds(20));
  });
  // SIGTERM once all 200 are in the service.
  bool all_in = false;
  const absl::Time wait_until = absl::Now() + absl::Seconds(5);
  while (!all_in && absl::Now() < wait_until) {
    all_in = testing::HttpGet(service.admin_port(), "/metrics")
                 .body.find("trackenrich_rpc_in_flight 200\n") != std::string::npos;
    if (!all_in) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(all_in);
  const absl::Time signalled = absl::Now();
  service.process().Signal(SIGTERM);
  load.join();
  INFO(tally.Describe() << " first error: " << tally.first_error);
  CHECK(tally.total == 200);
  CHECK(tally.ok == 200);
  // Exit 0 within the grace period.
  const int status = service.process().WaitFor(absl::Seconds(10));
  CHECK(absl::Now() - signalled < absl::Seconds(10));
  REQUIRE(status != -1);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  const std::string log = ReadWhole(log_file);
  CHECK(log.find("shutdown complete") != std::string::npos);
  std::remove(log_file.c_str());
}

}  // namespace
}  // namespace trackenrich
