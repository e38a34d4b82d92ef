#include "services/server/server.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/io_context.hpp"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "spdlog/spdlog.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"
#include "cache/local_rate_limiter.h"
#include "cache/memory/memory_cache.h"
#include "cache/redis/redis_cache.h"
#include "cache/redis/redis_client.h"
#include "cache/redis/redis_metrics.h"
#include "cache/redis/redis_rate_limiter.h"
#include "cache/redis/redis_shared_flight.h"
#include "cache/scheduler.h"
#include "cache/tiered_cache.h"
#include "grpc/health/v1/health.pb.h"
#include "services/admin/admin_server.h"
#include "services/auth/api_key_auth.h"
#include "services/gateway/json_gateway.h"
#include "services/http/http_server.h"
#include "services/integrations/openapi.h"
#include "services/integrations/public_api.h"
#include "services/logging/structured_log.h"
#include "services/lookup/shipment_lookup.h"
#include "services/metrics/service_metrics.h"
#include "services/push/carrier_push.h"
#include "services/sandbox/shopify_scenarios.h"
#include "services/server/carrier_wiring.h"
#include "services/server/readiness_report.h"
#include "services/server/tracking_service.h"
#include "services/server/unparsable_request_interceptor.h"
#include "services/watch/push_subscriber.h"
#include "services/watch/watch_manager.h"
#include "services/watch/watch_store.h"
#include "services/watch/webhook_sender.h"

