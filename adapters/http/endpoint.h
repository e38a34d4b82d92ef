// Where an upstream listens, parsed from a base URL: scheme, host, port and
// the path prefix every request target gets. Pure.
//
//   auto endpoint = ParseEndpoint("http://127.0.0.1:8081/ups");
//   // endpoint->tls == false, host "127.0.0.1", port 8081, base_path "/ups"
//
// Errors: INVALID_ARGUMENT for a string that is not a URL, a scheme other
// than http or https, no host, or a port outside 1..65535.
#ifndef TRACKENRICH_ADAPTERS_HTTP_ENDPOINT_H_
#define TRACKENRICH_ADAPTERS_HTTP_ENDPOINT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace trackenrich::http {

// Where an upstream listens, parsed from a base URL such as
// "https://onlinetools.ups.com" or "http://127.0.0.1:8081/ups".
struct Endpoint {
  bool tls = false;
  std::string host;
  uint16_t port = 0;
  // Path prefix prepended to every request target ("" or "/ups").
  std::string base_path;
  // Names the upstream in metrics, logs and readiness ("ups"); the host if empty.
  std::string name;

  std::string Key() const;
  std::string DisplayName() const { return name.empty() ? host : name; }
};

absl::StatusOr<Endpoint> ParseEndpoint(absl::string_view base_url);

}  // namespace trackenrich::http

#endif  // TRACKENRICH_ADAPTERS_HTTP_ENDPOINT_H_
