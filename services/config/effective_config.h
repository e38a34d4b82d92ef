// EffectiveConfig: the configuration as the parser read it, for
// `trackenrich --check_config`. Every key the parser looked at is recorded
// with the value it ended up with (defaults included), and every secret as
// its reference ({"env": "NAME"} or {"file": "PATH"}), never its value.
//
//   EffectiveConfig effective;
//   effective.Set("cache.in_transit_ttl", boost::json::value("20m"));
//   effective.MarkSecret("redis.password");
//   effective.Set("redis.password", reference);     // {"env": "REDIS_PASSWORD"}
//   effective.NoteSecretValue(resolved_password);   // redacted wherever it shows up
//   std::string text = effective.ToJson();
//
// As a second guard, any string in the output that contains a resolved secret
// value (say, a URL a secret was pasted into) is printed as "<redacted>".
#ifndef TRACKENRICH_SERVICES_CONFIG_EFFECTIVE_CONFIG_H_
#define TRACKENRICH_SERVICES_CONFIG_EFFECTIVE_CONFIG_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "boost/json/fwd.hpp"

namespace trackenrich::server {

inline constexpr absl::string_view kRedacted = "<redacted>";

class EffectiveConfig {
 public:
  EffectiveConfig();
  ~EffectiveConfig();
  EffectiveConfig(const EffectiveConfig&) = delete;
  EffectiveConfig& operator=(const EffectiveConfig&) = delete;

  // Sets the value at a dotted path ("carriers.ups.base_url"), creating the
  // sections on the way.
  void Set(absl::string_view path, const boost::json::value& value);
  // Records that a section exists, even if nothing inside it is read.
  void AddSection(absl::string_view path);

  // Secret keys: which paths hold secrets, and the resolved values that must
  // never be printed.
  void MarkSecret(absl::string_view path);
  bool IsSecret(absl::string_view path) const;
  void NoteSecretValue(absl::string_view value);

  // Indented JSON, keys in the order they were read.
  std::string ToJson() const;

 private:
  std::unique_ptr<boost::json::object> root_;
  absl::flat_hash_set<std::string> secret_paths_;
  std::vector<std::string> secret_values_;
};

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_CONFIG_EFFECTIVE_CONFIG_H_
