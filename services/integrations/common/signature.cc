#include "services/integrations/common/signature.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "absl/strings/escaping.h"
#include "absl/strings/strip.h"

namespace trackenrich::integrations {

std::string Base64Hmac(HmacAlgorithm algorithm, absl::string_view key, absl::string_view message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(algorithm == HmacAlgorithm::kSha1 ? EVP_sha1() : EVP_sha256(), key.data(),
       static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), digest, &length);
  return absl::Base64Escape(
      absl::string_view(reinterpret_cast<const char*>(digest), static_cast<size_t>(length)));
}

bool SecretsEqual(absl::string_view a, absl::string_view b) {
  // Both sides hashed first, so the comparison time does not depend on
  // where they differ, nor (beyond hashing) on how long the secret is.
  unsigned char digest_a[SHA256_DIGEST_LENGTH];
  unsigned char digest_b[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(a.data()), a.size(), digest_a);
  SHA256(reinterpret_cast<const unsigned char*>(b.data()), b.size(), digest_b);
  return CRYPTO_memcmp(digest_a, digest_b, sizeof(digest_a)) == 0;
}

bool VerifyBase64Hmac(HmacAlgorithm algorithm, absl::string_view key, absl::string_view message,
                      absl::string_view presented) {
  presented = absl::StripAsciiWhitespace(presented);
  if (presented.empty()) return false;
  return SecretsEqual(Base64Hmac(algorithm, key, message), presented);
}

}  // namespace trackenrich::integrations