namespace trackenrich::server {

namespace asio = boost::asio;

namespace {

// TLS (and mTLS when a client CA is set) from grpc_tls; plaintext otherwise.
std::shared_ptr<grpc::ServerCredentials> GrpcCredentials(const ServiceConfig& config) {
  if (config.grpc_tls_certificate_chain_pem.empty()) return grpc::InsecureServerCredentials();
  grpc::SslServerCredentialsOptions options(
      config.grpc_tls_client_ca_pem.empty()
          ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
          : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  options.pem_root_certs = config.grpc_tls_client_ca_pem;
  options.pem_key_cert_pairs.push_back(
      {config.grpc_tls_private_key_pem, config.grpc_tls_certificate_chain_pem});
  return grpc::SslServerCredentials(options);
}

// Says how callers are admitted; loudly when anyone may call.
void LogCallerPolicy(const ServiceConfig& config) {
  if (config.auth.tenants.empty()) {
    spdlog::warn(
        "AUTH OFF: no tenants are configured, so every caller is served without an API key, as "
        "tenant \"default\" (configure tenants.<name>.api_keys to require keys)");
  } else if (!config.auth.required) {
    spdlog::warn(
        "auth.required is false: callers without an API key are served as tenant \"default\"");
  } else {
    spdlog::info("auth: API keys required; {} tenant(s) configured", config.auth.tenants.size());
  }
  if (config.grpc_tls_certificate_chain_pem.empty()) {
    spdlog::info("gRPC without TLS (grpc_tls not configured)");
  } else {
    spdlog::info("gRPC over TLS{}",
                 config.grpc_tls_client_ca_pem.empty() ? "" : ", client certificates required");
  }
}

// Shared by all replicas through Redis when there is one; per process otherwise.
// The UPS upstream's rate limit (carriers.ups.rate_limit or its default);
// unlimited when none.
cache::RateLimit UpsRateLimit(const ServiceConfig& config) {
  const auto limits = CarrierRateLimits(config);
  auto it = limits.find("ups");
  return it == limits.end() ? cache::RateLimit{} : it->second;
}

std::unique_ptr<cache::RateLimiter> MakeRateLimiter(cache::RedisClient* redis,
                                                    asio::io_context& io_context) {
  if (redis != nullptr) {
    return std::make_unique<cache::RedisRateLimiter>(*redis, cache::AsioScheduler(io_context));
  }
  return std::make_unique<cache::LocalRateLimiter>(cache::AsioScheduler(io_context));
}

}  // namespace

struct Server::Impl {
  explicit Impl(const ServiceConfig& config)
      : config(config),
        work(asio::make_work_guard(io_context)),
        http_client(io_context, {.upstream = config.upstream, .ca_file = config.upstream_ca_file}),
        cache(config.memory_cache),
        redis_metrics(config.redis_configured
                          ? std::make_unique<cache::RedisMetrics>(metrics.registry())
                          : nullptr),
        redis(config.redis_configured ? std::make_unique<cache::RedisClient>(
                                            io_context, config.redis, redis_metrics.get())
                                      : nullptr),
        redis_cache(redis != nullptr ? std::make_unique<cache::RedisCache>(*redis) : nullptr),
        tiered_cache(cache, redis_cache.get()),
        shared_flight(redis != nullptr
                          ? std::make_unique<cache::RedisSharedFlight>(
                                *redis, config.shared_flight, cache::AsioScheduler(io_context))
                          : nullptr),
        rate_limiter(MakeRateLimiter(redis.get(), io_context)),
        lookup(registry, tiered_cache, metrics, config.cache_policy,
               {.shared_flight = shared_flight.get(),
                .rate_limiter = rate_limiter.get(),
                .rate_limits = CarrierRateLimits(config)}),
        audit_log(redis != nullptr && config.audit_max_len > 0
                      ? std::make_unique<audit::RedisAuditLog>(
                            *redis, audit::RedisAuditOptions{.max_len = config.audit_max_len})
                      : nullptr),
        orders(nullptr, lookup, tiered_cache, metrics,
               {.shared_flight = shared_flight.get(), .rate_limiter = rate_limiter.get()}),
        auth(config.auth.tenants.empty()
                 ? nullptr
                 : std::make_unique<auth::ApiKeyAuthenticator>(config.auth)),
        watch_store(redis != nullptr ? watch::MakeRedisWatchStore(
                                           *redis, {.stream_max_len = config.watch.stream_max_len})
                                     : watch::MakeMemoryWatchStore(
                                           {.stream_max_len = config.watch.stream_max_len})),
        subscriber(watch::PushSubscriberDeps{.store = watch_store.get(),
                                             .adapters = &registry,
                                             .rate_limiter = rate_limiter.get(),
                                             .ups_limit = UpsRateLimit(config),
                                             .metrics = &metrics,
                                             .later = cache::AsioScheduler(io_context)},
                   config.ups_subscribe),
        watches(watch::WatchDeps{.store = watch_store.get(),
                                 .shipments = &lookup,
                                 .orders = &orders,
                                 .metrics = &metrics,
                                 .later = cache::AsioScheduler(io_context),
                                 .templates = config.templates,
                                 .enrichment = config.enrichment,
                                 .reply_policy = config.reply_policy,
                                 .on_stored =
                                     [this](const watch::WatchRecord& record) {
                                       subscriber.OnWatched(record);
                                     }},
                config.watch),
        webhooks(*watch_store, http_client, &metrics, config.watch,
                 cache::AsioScheduler(io_context)),
        service(lookup, orders, metrics,
                {.default_deadline = config.default_deadline,
                 .enrichment = config.enrichment,
                 .templates = config.templates,
                 .reply_policy = config.reply_policy,
                 .audit = audit_log.get(),
                 .auth = auth.get(),
                 .watches = &watches}),
        admin(io_context,
              {.readiness = [this] { return ReadinessNow(); },
               .metrics = [this] { return MetricsText(); },
               .gateway =
                   [this](const http::HttpRequest& request, HttpServer::ReplyCallback reply) {
                     if (gateway == nullptr) {
                       HttpServer::Reply unavailable;
                       unavailable.response.status = 503;
                       unavailable.response.headers.emplace_back("Content-Type",
                                                                 "application/json");
                       unavailable.response.body =
                           "{\"code\":\"UNAVAILABLE\",\"message\":\"starting\"}\n";
                       reply(std::move(unavailable));
                       return;
                     }
                     gateway->Handle(request, std::move(reply));
                   }}) {}

  // Readiness is about this process (readiness_report.h).
  Readiness ReadinessNow() const {
    ReadinessFacts facts{.ready = ready.load(),
                         .sandbox = config.sandbox,
                         .api_keys = auth == nullptr    ? "off"
                                     : auth->required() ? "required"
                                                        : "optional",
                         .tenants = config.auth.tenants.size(),
                         .grpc_tls = config.grpc_tls_certificate_chain_pem.empty() ? "off"
                                     : config.grpc_tls_client_ca_pem.empty()       ? "tls"
                                                                                   : "mtls",
                         .redis = tiered_cache.SharedState(),
                         .watches_durable = watch_store->durable(),
                         .webhook_tenants = config.watch.webhooks.size(),
                         .order_source = OrderSourceName(),
                         .upstreams = http_client.Stats()};
    for (const auto* source : registry.All()) facts.adapters.emplace_back(source->name());
    std::sort(facts.adapters.begin(), facts.adapters.end());
    for (const auto& [channel, source] : order_sources.All()) {
      facts.order_sources.emplace_back(adapters::ChannelName(channel), source->name());
    }
    return {facts.ready, ReadinessJson(facts)};
  }

