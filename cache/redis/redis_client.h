// RedisClient: an asynchronous Redis client on the service's Asio
// io_context. hiredis parses and formats the protocol; this class attaches
// hiredis's async context to an asio::posix::stream_descriptor (hiredis ships
// no Asio adapter), reconnects with backoff by itself, bounds every command
// with a timeout, and pipelines concurrent commands on one connection (those
// issued together leave in one write).
//
//   RedisClient redis(io_context, {.host = "10.0.0.5", .port = 6379, .password = secret});
//   redis.Start();                                   // connects in the background
//   redis.Command({"GET", key}, [](absl::StatusOr<RedisReply> reply) { ... });
//   redis.Stop();                                    // before the io_context stops
//
// Contract: `done` always runs exactly once, never inline, on an io_context
// thread, with the reply (Redis error replies included, as kError) or:
// UNAVAILABLE when not connected or the connection was lost before the reply;
// DEADLINE_EXCEEDED when the reply took longer than `command_timeout`. A
// timeout means the connection is stuck (replies come in order), so it is
// dropped and re-established. Commands are refused at once, not queued, while
// the client is not connected: callers fall back instead of waiting.
#ifndef TRACKENRICH_CACHE_REDIS_REDIS_CLIENT_H_
#define TRACKENRICH_CACHE_REDIS_REDIS_CLIENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "cache/redis/redis_observer.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace trackenrich::cache {

struct RedisOptions {
  // A numeric address or a host name (resolved asynchronously).
  std::string host = "127.0.0.1";
  uint16_t port = 6379;
  // AUTH: `password` alone for requirepass, with `username` for an ACL user.
  std::string username{};
  std::string password{};
  int database = 0;
  absl::Duration command_timeout = absl::Milliseconds(250);
  // Connecting, AUTH, SELECT and the first PING together.
  absl::Duration connect_timeout = absl::Seconds(1);
  absl::Duration min_reconnect_backoff = absl::Milliseconds(50);
  absl::Duration max_reconnect_backoff = absl::Seconds(2);
};

struct RedisReply {
  enum class Type { kNil, kString, kStatus, kInteger, kArray, kError };

  Type type = Type::kNil;
  // kString, kStatus and kError.
  std::string str;
  int64_t integer = 0;
  std::vector<RedisReply> elements;

  bool is_nil() const { return type == Type::kNil; }
  bool is_error() const { return type == Type::kError; }
};

using RedisCallback = absl::AnyInvocable<void(absl::StatusOr<RedisReply>)>;
using RedisPipelineCallback = absl::AnyInvocable<void(absl::StatusOr<std::vector<RedisReply>>)>;

enum class RedisState { kIdle, kConnecting, kReady, kDown, kStopped };

absl::string_view RedisStateName(RedisState state);

class RedisClient {
 public:
  struct Stats {
    int64_t commands = 0;
    int64_t timeouts = 0;
    // Connection refused or lost, handshake failed.
    int64_t connection_errors = 0;
    // Commands refused because the client was not connected.
    int64_t unavailable = 0;
    int64_t error_replies = 0;
    int64_t connects = 0;
  };

  // `observer`, when given, hears of commands, failures and the connection
  // (redis_observer.h; RedisMetrics makes the trackenrich_redis_* families
  // of it) and must outlive the client.
  RedisClient(boost::asio::io_context& io_context, RedisOptions options,
              RedisObserver* observer = nullptr);
  // Stops.
  ~RedisClient();
  RedisClient(const RedisClient&) = delete;
  RedisClient& operator=(const RedisClient&) = delete;

  // Starts connecting; returns at once.
  void Start();

  // Disconnects for good: pending commands get UNAVAILABLE. Waits for the
  // io_context to run the teardown (call it while the io_context runs).
  void Stop();

  // One command: args[0] is its name ("GET"), the rest its arguments (binary
  // safe).
  void Command(std::vector<std::string> args, RedisCallback done);

  // Several commands back to back in one round trip. `done` gets every reply
  // in order, or the first transport failure.
  void Pipeline(std::vector<std::vector<std::string>> commands, RedisPipelineCallback done);

  RedisState state() const;
  bool ready() const { return state() == RedisState::kReady; }
  Stats stats() const;
  // The last connection problem ("" if none), for logs and readiness.
  std::string last_error() const;
  const RedisOptions& options() const;

 private:
  class Impl;
  boost::asio::io_context& io_context_;
  std::shared_ptr<Impl> impl_;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_REDIS_REDIS_CLIENT_H_
