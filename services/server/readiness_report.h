// What the admin port reports about this process: the /readyz document and
// the process gauges /metrics appends to the registry's text (in-process
// cache size, dropped log lines, readiness). Pure: the server gathers the
// facts, these render them.
//
//   ReadinessFacts facts{.ready = true, .sandbox = false, ...};
//   std::string body = ReadinessJson(facts);  // {"ready":true,"mode":"production",...}
//   std::string text = ProcessMetricsText({.entries = 3, .bytes = 900}, 0, true);
//
// No errors: every fact has a rendering.
#ifndef TRACKENRICH_SERVICES_SERVER_READINESS_REPORT_H_
#define TRACKENRICH_SERVICES_SERVER_READINESS_REPORT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

#include "adapters/http/http_client.h"
#include "cache/memory/memory_cache.h"

namespace trackenrich::server {

struct ReadinessFacts {
  bool ready = false;
  bool sandbox = false;
  // "off", "optional" or "required".
  absl::string_view api_keys = "off";
  size_t tenants = 0;
  // "off", "tls" or "mtls".
  absl::string_view grpc_tls = "off";
  // The shared cache's state (TieredCache::SharedState).
  std::string redis;
  bool watches_durable = false;
  size_t webhook_tenants = 0;
  // The registered tracking adapters' names, in the order to list them.
  std::vector<std::string> adapters;
  // The order source's name, and each channel's (channel name, source name).
  std::string order_source;
  std::vector<std::pair<std::string, std::string>> order_sources;
  std::vector<http::UpstreamStats> upstreams;
};

// The /readyz details object. An open upstream breaker is reported but is
// not a reason to be unready: the service still serves its cache and the
// other carriers.
std::string ReadinessJson(const ReadinessFacts& facts);

// The process gauges and counters in the Prometheus text format.
std::string ProcessMetricsText(const cache::MemoryCache::Stats& cache, uint64_t dropped_log_lines,
                               bool ready);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_SERVER_READINESS_REPORT_H_
