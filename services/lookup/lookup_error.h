// LookupError: what a failed lookup of one subject (an order ID or a
// tracking number) reports inside a response that carries other answers
// (batches, an order's packages, an enriched ticket).
//
//   *result.mutable_error() = ToLookupError("1Z999AA10123456784", status);
#ifndef TRACKENRICH_SERVICES_LOOKUP_LOOKUP_ERROR_H_
#define TRACKENRICH_SERVICES_LOOKUP_LOOKUP_ERROR_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

#include "trackenrich/v1/enrichment.pb.h"

namespace trackenrich::server {

// The subject, the canonical code and the status message.
v1::LookupError ToLookupError(absl::string_view subject, const absl::Status& status);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_LOOKUP_LOOKUP_ERROR_H_
