#include "cache/cache_keys.h"

#include <catch2/catch.hpp>

namespace trackenrich::cache {
namespace {

TEST_CASE("keys: versioned and namespaced by tenant", "[cache]") {
  CHECK(TrackingKey("acme", "ups", "1Z999AA10123456784") ==
        "trackenrich:v1:acme:trk:ups:1Z999AA10123456784");
  CHECK(FlightLockKey("trackenrich:v1:acme:trk:ups:1Z") == "trackenrich:v1:acme:trk:ups:1Z:lock");
  CHECK(RateLimitKey("acme", "ups") == "trackenrich:v1:acme:rl:ups");
  CHECK(RateLimitKey("acme", "amazon:getOrder") == "trackenrich:v1:acme:rl:amazon:getOrder");
  CHECK(TrackingKey("tenant-a", "ups", "1Z") != TrackingKey("tenant-b", "ups", "1Z"));
}

TEST_CASE("keys: a tenant name cannot forge another tenant's key", "[cache]") {
  // Without escaping, tenant "a:trk:ups:1Z:x" would share a prefix with tenant "a".
  CHECK(TrackingKey("a:trk:ups", "ups", "1Z") == "trackenrich:v1:a%3Atrk%3Aups:trk:ups:1Z");
  CHECK(TrackingKey("a%3Atrk%3Aups", "ups", "1Z") == "trackenrich:v1:a%253Atrk%253Aups:trk:ups:1Z");
  CHECK(EscapeKeyPart("Acme_EU-1.prod") == "Acme_EU-1.prod");
  CHECK(EscapeKeyPart("a b/c\n") == "a%20b%2Fc%0A");
  CHECK(EscapeKeyPart("caf\xc3\xa9") == "caf%C3%A9");
  CHECK(RateLimitKey("a:rl", "ups") == "trackenrich:v1:a%3Arl:rl:ups");
}

TEST_CASE("keys: a help-desk note claim is per tenant, desk, ticket and card", "[cache]") {
  CHECK(WriteBackClaimKey("acme", "zendesk", "35436", "ab12") ==
        "trackenrich:v1:acme:wb:zendesk:35436:ab12");
  CHECK(WriteBackClaimKey("acme", "zendesk", "35436", "ab12") !=
        WriteBackClaimKey("globex", "zendesk", "35436", "ab12"));
  CHECK(WriteBackClaimKey("acme", "zendesk", "1", "x") !=
        WriteBackClaimKey("acme", "freshdesk", "1", "x"));
  // A ticket id cannot reach into the digest's part.
  CHECK(WriteBackClaimKey("acme", "zendesk", "1:x", "y") ==
        "trackenrich:v1:acme:wb:zendesk:1%3Ax:y");
}

}  // namespace
}  // namespace trackenrich::cache
