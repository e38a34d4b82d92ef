// What RedisClient reports as it works, for metrics: the same observer
// mechanism as the HTTP client's HttpObserver (adapters/http/http_client.h).
// RedisMetrics (redis_metrics.h) turns it into the trackenrich_redis_*
// Prometheus families; tests may watch a client with their own.
//
//   RedisMetrics metrics(registry);
//   RedisClient redis(io_context, options, &metrics);
//
// Calls come from the client's strand or its timers; implementations must be
// thread-safe and cheap (they run on the command path).
#ifndef TRACKENRICH_CACHE_REDIS_REDIS_OBSERVER_H_
#define TRACKENRICH_CACHE_REDIS_REDIS_OBSERVER_H_

#include <cstdint>

namespace trackenrich::cache {

enum class RedisFailure {
  // A command's deadline passed without a reply.
  kTimeout,
  // Connecting failed or the connection was lost (refused, handshake failed).
  kConnection,
  // Commands refused because the client was not connected.
  kUnavailable,
  // An error reply.
  kReply,
};

class RedisObserver {
 public:
  virtual ~RedisObserver() = default;
  // One command sent.
  virtual void OnRedisCommand() = 0;
  // `count` failures of one kind (several commands refused at once).
  virtual void OnRedisFailure(RedisFailure failure, int64_t count) = 0;
  // A connection made ready, the first one included.
  virtual void OnRedisConnect() = 0;
  // Whether the connection is ready, on every state change.
  virtual void OnRedisConnected(bool connected) = 0;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_REDIS_REDIS_OBSERVER_H_
