#include "services/config/config_reader.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

namespace trackenrich::server {
namespace {

namespace json = boost::json;

thread_local EffectiveConfig* recording = nullptr;

}  // namespace

absl::Status KeyError(absl::string_view key, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(key, ": ", problem));
}

std::string Join(absl::string_view prefix, absl::string_view key) {
  return prefix.empty() ? std::string(key) : absl::StrCat(prefix, ".", key);
}

EffectiveConfig* CurrentRecording() { return recording; }

ScopedRecording::ScopedRecording(EffectiveConfig* effective) : previous_(recording) {
  recording = effective;
}

ScopedRecording::~ScopedRecording() { recording = previous_; }

absl::Status ObjectReader::String(absl::string_view key, std::string* out) {
  if (const json::value* value = Take(key); value != nullptr) {
    if (!value->is_string()) return KeyError(Join(path_, key), "must be a string");
    *out = std::string(value->as_string());
  }
  Record(key, json::string(*out));
  return absl::OkStatus();
}

absl::Status ObjectReader::Bool(absl::string_view key, bool* out) {
  if (const json::value* value = Take(key); value != nullptr) {
    if (!value->is_bool()) return KeyError(Join(path_, key), "must be true or false");
    *out = value->as_bool();
  }
  Record(key, *out);
  return absl::OkStatus();
}

absl::Status ObjectReader::OptionalBool(absl::string_view key, std::optional<bool>* out) {
  if (const json::value* value = Take(key); value != nullptr) {
    if (!value->is_bool()) return KeyError(Join(path_, key), "must be true or false");
    *out = value->as_bool();
  }
  Record(key, out->has_value() ? json::value(**out) : json::value(nullptr));
  return absl::OkStatus();
}

absl::Status ObjectReader::Int(absl::string_view key, int64_t min, int64_t max, int64_t* out) {
  if (const json::value* value = Take(key); value != nullptr) {
    if (!value->is_int64() && !value->is_uint64()) {
      return KeyError(Join(path_, key), "must be a whole number");
    }
    const int64_t number =
        value->is_int64() ? value->as_int64() : static_cast<int64_t>(value->as_uint64());
    if (number < min || number > max) {
      return KeyError(Join(path_, key), absl::StrCat("must be between ", min, " and ", max));
    }
    *out = number;
  }
  Record(key, *out);
  return absl::OkStatus();
}

absl::Status ObjectReader::Duration(absl::string_view key, absl::Duration* out) {
  if (const json::value* value = Take(key); value != nullptr) {
    absl::Duration duration;
    if (!value->is_string() || !absl::ParseDuration(std::string(value->as_string()), &duration) ||
        duration < absl::ZeroDuration()) {
      return KeyError(Join(path_, key), "must be a duration such as \"250ms\", \"15m\" or \"24h\"");
    }
    *out = duration;
  }
  Record(key, json::string(absl::FormatDuration(*out)));
  return absl::OkStatus();
}

absl::Status ObjectReader::Secret(absl::string_view key, std::string* out) {
  const std::string where = Join(path_, key);
  if (EffectiveConfig* recording = CurrentRecording(); recording != nullptr)
    recording->MarkSecret(where);
  const json::value* value = Take(key);
  if (value == nullptr) return absl::OkStatus();
  if (!value->is_object()) {
    return KeyError(where,
                    "secrets are given by reference: {\"env\": \"NAME\"} or {\"file\": \"PATH\"}");
  }
  const json::object& ref = value->as_object();
  if (ref.size() != 1 || !(ref.contains("env") || ref.contains("file")) ||
      !ref.begin()->value().is_string()) {
    return KeyError(where, "expected exactly one of {\"env\": \"NAME\"} or {\"file\": \"PATH\"}");
  }
  const std::string name(ref.begin()->value().as_string());
  if (ref.contains("env")) {
    const char* env = std::getenv(name.c_str());
    if (env == nullptr || *env == '\0') {
      return KeyError(where, absl::StrCat("environment variable ", name, " is not set"));
    }
    *out = env;
  } else {
    std::ifstream file(name);
    if (!file) return KeyError(where, absl::StrCat("cannot read secret file ", name));
    std::stringstream contents;
    contents << file.rdbuf();
    *out = std::string(absl::StripTrailingAsciiWhitespace(contents.str()));
    if (out->empty()) return KeyError(where, absl::StrCat("secret file ", name, " is empty"));
  }
  if (EffectiveConfig* recording = CurrentRecording(); recording != nullptr)
    recording->NoteSecretValue(*out);
  // The reference, never the value.
  Record(key, *value);
  return absl::OkStatus();
}

absl::Status ObjectReader::StringList(absl::string_view key, std::vector<std::string>* out) {
  if (const json::value* value = Take(key); value != nullptr) {
    if (!value->is_array()) return KeyError(Join(path_, key), "must be an array of strings");
    out->clear();
    for (const json::value& item : value->as_array()) {
      if (!item.is_string()) return KeyError(Join(path_, key), "must be an array of strings");
      out->push_back(std::string(item.as_string()));
    }
  }
  json::array items;
  for (const std::string& item : *out) items.emplace_back(json::string(item));
  Record(key, std::move(items));
  return absl::OkStatus();
}

absl::Status ObjectReader::Number(absl::string_view key, double min, double max, double* out) {
  if (const json::value* value = Take(key); value != nullptr) {
    if (!value->is_number()) return KeyError(Join(path_, key), "must be a number");
    const double number = value->is_double()  ? value->as_double()
                          : value->is_int64() ? static_cast<double>(value->as_int64())
                                              : static_cast<double>(value->as_uint64());
    if (number < min || number > max) {
      return KeyError(Join(path_, key), absl::StrCat("must be between ", min, " and ", max));
    }
    *out = number;
  }
  Record(key, *out);
  return absl::OkStatus();
}

absl::StatusOr<const json::object*> ObjectReader::Object(absl::string_view key) {
  const json::value* value = Take(key);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) return KeyError(Join(path_, key), "must be an object");
  if (EffectiveConfig* recording = CurrentRecording(); recording != nullptr)
    recording->AddSection(Join(path_, key));
  return &value->as_object();
}

absl::Status ObjectReader::Done() const {
  for (const auto& entry : object_) {
    const std::string key(entry.key());
    if (!taken_.contains(key)) return KeyError(Join(path_, key), "unknown key");
  }
  return absl::OkStatus();
}

const json::value* ObjectReader::Take(absl::string_view key) {
  taken_.insert(std::string(key));
  return object_.if_contains(std::string_view(key.data(), key.size()));
}

void ObjectReader::Record(absl::string_view key, const json::value& value) {
  if (EffectiveConfig* recording = CurrentRecording(); recording != nullptr)
    recording->Set(Join(path_, key), value);
}

}  // namespace trackenrich::server
