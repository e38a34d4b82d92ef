#include "cache/redis/redis_metrics.h"

#include "prometheus/counter.h"
#include "prometheus/gauge.h"
#include "prometheus/registry.h"

namespace trackenrich::cache {

RedisMetrics::RedisMetrics(prometheus::Registry& registry) {
  auto& commands = prometheus::BuildCounter()
                       .Name("trackenrich_redis_commands_total")
                       .Help("Redis commands sent.")
                       .Register(registry);
  auto& errors = prometheus::BuildCounter()
                     .Name("trackenrich_redis_errors_total")
                     .Help(
                         "Redis failures by kind: timeout, connection (refused, lost, "
                         "handshake failed), unavailable (command refused while not "
                         "connected), reply (an error reply).")
                     .Register(registry);
  auto& connects = prometheus::BuildCounter()
                       .Name("trackenrich_redis_connects_total")
                       .Help("Successful Redis connections, the first one included.")
                       .Register(registry);
  auto& connected = prometheus::BuildGauge()
                        .Name("trackenrich_redis_connected")
                        .Help("1 while the Redis connection is ready, 0 otherwise.")
                        .Register(registry);
  commands_ = &commands.Add({});
  timeouts_ = &errors.Add({{"kind", "timeout"}});
  connection_errors_ = &errors.Add({{"kind", "connection"}});
  unavailable_ = &errors.Add({{"kind", "unavailable"}});
  error_replies_ = &errors.Add({{"kind", "reply"}});
  connects_ = &connects.Add({});
  connected_ = &connected.Add({});
}

void RedisMetrics::OnRedisCommand() { commands_->Increment(); }

void RedisMetrics::OnRedisFailure(RedisFailure failure, int64_t count) {
  prometheus::Counter* counter = nullptr;
  switch (failure) {
    case RedisFailure::kTimeout:
      counter = timeouts_;
      break;
    case RedisFailure::kConnection:
      counter = connection_errors_;
      break;
    case RedisFailure::kUnavailable:
      counter = unavailable_;
      break;
    case RedisFailure::kReply:
      counter = error_replies_;
      break;
  }
  counter->Increment(static_cast<double>(count));
}

void RedisMetrics::OnRedisConnect() { connects_->Increment(); }

void RedisMetrics::OnRedisConnected(bool connected) { connected_->Set(connected ? 1 : 0); }

}  // namespace trackenrich::cache
