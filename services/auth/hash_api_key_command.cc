#include "services/auth/hash_api_key_command.h"

#include <iterator>
#include <string>

#include "absl/strings/ascii.h"

#include "services/auth/api_key_auth.h"

namespace trackenrich::auth {

int RunHashApiKeyCommand(std::istream& in, std::ostream& out, std::ostream& err) {
  const std::string input((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const absl::string_view key = absl::StripAsciiWhitespace(input);
  if (key.empty()) {
    err << "trackenrich: --hash_api_key reads the key from stdin, and stdin was empty\n";
    return 2;
  }
  out << HashApiKey(key) << "\n";
  return 0;
}

}  // namespace trackenrich::auth
