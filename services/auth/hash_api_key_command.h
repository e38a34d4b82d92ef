// `trackenrich --hash_api_key`: reads one API key from stdin and prints the
// SHA-256 digest that goes in tenants.<name>.api_keys, so that the key itself
// never has to be written into a config file or a command line.
//
//   $ printf '%s' "$NEW_KEY" | trackenrich --hash_api_key
//   9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
#ifndef TRACKENRICH_SERVICES_AUTH_HASH_API_KEY_COMMAND_H_
#define TRACKENRICH_SERVICES_AUTH_HASH_API_KEY_COMMAND_H_

#include <istream>
#include <ostream>

namespace trackenrich::auth {

// Surrounding whitespace (a trailing newline) is not part of the key. Returns
// the exit code: 0, or 2 when `in` holds no key (said on `err`).
int RunHashApiKeyCommand(std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace trackenrich::auth

#endif  // TRACKENRICH_SERVICES_AUTH_HASH_API_KEY_COMMAND_H_
