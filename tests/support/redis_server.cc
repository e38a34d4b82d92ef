#include "tests/support/redis_server.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "hiredis/hiredis.h"

namespace trackenrich::testing {
namespace {

cache::RedisReply Convert(const redisReply& reply) {
  cache::RedisReply out;
  switch (reply.type) {
    case REDIS_REPLY_STRING:
      out.type = cache::RedisReply::Type::kString;
      out.str.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_STATUS:
      out.type = cache::RedisReply::Type::kStatus;
      out.str.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_ERROR:
      out.type = cache::RedisReply::Type::kError;
      out.str.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_INTEGER:
      out.type = cache::RedisReply::Type::kInteger;
      out.integer = reply.integer;
      break;
    case REDIS_REPLY_ARRAY:
      out.type = cache::RedisReply::Type::kArray;
      for (size_t i = 0; i < reply.elements; ++i)
        out.elements.push_back(Convert(*reply.element[i]));
      break;
    default:
      break;
  }
  return out;
}

}  // namespace

uint16_t FixtureRedisPort() {
  uint32_t port = 0;
  if (const char* env = std::getenv("TRACKENRICH_REDIS_PORT"); env != nullptr && *env != '\0') {
    return absl::SimpleAtoi(env, &port) && port <= 65535 ? static_cast<uint16_t>(port) : 0;
  }
  const char* file = std::getenv("TRACKENRICH_REDIS_PORT_FILE");
  if (file == nullptr) return 0;
  std::ifstream in(file);
  std::string text;
  std::getline(in, text);
  return absl::SimpleAtoi(absl::StripAsciiWhitespace(text), &port) && port <= 65535
             ? static_cast<uint16_t>(port)
             : 0;
}

uint16_t FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(fd);
    throw std::runtime_error("cannot find a free port");
  }
  close(fd);
  return ntohs(address.sin_port);
}

RedisServer::RedisServer(std::vector<std::string> extra_args) : extra_args_(std::move(extra_args)) {
  char dir[] = "/tmp/trackenrich-redis-XXXXXX";
  if (mkdtemp(dir) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = dir;
  for (int attempt = 0; attempt < 10; ++attempt) {
    if (StartOn(FreePort())) return;
  }
  throw std::runtime_error("redis-server did not start");
}

RedisServer::~RedisServer() {
  if (process_ != nullptr) {
    process_->Signal(SIGCONT);
    process_.reset();
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

bool RedisServer::StartOn(uint16_t port) {
  std::vector<std::string> argv{"redis-server",
                                "--port",
                                std::to_string(port),
                                "--bind",
                                "127.0.0.1",
                                "--save",
                                "",
                                "--appendonly",
                                "no",
                                "--dir",
                                dir_,
                                "--daemonize",
                                "no",
                                "--logfile",
                                ""};
  argv.insert(argv.end(), extra_args_.begin(), extra_args_.end());
  process_ =
      std::make_unique<ChildProcess>(argv, std::vector<std::pair<std::string, std::string>>{},
                                     /*capture_stdout=*/false);
  const std::string ours = absl::StrCat("process_id:", process_->pid());
  for (const absl::Time deadline = absl::Now() + absl::Seconds(5); absl::Now() < deadline;) {
    if (!process_->running()) break;  // the port was taken
    redisContext* context = redisConnect("127.0.0.1", port);
    if (context != nullptr && context->err == 0) {
      // Any answer (NOAUTH included) means it listens; INFO tells whose it is.
      auto* info = static_cast<redisReply*>(redisCommand(context, "INFO server"));
      const bool listening = info != nullptr;
      const bool mine = info != nullptr && info->type == REDIS_REPLY_STRING &&
                        std::string(info->str, info->len).find(ours) != std::string::npos;
      const bool needs_auth = info != nullptr && info->type == REDIS_REPLY_ERROR;
      if (info != nullptr) freeReplyObject(info);
      redisFree(context);
      if (listening && (mine || needs_auth) && process_->running()) {
        port_ = port;
        return true;
      }
    } else if (context != nullptr) {
      redisFree(context);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  process_.reset();
  return false;
}

void RedisServer::Kill() {
  if (process_ == nullptr) return;
  process_->Signal(SIGKILL);
  process_->Wait();
  process_.reset();
}

void RedisServer::Restart() {
  Kill();
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (StartOn(port_)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  throw std::runtime_error("redis-server did not restart");
}

void RedisServer::Pause() {
  if (process_ != nullptr) process_->Signal(SIGSTOP);
}

void RedisServer::Resume() {
  if (process_ != nullptr) process_->Signal(SIGCONT);
}

SyncRedis::SyncRedis(uint16_t port, int database, const std::string& password) {
  timeval timeout{2, 0};
  context_ = redisConnectWithTimeout("127.0.0.1", port, timeout);
  if (context_ == nullptr || context_->err != 0) {
    throw std::runtime_error(absl::StrCat("cannot connect to redis on port ", port));
  }
  redisSetTimeout(context_, timeout);
  if (!password.empty() && Command({"AUTH", password}).is_error()) {
    throw std::runtime_error("AUTH failed");
  }
  if (database != 0 && Command({"SELECT", std::to_string(database)}).is_error()) {
    throw std::runtime_error("SELECT failed");
  }
}

SyncRedis::~SyncRedis() {
  if (context_ != nullptr) redisFree(context_);
}

cache::RedisReply SyncRedis::Command(const std::vector<std::string>& args) {
  std::vector<const char*> argv;
  std::vector<size_t> lengths;
  for (const std::string& arg : args) {
    argv.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  auto* reply = static_cast<redisReply*>(
      redisCommandArgv(context_, static_cast<int>(argv.size()), argv.data(), lengths.data()));
  if (reply == nullptr) throw std::runtime_error("redis command failed");
  cache::RedisReply out = Convert(*reply);
  freeReplyObject(reply);
  return out;
}

std::vector<std::map<std::string, std::string>> SyncRedis::StreamEntries(const std::string& key) {
  const cache::RedisReply range = Command({"XRANGE", key, "-", "+"});
  std::vector<std::map<std::string, std::string>> entries;
  for (const cache::RedisReply& entry : range.elements) {
    if (entry.elements.size() != 2) continue;
    std::map<std::string, std::string> fields;
    const auto& pairs = entry.elements[1].elements;
    for (size_t i = 0; i + 1 < pairs.size(); i += 2) fields[pairs[i].str] = pairs[i + 1].str;
    entries.push_back(std::move(fields));
  }
  return entries;
}

}  // namespace trackenrich::testing
