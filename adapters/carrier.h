// A carrier, described once: the config section it reads (carriers.<name>:
// base URL, options and credentials as secret references), which of those
// credentials a tenant may replace with its own, the sandbox's stand-ins for
// them, how its adapter is registered, and what the rest of the service
// knows of it: its tracking-number formats and the S10 country suffixes it
// owns (detection), its tracking page and names in the five reply languages,
// the words buyers call it by in tickets, its crosswalk tables
// (adapters/CROSSWALKS.md) and its sandbox routes. Each carrier's descriptor
// lives in its own folder (adapters/<name>/<name>_carrier.cc); the one list
// adapters/carriers.txt names the folders, CMake compiles each listed folder
// and generates AllCarriers() from it, and detection, tracking links, the
// config reader, the wiring, /readyz, the sandbox, the crosswalk document and
// ticket enrichment go over that list, so adding a carrier touches its
// folder and one line (adapters/PLUGINS.md says how).
//
//   for (const CarrierDescriptor* carrier : AllCarriers()) {
//     std::unique_ptr<CarrierSection> section = carrier->NewSection();
//     section->UseSandbox(sandbox_url);          // or section->Read(reader)
//     section->Register(registry, http_client);
//   }
#ifndef TRACKENRICH_ADAPTERS_CARRIER_H_
#define TRACKENRICH_ADAPTERS_CARRIER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"

#include "adapters/detection/tracking_number_formats.h"
#include "cache/rate_limiter.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::http {
class HttpClient;
}  // namespace trackenrich::http

namespace trackenrich::adapters {

class AdapterRegistry;
struct Crosswalk;

// The test credentials every sandbox route accepts (services/sandbox).
inline constexpr absl::string_view kSandboxClientId = "sandbox-client-id";
inline constexpr absl::string_view kSandboxClientSecret = "sandbox-client-secret";
inline constexpr absl::string_view kSandboxApiKey = "sandbox-dhl-api-key";
inline constexpr absl::string_view kSandboxRefreshToken = "sandbox-refresh-token";

// What a config section offers a carrier to read. Keys not read are errors
// (the reader's owner checks); errors name the key under the section's path.
class SectionReader {
 public:
  virtual ~SectionReader() = default;
  virtual absl::Status String(absl::string_view key, std::string* out) = 0;
  // A secret by reference ({"env": "NAME"} or {"file": "PATH"}), resolved.
  virtual absl::Status Secret(absl::string_view key, std::string* out) = 0;
  virtual absl::Status Duration(absl::string_view key, absl::Duration* out) = 0;
  virtual absl::Status Int(absl::string_view key, int64_t min, int64_t max, int64_t* out) = 0;
  // INVALID_ARGUMENT naming `key` under the section ("" names the section).
  virtual absl::Status Invalid(absl::string_view key, absl::string_view message) const = 0;
};

// "client_id and client_secret go together", "a, b and c go together".
std::string GoTogether(absl::Span<const absl::string_view> keys);

// A tenant's own credentials for one carrier, by credential key.
using CarrierCredentials = absl::flat_hash_map<std::string, std::string>;

// One carrier's settings as the config gives them, able to register its
// adapter.
class CarrierSection {
 public:
  virtual ~CarrierSection() = default;

  // Reads the section: base URL, options, credentials. INVALID_ARGUMENT
  // naming the key for a bad value or an incomplete set of credentials.
  virtual absl::Status Read(SectionReader& reader) = 0;
  // The credential keys ("client_id", "client_secret"), each a secret.
  virtual std::vector<absl::string_view> CredentialKeys() const = 0;
  // Replaces the credentials `credentials` names (a tenant's own).
  virtual void OverrideCredentials(const CarrierCredentials& credentials) = 0;
  // Points the section at the sandbox (`base_url`) with its test credentials.
  virtual void UseSandbox(absl::string_view base_url) = 0;
  virtual std::unique_ptr<CarrierSection> Clone() const = 0;
  // Adds the carrier's adapter to `registry`. INVALID_ARGUMENT naming
  // carriers.<name>.base_url when it does not parse.
  virtual absl::Status Register(AdapterRegistry& registry, http::HttpClient& client) const = 0;
};

// The usual shape of a section: a Settings struct (with a `base_url`) whose
// string credential fields go together (all set or none), described by a
// CarrierSpec: the credential table, the other keys, the registration.
template <typename Settings>
struct CarrierSpec {
  struct Credential {
    absl::string_view key;
    std::string Settings::*field;
    // What the sandbox accepts for it.
    absl::string_view sandbox_value;
  };
  absl::Span<const Credential> credentials;
  // Reads the keys besides the credentials (base_url and the carrier's options).
  absl::Status (*read_options)(SectionReader& reader, Settings& settings);
  absl::Status (*register_adapter)(AdapterRegistry& registry, http::HttpClient& client,
                                   Settings settings);
  // Checks across keys once all are read; null: none.
  absl::Status (*check)(SectionReader& reader, const Settings& settings) = nullptr;
  // Points the settings at the sandbox; null: `base_url` alone.
  void (*use_sandbox_url)(absl::string_view base_url, Settings& settings) = nullptr;
};

template <typename Settings>
class CarrierSectionOf final : public CarrierSection {
 public:
  explicit CarrierSectionOf(const CarrierSpec<Settings>& spec) : spec_(spec) {}

