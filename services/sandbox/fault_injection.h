// Fault injection for the sandbox upstream: makes chosen requests misbehave
// the way real upstreams do, so tests can check every failure path.
//
//   FaultPlan plan;
//   plan.Add({.path_prefix = "/api/track/", .kind = FaultKind::kStatus, .status = 503, .times =
//   2}); plan.Apply(request.target, &reply);   // after the route built its normal reply
//
// Over HTTP: POST /__sandbox/faults with a JSON body such as
//   {"path": "/api/track/", "kind": "rate_limited", "retry_after_s": 1, "times": 1}
// and DELETE /__sandbox/faults to clear. Kinds: latency (delay_ms), status
// (status), rate_limited (retry_after_s), reset, truncate (bytes), malformed_json,
// trickle (delay_ms between 16-byte chunks), oversized (bytes), wrong_content_type,
// expired_token. "times" bounds how many requests it hits (default: all).
#ifndef TRACKENRICH_SERVICES_SANDBOX_FAULT_INJECTION_H_
#define TRACKENRICH_SERVICES_SANDBOX_FAULT_INJECTION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "services/http/http_server.h"

namespace trackenrich::sandbox {

enum class FaultKind {
  kLatency,
  kStatus,
  kRateLimited,
  kReset,
  kTruncate,
  kMalformedJson,
  kTrickle,
  kOversized,
  kWrongContentType,
  kExpiredToken,
};

struct Fault {
  // Requests whose target starts with this; "" matches every non-control path.
  std::string path_prefix;
  FaultKind kind = FaultKind::kStatus;
  int status = 503;
  absl::Duration delay = absl::ZeroDuration();
  int retry_after_seconds = 1;
  size_t bytes = 0;
  // How many requests it applies to; negative: until cleared.
  int times = -1;
};

// Parses the JSON body of POST /__sandbox/faults; INVALID_ARGUMENT names the field.
absl::StatusOr<Fault> ParseFault(absl::string_view json_text);

class FaultPlan {
 public:
  void Add(Fault fault);
  void Clear();
  // Applies the first matching fault (if any) to `reply`. True if one applied.
  bool Apply(absl::string_view target, server::HttpServer::Reply* reply);

 private:
  absl::Mutex mu_;
  std::vector<Fault> faults_ ABSL_GUARDED_BY(mu_);
};

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_FAULT_INJECTION_H_
