#include "adapters/common/upstream_status.h"

#include "absl/strings/str_cat.h"

namespace trackenrich::adapters {

absl::Status UpstreamHttpError(absl::string_view adapter, const http::HttpResponse& response) {
  const int code = response.status;
  const std::string http = absl::StrCat("HTTP ", code);
  if (code == 401 || code == 403) {
    return absl::FailedPreconditionError(
        absl::StrCat(adapter, ": upstream rejected the service's credentials (", http, ")"));
  }
  if (code == 404) return absl::NotFoundError(absl::StrCat(adapter, ": not found (", http, ")"));
  if (code == 429) {
    const absl::string_view retry_after = response.Header("Retry-After");
    return absl::ResourceExhaustedError(absl::StrCat(
        adapter, ": upstream quota exceeded (", http,
        retry_after.empty() ? "" : absl::StrCat(", retry after ", retry_after, "s"), ")"));
  }
  if (code >= 500 || code == 408) {
    return absl::UnavailableError(absl::StrCat(adapter, ": upstream unavailable (", http, ")"));
  }
  return absl::InternalError(absl::StrCat(adapter, ": upstream rejected the request (", http, ")"));
}

absl::Status WithAdapter(absl::string_view adapter, const absl::Status& status) {
  if (status.ok()) return status;
  return absl::Status(status.code(), absl::StrCat(adapter, ": ", status.message()));
}

absl::Status MalformedPayload(absl::string_view adapter, absl::string_view what) {
  return absl::UnavailableError(absl::StrCat(adapter, ": malformed upstream payload: ", what));
}

}  // namespace trackenrich::adapters
