#include "services/config/service_config.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "services/config/effective_config.h"
#include "services/http/http_server.h"

namespace trackenrich::server {
namespace {

namespace json = boost::json;

absl::Status KeyError(absl::string_view key, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(key, ": ", problem));
}

std::string Join(absl::string_view prefix, absl::string_view key) {
  return prefix.empty() ? std::string(key) : absl::StrCat(prefix, ".", key);
}

// Where the readers of the parse under way record what they read (set by
// ParseServiceConfig for its duration, so that the section readers need not
// pass it along).
thread_local EffectiveConfig* recording = nullptr;

class ScopedRecording {
 public:
  explicit ScopedRecording(EffectiveConfig* effective) : previous_(recording) {
    recording = effective;
  }
  ~ScopedRecording() { recording = previous_; }
  ScopedRecording(const ScopedRecording&) = delete;
  ScopedRecording& operator=(const ScopedRecording&) = delete;

 private:
  EffectiveConfig* previous_;
};

// Walks one JSON object, reading known keys and rejecting the rest.
class ObjectReader {
 public:
  ObjectReader(const json::object& object, std::string path)
      : object_(object), path_(std::move(path)) {}

  absl::Status String(absl::string_view key, std::string* out) {
    if (const json::value* value = Take(key); value != nullptr) {
      if (!value->is_string()) return KeyError(Join(path_, key), "must be a string");
      *out = std::string(value->as_string());
    }
    Record(key, json::string(*out));
    return absl::OkStatus();
  }

  absl::Status Bool(absl::string_view key, bool* out) {
    if (const json::value* value = Take(key); value != nullptr) {
      if (!value->is_bool()) return KeyError(Join(path_, key), "must be true or false");
      *out = value->as_bool();
    }
    Record(key, *out);
    return absl::OkStatus();
  }

  // Left unset (null in the recorded config) when the key is absent.
  absl::Status OptionalBool(absl::string_view key, std::optional<bool>* out) {
    if (const json::value* value = Take(key); value != nullptr) {
      if (!value->is_bool()) return KeyError(Join(path_, key), "must be true or false");
      *out = value->as_bool();
    }
    Record(key, out->has_value() ? json::value(**out) : json::value(nullptr));
    return absl::OkStatus();
  }

