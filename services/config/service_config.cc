#include "services/config/service_config.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

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

// Walks one JSON object, reading known keys and rejecting the rest.
class ObjectReader {
 public:
  ObjectReader(const json::object& object, std::string path)
      : object_(object), path_(std::move(path)) {}

  absl::Status String(absl::string_view key, std::string* out) {
    const json::value* value = Take(key);
    if (value == nullptr) return absl::OkStatus();
    if (!value->is_string()) return KeyError(Join(path_, key), "must be a string");
    *out = std::string(value->as_string());
    return absl::OkStatus();
  }

  absl::Status Bool(absl::string_view key, bool* out) {
    const json::value* value = Take(key);
    if (value == nullptr) return absl::OkStatus();
    if (!value->is_bool()) return KeyError(Join(path_, key), "must be true or false");
    *out = value->as_bool();
    return absl::OkStatus();
  }

  absl::Status Int(absl::string_view key, int64_t min, int64_t max, int64_t* out) {
    const json::value* value = Take(key);
    if (value == nullptr) return absl::OkStatus();
    if (!value->is_int64() && !value->is_uint64()) {
      return KeyError(Join(path_, key), "must be a whole number");
    }
    const int64_t number =
        value->is_int64() ? value->as_int64() : static_cast<int64_t>(value->as_uint64());
    if (number < min || number > max) {
      return KeyError(Join(path_, key), absl::StrCat("must be between ", min, " and ", max));
    }
    *out = number;
    return absl::OkStatus();
  }

  // Durations are strings such as "250ms", "15m", "24h" (absl::ParseDuration).
  absl::Status Duration(absl::string_view key, absl::Duration* out) {
    const json::value* value = Take(key);
    if (value == nullptr) return absl::OkStatus();
    absl::Duration duration;
    if (!value->is_string() || !absl::ParseDuration(std::string(value->as_string()), &duration) ||
        duration < absl::ZeroDuration()) {
      return KeyError(Join(path_, key), "must be a duration such as \"250ms\", \"15m\" or \"24h\"");
    }
    *out = duration;
    return absl::OkStatus();
  }

  // A secret given by reference: {"env": "NAME"} or {"file": "/path"}.
  absl::Status Secret(absl::string_view key, std::string* out) {
    const json::value* value = Take(key);
    if (value == nullptr) return absl::OkStatus();
    const std::string where = Join(path_, key);
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
    return absl::OkStatus();
  }

  // An array of strings.
  absl::Status StringList(absl::string_view key, std::vector<std::string>* out) {
    const json::value* value = Take(key);
    if (value == nullptr) return absl::OkStatus();
    if (!value->is_array()) return KeyError(Join(path_, key), "must be an array of strings");
    out->clear();
    for (const json::value& item : value->as_array()) {
      if (!item.is_string()) return KeyError(Join(path_, key), "must be an array of strings");
      out->push_back(std::string(item.as_string()));
    }
    return absl::OkStatus();
  }

  absl::Status Number(absl::string_view key, double min, double max, double* out) {
    const json::value* value = Take(key);
    if (value == nullptr) return absl::OkStatus();
    if (!value->is_number()) return KeyError(Join(path_, key), "must be a number");
    const double number = value->is_double()  ? value->as_double()
                          : value->is_int64() ? static_cast<double>(value->as_int64())
                                              : static_cast<double>(value->as_uint64());
    if (number < min || number > max) {
      return KeyError(Join(path_, key), absl::StrCat("must be between ", min, " and ", max));
    }
    *out = number;
    return absl::OkStatus();
  }

  absl::StatusOr<const json::object*> Object(absl::string_view key) {
    const json::value* value = Take(key);
    if (value == nullptr) return nullptr;
    if (!value->is_object()) return KeyError(Join(path_, key), "must be an object");
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

absl::Status ReadUps(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "carriers.ups");
  TE_RETURN_IF_ERROR(reader.String("base_url", &config->ups.base_url));
  TE_RETURN_IF_ERROR(reader.String("locale", &config->ups.locale));
  TE_RETURN_IF_ERROR(reader.Secret("client_id", &config->ups.client_id));
  TE_RETURN_IF_ERROR(reader.Secret("client_secret", &config->ups.client_secret));
  TE_RETURN_IF_ERROR(ReadRateLimit(reader, "ups", config));
  TE_RETURN_IF_ERROR(reader.Done());
  if (config->ups.client_id.empty() != config->ups.client_secret.empty()) {
    return KeyError("carriers.ups", "client_id and client_secret go together");
  }
  // A rate limit alone (say, for the sandbox) does not configure the upstream.
  config->ups_configured = !(object.size() == 1 && object.contains("rate_limit"));
  return absl::OkStatus();
}

absl::Status ReadFedex(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "carriers.fedex");
  adapters::fedex::FedexSettings& fedex = config->fedex;
  TE_RETURN_IF_ERROR(reader.String("base_url", &fedex.base_url));
  TE_RETURN_IF_ERROR(reader.Secret("client_id", &fedex.client_id));
  TE_RETURN_IF_ERROR(reader.Secret("client_secret", &fedex.client_secret));
  TE_RETURN_IF_ERROR(reader.Duration("batch_window", &fedex.batch_window));
  int64_t max_batch = static_cast<int64_t>(fedex.max_batch);
  TE_RETURN_IF_ERROR(reader.Int("max_batch", 1, 30, &max_batch));
  fedex.max_batch = static_cast<size_t>(max_batch);
  TE_RETURN_IF_ERROR(reader.Done());
  if (fedex.client_id.empty() != fedex.client_secret.empty()) {
    return KeyError("carriers.fedex", "client_id and client_secret go together");
  }
  config->fedex_configured = true;
  return absl::OkStatus();
}

