// Reads the sandbox upstream's request counters over its control endpoint.
//   int64_t calls = SandboxRequestCount(sandbox_port, "ups.track");
//   uint16_t port = PortOfUrl(server.sandbox_url());
#ifndef TRACKENRICH_TESTS_SUPPORT_SANDBOX_STATS_H_
#define TRACKENRICH_TESTS_SUPPORT_SANDBOX_STATS_H_

#include <cstdint>
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

// Requests the sandbox received on `route` ("ups.track"); -1 if it did not answer.
inline int64_t SandboxRequestCount(uint16_t sandbox_port, const std::string& route) {
  const HttpGetResult stats = HttpGet(sandbox_port, "/__sandbox/stats");
  if (stats.status != 200) return -1;
  boost::system::error_code error;
  const boost::json::value json = boost::json::parse(stats.body, error);
  if (error || !json.is_object()) return -1;
  const auto* requests = json.as_object().if_contains("requests");
  if (requests == nullptr || !requests->is_object()) return -1;
  const auto* count = requests->as_object().if_contains(route);
  return count == nullptr ? 0 : count->to_number<int64_t>();
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_SANDBOX_STATS_H_
