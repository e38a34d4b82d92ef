// The real binary's configuration path: `trackenrich --check_config` with a
// file, TRACKENRICH__* overrides and flags; start-up refusing a bad config;
// `--help`. Secrets are set to distinctive values and searched for in
// everything the binary prints.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/json.hpp"

#include "tests/support/test_data.h"
#include "tests/support/test_paths.h"

namespace trackenrich {
namespace {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the service binary with `args` and `env` added to the environment
// (an empty value unsets the variable), stdout and stderr to files; kills it
// if it is still running after 20 s (a config that should fail did not).
RunResult RunService(const std::vector<std::string>& args,
                     const std::vector<std::pair<std::string, std::string>>& env) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string tag = absl::StrCat("trackenrich-check-config-", ::getpid());
  const std::string out_path = (dir / (tag + ".out")).string();
  const std::string err_path = (dir / (tag + ".err")).string();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    for (const auto& [name, value] : env) {
      if (value.empty()) {
        ::unsetenv(name.c_str());
      } else {
        ::setenv(name.c_str(), value.c_str(), 1);
      }
    }
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    std::vector<std::string> argv_strings = {TRACKENRICH_SERVER_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_strings) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (absl::Now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      FAIL("trackenrich was still running after 20 s");
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = testing::ReadFile(out_path);
  result.err = testing::ReadFile(err_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return result;
}

std::string DeployConfig(const std::string& name) {
  return (std::filesystem::path(testing::TestDataDir()).parent_path().parent_path() / "deploy" /
          "config" / name)
      .string();
}

constexpr char kUpsId[] = "UpsId-Check-7d2f90";
constexpr char kUpsSecret[] = "UpsSecret-Check-7d2f90";
constexpr char kRedisPassword[] = "RedisPw-Check-7d2f90";

TEST_CASE("check_config: file, then environment, then flags, and no secret printed",
          "[integration]") {
  const std::string secret_file =
      (std::filesystem::temp_directory_path() / "trackenrich-check-config-ups-secret").string();
  std::ofstream(secret_file) << kUpsSecret << "\n";
  const RunResult run =
      RunService({"--check_config", absl::StrCat("--config=", DeployConfig("replicas.json")),
                  "--grpc_listen=0.0.0.0:7001"},
                 {{"UPS_CLIENT_ID", kUpsId},
                  {"TRACKENRICH__CARRIERS__UPS__CLIENT_SECRET",
                   absl::StrCat(R"({"file": ")", secret_file, R"("})")},
                  {"TE_CHECK_REDIS_PASSWORD", kRedisPassword},
                  {"TRACKENRICH__REDIS__PASSWORD", R"({"env": "TE_CHECK_REDIS_PASSWORD"})"},
                  {"TRACKENRICH__CACHE__MEMORY_MAX_ENTRIES", "5000"},
                  {"TRACKENRICH__GRPC_LISTEN", "0.0.0.0:7002"},
                  {"TRACKENRICH__ADMIN_LISTEN", "0.0.0.0:7003"}});
  std::filesystem::remove(secret_file);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(absl::StrContains(run.err, "configuration is valid"));

  boost::system::error_code error;
  const boost::json::value effective = boost::json::parse(run.out, error);
  REQUIRE_FALSE(error);
  CHECK(effective.at("grpc_listen") == "0.0.0.0:7001");   // the flag over the environment
  CHECK(effective.at("admin_listen") == "0.0.0.0:7003");  // the environment over the file
  CHECK(effective.at("cache").at("memory_max_entries") == 5000);
  CHECK(effective.at("cache").at("in_transit_ttl") == "20m");  // the file's
  CHECK(effective.at("redis").at("address") == "redis:6379");
  CHECK(effective.at("redis").at("password") ==
        boost::json::parse(R"({"env": "TE_CHECK_REDIS_PASSWORD"})"));
  CHECK(effective.at("carriers").at("ups").at("client_id") ==
        boost::json::parse(R"({"env": "UPS_CLIENT_ID"})"));
  CHECK(effective.at("carriers").at("ups").at("client_secret").at("file") == secret_file.c_str());
  for (const char* secret : {kUpsId, kUpsSecret, kRedisPassword}) {
    CHECK_FALSE(absl::StrContains(run.out, secret));
    CHECK_FALSE(absl::StrContains(run.err, secret));
  }
}

TEST_CASE("check_config: zero config is sandbox mode", "[integration]") {
  const RunResult run = RunService({"--check_config"}, {});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  const boost::json::value effective = boost::json::parse(run.out);
  CHECK(effective.at("sandbox") == true);
  CHECK(effective.at("grpc_listen") == "127.0.0.1:50051");
  CHECK(absl::StrContains(run.err, "(sandbox mode)"));
}

TEST_CASE("check_config and start-up: unknown key, wrong type, missing secret name the key",
          "[integration]") {
  const std::string replicas = absl::StrCat("--config=", DeployConfig("replicas.json"));
  const RunResult unknown =
      RunService({"--check_config"}, {{"TRACKENRICH__CACHE__CAPACITY", "5000"}});
  CHECK(unknown.exit_code == 2);
  CHECK(absl::StrContains(unknown.err,
                          "cache.capacity: unknown key (set by environment variable "
                          "TRACKENRICH__CACHE__CAPACITY"));

  const RunResult wrong_type =
      RunService({"--check_config"}, {{"TRACKENRICH__IO_THREADS", "many"}});
  CHECK(wrong_type.exit_code == 2);
  CHECK(absl::StrContains(wrong_type.err, "io_threads: must be a whole number"));

  const RunResult literal_secret =
      RunService({"--check_config"}, {{"TRACKENRICH__REDIS__ADDRESS", "redis:6379"},
                                      {"TRACKENRICH__REDIS__PASSWORD", kRedisPassword}});
  CHECK(literal_secret.exit_code == 2);
  CHECK(absl::StrContains(literal_secret.err, "redis.password: secrets are given by reference"));
  CHECK_FALSE(absl::StrContains(literal_secret.err, kRedisPassword));

  // replicas.json reads UPS_CLIENT_ID from the environment: unset, the key is named, by
  // --check_config and by a real start alike.
  for (const bool check_only : {true, false}) {
    std::vector<std::string> args = {replicas, "--grpc_listen=127.0.0.1:0",
                                     "--admin_listen=127.0.0.1:0"};
    if (check_only) args.push_back("--check_config");
    const RunResult missing = RunService(args, {{"UPS_CLIENT_ID", ""}});
    INFO(missing.err);
    CHECK(missing.exit_code == 2);
    CHECK(absl::StrContains(
        missing.err, "carriers.ups.client_id: environment variable UPS_CLIENT_ID is not set"));
    CHECK(missing.out.empty());
  }
}

TEST_CASE("the help text shows no secret value", "[integration]") {
  const RunResult help = RunService(
      {"--help"}, {{"UPS_CLIENT_ID", kUpsId},
                   {"TE_CHECK_REDIS_PASSWORD", kRedisPassword},
                   {"TRACKENRICH__REDIS__PASSWORD", R"({"env": "TE_CHECK_REDIS_PASSWORD"})"}});
  const std::string text = help.out + help.err;
  CHECK(absl::StrContains(text, "check_config"));
  CHECK(absl::StrContains(text, "TRACKENRICH__"));
  CHECK_FALSE(absl::StrContains(text, kUpsId));
  CHECK_FALSE(absl::StrContains(text, kRedisPassword));
}

}  // namespace
}  // namespace trackenrich
