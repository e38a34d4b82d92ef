// Percent-encoding for the query strings and form bodies the request builders
// write (RFC 3986 unreserved characters pass through, everything else is
// %XX), so a secret or a number with an odd character can never change the
// shape of a request.
//
//   std::string body = FormBody({{"grant_type", "client_credentials"},
//                                {"client_id", id}, {"client_secret", secret}});
//   // "grant_type=client_credentials&client_id=...&client_secret=..."
#ifndef TRACKENRICH_ADAPTERS_COMMON_FORM_ENCODING_H_
#define TRACKENRICH_ADAPTERS_COMMON_FORM_ENCODING_H_

#include <initializer_list>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"

namespace trackenrich::adapters {

// "a b&c" → "a%20b%26c".
std::string PercentEncode(absl::string_view text);

// application/x-www-form-urlencoded body (or query string) from name/value
// pairs, in the order given.
std::string FormBody(std::initializer_list<std::pair<absl::string_view, absl::string_view>> fields);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_FORM_ENCODING_H_
