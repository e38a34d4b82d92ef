// The sandbox upstream's control endpoints: its request counters and its
// fault injection (services/sandbox/fault_injection.h).
//   int64_t calls = SandboxRequestCount(sandbox_port, "ups.track");
//   int64_t all = SandboxRequestTotal(sandbox_port);   // every route
//   InjectSandboxFault(sandbox_port, R"({"path":"/api/track/","kind":"reset"})");
//   ClearSandboxFaults(sandbox_port);
//   uint16_t port = PortOfUrl(server.sandbox_url());
#ifndef TRACKENRICH_TESTS_SUPPORT_SANDBOX_STATS_H_
#define TRACKENRICH_TESTS_SUPPORT_SANDBOX_STATS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "absl/strings/numbers.h"
#include "boost/json.hpp"

#include "tests/support/http_get.h"

namespace trackenrich::testing {

inline uint16_t PortOfUrl(const std::string& url) {
  uint32_t port = 0;
  if (!absl::SimpleAtoi(url.substr(url.rfind(':') + 1), &port) || port > 65535) {
    throw std::runtime_error("no port in " + url);
  }
  return static_cast<uint16_t>(port);
}

// The per-route counters of /__sandbox/stats; nullopt if it did not answer.
inline std::optional<std::map<std::string, int64_t>> SandboxRequestCounts(uint16_t sandbox_port) {
  const HttpGetResult stats = HttpGet(sandbox_port, "/__sandbox/stats");
  if (stats.status != 200) return std::nullopt;
  boost::system::error_code error;
  const boost::json::value json = boost::json::parse(stats.body, error);
  if (error || !json.is_object()) return std::nullopt;
  const auto* requests = json.as_object().if_contains("requests");
  if (requests == nullptr || !requests->is_object()) return std::nullopt;
  std::map<std::string, int64_t> counts;
  for (const auto& [route, count] : requests->as_object()) {
    counts[std::string(route)] = count.to_number<int64_t>();
  }
  return counts;
}

// Requests the sandbox received on `route` ("ups.track"); -1 if it did not answer.
inline int64_t SandboxRequestCount(uint16_t sandbox_port, const std::string& route) {
  const auto counts = SandboxRequestCounts(sandbox_port);
  if (!counts.has_value()) return -1;
  const auto it = counts->find(route);
  return it == counts->end() ? 0 : it->second;
}

// Requests the sandbox received on every route together; -1 if it did not answer.
inline int64_t SandboxRequestTotal(uint16_t sandbox_port) {
  const auto counts = SandboxRequestCounts(sandbox_port);
  if (!counts.has_value()) return -1;
  int64_t total = 0;
  for (const auto& [route, count] : *counts) total += count;
  return total;
}

// Adds a fault (the JSON of POST /__sandbox/faults); true once the sandbox took it.
inline bool InjectSandboxFault(uint16_t sandbox_port, const std::string& fault_json) {
  return HttpSend(sandbox_port, "POST", "/__sandbox/faults", fault_json).status == 200;
}

// Drops every fault; true once the sandbox did.
inline bool ClearSandboxFaults(uint16_t sandbox_port) {
  return HttpSend(sandbox_port, "DELETE", "/__sandbox/faults", "").status == 200;
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_SANDBOX_STATS_H_