  absl::Status Int(absl::string_view key, int64_t min, int64_t max, int64_t* out) {
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

  // Durations are strings such as "250ms", "15m", "24h" (absl::ParseDuration).
  absl::Status Duration(absl::string_view key, absl::Duration* out) {
    if (const json::value* value = Take(key); value != nullptr) {
      absl::Duration duration;
      if (!value->is_string() || !absl::ParseDuration(std::string(value->as_string()), &duration) ||
          duration < absl::ZeroDuration()) {
        return KeyError(Join(path_, key),
                        "must be a duration such as \"250ms\", \"15m\" or \"24h\"");
      }
      *out = duration;
    }
    Record(key, json::string(absl::FormatDuration(*out)));
    return absl::OkStatus();
  }

  // A secret given by reference: {"env": "NAME"} or {"file": "/path"}. An
  // unset variable, or a missing or empty file, is an error naming the key.
  absl::Status Secret(absl::string_view key, std::string* out) {
    const std::string where = Join(path_, key);
    if (recording != nullptr) recording->MarkSecret(where);
    const json::value* value = Take(key);
    if (value == nullptr) return absl::OkStatus();
    if (!value->is_object()) {
      return KeyError(
          where, "secrets are given by reference: {\"env\": \"NAME\"} or {\"file\": \"PATH\"}");
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
    if (recording != nullptr) recording->NoteSecretValue(*out);
    // The reference, never the value.
    Record(key, *value);
    return absl::OkStatus();
  }

  // An array of strings.
  absl::Status StringList(absl::string_view key, std::vector<std::string>* out) {
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

  absl::Status Number(absl::string_view key, double min, double max, double* out) {
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

  absl::StatusOr<const json::object*> Object(absl::string_view key) {
    const json::value* value = Take(key);
    if (value == nullptr) return nullptr;
    if (!value->is_object()) return KeyError(Join(path_, key), "must be an object");
    if (recording != nullptr) recording->AddSection(Join(path_, key));
    return &value->as_object();
  }

  // Fails on any key that was not read.
  absl::Status Done() const {
    for (const auto& entry : object_) {
      const std::string key(entry.key());
      if (!taken_.contains(key)) return KeyError(Join(path_, key), "unknown key");
    }
    return absl::OkStatus();
  }

  const std::string& path() const { return path_; }

 private:
  const json::value* Take(absl::string_view key) {
    taken_.insert(std::string(key));
    return object_.if_contains(std::string_view(key.data(), key.size()));
  }

  // Records the value `key` ended up with, from the file or the default.
  void Record(absl::string_view key, const json::value& value) {
    if (recording != nullptr) recording->Set(Join(path_, key), value);
  }

  const json::object& object_;
  std::string path_;
  absl::flat_hash_set<std::string> taken_;
};

#define TE_RETURN_IF_ERROR(expr)                       \
  do {                                                 \
    if (absl::Status _s = (expr); !_s.ok()) return _s; \
  } while (false)

// Reads a carrier block's optional `rate_limit` ({"per_second": 2, "burst": 5})
// into config->rate_limits[carrier]. Every carrier block calls it with its
// own reader, e.g. ReadRateLimit(reader, "fedex", config).
absl::Status ReadRateLimit(ObjectReader& carrier_reader, absl::string_view carrier,
                           ServiceConfig* config) {
  auto object = carrier_reader.Object("rate_limit");
  if (!object.ok()) return object.status();
  if (*object == nullptr) return absl::OkStatus();
  const std::string path = Join(carrier_reader.path(), "rate_limit");
  ObjectReader reader(**object, path);
  double per_second = 0;
  int64_t burst = 1;
  TE_RETURN_IF_ERROR(reader.Number("per_second", 0, 1e6, &per_second));
  TE_RETURN_IF_ERROR(reader.Int("burst", 1, 1'000'000, &burst));
  TE_RETURN_IF_ERROR(reader.Done());
  if (per_second <= 0) {
    return KeyError(Join(path, "per_second"), "required, a rate above 0 (calls per second)");
  }
  config->rate_limits[std::string(carrier)] = {.per_second = per_second, .burst = burst};
  return absl::OkStatus();
}

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

// carriers.<name>: read by the carrier's descriptor, plus the rate_limit
// every carrier may have. A section holding only a rate limit (say, for the
// sandbox) does not configure the upstream.
absl::Status ReadCarrier(const adapters::CarrierDescriptor& carrier, const json::object& object,
                         ServiceConfig* config) {
  ObjectReader reader(object, absl::StrCat("carriers.", carrier.name));
  std::unique_ptr<adapters::CarrierSection> section = carrier.NewSection();
  CarrierSectionReader section_reader(reader);
  TE_RETURN_IF_ERROR(section->Read(section_reader));
  TE_RETURN_IF_ERROR(ReadRateLimit(reader, carrier.name, config));
  TE_RETURN_IF_ERROR(reader.Done());
  if (!(object.size() == 1 && object.contains("rate_limit"))) {
    config->carriers[std::string(carrier.name)] = std::move(section);
  }
  return absl::OkStatus();
}

// amazon: the SP-API order source. {"client_id": secret, "client_secret":
// secret, "lwa_url", "sandbox", "endpoints": {"na"|"eu"|"fe": url},
// "orders_api": "auto"|"2026-01-01"|"v0", "sellers": {"<tenant>":
// {"refresh_token": secret, "default_marketplace_id": "ATVPDKIKX0DER"}}}.
absl::Status ReadAmazon(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "amazon");
  adapters::amazon::SpApiSettings& amazon = config->amazon;
  TE_RETURN_IF_ERROR(reader.String("lwa_url", &amazon.lwa_url));
  TE_RETURN_IF_ERROR(reader.Secret("client_id", &amazon.client_id));
  TE_RETURN_IF_ERROR(reader.Secret("client_secret", &amazon.client_secret));
  TE_RETURN_IF_ERROR(reader.Bool("sandbox", &amazon.sandbox));
  std::string orders_api = "auto";
  TE_RETURN_IF_ERROR(reader.String("orders_api", &orders_api));
  if (orders_api == "auto") {
    amazon.orders_api = adapters::amazon::OrdersApi::kAuto;
  } else if (orders_api == "2026-01-01") {
    amazon.orders_api = adapters::amazon::OrdersApi::k2026;
  } else if (orders_api == "v0") {
    amazon.orders_api = adapters::amazon::OrdersApi::kV0;
  } else {
    return KeyError("amazon.orders_api", "must be \"auto\", \"2026-01-01\" or \"v0\"");
  }
  auto endpoints = reader.Object("endpoints");
  if (!endpoints.ok()) return endpoints.status();
  if (*endpoints != nullptr) {
    ObjectReader endpoint_reader(**endpoints, "amazon.endpoints");
    for (const char* region : {"na", "eu", "fe"}) {
      std::string url;
      TE_RETURN_IF_ERROR(endpoint_reader.String(region, &url));
      if (!url.empty()) amazon.endpoints[region] = url;
    }
    TE_RETURN_IF_ERROR(endpoint_reader.Done());
  }
  auto sellers = reader.Object("sellers");
  if (!sellers.ok()) return sellers.status();
  if (*sellers != nullptr) {
    for (const auto& entry : **sellers) {
      const std::string tenant(entry.key());
      const std::string path = absl::StrCat("amazon.sellers.", tenant);
      if (!entry.value().is_object()) return KeyError(path, "must be an object");
      ObjectReader seller_reader(entry.value().as_object(), path);
      adapters::amazon::SpApiSeller seller;
      TE_RETURN_IF_ERROR(seller_reader.Secret("refresh_token", &seller.refresh_token));
      TE_RETURN_IF_ERROR(
          seller_reader.String("default_marketplace_id", &seller.default_marketplace_id));
      TE_RETURN_IF_ERROR(seller_reader.Done());
      if (seller.refresh_token.empty()) {
        return KeyError(absl::StrCat(path, ".refresh_token"), "required");
      }
      amazon.sellers[tenant] = std::move(seller);
    }
  }
  TE_RETURN_IF_ERROR(reader.Done());
  if (amazon.client_id.empty() != amazon.client_secret.empty()) {
    return KeyError("amazon", "client_id and client_secret go together");
  }
  if (!amazon.sellers.empty() && amazon.client_id.empty()) {
    return KeyError("amazon.client_id", "required when sellers are configured");
  }
  config->amazon_configured = true;
  return absl::OkStatus();
}

// ebay: the eBay order source. {"client_id": secret, "client_secret":
// secret, "sandbox" (eBay's own sandbox hosts), "api_url", "identity_url",
// "scope", "sellers": {"<tenant>": {"refresh_token": secret}}}.
absl::Status ReadEbay(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "ebay");
  adapters::ebay::EbaySettings& ebay = config->ebay;
  bool sandbox = false;
  TE_RETURN_IF_ERROR(reader.Bool("sandbox", &sandbox));
  if (sandbox) {
    // developer.ebay.com: "replace the api.ebay.com root URI with api.sandbox.ebay.com".
    ebay.api_url = "https://api.sandbox.ebay.com";
    ebay.identity_url = "https://api.sandbox.ebay.com";
  }
  TE_RETURN_IF_ERROR(reader.String("api_url", &ebay.api_url));
  TE_RETURN_IF_ERROR(reader.String("identity_url", &ebay.identity_url));
  TE_RETURN_IF_ERROR(reader.String("scope", &ebay.scope));
  TE_RETURN_IF_ERROR(reader.Secret("client_id", &ebay.client_id));
  TE_RETURN_IF_ERROR(reader.Secret("client_secret", &ebay.client_secret));
  if (ebay.scope.empty()) return KeyError("ebay.scope", "must not be empty");
  auto sellers = reader.Object("sellers");
  if (!sellers.ok()) return sellers.status();
  if (*sellers != nullptr) {
    for (const auto& entry : **sellers) {
      const std::string tenant(entry.key());
      const std::string path = absl::StrCat("ebay.sellers.", tenant);
      if (!entry.value().is_object()) return KeyError(path, "must be an object");
      ObjectReader seller_reader(entry.value().as_object(), path);
      adapters::ebay::EbaySeller seller;
      TE_RETURN_IF_ERROR(seller_reader.Secret("refresh_token", &seller.refresh_token));
      TE_RETURN_IF_ERROR(seller_reader.Done());
      if (seller.refresh_token.empty()) {
        return KeyError(absl::StrCat(path, ".refresh_token"), "required");
      }
      ebay.sellers[tenant] = std::move(seller);
    }
  }
  TE_RETURN_IF_ERROR(reader.Done());
  if (ebay.client_id.empty() != ebay.client_secret.empty()) {
    return KeyError("ebay", "client_id and client_secret go together");
  }
  if (!ebay.sellers.empty() && ebay.client_id.empty()) {
    return KeyError("ebay.client_id", "required when sellers are configured");
  }
  config->ebay_configured = true;
  return absl::OkStatus();
}

// shopify: the Shopify order source. {"api_version": "2025-10", "base_url",
// "bucket": {"per_second", "burst"}, "shops": {"<tenant>": {"shop":
// "acme.myshopify.com", "access_token": secret, "order_name_prefix": "#",
// "order_name_suffix": "", "read_all_orders": true|false (unset: asked of
// Shopify), "store_name"}}}.
absl::Status ReadShopify(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "shopify");
  adapters::shopify::ShopifySettings& shopify = config->shopify;
  TE_RETURN_IF_ERROR(reader.String("api_version", &shopify.api_version));
  TE_RETURN_IF_ERROR(reader.String("base_url", &shopify.base_url));
  auto bucket = reader.Object("bucket");
  if (!bucket.ok()) return bucket.status();
  if (*bucket != nullptr) {
    ObjectReader bucket_reader(**bucket, "shopify.bucket");
    TE_RETURN_IF_ERROR(bucket_reader.Number("per_second", 0.001, 1e6, &shopify.bucket.per_second));
    TE_RETURN_IF_ERROR(bucket_reader.Int("burst", 1, 1'000'000, &shopify.bucket.burst));
    TE_RETURN_IF_ERROR(bucket_reader.Done());
  }
  auto shops = reader.Object("shops");
  if (!shops.ok()) return shops.status();
  if (*shops != nullptr) {
    for (const auto& entry : **shops) {
      const std::string tenant(entry.key());
      const std::string path = absl::StrCat("shopify.shops.", tenant);
      if (!entry.value().is_object()) return KeyError(path, "must be an object");
      ObjectReader shop_reader(entry.value().as_object(), path);
      adapters::shopify::ShopifyShop shop;
      TE_RETURN_IF_ERROR(shop_reader.String("shop", &shop.shop));
      TE_RETURN_IF_ERROR(shop_reader.Secret("access_token", &shop.access_token));
      TE_RETURN_IF_ERROR(shop_reader.String("order_name_prefix", &shop.name_format.prefix));
      TE_RETURN_IF_ERROR(shop_reader.String("order_name_suffix", &shop.name_format.suffix));
      TE_RETURN_IF_ERROR(shop_reader.OptionalBool("read_all_orders", &shop.read_all_orders));
      TE_RETURN_IF_ERROR(shop_reader.String("store_name", &shop.store_name));
      TE_RETURN_IF_ERROR(shop_reader.Done());
      if (shop.shop.empty()) return KeyError(absl::StrCat(path, ".shop"), "required");
      if (shop.access_token.empty()) {
        return KeyError(absl::StrCat(path, ".access_token"), "required");
      }
      shopify.shops[tenant] = std::move(shop);
    }
  }
  TE_RETURN_IF_ERROR(reader.Done());
  config->shopify_configured = true;
  return absl::OkStatus();
}

absl::Status ReadCache(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "cache");
  int64_t entries = static_cast<int64_t>(config->memory_cache.max_entries);
  int64_t megabytes = static_cast<int64_t>(config->memory_cache.max_bytes >> 20);
  TE_RETURN_IF_ERROR(reader.Int("memory_max_entries", 0, 100'000'000, &entries));
  if (entries > 0 && entries < 16) {
    return KeyError("cache.memory_max_entries",
                    "must be 0 (no in-process cache) or between 16 and 100000000");
  }
  TE_RETURN_IF_ERROR(reader.Int("memory_max_megabytes", 1, 1'000'000, &megabytes));
  config->memory_cache.max_entries = static_cast<size_t>(entries);
  config->memory_cache.max_bytes = static_cast<size_t>(megabytes) << 20;
  CachePolicy& policy = config->cache_policy;
  TE_RETURN_IF_ERROR(reader.Duration("delivered_ttl", &policy.delivered_ttl));
  TE_RETURN_IF_ERROR(reader.Duration("out_for_delivery_ttl", &policy.out_for_delivery_ttl));
  TE_RETURN_IF_ERROR(reader.Duration("in_transit_ttl", &policy.in_transit_ttl));
  TE_RETURN_IF_ERROR(reader.Duration("not_found_ttl", &policy.not_found_ttl));
  TE_RETURN_IF_ERROR(reader.Duration("stale_horizon", &policy.stale_horizon));
  return reader.Done();
}

absl::Status ReadUpstreams(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "upstreams");
  http::UpstreamOptions& options = config->upstream;
  int64_t max_connections = static_cast<int64_t>(options.max_connections);
  int64_t max_attempts = options.retry.max_attempts;
  int64_t breaker_failures = options.breaker.consecutive_failures;
  int64_t max_body_kib = static_cast<int64_t>(options.max_body_bytes >> 10);
  TE_RETURN_IF_ERROR(reader.Int("max_connections", 1, 10'000, &max_connections));
  TE_RETURN_IF_ERROR(reader.Int("max_attempts", 1, 10, &max_attempts));
  TE_RETURN_IF_ERROR(reader.Int("breaker_failures", 1, 1'000'000, &breaker_failures));
  TE_RETURN_IF_ERROR(reader.Int("max_body_kib", 1, 1 << 20, &max_body_kib));
  TE_RETURN_IF_ERROR(reader.Duration("connect_timeout", &options.connect_timeout));
  TE_RETURN_IF_ERROR(reader.Duration("base_backoff", &options.retry.base_backoff));
  TE_RETURN_IF_ERROR(reader.Duration("max_backoff", &options.retry.max_backoff));
  TE_RETURN_IF_ERROR(reader.Duration("breaker_open_for", &options.breaker.open_for));
  options.max_connections = static_cast<size_t>(max_connections);
  options.retry.max_attempts = static_cast<int>(max_attempts);
  options.breaker.consecutive_failures = static_cast<int>(breaker_failures);
  options.max_body_bytes = static_cast<size_t>(max_body_kib) << 10;
  return reader.Done();
}

absl::Status ReadEnrichment(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "enrichment");
  enrichment::EnrichmentSettings& settings = config->enrichment;
  TE_RETURN_IF_ERROR(reader.Duration("late_grace", &settings.late_grace));
  TE_RETURN_IF_ERROR(reader.Duration("ship_by_grace", &settings.ship_by_grace));
  TE_RETURN_IF_ERROR(reader.Duration("stalled_after", &settings.stalled_after));
  TE_RETURN_IF_ERROR(reader.Duration("no_record_after", &settings.no_record_after));
  auto by_carrier = reader.Object("stalled_after_by_carrier");
  if (!by_carrier.ok()) return by_carrier.status();
  if (*by_carrier != nullptr) {
    ObjectReader carriers(**by_carrier, "enrichment.stalled_after_by_carrier");
    for (const auto& entry : **by_carrier) {
      const std::string name(entry.key());
      const auto carrier = enrichment::CarrierFromConfigName(name);
      if (!carrier.has_value()) {
        return KeyError(Join(carriers.path(), name),
                        "unknown carrier (use the lower-case carrier name, e.g. \"ups\", "
                        "\"royal_mail\")");
      }
      absl::Duration duration = settings.StalledAfter(*carrier);
      TE_RETURN_IF_ERROR(carriers.Duration(name, &duration));
      settings.stalled_after_by_carrier[*carrier] = duration;
    }
  }
  return reader.Done();
}

absl::Status ReadTemplates(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "templates");
  TE_RETURN_IF_ERROR(reader.StringList("files", &config->template_files));
  auto links = reader.Object("tracking_links");
  if (!links.ok()) return links.status();
  if (*links != nullptr) {
    ObjectReader channels(**links, "templates.tracking_links");
    enrichment::ReplyPolicy& policy = config->reply_policy;
    TE_RETURN_IF_ERROR(channels.Bool("amazon", &policy.amazon_links));
    TE_RETURN_IF_ERROR(channels.Bool("shopify", &policy.shopify_links));
    TE_RETURN_IF_ERROR(channels.Bool("ebay", &policy.ebay_links));
    TE_RETURN_IF_ERROR(channels.Bool("other", &policy.other_links));
    TE_RETURN_IF_ERROR(channels.Bool("unknown", &policy.unknown_links));
    TE_RETURN_IF_ERROR(channels.Done());
  }
  TE_RETURN_IF_ERROR(reader.Done());
  auto catalog = enrichment::TemplateCatalog::Load(config->template_files);
  if (!catalog.ok()) return catalog.status();
  config->templates = *std::move(catalog);
  return absl::OkStatus();
}

