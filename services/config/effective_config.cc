#include "services/config/effective_config.h"

#include <charconv>
#include <cmath>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "boost/json.hpp"

namespace trackenrich::server {
namespace {

namespace json = boost::json;

// The object at `path`'s parent, created on the way; the last segment in `leaf`.
json::object& ParentOf(json::object& root, absl::string_view path, std::string* leaf) {
  std::vector<std::string> segments = absl::StrSplit(path, '.');
  *leaf = segments.back();
  json::object* current = &root;
  for (size_t i = 0; i + 1 < segments.size(); ++i) {
    json::value& next = (*current)[segments[i]];
    if (!next.is_object()) next = json::object();
    current = &next.as_object();
  }
  return *current;
}

std::string FormatNumber(const json::value& value) {
  if (value.is_int64()) return absl::StrCat(value.as_int64());
  if (value.is_uint64()) return absl::StrCat(value.as_uint64());
  const double number = value.as_double();
  if (std::isfinite(number) && std::floor(number) == number && std::fabs(number) < 1e15) {
    return absl::StrCat(static_cast<int64_t>(number));
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), number);
  return std::string(buffer, result.ptr);
}

class Printer {
 public:
  explicit Printer(const std::vector<std::string>& secret_values) : secret_values_(secret_values) {}

  void Print(const json::value& value, int depth) {
    switch (value.kind()) {
      case json::kind::object:
        PrintObject(value.as_object(), depth);
        break;
      case json::kind::array:
        PrintArray(value.as_array(), depth);
        break;
      case json::kind::string:
        PrintString(value.as_string());
        break;
      case json::kind::int64:
      case json::kind::uint64:
      case json::kind::double_:
        out_ += FormatNumber(value);
        break;
      case json::kind::bool_:
        out_ += value.as_bool() ? "true" : "false";
        break;
      case json::kind::null:
        out_ += "null";
        break;
    }
  }

  std::string Take() { return std::move(out_); }

 private:
  void PrintObject(const json::object& object, int depth) {
    if (object.empty()) {
      out_ += "{}";
      return;
    }
    out_ += "{\n";
    bool first = true;
    for (const auto& entry : object) {
      if (!first) out_ += ",\n";
      first = false;
      Indent(depth + 1);
      out_ += json::serialize(json::string(entry.key()));
      out_ += ": ";
      Print(entry.value(), depth + 1);
    }
    out_ += "\n";
    Indent(depth);
    out_ += "}";
  }

  void PrintArray(const json::array& array, int depth) {
    if (array.empty()) {
      out_ += "[]";
      return;
    }
    out_ += "[\n";
    for (size_t i = 0; i < array.size(); ++i) {
      if (i > 0) out_ += ",\n";
      Indent(depth + 1);
      Print(array[i], depth + 1);
    }
    out_ += "\n";
    Indent(depth);
    out_ += "]";
  }

  void PrintString(const json::string& text) {
    const absl::string_view view(text.data(), text.size());
    for (const std::string& secret : secret_values_) {
      if (absl::StrContains(view, secret)) {
        out_ += json::serialize(json::string(std::string(kRedacted)));
        return;
      }
    }
    out_ += json::serialize(text);
  }

  void Indent(int depth) { out_.append(static_cast<size_t>(depth) * 2, ' '); }

  const std::vector<std::string>& secret_values_;
  std::string out_;
};

}  // namespace

EffectiveConfig::EffectiveConfig() : root_(std::make_unique<json::object>()) {}

EffectiveConfig::~EffectiveConfig() = default;

void EffectiveConfig::Set(absl::string_view path, const json::value& value) {
  std::string leaf;
  ParentOf(*root_, path, &leaf)[leaf] = value;
}

void EffectiveConfig::AddSection(absl::string_view path) {
  std::string leaf;
  json::value& section = ParentOf(*root_, path, &leaf)[leaf];
  if (!section.is_object()) section = json::object();
}

void EffectiveConfig::MarkSecret(absl::string_view path) {
  secret_paths_.insert(std::string(path));
}

bool EffectiveConfig::IsSecret(absl::string_view path) const {
  return secret_paths_.contains(std::string(path));
}

void EffectiveConfig::NoteSecretValue(absl::string_view value) {
  if (!value.empty()) secret_values_.emplace_back(value);
}

std::string EffectiveConfig::ToJson() const {
  Printer printer(secret_values_);
  printer.Print(*root_, 0);
  return absl::StrCat(printer.Take(), "\n");
}

}  // namespace trackenrich::server
