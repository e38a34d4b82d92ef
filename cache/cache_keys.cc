#include "cache/cache_keys.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace trackenrich::cache {

std::string EscapeKeyPart(absl::string_view part) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(part.size());
  for (const char c : part) {
    const auto byte = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(byte) || c == '_' || c == '.' || c == '-') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xf]);
    }
  }
  return out;
}

std::string TrackingKey(absl::string_view tenant, absl::string_view carrier,
                        absl::string_view number) {
  return absl::StrCat(kKeyNamespace, ":", EscapeKeyPart(tenant), ":trk:", EscapeKeyPart(carrier),
                      ":", EscapeKeyPart(number));
}

std::string OrderKey(absl::string_view tenant, absl::string_view source,
                     absl::string_view order_id) {
  return absl::StrCat(kKeyNamespace, ":", EscapeKeyPart(tenant), ":ord:", EscapeKeyPart(source),
                      ":", EscapeKeyPart(order_id));
}

std::string AuditStreamKey(absl::string_view tenant) {
  return absl::StrCat(kKeyNamespace, ":", EscapeKeyPart(tenant), ":audit");
}

std::string FlightLockKey(absl::string_view entry_key) { return absl::StrCat(entry_key, ":lock"); }

std::string RateLimitKey(absl::string_view tenant, absl::string_view scope) {
  // A scope may name an operation ("amazon:getOrder"): keep its colons
  // readable but escape everything else.
  std::vector<std::string> pieces;
  for (absl::string_view piece : absl::StrSplit(scope, ':')) pieces.push_back(EscapeKeyPart(piece));
  return absl::StrCat(kKeyNamespace, ":", EscapeKeyPart(tenant),
                      ":rl:", absl::StrJoin(pieces, ":"));
}

}  // namespace trackenrich::cache
