// UTF-8 for everything the service sends: proto3 `string` fields must be
// well-formed UTF-8, and clients in Go, Java and Python reject a whole
// response over one bad byte. Carrier text is not always UTF-8 (an XML reader
// passes Latin-1 through, a code cut at a byte count splits a character), so
// text is shortened on character boundaries, and every outgoing message is
// repaired once at the boundary.
//
//   std::string code = ...;                  // up to 200 bytes from a carrier
//   TruncateUtf8(&code, 64);                 // at most 64 bytes, whole characters
//   RepairUtf8Strings(&response);            // every string field well-formed
//   assert(IsValidUtf8(response.shipment().carrier_status_text()));
//
// Well-formed means Unicode 15, table 3-7: no overlong forms, no surrogates,
// nothing past U+10FFFF. Each byte that is not part of a well-formed sequence
// becomes U+FFFD (the "maximal subpart" practice counts each bad byte once).
#ifndef TRACKENRICH_ADAPTERS_COMMON_UTF8_H_
#define TRACKENRICH_ADAPTERS_COMMON_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace trackenrich::adapters {

inline constexpr absl::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// True when `text` is well-formed UTF-8 throughout.
bool IsValidUtf8(absl::string_view text);

// Replaces every byte of `text` that is not part of a well-formed sequence
// with U+FFFD; returns false (and leaves `text` untouched) when there was none.
bool RepairUtf8(std::string* text);

// The longest prefix of `text` of at most `max_bytes` bytes that does not end
// inside a multi-byte character ("Müller", 2 → "M"). Bytes before the cut are
// not validated: an invalid byte stays for RepairUtf8.
absl::string_view Utf8Prefix(absl::string_view text, size_t max_bytes);

// Shortens `text` in place to Utf8Prefix(text, max_bytes).
void TruncateUtf8(std::string* text, size_t max_bytes);

// Repairs every string field of `message` (RepairUtf8), nested, repeated and
// map fields included. Returns how many fields it changed.
int RepairUtf8Strings(google::protobuf::Message* message);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_UTF8_H_
