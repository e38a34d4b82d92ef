// The trackenrich_redis_* Prometheus families, fed by RedisClient through
// RedisObserver: commands sent, failures by kind (timeout, connection,
// unavailable, reply), connections made and whether one is ready now.
//
//   RedisMetrics metrics(registry);               // registers the families
//   RedisClient redis(io_context, options, &metrics);
//
// No errors. Thread-safe (Prometheus counters and gauges are).
#ifndef TRACKENRICH_CACHE_REDIS_REDIS_METRICS_H_
#define TRACKENRICH_CACHE_REDIS_REDIS_METRICS_H_

#include <cstdint>

#include "cache/redis/redis_observer.h"

namespace prometheus {
class Counter;
class Gauge;
class Registry;
}  // namespace prometheus

namespace trackenrich::cache {

class RedisMetrics final : public RedisObserver {
 public:
  explicit RedisMetrics(prometheus::Registry& registry);

  void OnRedisCommand() override;
  void OnRedisFailure(RedisFailure failure, int64_t count) override;
  void OnRedisConnect() override;
  void OnRedisConnected(bool connected) override;

 private:
  prometheus::Counter* commands_;
  prometheus::Counter* timeouts_;
  prometheus::Counter* connection_errors_;
  prometheus::Counter* unavailable_;
  prometheus::Counter* error_replies_;
  prometheus::Counter* connects_;
  prometheus::Gauge* connected_;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_REDIS_REDIS_METRICS_H_
