#include "services/server/readiness_report.h"

#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/http/circuit_breaker.h"

namespace trackenrich::server {
namespace {

namespace json = boost::json;

json::string_view ToJson(absl::string_view text) { return {text.data(), text.size()}; }

}  // namespace

std::string ReadinessJson(const ReadinessFacts& facts) {
  json::array adapters;
  for (const auto& name : facts.adapters) adapters.emplace_back(name);
  json::object order_sources;
  for (const auto& [channel, source] : facts.order_sources) order_sources[channel] = source;
  json::object upstreams;
  for (const auto& upstream : facts.upstreams) {
    upstreams[upstream.name] =
        json::object{{"breaker", ToJson(http::CircuitBreaker::StateName(upstream.breaker))},
                     {"open_connections", upstream.open_connections},
                     {"requests", upstream.requests},
                     {"retries", upstream.retries}};
  }
  json::object details{
      {"ready", facts.ready},
      {"mode", facts.sandbox ? "sandbox" : "production"},
      {"auth", json::object{{"api_keys", ToJson(facts.api_keys)}, {"tenants", facts.tenants}}},
      {"grpc_tls", ToJson(facts.grpc_tls)},
      {"cache", json::object{{"memory", "ok"}, {"redis", facts.redis}}},
      {"watches", json::object{{"store", facts.watches_durable ? "redis" : "memory"},
                               {"durable", facts.watches_durable},
                               {"webhook_tenants", facts.webhook_tenants}}},
      {"adapters", std::move(adapters)},
      {"order_source", facts.order_source},
      {"order_sources", std::move(order_sources)},
      {"upstreams", std::move(upstreams)}};
  return json::serialize(details);
}

std::string ProcessMetricsText(const cache::MemoryCache::Stats& cache, uint64_t dropped_log_lines,
                               bool ready) {
  return absl::StrCat(
      "# HELP trackenrich_cache_memory_entries Entries in the in-process cache.\n"
      "# TYPE trackenrich_cache_memory_entries gauge\n"
      "trackenrich_cache_memory_entries ",
      cache.entries, "\n",
      "# HELP trackenrich_cache_memory_bytes Bytes held by the in-process cache.\n"
      "# TYPE trackenrich_cache_memory_bytes gauge\n"
      "trackenrich_cache_memory_bytes ",
      cache.bytes, "\n",
      "# HELP trackenrich_cache_memory_evictions_total Entries evicted from the in-process "
      "cache.\n"
      "# TYPE trackenrich_cache_memory_evictions_total counter\n"
      "trackenrich_cache_memory_evictions_total ",
      cache.evictions, "\n",
      "# HELP trackenrich_log_lines_dropped_total Log lines dropped because stderr could "
      "not keep up.\n"
      "# TYPE trackenrich_log_lines_dropped_total counter\n"
      "trackenrich_log_lines_dropped_total ",
      dropped_log_lines, "\n",
      "# HELP trackenrich_ready Whether the service is ready to serve (1) or not (0).\n"
      "# TYPE trackenrich_ready gauge\n"
      "trackenrich_ready ",
      ready ? 1 : 0, "\n");
}

}  // namespace trackenrich::server
