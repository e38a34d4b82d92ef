// Maps what an upstream answered to the canonical status codes of DESIGN.md §3,
// always naming the adapter and never echoing credentials.
//
//   if (response.status != 200) return UpstreamHttpError("ups", response);
#ifndef TRACKENRICH_ADAPTERS_COMMON_UPSTREAM_STATUS_H_
#define TRACKENRICH_ADAPTERS_COMMON_UPSTREAM_STATUS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters {

// 401/403 → FAILED_PRECONDITION (the service's upstream credentials),
// 404 → NOT_FOUND, 429 → RESOURCE_EXHAUSTED, 5xx and 408 → UNAVAILABLE,
// any other non-2xx → INTERNAL (the upstream rejected a request we built).
absl::Status UpstreamHttpError(absl::string_view adapter, const http::HttpResponse& response);

// Prefixes a transport or parse failure with the adapter's name, keeping its code.
absl::Status WithAdapter(absl::string_view adapter, const absl::Status& status);

// The status for a payload that does not have the documented shape.
absl::Status MalformedPayload(absl::string_view adapter, absl::string_view what);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_UPSTREAM_STATUS_H_
