// The keys the service stores under in shared caches (Redis): versioned, so a
// change of encoding or meaning moves to a new namespace, and namespaced by
// tenant, so one tenant's lookups can never address another's entries.
//
//   TrackingKey("acme", "ups", "1Z999AA10123456784")
//       == "trackenrich:v1:acme:trk:ups:1Z999AA10123456784"
//   FlightLockKey(key)             == key + ":lock"   (cross-replica single-flight)
//   RateLimitKey("acme", "ups")    == "trackenrich:v1:acme:rl:ups"
//   WriteBackClaimKey("acme", "zendesk", "35436", digest)
//                                  == "trackenrich:v1:acme:wb:zendesk:35436:<digest>"
//
// Every part is escaped: bytes outside [A-Za-z0-9_.-] become %XX, so a tenant
// named "a:trk:ups" cannot produce another tenant's key.
#ifndef TRACKENRICH_CACHE_CACHE_KEYS_H_
#define TRACKENRICH_CACHE_CACHE_KEYS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace trackenrich::cache {

inline constexpr absl::string_view kKeyNamespace = "trackenrich:v1";

std::string EscapeKeyPart(absl::string_view part);
void AppendEscapedKeyPart(absl::string_view part, std::string* out);

// `carrier` is the lower-case carrier name ("ups"); `number` is normalized.
std::string TrackingKey(absl::string_view tenant, absl::string_view carrier,
                        absl::string_view number);
// TrackingKey appended to `out`: no allocation once `out` has the room.
void AppendTrackingKey(absl::string_view tenant, absl::string_view carrier,
                       absl::string_view number, std::string* out);

// An order as its sales channel reported it: `source` names the order source
// and API ("sp_api", "amazon_mcf").
//   OrderKey("acme", "sp_api", "114-3941689-8772232")
//       == "trackenrich:v1:acme:ord:sp_api:114-3941689-8772232"
std::string OrderKey(absl::string_view tenant, absl::string_view source,
                     absl::string_view order_id);

// The tenant's append-only audit stream: "trackenrich:v1:acme:audit".
std::string AuditStreamKey(absl::string_view tenant);

// The lock one replica holds while it fetches the answer for `entry_key`.
std::string FlightLockKey(absl::string_view entry_key);

// The bucket of a rate limit: `scope` names the upstream quota, e.g. "ups"
// or "amazon:getOrder".
std::string RateLimitKey(absl::string_view tenant, absl::string_view scope);

// The claim one replica takes before it writes a help-desk note, so a
// webhook delivered to several replicas writes one note:
//   WriteBackClaimKey("acme", "zendesk", "35436", digest)
//       == "trackenrich:v1:acme:wb:zendesk:35436:" + digest
std::string WriteBackClaimKey(absl::string_view tenant, absl::string_view desk,
                              absl::string_view ticket_id, absl::string_view card_digest);

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_CACHE_KEYS_H_
