#include "cache/cache_keys.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace trackenrich::cache {

void AppendEscapedKeyPart(absl::string_view part, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : part) {
    const auto byte = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(byte) || c == '_' || c == '.' || c == '-') {
      out->push_back(c);
    } else {
      out->push_back('%');
      out->push_back(kHex[byte >> 4]);
      out->push_back(kHex[byte & 0xf]);
    }
  }
}

std::string EscapeKeyPart(absl::string_view part) {
  std::string out;
  out.reserve(part.size());
  AppendEscapedKeyPart(part, &out);
  return out;
}

void AppendTrackingKey(absl::string_view tenant, absl::string_view carrier,
                       absl::string_view number, std::string* out) {
  out->append(kKeyNamespace.data(), kKeyNamespace.size());
  out->push_back(':');
  AppendEscapedKeyPart(tenant, out);
  out->append(":trk:");
  AppendEscapedKeyPart(carrier, out);
  out->push_back(':');
  AppendEscapedKeyPart(number, out);
}

std::string TrackingKey(absl::string_view tenant, absl::string_view carrier,
                        absl::string_view number) {
  std::string key;
  key.reserve(kKeyNamespace.size() + tenant.size() + carrier.size() + number.size() + 8);
  AppendTrackingKey(tenant, carrier, number, &key);
  return key;
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

std::string WriteBackClaimKey(absl::string_view tenant, absl::string_view desk,
                              absl::string_view ticket_id, absl::string_view card_digest) {
  return absl::StrCat(kKeyNamespace, ":", EscapeKeyPart(tenant), ":wb:", EscapeKeyPart(desk), ":",
                      EscapeKeyPart(ticket_id), ":", EscapeKeyPart(card_digest));
}

}  // namespace trackenrich::cache
