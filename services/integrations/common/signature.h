// Request signatures the help desks send, verified over the raw body:
//   Help Scout (legacy dynamic app): X-HelpScout-Signature =
//     base64(HMAC-SHA1(secret key, body))
//     (https://developer.helpscout.com/apps/legacy-custom-apps/dynamic/);
//   Zendesk webhooks: X-Zendesk-Webhook-Signature =
//     base64(HMAC-SHA256(signing secret, timestamp + body)), the timestamp in
//     X-Zendesk-Webhook-Signature-Timestamp
//     (https://developer.zendesk.com/documentation/webhooks/verifying/);
//   a static shared secret in a header (Freshdesk's "Trigger webhook" action
//   carries custom headers, no signature).
//
//   if (!VerifyBase64Hmac(HmacAlgorithm::kSha1, secret, body, header)) -> 401
//
// Every comparison is constant-time (CRYPTO_memcmp over equal lengths).
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_SIGNATURE_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_SIGNATURE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace trackenrich::integrations {

enum class HmacAlgorithm { kSha1, kSha256 };

// base64 (standard alphabet, padded) of HMAC(key, message).
std::string Base64Hmac(HmacAlgorithm algorithm, absl::string_view key, absl::string_view message);

// Whether `presented` is base64(HMAC(key, message)); false for an empty one.
bool VerifyBase64Hmac(HmacAlgorithm algorithm, absl::string_view key, absl::string_view message,
                      absl::string_view presented);

// Constant-time equality of two secrets (the time depends on the lengths only).
bool SecretsEqual(absl::string_view a, absl::string_view b);

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_SIGNATURE_H_