absl::Status ReadUsps(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "carriers.usps");
  TE_RETURN_IF_ERROR(reader.String("base_url", &config->usps.base_url));
  TE_RETURN_IF_ERROR(reader.Secret("client_id", &config->usps.client_id));
  TE_RETURN_IF_ERROR(reader.Secret("client_secret", &config->usps.client_secret));
  TE_RETURN_IF_ERROR(reader.Done());
  if (config->usps.client_id.empty() != config->usps.client_secret.empty()) {
    return KeyError("carriers.usps", "client_id and client_secret go together");
  }
  config->usps_configured = true;
  return absl::OkStatus();
}

absl::Status ReadDhl(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "carriers.dhl");
  TE_RETURN_IF_ERROR(reader.String("base_url", &config->dhl.base_url));
  TE_RETURN_IF_ERROR(reader.Secret("api_key", &config->dhl.api_key));
  TE_RETURN_IF_ERROR(reader.Done());
  config->dhl_configured = true;
  return absl::OkStatus();
}

absl::Status ReadDpd(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "carriers.dpd");
  TE_RETURN_IF_ERROR(reader.String("base_url", &config->dpd.base_url));
  TE_RETURN_IF_ERROR(reader.Secret("delis_id", &config->dpd.delis_id));
  TE_RETURN_IF_ERROR(reader.Secret("password", &config->dpd.password));
  TE_RETURN_IF_ERROR(reader.String("message_language", &config->dpd.message_language));
  TE_RETURN_IF_ERROR(reader.Done());
  if (config->dpd.delis_id.empty() != config->dpd.password.empty()) {
    return KeyError("carriers.dpd", "delis_id and password go together");
  }
  config->dpd_configured = true;
  return absl::OkStatus();
}

absl::Status ReadAmazonShipping(const json::object& object, ServiceConfig* config) {
  ObjectReader reader(object, "carriers.amazon_shipping");
  adapters::amazon_shipping::AmazonShippingSettings& amazon = config->amazon_shipping;
  TE_RETURN_IF_ERROR(reader.String("base_url", &amazon.base_url));
  TE_RETURN_IF_ERROR(reader.String("lwa_url", &amazon.lwa_url));
  TE_RETURN_IF_ERROR(reader.Secret("client_id", &amazon.client_id));
  TE_RETURN_IF_ERROR(reader.Secret("client_secret", &amazon.client_secret));
  TE_RETURN_IF_ERROR(reader.Secret("refresh_token", &amazon.refresh_token));
  TE_RETURN_IF_ERROR(reader.String("carrier_id", &amazon.carrier_id));
  TE_RETURN_IF_ERROR(reader.String("business_id", &amazon.business_id));
  TE_RETURN_IF_ERROR(reader.Done());
  const int given =
      !amazon.client_id.empty() + !amazon.client_secret.empty() + !amazon.refresh_token.empty();
  if (given != 0 && given != 3) {
    return KeyError("carriers.amazon_shipping",
                    "client_id, client_secret and refresh_token go together");
  }
  if (amazon.carrier_id.empty()) {
    return KeyError("carriers.amazon_shipping.carrier_id", "must not be empty");
  }
  config->amazon_shipping_configured = true;
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

}  // namespace

absl::StatusOr<ServiceConfig> ParseServiceConfig(absl::string_view json_text) {
  boost::system::error_code error;
  json::value root = json::parse(std::string_view(json_text.data(), json_text.size()), error);
  if (error)
    return absl::InvalidArgumentError(
        absl::StrCat("config: not valid JSON (", error.message(), ")"));
  if (!root.is_object()) return absl::InvalidArgumentError("config: top level must be an object");

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
    auto ups = carrier_reader.Object("ups");
    if (!ups.ok()) return ups.status();
    if (*ups != nullptr) TE_RETURN_IF_ERROR(ReadUps(**ups, &config));
    using CarrierReader = absl::Status (*)(const json::object&, ServiceConfig*);
    const std::pair<absl::string_view, CarrierReader> carrier_readers[] = {
        {"fedex", ReadFedex},
        {"usps", ReadUsps},
        {"dhl", ReadDhl},
        {"dpd", ReadDpd},
        {"amazon_shipping", ReadAmazonShipping}};
    for (const auto& [name, read] : carrier_readers) {
      auto section = carrier_reader.Object(name);
      if (!section.ok()) return section.status();
      if (*section != nullptr) TE_RETURN_IF_ERROR(read(**section, &config));
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
  auto redis = reader.Object("redis");
  if (!redis.ok()) return redis.status();
  if (*redis != nullptr) TE_RETURN_IF_ERROR(ReadRedis(**redis, &config));
  TE_RETURN_IF_ERROR(reader.Done());
  return config;
}

absl::StatusOr<ServiceConfig> LoadServiceConfig(const std::string& path) {
  std::ifstream file(path);
  if (!file) return absl::NotFoundError(absl::StrCat("config: cannot read ", path));
  std::stringstream contents;
  contents << file.rdbuf();
  return ParseServiceConfig(contents.str());
}

}  // namespace trackenrich::server