absl::Status ReadRedis(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "redis");
  cache::RedisOptions& redis = config->redis;
  std::string address;
  TE_RETURN_IF_ERROR(reader.String("address", &address));
  TE_RETURN_IF_ERROR(reader.String("username", &redis.username));
  TE_RETURN_IF_ERROR(reader.Secret("password", &redis.password));
  int64_t database = redis.database;
  TE_RETURN_IF_ERROR(reader.Int("database", 0, 1'000'000, &database));
  redis.database = static_cast<int>(database);
  TE_RETURN_IF_ERROR(reader.Duration("command_timeout", &redis.command_timeout));
  TE_RETURN_IF_ERROR(reader.Duration("connect_timeout", &redis.connect_timeout));
  TE_RETURN_IF_ERROR(reader.Duration("reconnect_max_backoff", &redis.max_reconnect_backoff));
  cache::SharedFlightOptions& flight = config->shared_flight;
  TE_RETURN_IF_ERROR(reader.Duration("lock_ttl", &flight.lock_ttl));
  TE_RETURN_IF_ERROR(reader.Duration("lock_wait", &flight.max_wait));
  TE_RETURN_IF_ERROR(reader.Duration("lock_poll_interval", &flight.poll_interval));
  TE_RETURN_IF_ERROR(reader.Int("audit_max_len", 0, 100'000'000, &config->audit_max_len));
  TE_RETURN_IF_ERROR(reader.Done());
  if (address.empty()) {
    return KeyError("redis.address", "required (HOST:PORT) when a redis block is given");
  }
  auto host_port = ParseHostPort("redis.address", address);
  if (!host_port.ok()) return host_port.status();
  if (host_port->second == 0) return KeyError("redis.address", "port must be 1..65535");
  redis.host = host_port->first;
  redis.port = host_port->second;
  for (const auto& [key, value] :
       {std::pair<const char*, absl::Duration>{"redis.command_timeout", redis.command_timeout},
        {"redis.connect_timeout", redis.connect_timeout},
        {"redis.reconnect_max_backoff", redis.max_reconnect_backoff},
        {"redis.lock_ttl", flight.lock_ttl},
        {"redis.lock_poll_interval", flight.poll_interval}}) {
    if (value <= absl::ZeroDuration()) return KeyError(key, "must be above zero");
  }
  redis.min_reconnect_backoff = std::min(redis.min_reconnect_backoff, redis.max_reconnect_backoff);
  config->redis_configured = true;
  return absl::OkStatus();
}

