// Reading the service config's JSON: ObjectReader walks one object of the
// document, reads the keys a section knows (strings, numbers, durations,
// secrets by reference, lists, nested objects), rejects the rest, and
// records what it read, with the defaults, for the effective config
// (effective_config.h). The sections themselves (service_config.cc) say
// which keys there are; this file knows only how to read one.
//
//   ObjectReader reader(object, "cache");
//   TE_RETURN_IF_ERROR(reader.Duration("ttl", &config->cache.ttl));
//   TE_RETURN_IF_ERROR(reader.Done());  // "cache.tll: unknown key"
//
// Errors are INVALID_ARGUMENT naming the key by its dotted path
// ("carriers.ups.client_secret: environment variable UPS_SECRET is not set").
#ifndef TRACKENRICH_SERVICES_CONFIG_CONFIG_READER_H_
#define TRACKENRICH_SERVICES_CONFIG_CONFIG_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "boost/json/object.hpp"
#include "boost/json/value.hpp"

#include "adapters/carrier.h"
#include "services/config/effective_config.h"

namespace trackenrich::server {

#define TE_RETURN_IF_ERROR(expr)                       \
  do {                                                 \
    if (absl::Status _s = (expr); !_s.ok()) return _s; \
  } while (false)

// INVALID_ARGUMENT "<key>: <problem>".
absl::Status KeyError(absl::string_view key, absl::string_view problem);

// "prefix.key", or "key" under the root.
std::string Join(absl::string_view prefix, absl::string_view key);

// Where the readers of the parse under way record what they read: set by
// ScopedRecording (ParseServiceConfig, for its duration) so that the section
// readers need not pass it along; null outside a parse.
EffectiveConfig* CurrentRecording();

class ScopedRecording {
 public:
  explicit ScopedRecording(EffectiveConfig* effective);
  ~ScopedRecording();
  ScopedRecording(const ScopedRecording&) = delete;
  ScopedRecording& operator=(const ScopedRecording&) = delete;

 private:
  EffectiveConfig* previous_;
};

// Walks one JSON object, reading known keys and rejecting the rest.
class ObjectReader {
 public:
  ObjectReader(const boost::json::object& object, std::string path)
      : object_(object), path_(std::move(path)) {}

  absl::Status String(absl::string_view key, std::string* out);
  absl::Status Bool(absl::string_view key, bool* out);
  // Left unset (null in the recorded config) when the key is absent.
  absl::Status OptionalBool(absl::string_view key, std::optional<bool>* out);
  absl::Status Int(absl::string_view key, int64_t min, int64_t max, int64_t* out);
  // Durations are strings such as "250ms", "15m", "24h" (absl::ParseDuration).
  absl::Status Duration(absl::string_view key, absl::Duration* out);
  // A secret given by reference: {"env": "NAME"} or {"file": "/path"}. An
  // unset variable, or a missing or empty file, is an error naming the key.
  absl::Status Secret(absl::string_view key, std::string* out);
  // An array of strings.
  absl::Status StringList(absl::string_view key, std::vector<std::string>* out);
  absl::Status Number(absl::string_view key, double min, double max, double* out);
  // The object at `key`; null when the key is absent.
  absl::StatusOr<const boost::json::object*> Object(absl::string_view key);

  // Fails on any key that was not read.
  absl::Status Done() const;

  const std::string& path() const { return path_; }

 private:
  const boost::json::value* Take(absl::string_view key);
  // Records the value `key` ended up with, from the file or the default.
  void Record(absl::string_view key, const boost::json::value& value);

  const boost::json::object& object_;
  std::string path_;
  absl::flat_hash_set<std::string> taken_;
};

// Lets a carrier's descriptor read its section through an ObjectReader.
class CarrierSectionReader final : public adapters::SectionReader {
 public:
  explicit CarrierSectionReader(ObjectReader& reader) : reader_(reader) {}
  absl::Status String(absl::string_view key, std::string* out) override {
    return reader_.String(key, out);
  }
  absl::Status Secret(absl::string_view key, std::string* out) override {
    return reader_.Secret(key, out);
  }
  absl::Status Duration(absl::string_view key, absl::Duration* out) override {
    return reader_.Duration(key, out);
  }
  absl::Status Int(absl::string_view key, int64_t min, int64_t max, int64_t* out) override {
    return reader_.Int(key, min, max, out);
  }
  absl::Status Invalid(absl::string_view key, absl::string_view message) const override {
    return KeyError(key.empty() ? reader_.path() : Join(reader_.path(), key), message);
  }

 private:
  ObjectReader& reader_;
};

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_CONFIG_CONFIG_READER_H_