  Settings settings;

  absl::Status Read(SectionReader& reader) override {
    if (absl::Status status = spec_.read_options(reader, settings); !status.ok()) return status;
    size_t given = 0;
    for (const auto& credential : spec_.credentials) {
      if (absl::Status status = reader.Secret(credential.key, &(settings.*credential.field));
          !status.ok()) {
        return status;
      }
      given += !(settings.*credential.field).empty();
    }
    if (given != 0 && given != spec_.credentials.size()) {
      return reader.Invalid("", GoTogether(CredentialKeys()));
    }
    return spec_.check == nullptr ? absl::OkStatus() : spec_.check(reader, settings);
  }
  std::vector<absl::string_view> CredentialKeys() const override {
    std::vector<absl::string_view> keys;
    for (const auto& credential : spec_.credentials) keys.push_back(credential.key);
    return keys;
  }
  void OverrideCredentials(const CarrierCredentials& credentials) override {
    for (const auto& credential : spec_.credentials) {
      auto it = credentials.find(credential.key);
      if (it != credentials.end() && !it->second.empty()) {
        settings.*credential.field = it->second;
      }
    }
  }
  void UseSandbox(absl::string_view base_url) override {
    if (spec_.use_sandbox_url != nullptr) {
      spec_.use_sandbox_url(base_url, settings);
    } else {
      settings.base_url = std::string(base_url);
    }
    for (const auto& credential : spec_.credentials) {
      settings.*credential.field = std::string(credential.sandbox_value);
    }
  }
  std::unique_ptr<CarrierSection> Clone() const override {
    return std::make_unique<CarrierSectionOf>(*this);
  }
  absl::Status Register(AdapterRegistry& registry, http::HttpClient& client) const override {
    return spec_.register_adapter(registry, client, settings);
  }

 private:
  const CarrierSpec<Settings>& spec_;
};

// A carrier's name as replies in each language write it; an empty one is
// the English name.
struct LocalizedNames {
  absl::string_view en;
  absl::string_view it;
  absl::string_view de;
  absl::string_view fr;
  absl::string_view es;

  // The name for `language` ("it"), the English one for any other.
  absl::string_view For(absl::string_view language) const;
};

// One of a carrier's crosswalk tables (adapters/common/crosswalk.h).
using CrosswalkTable = const Crosswalk& (*)();

// What tests and the sandbox's fault injection know of a carrier's sandbox
// routes. The scenarios themselves live in adapters/<name>/sandbox/, which
// only the service (never the adapters) compiles; see adapters/PLUGINS.md.
struct CarrierSandboxRoutes {
  // The path prefix its tracking call goes to (a fault's "path").
  absl::string_view track_path;
  // The counter of its token or login calls ("dpd.login"); "" for an API-key
  // carrier.
  absl::string_view token_route;
};

struct CarrierDescriptor {
  // The carrier's lower-case name: its config section (carriers.<name>),
  // adapter name in metrics and logs, rate-limit key and sandbox counter
  // prefix ("ups").
  absl::string_view name;
  // A section with every default.
  std::unique_ptr<CarrierSection> (*new_section)();
  // The carrier its adapter answers for.
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
  // Shown to agents and in replies ("DPD"); `names.en` is the display name.
  LocalizedNames names;
  // Its public tracking page: url_prefix + number + url_suffix ("" for none).
  absl::string_view tracking_url_prefix;
  absl::string_view tracking_url_suffix;
  // Its tracking-number formats (detection/tracking_number_formats.h); when
  // given they replace any central entry for the same carrier.
  absl::Span<const detection::TrackingNumberFormat> formats;
  // The S10 country suffixes whose numbers it carries ("GB"): such numbers
  // are detected as this carrier, and routed to its adapter.
  absl::Span<const absl::string_view> s10_countries;
  // Folded words (services/enrichment/text_matcher.h) buyers name it by in
  // tickets; a trailing '*' matches any word it begins ("dpd").
  absl::Span<const absl::string_view> ticket_words;
  // Its crosswalk tables, in the order adapters/CROSSWALKS.md prints them.
  absl::Span<const CrosswalkTable> crosswalks;
  CarrierSandboxRoutes sandbox;
  // The carrier's published rate limit, per tenant, in the shared limiter
  // (services/server/carrier_wiring.h: CarrierRateLimits); the config's
  // carriers.<name>.rate_limit replaces it. Unlimited by default.
  cache::RateLimit rate_limit;

  std::unique_ptr<CarrierSection> NewSection() const { return new_section(); }
};

// Every carrier with an adapter, in the order adapters/carriers.txt lists
// them (the order they are registered); generated by CMake from that list.
absl::Span<const CarrierDescriptor* const> AllCarriers();
// The carrier named `name`, or null.
const CarrierDescriptor* FindCarrier(absl::string_view name);
// The descriptor whose adapter answers for `carrier`, or null.
const CarrierDescriptor* DescriptorOf(v1::Carrier carrier);

// The settings of `section` when it is a CarrierSectionOf<Settings>, else null.
template <typename Settings>
const Settings* SettingsOf(const CarrierSection* section) {
  const auto* typed = dynamic_cast<const CarrierSectionOf<Settings>*>(section);
  return typed == nullptr ? nullptr : &typed->settings;
}

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_CARRIER_H_