// tenants, auth, logging and grpc_tls: who may call, as which tenant, with
// which of its own carrier credentials; how logs look; TLS on the gRPC port.

// tenants.<name>.carriers: {"<carrier>": {<credential key>: secret, ...}}:
// the carrier's credential keys only (adapters/carrier.h).
absl::Status ReadTenantCarriers(
    const json::object& object, const std::string& path, const ServiceConfig& config,
    absl::flat_hash_map<std::string, adapters::CarrierCredentials>* out) {
  ObjectReader reader(object, path);
  for (const adapters::CarrierDescriptor* carrier : adapters::AllCarriers()) {
    auto section = reader.Object(carrier->name);
    if (!section.ok()) return section.status();
    if (*section == nullptr) continue;
    const std::string carrier_path = Join(path, carrier->name);
    if (!config.carriers.contains(carrier->name) && !config.sandbox) {
      return KeyError(carrier_path, absl::StrCat("needs a carriers.", carrier->name,
                                                 " section (base URL and options) as well"));
    }
    ObjectReader credentials(**section, carrier_path);
    adapters::CarrierCredentials& into = (*out)[std::string(carrier->name)];
    for (absl::string_view key : carrier->NewSection()->CredentialKeys()) {
      TE_RETURN_IF_ERROR(credentials.Secret(key, &into[std::string(key)]));
    }
    TE_RETURN_IF_ERROR(credentials.Done());
  }
  return reader.Done();
}

