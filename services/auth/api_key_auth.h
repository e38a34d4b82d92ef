// ApiKeyAuthenticator: who is calling. A caller presents an API key (gRPC
// metadata `x-api-key`, or `authorization: Bearer <key>`; the JSON gateway's
// `X-Api-Key` header) that belongs to one tenant. The config holds only the
// keys' SHA-256 digests (`tenants.<name>.api_keys`, made with
// `trackenrich --hash_api_key`); a presented key is hashed and compared with
// every configured digest in constant time.
//
//   ApiKeyAuthenticator auth({.required = true, .tenants = {{"acme", {HashApiKey(key)}}}});
//   absl::StatusOr<std::string> tenant = auth.Authenticate(key, /*requested_tenant=*/"");
//
// Without `required` (the zero-config sandbox) a call without a key runs as
// tenant "default"; a key that is presented is still checked.
#ifndef TRACKENRICH_SERVICES_AUTH_API_KEY_AUTH_H_
#define TRACKENRICH_SERVICES_AUTH_API_KEY_AUTH_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace trackenrich::auth {

inline constexpr absl::string_view kDefaultTenant = "default";

struct TenantKeys {
  std::string tenant;
  // SHA-256 digests of the tenant's keys, 64 hex digits each.
  std::vector<std::string> api_key_sha256;
};

struct AuthSettings {
  // Refuse calls without a key.
  bool required = false;
  std::vector<TenantKeys> tenants;
};

class ApiKeyAuthenticator {
 public:
  // Digests that are not 64 hex digits are ignored (the config refuses them).
  explicit ApiKeyAuthenticator(AuthSettings settings);

  // The tenant a call runs as. `api_key` is the key as presented ("" when
  // none); `requested_tenant` the tenant the caller names (`x-tenant`), ""
  // when none. Errors: UNAUTHENTICATED for a missing key (when required) or
  // a key that matches no tenant, with the same message whether or not a
  // similar key exists; PERMISSION_DENIED when the caller names a tenant
  // other than its key's.
  absl::StatusOr<std::string> Authenticate(absl::string_view api_key,
                                           absl::string_view requested_tenant) const;

  bool required() const { return required_; }
  // The configured tenants, in config order.
  std::vector<std::string> tenants() const;

 private:
  struct Entry {
    std::array<uint8_t, 32> digest;
    std::string tenant;
  };

  bool required_;
  std::vector<Entry> entries_;
  std::vector<std::string> tenants_;
};

// The key of `x-api-key`, else the token of `authorization: Bearer <token>`
// (scheme case-insensitive); "" when neither carries one.
absl::string_view ApiKeyFromHeaders(absl::string_view x_api_key, absl::string_view authorization);

// The lower-case hex SHA-256 of `key`: what tenants.<name>.api_keys holds.
std::string HashApiKey(absl::string_view key);

// Whether `digest` is 64 hex digits (either case).
bool IsApiKeyDigest(absl::string_view digest);

// Tenant names become part of cache, rate-limit and audit keys: 1 to 64 of
// [a-z0-9_-]. INVALID_ARGUMENT saying what is wrong otherwise.
absl::Status ValidateTenantName(absl::string_view name);

}  // namespace trackenrich::auth

#endif  // TRACKENRICH_SERVICES_AUTH_API_KEY_AUTH_H_
