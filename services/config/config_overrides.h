// Overrides of config keys on top of the JSON file, from the environment and
// from flags (flags win over the environment, the environment over the file).
//
//   TRACKENRICH__CACHE__MEMORY_MAX_ENTRIES=5000   sets cache.memory_max_entries
//   TRACKENRICH__REDIS__ADDRESS=redis:6379        sets redis.address
//   TRACKENRICH__CARRIERS__UPS__CLIENT_SECRET='{"env": "UPS_SECRET"}'
//
// After the prefix, "__" separates levels and names are lower-cased. A value
// that parses as JSON (a number, true/false, an object) is taken as that
// JSON, anything else as a string ("redis:6379", "250ms"); quote it
// ('"123"') to force a string. The overrides are merged into the JSON
// document before it is parsed, so every check of the file applies to them
// too (an unknown key, a wrong type, a secret given as a literal), and an
// error caused by an override names it:
//
//   cache.capacity: unknown key (set by environment variable
//   TRACKENRICH__CACHE__CAPACITY, key cache.capacity)
//
// A secret field can be overridden only by reference: its override's value
// must itself be {"env": "NAME"} or {"file": "PATH"}; a literal is refused
// without being echoed.
#ifndef TRACKENRICH_SERVICES_CONFIG_CONFIG_OVERRIDES_H_
#define TRACKENRICH_SERVICES_CONFIG_CONFIG_OVERRIDES_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "boost/json/fwd.hpp"

namespace trackenrich::server {

inline constexpr absl::string_view kConfigEnvPrefix = "TRACKENRICH__";

struct ConfigOverride {
  // Dotted key path: "cache.memory_max_entries".
  std::string key;
  std::string value;
  // Take `value` as JSON when it parses as JSON; false: always a string.
  bool json_value = true;
  // Named in errors: "environment variable TRACKENRICH__CACHE__MEMORY_MAX_ENTRIES".
  std::string source;
};

// The overrides among `environment` ("NAME=VALUE" entries, as in environ),
// sorted by name, so that a whole section (TRACKENRICH__CACHE='{...}') comes
// before the keys inside it. Variables without the prefix are ignored; an
// empty level (TRACKENRICH__CACHE____TTL) is an error naming the variable.
absl::StatusOr<std::vector<ConfigOverride>> ConfigOverridesFromEnvironment(
    const std::vector<std::string>& environment);

// The process's environment as "NAME=VALUE" entries.
std::vector<std::string> ProcessEnvironment();

// An override set by a flag: `--grpc_listen=...` sets grpc_listen, as a string.
ConfigOverride FlagOverride(absl::string_view flag, absl::string_view value);

// Sets each override's key in `root`, in order (a later one wins), creating
// missing sections. Fails, naming the override, when a level on the way is
// not a section (TRACKENRICH__GRPC_LISTEN__HOST).
absl::Status ApplyConfigOverrides(const std::vector<ConfigOverride>& overrides,
                                  boost::json::object& root);

// `error` ("key: problem", from parsing the merged document) with the
// override that set that key, or a section around it or a key inside it,
// named. When `is_secret(key)`, also says that a secret's override must be a
// reference. Other errors come back as they are.
absl::Status AttributeConfigError(const absl::Status& error,
                                  const std::vector<ConfigOverride>& overrides,
                                  const std::function<bool(absl::string_view)>& is_secret);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_CONFIG_CONFIG_OVERRIDES_H_
