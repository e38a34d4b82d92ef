// SHA-256 digests for evidence: every answer records the digest of the raw
// upstream payload it was parsed from.
//
//   std::string hex = Sha256Hex(response.body);   // 64 lower-case hex digits
#ifndef TRACKENRICH_ADAPTERS_COMMON_DIGEST_H_
#define TRACKENRICH_ADAPTERS_COMMON_DIGEST_H_

#include <string>

#include "absl/strings/string_view.h"

namespace trackenrich::adapters {

std::string Sha256Hex(absl::string_view data);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_DIGEST_H_
