#include "adapters/common/json_util.h"

#include "absl/strings/str_cat.h"
#include "boost/json/parse.hpp"

#include "adapters/common/upstream_status.h"

namespace trackenrich::adapters {

absl::StatusOr<boost::json::object> ParseJsonObject(absl::string_view adapter,
                                                    absl::string_view body) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(std::string_view(body.data(), body.size()), error);
  if (error) return MalformedPayload(adapter, absl::StrCat("invalid JSON (", error.message(), ")"));
  if (!value.is_object()) return MalformedPayload(adapter, "top level is not a JSON object");
  return std::move(value.as_object());
}

const boost::json::value* JsonFind(const boost::json::value& root,
                                   std::initializer_list<std::string_view> path) {
  const boost::json::value* current = &root;
  for (std::string_view key : path) {
    const auto* object = current->if_object();
    if (object == nullptr) return nullptr;
    current = object->if_contains(key);
    if (current == nullptr) return nullptr;
  }
  return current;
}

std::string JsonString(const boost::json::value& root,
                       std::initializer_list<std::string_view> path) {
  const boost::json::value* value = JsonFind(root, path);
  if (value == nullptr) return "";
  if (const auto* text = value->if_string()) return std::string(*text);
  if (const auto* number = value->if_int64()) return absl::StrCat(*number);
  if (const auto* number = value->if_uint64()) return absl::StrCat(*number);
  return "";
}

const boost::json::array* JsonArray(const boost::json::value& root,
                                    std::initializer_list<std::string_view> path) {
  const boost::json::value* value = JsonFind(root, path);
  return value == nullptr ? nullptr : value->if_array();
}

}  // namespace trackenrich::adapters
