#include "services/auth/api_key_auth.h"

#include <utility>

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace trackenrich::auth {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::array<uint8_t, 32> Sha256(absl::string_view data) {
  std::array<uint8_t, 32> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data());
  return digest;
}

}  // namespace

ApiKeyAuthenticator::ApiKeyAuthenticator(AuthSettings settings) : required_(settings.required) {
  for (const TenantKeys& tenant : settings.tenants) {
    tenants_.push_back(tenant.tenant);
    for (const std::string& hex : tenant.api_key_sha256) {
      if (!IsApiKeyDigest(hex)) continue;
      Entry entry;
      for (size_t i = 0; i < entry.digest.size(); ++i) {
        entry.digest[i] =
            static_cast<uint8_t>(HexValue(hex[2 * i]) * 16 + HexValue(hex[2 * i + 1]));
      }
      entry.tenant = tenant.tenant;
      entries_.push_back(std::move(entry));
    }
  }
}

absl::StatusOr<std::string> ApiKeyAuthenticator::Authenticate(
    absl::string_view api_key, absl::string_view requested_tenant) const {
  std::string tenant;
  if (api_key.empty()) {
    if (required_) {
      return absl::UnauthenticatedError(
          "an API key is required: send it in metadata x-api-key (or authorization: Bearer "
          "<key>)");
    }
    tenant = std::string(kDefaultTenant);
  } else {
    // Every digest is compared, whichever matches, so the time taken does
    // not depend on which key (if any) matched.
    const std::array<uint8_t, 32> presented = Sha256(api_key);
    const Entry* match = nullptr;
    for (const Entry& entry : entries_) {
      const bool equal =
          CRYPTO_memcmp(entry.digest.data(), presented.data(), presented.size()) == 0;
      if (equal && match == nullptr) match = &entry;
    }
    if (match == nullptr) return absl::UnauthenticatedError("the API key is not valid");
    tenant = match->tenant;
  }
  if (!requested_tenant.empty() && requested_tenant != tenant) {
    return absl::PermissionDeniedError(
        absl::StrCat("x-tenant: the caller may not act for tenant '", requested_tenant, "'"));
  }
  return tenant;
}

std::vector<std::string> ApiKeyAuthenticator::tenants() const { return tenants_; }

absl::string_view ApiKeyFromHeaders(absl::string_view x_api_key, absl::string_view authorization) {
  x_api_key = absl::StripAsciiWhitespace(x_api_key);
  if (!x_api_key.empty()) return x_api_key;
  authorization = absl::StripAsciiWhitespace(authorization);
  if (authorization.size() > 7 && absl::StartsWithIgnoreCase(authorization, "bearer ")) {
    return absl::StripAsciiWhitespace(authorization.substr(7));
  }
  return "";
}

std::string HashApiKey(absl::string_view key) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const std::array<uint8_t, 32> digest = Sha256(key);
  std::string hex;
  hex.reserve(64);
  for (uint8_t byte : digest) {
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0xf]);
  }
  return hex;
}

bool IsApiKeyDigest(absl::string_view digest) {
  if (digest.size() != 64) return false;
  for (char c : digest) {
    if (HexValue(c) < 0) return false;
  }
  return true;
}

absl::Status ValidateTenantName(absl::string_view name) {
  if (name.empty() || name.size() > 64) {
    return absl::InvalidArgumentError("a tenant name has 1 to 64 characters");
  }
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      return absl::InvalidArgumentError(absl::StrCat(
          "a tenant name may hold only a-z, 0-9, '_' and '-' (it names cache and audit keys), "
          "found '",
          std::string(1, c), "'"));
    }
  }
  return absl::OkStatus();
}

}  // namespace trackenrich::auth
