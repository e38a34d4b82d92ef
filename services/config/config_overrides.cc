#include "services/config/config_overrides.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "boost/json.hpp"

extern char** environ;

namespace trackenrich::server {
namespace {

namespace json = boost::json;

// True when `inner` is `outer` or a key inside it ("a.b" or "a[0]" in "a").
bool IsWithin(absl::string_view inner, absl::string_view outer) {
  if (!absl::StartsWith(inner, outer)) return false;
  return inner.size() == outer.size() || inner[outer.size()] == '.' || inner[outer.size()] == '[';
}

json::value OverrideValue(const ConfigOverride& override_entry) {
  if (override_entry.json_value) {
    boost::system::error_code error;
    json::value parsed = json::parse(override_entry.value, error);
    if (!error) return parsed;
  }
  return json::value(json::string(override_entry.value));
}

}  // namespace

absl::StatusOr<std::vector<ConfigOverride>> ConfigOverridesFromEnvironment(
    const std::vector<std::string>& environment) {
  std::vector<std::pair<std::string, std::string>> variables;
  for (const std::string& entry : environment) {
    const size_t equals = entry.find('=');
    if (equals == std::string::npos) continue;
    std::string name = entry.substr(0, equals);
    if (!absl::StartsWith(name, kConfigEnvPrefix)) continue;
    variables.emplace_back(std::move(name), entry.substr(equals + 1));
  }
  std::sort(variables.begin(), variables.end());

  std::vector<ConfigOverride> overrides;
  for (auto& [name, value] : variables) {
    const std::string source = absl::StrCat("environment variable ", name);
    std::vector<std::string> levels =
        absl::StrSplit(absl::string_view(name).substr(kConfigEnvPrefix.size()), "__");
    for (std::string& level : levels) {
      if (level.empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            source, ": empty key level (levels are separated by \"__\", e.g. ", kConfigEnvPrefix,
            "CACHE__MEMORY_MAX_ENTRIES for cache.memory_max_entries)"));
      }
      absl::AsciiStrToLower(&level);
    }
    overrides.push_back({.key = absl::StrJoin(levels, "."),
                         .value = std::move(value),
                         .json_value = true,
                         .source = source});
  }
  return overrides;
}

std::vector<std::string> ProcessEnvironment() {
  std::vector<std::string> entries;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    entries.emplace_back(*entry);
  }
  return entries;
}

ConfigOverride FlagOverride(absl::string_view flag, absl::string_view value) {
  return {.key = std::string(flag),
          .value = std::string(value),
          .json_value = false,
          .source = absl::StrCat("flag --", flag)};
}

absl::Status ApplyConfigOverrides(const std::vector<ConfigOverride>& overrides,
                                  json::object& root) {
  for (const ConfigOverride& override_entry : overrides) {
    const std::vector<std::string> levels = absl::StrSplit(override_entry.key, '.');
    json::object* section = &root;
    std::string path;
    for (size_t i = 0; i + 1 < levels.size(); ++i) {
      path = path.empty() ? levels[i] : absl::StrCat(path, ".", levels[i]);
      json::value& next = (*section)[levels[i]];
      if (next.is_null()) next = json::object();
      if (!next.is_object()) {
        return absl::InvalidArgumentError(absl::StrCat(override_entry.source, ": cannot set ",
                                                       override_entry.key, ", ", path,
                                                       " is not a section"));
      }
      section = &next.as_object();
    }
    (*section)[levels.back()] = OverrideValue(override_entry);
  }
  return absl::OkStatus();
}

absl::Status AttributeConfigError(const absl::Status& error,
                                  const std::vector<ConfigOverride>& overrides,
                                  const std::function<bool(absl::string_view)>& is_secret) {
  const absl::string_view message = error.message();
  const size_t colon = message.find(": ");
  if (error.ok() || colon == absl::string_view::npos) return error;
  const absl::string_view key = message.substr(0, colon);
  if (absl::StrContains(key, ' ')) return error;
  // The last override applied wins, so it is the one to name.
  for (auto it = overrides.rbegin(); it != overrides.rend(); ++it) {
    if (!IsWithin(key, it->key) && !IsWithin(it->key, key)) continue;
    std::string annotated = absl::StrCat(message, " (set by ", it->source, ", key ", it->key, ")");
    if (is_secret && is_secret(key)) {
      absl::StrAppend(&annotated,
                      "; a secret is overridden only by reference, {\"env\": \"NAME\"} or "
                      "{\"file\": \"PATH\"}, never by its value");
    }
    return absl::Status(error.code(), annotated);
  }
  return error;
}

}  // namespace trackenrich::server