// tenants: {"<name>": {"api_keys": ["<sha256 hex>", ...], "carriers": {...}}}.
absl::Status ReadTenants(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "tenants");
  absl::flat_hash_map<std::string, std::string> digest_owner;
  for (const auto& entry : object) {
    const std::string name(entry.key());
    const std::string path = Join("tenants", name);
    if (auto valid = auth::ValidateTenantName(name); !valid.ok()) {
      return KeyError(path, valid.message());
    }
    auto section = reader.Object(name);
    if (!section.ok()) return section.status();
    ObjectReader tenant_reader(**section, path);
    auth::TenantKeys tenant{.tenant = name};
    TE_RETURN_IF_ERROR(tenant_reader.StringList("api_keys", &tenant.api_key_sha256));
    if (tenant.api_key_sha256.empty()) {
      return KeyError(Join(path, "api_keys"),
                      "at least one key digest is required (trackenrich --hash_api_key)");
    }
    for (size_t i = 0; i < tenant.api_key_sha256.size(); ++i) {
      std::string& digest = tenant.api_key_sha256[i];
      const std::string where = absl::StrCat(path, ".api_keys[", i, "]");
      // The value is never echoed: it may be a key pasted by mistake.
      if (!auth::IsApiKeyDigest(digest)) {
        return KeyError(where,
                        "must be the SHA-256 hex digest of a key (64 hex digits, from "
                        "`trackenrich --hash_api_key`), never the key itself");
      }
      absl::AsciiStrToLower(&digest);
      auto [owner, inserted] = digest_owner.try_emplace(digest, name);
      if (!inserted) {
        return KeyError(
            where, absl::StrCat("the same key is already listed for tenant '", owner->second, "'"));
      }
    }
    auto carriers = tenant_reader.Object("carriers");
    if (!carriers.ok()) return carriers.status();
    if (*carriers != nullptr) {
      TE_RETURN_IF_ERROR(ReadTenantCarriers(**carriers, Join(path, "carriers"), *config,
                                            &config->tenant_carriers[name]));
    }
    TE_RETURN_IF_ERROR(tenant_reader.Done());
    config->auth.tenants.push_back(std::move(tenant));
  }
  return reader.Done();
}

// Reads a PEM file named by `key`; errors name the key.
absl::Status ReadPemFile(absl::string_view key, const std::string& file_name, std::string* out) {
  std::ifstream file(file_name);
  if (!file) return KeyError(key, absl::StrCat("cannot read ", file_name));
  std::stringstream contents;
  contents << file.rdbuf();
  *out = contents.str();
  if (!absl::StrContains(*out, "-----BEGIN ")) {
    return KeyError(key, absl::StrCat(file_name, " holds no PEM block"));
  }
  return absl::OkStatus();
}

// grpc_tls: {"certificate_chain": "/path", "private_key": secret, "client_ca": "/path"}.
absl::Status ReadGrpcTls(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "grpc_tls");
  std::string chain_file;
  std::string client_ca_file;
  TE_RETURN_IF_ERROR(reader.String("certificate_chain", &chain_file));
  TE_RETURN_IF_ERROR(reader.Secret("private_key", &config->grpc_tls_private_key_pem));
  TE_RETURN_IF_ERROR(reader.String("client_ca", &client_ca_file));
  TE_RETURN_IF_ERROR(reader.Done());
  if (chain_file.empty()) return KeyError("grpc_tls.certificate_chain", "required (a PEM file)");
  if (config->grpc_tls_private_key_pem.empty()) {
    return KeyError("grpc_tls.private_key", "required (a secret reference to the PEM key)");
  }
  if (!absl::StrContains(config->grpc_tls_private_key_pem, "-----BEGIN ")) {
    return KeyError("grpc_tls.private_key", "is not a PEM private key");
  }
  TE_RETURN_IF_ERROR(ReadPemFile("grpc_tls.certificate_chain", chain_file,
                                 &config->grpc_tls_certificate_chain_pem));
  if (!client_ca_file.empty()) {
    TE_RETURN_IF_ERROR(
        ReadPemFile("grpc_tls.client_ca", client_ca_file, &config->grpc_tls_client_ca_pem));
  }
  return absl::OkStatus();
}

absl::Status ReadCallersAndLogs(ObjectReader& root, ServiceConfig* config) {
  auto tenants = root.Object("tenants");
  if (!tenants.ok()) return tenants.status();
  if (*tenants != nullptr) TE_RETURN_IF_ERROR(ReadTenants(**tenants, config));
  config->auth.required = !config->auth.tenants.empty();
  auto auth_section = root.Object("auth");
  if (!auth_section.ok()) return auth_section.status();
  if (*auth_section != nullptr) {
    ObjectReader reader(**auth_section, "auth");
    TE_RETURN_IF_ERROR(reader.Bool("required", &config->auth.required));
    TE_RETURN_IF_ERROR(reader.Done());
  }
  if (recording != nullptr) recording->Set("auth.required", config->auth.required);
  if (config->auth.required && config->auth.tenants.empty()) {
    return KeyError("auth.required",
                    "needs at least one tenant with api_keys (tenants.<name>.api_keys)");
  }
  // With tenants, an Amazon or eBay seller or a Shopify shop must belong to
  // one of them (or to "default" while calls without a key run as
  // "default"): a key under any other name could never be used.
  if (!config->auth.tenants.empty()) {
    std::vector<std::pair<std::string, std::string>> sellers;  // key, tenant
    for (const auto& [seller, unused] : config->amazon.sellers) {
      sellers.emplace_back(absl::StrCat("amazon.sellers.", seller), seller);
    }
    for (const auto& [seller, unused] : config->ebay.sellers) {
      sellers.emplace_back(absl::StrCat("ebay.sellers.", seller), seller);
    }
    for (const auto& [shop, unused] : config->shopify.shops) {
      sellers.emplace_back(absl::StrCat("shopify.shops.", shop), shop);
    }
    std::sort(sellers.begin(), sellers.end());
    for (const auto& entry : sellers) {
      const std::string& key = entry.first;
      const std::string& seller = entry.second;
      const bool known =
          std::any_of(config->auth.tenants.begin(), config->auth.tenants.end(),
                      [&](const auth::TenantKeys& tenant) { return tenant.tenant == seller; });
      if (!known && !(seller == auth::kDefaultTenant && !config->auth.required)) {
        return KeyError(
            key, absl::StrCat("no tenant '", seller, "' is configured (tenants.", seller, ")"));
      }
    }
  }
  auto logging_section = root.Object("logging");
  if (!logging_section.ok()) return logging_section.status();
  std::string format = "json";
  if (*logging_section != nullptr) {
    ObjectReader reader(**logging_section, "logging");
    TE_RETURN_IF_ERROR(reader.String("format", &format));
    TE_RETURN_IF_ERROR(reader.Done());
  }
  auto log_format = logging::ParseLogFormat(format);
  if (!log_format.ok()) return KeyError("logging.format", log_format.status().message());
  config->log_format = *log_format;
  if (recording != nullptr) recording->Set("logging.format", json::string(format));
  auto grpc_tls = root.Object("grpc_tls");
  if (!grpc_tls.ok()) return grpc_tls.status();
  if (*grpc_tls != nullptr) TE_RETURN_IF_ERROR(ReadGrpcTls(**grpc_tls, config));
  return absl::OkStatus();
}

