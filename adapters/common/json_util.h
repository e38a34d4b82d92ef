// Small, exception-free accessors over Boost.JSON values for the pure parsers.
// Include only from parser .cc files: Boost.JSON is heavy.
//
//   auto root = ParseJsonObject("ups", response.body);
//   std::string code = JsonString(*root, {"status", "code"});
#ifndef TRACKENRICH_ADAPTERS_COMMON_JSON_UTIL_H_
#define TRACKENRICH_ADAPTERS_COMMON_JSON_UTIL_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "boost/json/value.hpp"

namespace trackenrich::adapters {

// Parses `body`; a syntax error or a non-object top level is a malformed
// payload (UNAVAILABLE) naming `adapter`.
absl::StatusOr<boost::json::object> ParseJsonObject(absl::string_view adapter,
                                                    absl::string_view body);

// Follows `path` through nested objects; nullptr where any step is missing.
const boost::json::value* JsonFind(const boost::json::value& root,
                                   std::initializer_list<std::string_view> path);

// The string at `path`, or "" when missing or not a string. Numbers are
// rendered as text (some carriers send codes as numbers).
std::string JsonString(const boost::json::value& root,
                       std::initializer_list<std::string_view> path);

// The array at `path`, or nullptr.
const boost::json::array* JsonArray(const boost::json::value& root,
                                    std::initializer_list<std::string_view> path);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_JSON_UTIL_H_
