#include "adapters/http/http_message.h"

#include "absl/strings/match.h"

namespace trackenrich::http {

absl::string_view FindHeader(const HeaderList& headers, absl::string_view name) {
  for (const auto& [key, value] : headers) {
    if (absl::EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

}  // namespace trackenrich::http