// public_http: {"listen", "max_body_bytes", "request_timeout", "tls":
// {"certificate_chain": "/path", "private_key": secret}}.
absl::Status ReadPublicHttp(const json::object& object, ServiceConfig* config) {
  integrations::PublicHttpSettings& http = config->integrations.http;
  ObjectReader reader(object, "public_http");
  TE_RETURN_IF_ERROR(reader.String("listen", &http.listen));
  int64_t max_body = static_cast<int64_t>(http.max_body_bytes);
  TE_RETURN_IF_ERROR(reader.Int("max_body_bytes", 1024, 16 * 1024 * 1024, &max_body));
  http.max_body_bytes = static_cast<size_t>(max_body);
  TE_RETURN_IF_ERROR(reader.Duration("request_timeout", &http.request_timeout));
  if (http.request_timeout <= absl::ZeroDuration()) {
    return KeyError("public_http.request_timeout", "must be above 0");
  }
  auto tls = reader.Object("tls");
  if (!tls.ok()) return tls.status();
  if (*tls != nullptr) {
    ObjectReader tls_reader(**tls, "public_http.tls");
    std::string chain_file;
    TE_RETURN_IF_ERROR(tls_reader.String("certificate_chain", &chain_file));
    TE_RETURN_IF_ERROR(tls_reader.Secret("private_key", &http.tls_private_key_pem));
    TE_RETURN_IF_ERROR(tls_reader.Done());
    if (chain_file.empty()) {
      return KeyError("public_http.tls.certificate_chain", "required (a PEM file)");
    }
    if (!absl::StrContains(http.tls_private_key_pem, "-----BEGIN ")) {
      return KeyError("public_http.tls.private_key", "required, a secret reference to a PEM key");
    }
    TE_RETURN_IF_ERROR(ReadPemFile("public_http.tls.certificate_chain", chain_file,
                                   &http.tls_certificate_chain_pem));
  }
  return reader.Done();
}

// The part of a help desk's section that says who its lookups run as.
absl::Status ReadDeskIdentity(ObjectReader& reader, integrations::DeskIdentity* identity) {
  TE_RETURN_IF_ERROR(reader.String("tenant", &identity->tenant));
  TE_RETURN_IF_ERROR(reader.Secret("tenant_api_key", &identity->tenant_api_key));
  TE_RETURN_IF_ERROR(reader.String("agent_language", &identity->agent_language));
  return absl::OkStatus();
}

absl::Status ReadWriteBackPolicy(ObjectReader& reader, integrations::WriteBackPolicy* policy) {
  int64_t attempts = policy->max_attempts;
  TE_RETURN_IF_ERROR(reader.Int("max_attempts", 1, 100, &attempts));
  policy->max_attempts = static_cast<int>(attempts);
  TE_RETURN_IF_ERROR(reader.Duration("first_backoff", &policy->first_backoff));
  TE_RETURN_IF_ERROR(reader.Duration("max_backoff", &policy->max_backoff));
  TE_RETURN_IF_ERROR(reader.Duration("dedupe_window", &policy->dedupe_window));
  return absl::OkStatus();
}

// helpdesks: {"helpscout": {...}, "zendesk": {...}, "freshdesk": {...}}; see
// services/integrations/integration_settings.h.
absl::Status ReadHelpdesks(const json::object& object, ServiceConfig* config) {
  integrations::IntegrationSettings& desks = config->integrations;
  ObjectReader reader(object, "helpdesks");
  auto helpscout = reader.Object("helpscout");
  if (!helpscout.ok()) return helpscout.status();
  if (*helpscout != nullptr) {
    ObjectReader desk(**helpscout, "helpdesks.helpscout");
    desks.helpscout.configured = true;
    TE_RETURN_IF_ERROR(desk.Secret("secret_key", &desks.helpscout.secret_key));
    TE_RETURN_IF_ERROR(ReadDeskIdentity(desk, &desks.helpscout.identity));
    TE_RETURN_IF_ERROR(desk.Done());
    if (desks.helpscout.secret_key.empty()) {
      return KeyError("helpdesks.helpscout.secret_key", "required (a secret reference)");
    }
  }
  auto zendesk = reader.Object("zendesk");
  if (!zendesk.ok()) return zendesk.status();
  if (*zendesk != nullptr) {
    ObjectReader desk(**zendesk, "helpdesks.zendesk");
    integrations::ZendeskSettings& zd = desks.zendesk;
    zd.configured = true;
    TE_RETURN_IF_ERROR(desk.Secret("signing_secret", &zd.signing_secret));
    TE_RETURN_IF_ERROR(desk.Duration("max_clock_skew", &zd.max_clock_skew));
    TE_RETURN_IF_ERROR(desk.String("base_url", &zd.base_url));
    TE_RETURN_IF_ERROR(desk.String("email", &zd.email));
    TE_RETURN_IF_ERROR(desk.Secret("api_token", &zd.api_token));
    TE_RETURN_IF_ERROR(desk.Bool("tags", &zd.tags));
    TE_RETURN_IF_ERROR(ReadWriteBackPolicy(desk, &zd.write_back));
    TE_RETURN_IF_ERROR(ReadDeskIdentity(desk, &zd.identity));
    TE_RETURN_IF_ERROR(desk.Done());
    if (zd.signing_secret.empty()) {
      return KeyError("helpdesks.zendesk.signing_secret", "required (a secret reference)");
    }
    if (!config->sandbox && (zd.base_url.empty() || zd.email.empty() || zd.api_token.empty())) {
      return KeyError("helpdesks.zendesk",
                      "base_url, email and api_token are required outside sandbox mode");
    }
  }
  auto freshdesk = reader.Object("freshdesk");
  if (!freshdesk.ok()) return freshdesk.status();
  if (*freshdesk != nullptr) {
    ObjectReader desk(**freshdesk, "helpdesks.freshdesk");
    integrations::FreshdeskSettings& fd = desks.freshdesk;
    fd.configured = true;
    TE_RETURN_IF_ERROR(desk.Secret("shared_secret", &fd.shared_secret));
    TE_RETURN_IF_ERROR(desk.String("base_url", &fd.base_url));
    TE_RETURN_IF_ERROR(desk.Secret("api_key", &fd.api_key));
    TE_RETURN_IF_ERROR(ReadWriteBackPolicy(desk, &fd.write_back));
    TE_RETURN_IF_ERROR(ReadDeskIdentity(desk, &fd.identity));
    TE_RETURN_IF_ERROR(desk.Done());
    if (fd.shared_secret.empty()) {
      return KeyError("helpdesks.freshdesk.shared_secret", "required (a secret reference)");
    }
    if (!config->sandbox && (fd.base_url.empty() || fd.api_key.empty())) {
      return KeyError("helpdesks.freshdesk",
                      "base_url and api_key are required outside sandbox mode");
    }
  }
  return reader.Done();
}

