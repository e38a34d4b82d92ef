// The Selling Partner API's error answers as canonical statuses.
//
//   if (response.status != 200) return SpApiError("getOrder", "acme", response);
//
// SP-API errors are {"errors": [{"code", "message", "details"}]} (every
// model's ErrorList). Mapping (DESIGN.md §3): 400 → INVALID_ARGUMENT (Amazon
// rejected the ID the caller gave); 401 and 403 → FAILED_PRECONDITION naming
// the tenant (the seller's authorization of the app is missing, revoked or
// lacks the role: re-authorize); 404 → NOT_FOUND; 429 → RESOURCE_EXHAUSTED;
// 5xx → UNAVAILABLE; others → INTERNAL. The message keeps Amazon's error code
// (truncated), never its free text, which could echo request data.
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SP_API_ERRORS_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SP_API_ERRORS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::amazon {

absl::Status SpApiError(absl::string_view operation, absl::string_view tenant,
                        const http::HttpResponse& response);

// The first error's code in an SP-API error body ("" when none).
std::string SpApiErrorCode(absl::string_view body);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SP_API_ERRORS_H_