  // The Amazon source's name (the one order source before channels had
  // their own), else the first registered, else "none".
  std::string OrderSourceName() const {
    const adapters::OrderSource* source = order_sources.Find(v1::SALES_CHANNEL_AMAZON);
    if (source == nullptr && !order_sources.empty()) source = order_sources.All().front().second;
    return source != nullptr ? std::string(source->name()) : "none";
  }

  std::string MetricsText() const {
    return absl::StrCat(metrics.Serialize(),
                        ProcessMetricsText(const_cast<cache::MemoryCache&>(cache).stats(),
                                           logging::DroppedLogLines(), ready.load()));
  }

  ServiceConfig config;
  asio::io_context io_context;
  asio::executor_work_guard<asio::io_context::executor_type> work;
  std::vector<std::thread> threads;
  ServiceMetrics metrics;
  http::HttpClient http_client;
  adapters::AdapterRegistry registry;
  cache::MemoryCache cache;
  // Null without redis.address: the in-process cache alone serves. The
  // trackenrich_redis_* families come before `redis`, which reports to them.
  std::unique_ptr<cache::RedisMetrics> redis_metrics;
  std::unique_ptr<cache::RedisClient> redis;
  std::unique_ptr<cache::RedisCache> redis_cache;
  cache::TieredCache tiered_cache;
  std::unique_ptr<cache::RedisSharedFlight> shared_flight;
  std::unique_ptr<cache::RateLimiter> rate_limiter;
  ShipmentLookup lookup;
  adapters::OrderSourceRegistry order_sources;
  std::unique_ptr<audit::RedisAuditLog> audit_log;
  OrderLookup orders;
  // Null without tenants: every call runs as tenant "default".
  std::unique_ptr<auth::ApiKeyAuthenticator> auth;
  // Watches: in Redis when configured, else in this process (not durable).
  std::unique_ptr<watch::WatchStore> watch_store;
  // UPS Track Alert subscriptions of watched numbers (push.ups.subscribe).
  watch::PushSubscriber subscriber;
  watch::WatchManager watches;
  watch::WebhookSender webhooks;
  TrackingServiceImpl service;
  AdminServer admin;
  // The sandbox upstream in sandbox mode; null otherwise.
  std::unique_ptr<EmbeddedUpstream> sandbox;
  std::unique_ptr<grpc::Server> grpc_server;
  // After grpc_server: destroyed first, with the in-process channel it holds.
  std::unique_ptr<JsonGateway> gateway;
  // The public HTTP listener (public_http.listen); null when off.
  std::unique_ptr<integrations::PublicApi> public_api;
  // Carrier pushes on the public listener (/push/...).
  std::unique_ptr<push::CarrierPush> carrier_push;
  std::unique_ptr<HttpServer> public_http;
  int grpc_port = 0;
  uint16_t admin_port = 0;
  uint16_t http_port = 0;
  std::atomic<bool> ready{false};
  std::atomic<bool> shut_down{false};
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Shutdown(absl::ZeroDuration()); }

absl::StatusOr<std::unique_ptr<Server>> Server::Start(const ServiceConfig& config,
                                                      EmbeddedUpstreamStarter start_sandbox) {
  auto admin_address = ParseHostPort("admin_listen", config.admin_listen);
  if (!admin_address.ok()) return admin_address.status();
  auto impl = std::make_unique<Impl>(config);
  Impl& s = *impl;
  s.http_client.set_observer(&s.metrics);
  for (int i = 0; i < config.io_threads; ++i) {
    s.threads.emplace_back([&s] { s.io_context.run(); });
  }
  std::unique_ptr<Server> server(new Server(std::move(impl)));
  if (s.redis != nullptr) {
    s.redis->Start();
    spdlog::info("cache: in-process, then redis at {}:{} (database {})", config.redis.host,
                 config.redis.port, config.redis.database);
  } else {
    spdlog::info("cache: in-process only (no redis.address configured)");
  }

  if (config.sandbox) {
    auto sandbox_address = ParseHostPort("sandbox_listen", config.sandbox_listen);
    if (!sandbox_address.ok()) return sandbox_address.status();
    if (start_sandbox == nullptr) {
      return absl::FailedPreconditionError("sandbox: this binary is built without the sandbox");
    }
    auto started =
        start_sandbox(s.io_context, sandbox_address->first, sandbox_address->second, config);
    if (!started.ok()) return started.status();
    s.sandbox = *std::move(started);
    spdlog::warn(
        "SANDBOX MODE: upstreams without configuration are answered by the built-in "
        "sandbox at {} — no real carrier or Amazon data is served",
        s.sandbox->base_url());
  }
  if (auto status = RegisterCarrierAdapters(
          config, s.sandbox == nullptr ? "" : s.sandbox->base_url(), s.registry, s.http_client);
      !status.ok()) {
    return status;
  }
  if (auto status = RegisterOrderSources(config, s.sandbox == nullptr ? "" : s.sandbox->base_url(),
                                         s.http_client, *s.rate_limiter, s.order_sources);
      !status.ok()) {
    return status;
  }
  s.orders.set_sources(&s.order_sources);
  if (s.order_sources.empty()) {
    spdlog::warn("no order source is configured: order lookups answer FAILED_PRECONDITION");
  }
  if (s.registry.All().empty()) {
    spdlog::warn("no carrier adapters are configured: lookups will only return tracking links");
  }

  // Reflection can describe grpc.health.v1 only if its descriptor is linked in.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  LogCallerPolicy(config);
  grpc::ServerBuilder builder;
  builder.AddListeningPort(config.grpc_listen, GrpcCredentials(config), &s.grpc_port);
  builder.RegisterService(&s.service);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(
      MakeUnparsableRequestInterceptorFactory(s.metrics, TrackingServiceImpl::RawMethods()));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  s.grpc_server = builder.BuildAndStart();
  if (s.grpc_server == nullptr || s.grpc_port == 0) {
    return absl::UnavailableError(absl::StrCat(
        "grpc_listen: cannot listen on ", config.grpc_listen,
        config.grpc_tls_certificate_chain_pem.empty()
            ? ""
            : " (or grpc_tls: the certificate chain and private key do not load together)"));
  }
  s.grpc_server->GetHealthCheckService()->SetServingStatus(true);
  // The JSON gateway calls the service like any client, in process.
  s.gateway =
      std::make_unique<JsonGateway>(s.grpc_server->InProcessChannel(grpc::ChannelArguments()),
                                    GatewayOptions{.default_deadline = config.default_deadline,
                                                   .later = cache::AsioScheduler(s.io_context)},
                                    &s.metrics);

  if (auto status = StartPublicHttp(s); !status.ok()) return status;

  auto admin_port = s.admin.Listen(admin_address->first, admin_address->second);
  if (!admin_port.ok()) {
    return absl::Status(admin_port.status().code(),
                        absl::StrCat("admin_listen: ", admin_port.status().message()));
  }
  s.admin_port = *admin_port;
  if (!s.watch_store->durable()) {
    spdlog::warn(
        "watches: kept in this process only (no redis.address configured): NOT DURABLE, lost on "
        "restart and not shared with other replicas");
  }
  s.watches.Start();
  s.webhooks.Start();
  s.subscriber.Start();
  if (config.ups_subscribe.enabled) {
    spdlog::info(
        "push subscriptions: UPS Track Alert for watched 1Z numbers of tenant '{}', "
        "renewed {} before their {} end",
        config.ups_subscribe.tenant, absl::FormatDuration(config.ups_subscribe.renew_before),
        absl::FormatDuration(config.ups_subscribe.lifetime));
  }
  s.ready = true;
  spdlog::info("trackenrich serving gRPC on port {} and admin HTTP on port {}", s.grpc_port,
               s.admin_port);
  return server;
}

// The public listener: the gateway, the help-desk integrations and the card,
// behind the same API keys as gRPC (services/integrations/public_api.h).
absl::Status Server::StartPublicHttp(Impl& s) {
  const integrations::PublicHttpSettings& http = s.config.integrations.http;
  if (http.listen.empty()) return absl::OkStatus();
  auto address = ParseHostPort("public_http.listen", http.listen);
  if (!address.ok()) return address.status();
  s.public_api = std::make_unique<integrations::PublicApi>(integrations::PublicApiDeps{
      .gateway = s.gateway.get(),
      .channel = s.grpc_server->InProcessChannel(grpc::ChannelArguments()),
      .auth = s.auth.get(),
      .settings = s.config.integrations,
      .openapi_json = std::string(integrations::OpenApiJson()),
      .http = &s.http_client,
      .sandbox_url = s.sandbox == nullptr ? "" : s.sandbox->base_url(),
      .metrics = &s.metrics,
      .redis = s.redis.get()});
  if (s.config.integrations.zendesk.configured || s.config.integrations.freshdesk.configured) {
    spdlog::info("helpdesks: note write-backs deduplicated {}",
                 s.redis != nullptr ? "across replicas through redis"
                                    : "per process (no redis.address configured)");
  }
  HttpServer::Options options{.max_body_bytes = http.max_body_bytes,
                              .tls_certificate_chain_pem = http.tls_certificate_chain_pem,
                              .tls_private_key_pem = http.tls_private_key_pem};
  push::PushSettings push_settings = s.config.push;
  if (push_settings.shopify.configured && push_settings.shopify.shops.empty()) {
    // Each tenant's own shop, or in sandbox mode the sandbox's for `default`.
    for (const auto& [tenant, shop] : s.config.shopify.shops) {
      push_settings.shopify.shops[push::ShopDomain(shop.shop)] = tenant;
    }
    if (push_settings.shopify.shops.empty() && s.config.sandbox) {
      push_settings.shopify.shops[std::string(sandbox::kSandboxShopifyShop)] =
          std::string(auth::kDefaultTenant);
    }
  }
  s.carrier_push = std::make_unique<push::CarrierPush>(
      push::PushDeps{.lookup = &s.lookup, .orders = &s.orders, .store = s.watch_store.get()},
      std::move(push_settings));
  s.public_http = std::make_unique<HttpServer>(
      s.io_context,
      HttpServer::AsyncHandler(
          [api = s.public_api.get(), carrier_push = s.carrier_push.get()](
              const http::HttpRequest& request, HttpServer::ReplyCallback reply) {
            // Carrier pushes (services/push); everything else is the public API.
            if (absl::StartsWith(request.target, "/push/")) {
              return carrier_push->Handle(request, std::move(reply));
            }
            api->Handle(request, std::move(reply));
          }),
      options);
  auto port = s.public_http->Listen(address->first, address->second);
  if (!port.ok()) {
    return absl::Status(port.status().code(),
                        absl::StrCat("public_http.listen: ", port.status().message()));
  }
  s.http_port = *port;
  spdlog::info("public HTTP{} on port {}: JSON gateway, help-desk integrations, agent card",
               http.tls_certificate_chain_pem.empty() ? "" : "S", s.http_port);
  return absl::OkStatus();
}

uint16_t Server::http_port() const { return impl_->http_port; }
uint16_t Server::grpc_port() const { return static_cast<uint16_t>(impl_->grpc_port); }
uint16_t Server::admin_port() const { return impl_->admin_port; }
std::string Server::sandbox_url() const {
  return impl_->sandbox == nullptr ? "" : impl_->sandbox->base_url();
}

void Server::Shutdown(absl::Duration grace) {
  Impl& s = *impl_;
  if (s.shut_down.exchange(true)) return;
  s.ready = false;
  if (s.grpc_server != nullptr) {
    s.grpc_server->GetHealthCheckService()->SetServingStatus(false);
    spdlog::info("shutting down: health NOT_SERVING, draining in-flight calls (grace {})",
                 absl::FormatDuration(grace));
    // Waits for in-flight calls up to the deadline, then cancels the rest.
    s.grpc_server->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  }
  s.watches.Stop();
  s.webhooks.Stop();
  s.subscriber.Stop();
  s.admin.Stop();
  if (s.public_http != nullptr) s.public_http->Stop();
  if (s.sandbox != nullptr) s.sandbox->Stop();
  if (s.redis != nullptr) s.redis->Stop();
  s.work.reset();
  s.io_context.stop();
  for (auto& thread : s.threads) {
    if (thread.joinable()) thread.join();
  }
  spdlog::info("shutdown complete");
}

}  // namespace trackenrich::server
