// Plain HTTP request and response values shared by the HTTP client, the pure
// request builders and the pure parsers. No Beast here: parsers and builders
// stay cheap to compile and easy to drive from tests and fuzzers.
//
//   HttpRequest request{.method = "GET", .target = "/api/track/v1/details/1Z..."};
//   request.headers.emplace_back("Authorization", "Bearer " + token);
#ifndef TRACKENRICH_ADAPTERS_HTTP_HTTP_MESSAGE_H_
#define TRACKENRICH_ADAPTERS_HTTP_HTTP_MESSAGE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace trackenrich::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Returns the first header named `name` (case-insensitive), or "" if absent.
absl::string_view FindHeader(const HeaderList& headers, absl::string_view name);

struct HttpRequest {
  std::string method = "GET";
  // Origin-form target: path and query, e.g. "/track/v1/details/1Z...?locale=en_US".
  std::string target;
  HeaderList headers;
  std::string body;
  // Safe to send again after a failure (GET, or a POST the upstream treats as a query).
  bool idempotent = true;

  absl::string_view Header(absl::string_view name) const { return FindHeader(headers, name); }
};

struct HttpResponse {
  int status = 0;
  HeaderList headers;
  std::string body;

  absl::string_view Header(absl::string_view name) const { return FindHeader(headers, name); }
};

}  // namespace trackenrich::http

#endif  // TRACKENRICH_ADAPTERS_HTTP_HTTP_MESSAGE_H_