// watch: polling, ending, events and outbound webhooks (services/watch).
absl::Status ReadWatch(const json::object& object, ServiceConfig* config) {
  watch::WatchSettings& w = config->watch;
  ObjectReader reader(object, "watch");
  TE_RETURN_IF_ERROR(reader.Duration("tick", &w.tick));
  TE_RETURN_IF_ERROR(reader.Int("batch_size", 1, 10'000, &w.batch_size));
  TE_RETURN_IF_ERROR(reader.Int("max_in_flight", 1, 10'000, &w.max_in_flight));
  TE_RETURN_IF_ERROR(reader.Duration("lease", &w.lease));
  TE_RETURN_IF_ERROR(reader.Duration("poll_timeout", &w.poll_timeout));
  TE_RETURN_IF_ERROR(reader.Duration("poll_max_age", &w.poll_max_age));
  auto every = reader.Object("poll_every");
  if (!every.ok()) return every.status();
  if (*every != nullptr) {
    ObjectReader every_reader(**every, "watch.poll_every");
    TE_RETURN_IF_ERROR(every_reader.Duration("out_for_delivery", &w.out_for_delivery_every));
    TE_RETURN_IF_ERROR(every_reader.Duration("in_transit", &w.in_transit_every));
    TE_RETURN_IF_ERROR(every_reader.Duration("label_created", &w.label_created_every));
    TE_RETURN_IF_ERROR(every_reader.Duration("exception", &w.exception_every));
    TE_RETURN_IF_ERROR(every_reader.Duration("other", &w.other_every));
    TE_RETURN_IF_ERROR(every_reader.Done());
  }
  TE_RETURN_IF_ERROR(reader.Duration("retry_after_error", &w.retry_after_error));
  TE_RETURN_IF_ERROR(reader.Number("jitter", 0, 0.5, &w.jitter));
  TE_RETURN_IF_ERROR(reader.Duration("delivered_grace", &w.delivered_grace));
  TE_RETURN_IF_ERROR(reader.Duration("max_age", &w.max_age));
  TE_RETURN_IF_ERROR(reader.Int("stream_max_len", 100, 100'000'000, &w.stream_max_len));
  TE_RETURN_IF_ERROR(reader.Duration("stream_poll_interval", &w.stream_poll_interval));
  auto webhooks = reader.Object("webhooks");
  if (!webhooks.ok()) return webhooks.status();
  if (*webhooks != nullptr) {
    for (const auto& entry : **webhooks) {
      const std::string path = absl::StrCat("watch.webhooks.", std::string(entry.key()));
      if (!entry.value().is_object()) return KeyError(path, "must be an object");
      ObjectReader hook_reader(entry.value().as_object(), path);
      watch::WebhookTarget target;
      TE_RETURN_IF_ERROR(hook_reader.String("url", &target.url));
      TE_RETURN_IF_ERROR(hook_reader.Secret("secret", &target.secret));
      TE_RETURN_IF_ERROR(hook_reader.Done());
      if (!absl::StartsWith(target.url, "http://") && !absl::StartsWith(target.url, "https://")) {
        return KeyError(absl::StrCat(path, ".url"), "must be an http:// or https:// URL");
      }
      if (target.secret.size() < 16) {
        return KeyError(absl::StrCat(path, ".secret"), "required, at least 16 characters");
      }
      w.webhooks[std::string(entry.key())] = std::move(target);
    }
  }
  TE_RETURN_IF_ERROR(reader.Duration("webhook_tick", &w.webhook_tick));
  TE_RETURN_IF_ERROR(reader.Duration("webhook_timeout", &w.webhook_timeout));
  TE_RETURN_IF_ERROR(reader.Duration("webhook_base_backoff", &w.webhook_base_backoff));
  TE_RETURN_IF_ERROR(reader.Duration("webhook_max_backoff", &w.webhook_max_backoff));
  TE_RETURN_IF_ERROR(reader.Duration("webhook_retry_window", &w.webhook_retry_window));
  TE_RETURN_IF_ERROR(reader.Duration("webhook_lease", &w.webhook_lease));
  for (const auto& [key, value] : {std::pair<const char*, absl::Duration>{"watch.tick", w.tick},
                                   {"watch.lease", w.lease},
                                   {"watch.poll_timeout", w.poll_timeout},
                                   {"watch.stream_poll_interval", w.stream_poll_interval},
                                   {"watch.webhook_tick", w.webhook_tick},
                                   {"watch.webhook_timeout", w.webhook_timeout},
                                   {"watch.webhook_lease", w.webhook_lease}}) {
    if (value <= absl::ZeroDuration()) return KeyError(key, "must be greater than zero");
  }
  if (w.lease <= w.poll_timeout) {
    return KeyError("watch.lease", "must be longer than watch.poll_timeout");
  }
  return reader.Done();
}

// push: carrier pushes on the public listener (services/push).
absl::Status ReadPush(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "push");
  auto ups = reader.Object("ups");
  if (!ups.ok()) return ups.status();
  if (*ups != nullptr) {
    push::UpsPushSettings& settings = config->push.ups;
    ObjectReader ups_reader(**ups, "push.ups");
    TE_RETURN_IF_ERROR(ups_reader.Secret("credential", &settings.credential));
    TE_RETURN_IF_ERROR(ups_reader.String("tenant", &settings.tenant));
    TE_RETURN_IF_ERROR(ups_reader.Done());
    if (settings.credential.size() < 16) {
      return KeyError("push.ups.credential", "required, at least 16 characters");
    }
    settings.configured = true;
  }
  TE_RETURN_IF_ERROR(reader.Duration("replay_window", &config->push.replay_window));
  return reader.Done();
}

absl::Status ReadIntegrations(ObjectReader& root, ServiceConfig* config) {
  auto http = root.Object("public_http");
  if (!http.ok()) return http.status();
  if (*http != nullptr) TE_RETURN_IF_ERROR(ReadPublicHttp(**http, config));
  auto helpdesks = root.Object("helpdesks");
  if (!helpdesks.ok()) return helpdesks.status();
  if (*helpdesks != nullptr) TE_RETURN_IF_ERROR(ReadHelpdesks(**helpdesks, config));
  return absl::OkStatus();
}

// Listen addresses are HOST:PORT (gRPC also takes "unix:PATH").
absl::Status CheckListenAddresses(const ServiceConfig& config) {
  if (!absl::StartsWith(config.grpc_listen, "unix:")) {
    if (auto address = ParseHostPort("grpc_listen", config.grpc_listen); !address.ok()) {
      return address.status();
    }
  }
  if (auto address = ParseHostPort("admin_listen", config.admin_listen); !address.ok()) {
    return address.status();
  }
  if (!config.integrations.http.listen.empty()) {
    if (auto address = ParseHostPort("public_http.listen", config.integrations.http.listen);
        !address.ok()) {
      return address.status();
    }
  }
  return ParseHostPort("sandbox_listen", config.sandbox_listen).status();
}

// Reads the whole (merged) document into a ServiceConfig.
absl::StatusOr<ServiceConfig> ReadServiceConfig(const json::value& root) {
  ServiceConfig config;
  config.sandbox = false;
  ObjectReader reader(root.as_object(), "");
  TE_RETURN_IF_ERROR(reader.String("grpc_listen", &config.grpc_listen));
  TE_RETURN_IF_ERROR(reader.String("admin_listen", &config.admin_listen));
  TE_RETURN_IF_ERROR(reader.Bool("sandbox", &config.sandbox));
  TE_RETURN_IF_ERROR(reader.String("sandbox_listen", &config.sandbox_listen));
  int64_t io_threads = config.io_threads;
  TE_RETURN_IF_ERROR(reader.Int("io_threads", 1, 256, &io_threads));
  config.io_threads = static_cast<int>(io_threads);
  TE_RETURN_IF_ERROR(reader.Duration("default_deadline", &config.default_deadline));
  TE_RETURN_IF_ERROR(reader.String("upstream_ca_file", &config.upstream_ca_file));

  auto carriers = reader.Object("carriers");
  if (!carriers.ok()) return carriers.status();
  if (*carriers != nullptr) {
    ObjectReader carrier_reader(**carriers, "carriers");
    for (const adapters::CarrierDescriptor* carrier : adapters::AllCarriers()) {
      auto section = carrier_reader.Object(carrier->name);
      if (!section.ok()) return section.status();
      if (*section != nullptr) TE_RETURN_IF_ERROR(ReadCarrier(*carrier, **section, &config));
    }
    TE_RETURN_IF_ERROR(carrier_reader.Done());
  }
  auto upstreams = reader.Object("upstreams");
  if (!upstreams.ok()) return upstreams.status();
  if (*upstreams != nullptr) TE_RETURN_IF_ERROR(ReadUpstreams(**upstreams, &config));
  auto cache = reader.Object("cache");
  if (!cache.ok()) return cache.status();
  if (*cache != nullptr) TE_RETURN_IF_ERROR(ReadCache(**cache, &config));
  auto enrichment_object = reader.Object("enrichment");
  if (!enrichment_object.ok()) return enrichment_object.status();
  if (*enrichment_object != nullptr) {
    TE_RETURN_IF_ERROR(ReadEnrichment(**enrichment_object, &config));
  }
  auto templates = reader.Object("templates");
  if (!templates.ok()) return templates.status();
  if (*templates != nullptr) TE_RETURN_IF_ERROR(ReadTemplates(**templates, &config));
  auto amazon = reader.Object("amazon");
  if (!amazon.ok()) return amazon.status();
  if (*amazon != nullptr) TE_RETURN_IF_ERROR(ReadAmazon(**amazon, &config));
  auto ebay = reader.Object("ebay");
  if (!ebay.ok()) return ebay.status();
  if (*ebay != nullptr) TE_RETURN_IF_ERROR(ReadEbay(**ebay, &config));
  auto shopify = reader.Object("shopify");
  if (!shopify.ok()) return shopify.status();
  if (*shopify != nullptr) TE_RETURN_IF_ERROR(ReadShopify(**shopify, &config));
  auto redis = reader.Object("redis");
  if (!redis.ok()) return redis.status();
  if (*redis != nullptr) TE_RETURN_IF_ERROR(ReadRedis(**redis, &config));
  TE_RETURN_IF_ERROR(ReadCallersAndLogs(reader, &config));
  TE_RETURN_IF_ERROR(ReadIntegrations(reader, &config));
  auto watch_section = reader.Object("watch");
  if (!watch_section.ok()) return watch_section.status();
  if (*watch_section != nullptr) TE_RETURN_IF_ERROR(ReadWatch(**watch_section, &config));
  auto push_section = reader.Object("push");
  if (!push_section.ok()) return push_section.status();
  if (*push_section != nullptr) TE_RETURN_IF_ERROR(ReadPush(**push_section, &config));
  TE_RETURN_IF_ERROR(reader.Done());
  return config;
}

}  // namespace

absl::StatusOr<ServiceConfig> ParseServiceConfig(absl::string_view json_text,
                                                 const std::vector<ConfigOverride>& overrides) {
  boost::system::error_code error;
  json::value root = json::parse(std::string_view(json_text.data(), json_text.size()), error);
  if (error)
    return absl::InvalidArgumentError(
        absl::StrCat("config: not valid JSON (", error.message(), ")"));
  if (!root.is_object()) return absl::InvalidArgumentError("config: top level must be an object");
  TE_RETURN_IF_ERROR(ApplyConfigOverrides(overrides, root.as_object()));

  EffectiveConfig effective;
  absl::StatusOr<ServiceConfig> config;
  {
    ScopedRecording recording(&effective);
    config = ReadServiceConfig(root);
  }
  if (config.ok()) {
    if (absl::Status status = CheckListenAddresses(*config); !status.ok()) config = status;
  }
  if (!config.ok()) {
    return AttributeConfigError(config.status(), overrides,
                                [&](absl::string_view key) { return effective.IsSecret(key); });
  }
  config->effective_json = effective.ToJson();
  return config;
}

absl::StatusOr<ServiceConfig> LoadServiceConfig(const std::string& path,
                                                const std::vector<ConfigOverride>& overrides) {
  std::ifstream file(path);
  if (!file) return absl::NotFoundError(absl::StrCat("config: cannot read ", path));
  std::stringstream contents;
  contents << file.rdbuf();
  return ParseServiceConfig(contents.str(), overrides);
}

}  // namespace trackenrich::server
