#include "adapters/shopify/shopify_order_source.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/mutex.h"

#include "adapters/common/upstream_status.h"
#include "adapters/http/trace_context.h"
#include "adapters/shopify/shopify_order_ref.h"
#include "adapters/shopify/shopify_parser.h"
#include "adapters/shopify/shopify_request.h"
#include "cache/cache_keys.h"

namespace trackenrich::adapters::shopify {
namespace {

constexpr absl::string_view kAdapter = "shopify";
// A rate-limit slot or a throttled retry must leave this much of the
// deadline for the call itself.
constexpr absl::Duration kCallReserve = absl::Milliseconds(250);

struct ShopState {
  std::string tenant;
  // "acme.myshopify.com".
  std::string domain;
  ShopifyShop config;
  http::Endpoint endpoint;
  absl::Mutex mu;
  // The bucket Shopify reported (throttleStatus); the configured one until then.
  cache::RateLimit bucket ABSL_GUARDED_BY(mu);
  bool reported ABSL_GUARDED_BY(mu) = false;
  // The requestedQueryCost of the shop's last answer.
  double query_cost ABSL_GUARDED_BY(mu) = 0;
  // read_all_orders as the shop's granted scopes say; unset until asked.
  std::optional<bool> granted_all_orders ABSL_GUARDED_BY(mu);
};

class ShopifyOrderSource final : public OrderSource {
 public:
  ShopifyOrderSource(http::HttpClient& client, cache::RateLimiter& limiter,
                     ShopifySettings settings,
                     absl::flat_hash_map<std::string, std::unique_ptr<ShopState>> shops)
      : client_(client),
        limiter_(limiter),
        settings_(std::move(settings)),
        shops_(std::move(shops)) {}

  absl::string_view name() const override { return kAdapter; }

  bool Serves(absl::string_view tenant) const override { return shops_.contains(tenant); }

  absl::Status Recognize(absl::string_view tenant, absl::string_view order_id) const override {
    auto it = shops_.find(tenant);
    const OrderNameFormat format =
        it == shops_.end() ? OrderNameFormat{.prefix = "#"} : it->second->config.name_format;
    return ParseShopifyOrderRef(order_id, format).status();
  }

  std::vector<OrderNameFormat> NameFormats(absl::string_view tenant) const override {
    auto it = shops_.find(tenant);
    if (it == shops_.end()) return {};
    return {it->second->config.name_format};
  }

  void GetOrder(const OrderQuery& query, OrderCallback done) override {
    auto it = shops_.find(query.tenant);
    if (it == shops_.end()) {
      done(absl::FailedPreconditionError(
          absl::StrCat("shopify: no Shopify shop is configured for tenant '", query.tenant,
                       "' (shopify.shops.", query.tenant, ")")));
      return;
    }
    ShopState& shop = *it->second;
    if (shop.config.access_token.empty()) {
      done(absl::FailedPreconditionError(absl::StrCat("shopify: no access token for tenant '",
                                                      query.tenant, "' (shopify.shops.",
                                                      query.tenant, ".access_token)")));
      return;
    }
    auto ref = ParseShopifyOrderRef(query.order_id, shop.config.name_format);
    if (!ref.ok()) {
      done(absl::InvalidArgumentError(ref.status().message()));
      return;
    }
    ShopifyAnswerContext context{.tenant = shop.tenant,
                                 .shop = shop.domain,
                                 .order_ref = ref->value,
                                 .read_all_orders = shop.config.read_all_orders.value_or(false),
                                 .store_name = shop.config.store_name};
    Query(shop, *std::move(ref), std::move(context), query.deadline, std::move(done));
  }

 private:
  // Waits for room in the shop's bucket, sends, and retries a THROTTLED
  // answer while the deadline allows.
  void Query(ShopState& shop, ShopifyOrderRef ref, ShopifyAnswerContext context,
             absl::Time deadline, OrderCallback done) {
    cache::RateLimit bucket;
    double cost = 0;
    bool reported = false;
    {
      absl::MutexLock lock(&shop.mu);
      bucket = shop.bucket;
      cost = shop.query_cost;
      reported = shop.reported;
    }
    if (cost <= 0) cost = settings_.estimated_query_cost;
    const int64_t units = std::clamp<int64_t>(static_cast<int64_t>(std::ceil(cost)), 1,
                                              std::max<int64_t>(bucket.burst, 1));
    // A bucket's state means something at one size and rate only: the
    // reported one gets its own key.
    std::string scope = absl::StrCat("shopify.", shop.domain);
    if (reported) absl::StrAppend(&scope, "@", bucket.per_second, "/", bucket.burst);
    const std::string key = cache::RateLimitKey(shop.tenant, scope);
    const absl::Time slot_deadline =
        deadline == absl::InfiniteFuture() ? deadline : deadline - kCallReserve;
    limiter_.Acquire(
        key, bucket, units, slot_deadline,
        [this, &shop, ref = std::move(ref), context = std::move(context), deadline, units,
         done = std::move(done), trace = http::CurrentTrace(),
         asked = absl::Now()](absl::Status granted) mutable {
          http::ScopedTrace scoped(trace);
          client_.RecordRateLimitDecision("shopify.graphql", granted.ok(), absl::Now() - asked);
          if (!granted.ok()) {
            done(absl::ResourceExhaustedError(absl::StrCat(
                "shopify: the query-cost bucket of shop '", shop.domain, "' has no room for ",
                units, " points before the deadline (", granted.message(), ")")));
            return;
          }
          Send(shop, std::move(ref), std::move(context), deadline, std::move(done));
        });
  }

  void Send(ShopState& shop, ShopifyOrderRef ref, ShopifyAnswerContext context, absl::Time deadline,
            OrderCallback done) {
    http::HttpRequest request =
        BuildShopifyOrderRequest(settings_.api_version, ref, shop.config.access_token);
    client_.Send(
        shop.endpoint, std::move(request), deadline,
        [this, &shop, ref = std::move(ref), context = std::move(context), deadline,
         done = std::move(done),
         trace = http::CurrentTrace()](absl::StatusOr<http::HttpResponse> response) mutable {
          http::ScopedTrace scoped(trace);
          if (!response.ok()) {
            done(WithAdapter(kAdapter, response.status()));
            return;
          }
          const ShopifyCost cost = ParseShopifyCost(response->body);
          Learn(shop, cost, /*order_query=*/true);
          if (response->status == 200 && cost.throttled) {
            Throttled(shop, cost, std::move(ref), std::move(context), deadline, std::move(done));
            return;
          }
          absl::StatusOr<v1::Order> order = ParseShopifyOrderResponse(*response, context);
          if (absl::IsNotFound(order.status()) && !shop.config.read_all_orders.has_value()) {
            NotFound(shop, *std::move(response), std::move(context), deadline, std::move(done));
            return;
          }
          done(std::move(order));
        });
  }

  // No such order: words the NOT_FOUND by whether the app has
  // read_all_orders, asking the shop's granted scopes the first time.
  // Should that fail, the message keeps the 60-day explanation.
  void NotFound(ShopState& shop, http::HttpResponse answer, ShopifyAnswerContext context,
                absl::Time deadline, OrderCallback done) {
    std::optional<bool> granted;
    {
      absl::MutexLock lock(&shop.mu);
      granted = shop.granted_all_orders;
    }
    if (granted.has_value()) {
      context.read_all_orders = *granted;
      done(ParseShopifyOrderResponse(answer, context));
      return;
    }
    client_.Send(
        shop.endpoint,
        BuildShopifyAccessScopesRequest(settings_.api_version, shop.config.access_token), deadline,
        [&shop, answer = std::move(answer), context = std::move(context), done = std::move(done),
         trace = http::CurrentTrace()](absl::StatusOr<http::HttpResponse> response) mutable {
          http::ScopedTrace scoped(trace);
          if (response.ok()) {
            Learn(shop, ParseShopifyCost(response->body), /*order_query=*/false);
            auto all_orders = ParseShopifyAccessScopesResponse(*response, context);
            if (all_orders.ok()) {
              absl::MutexLock lock(&shop.mu);
              shop.granted_all_orders = *all_orders;
              context.read_all_orders = *all_orders;
            }
          }
          done(ParseShopifyOrderResponse(answer, context));
        });
  }

  // THROTTLED: the bucket lacks the query's cost. Retry once it refills,
  // if that is before the deadline.
  void Throttled(ShopState& shop, const ShopifyCost& cost, ShopifyOrderRef ref,
                 ShopifyAnswerContext context, absl::Time deadline, OrderCallback done) {
    const double missing = std::max(cost.requested - cost.currently_available, 1.0);
    const absl::Duration wait =
        cost.restore_rate > 0 ? absl::Seconds(missing / cost.restore_rate) : absl::Seconds(1);
    const absl::Time retry_at = absl::Now() + wait;
    // Shopify's own bucket refused the query (HTTP 200, so the upstream's
    // attempt counters see a success): counted as a rejected decision.
    client_.RecordRateLimitDecision("shopify.throttled", false, wait);
    if (retry_at + kCallReserve < deadline) {
      client_.RunAt(retry_at,
                    [this, &shop, ref = std::move(ref), context = std::move(context), deadline,
                     done = std::move(done), trace = http::CurrentTrace()]() mutable {
                      http::ScopedTrace scoped(trace);
                      Send(shop, std::move(ref), std::move(context), deadline, std::move(done));
                    });
      return;
    }
    done(absl::ResourceExhaustedError(absl::StrFormat(
        "shopify: shop '%s' throttled the query (cost %.0f points, %.0f available, restoring "
        "%.0f per second); retry in %.1f s",
        shop.domain, cost.requested, cost.currently_available, cost.restore_rate,
        absl::ToDoubleSeconds(wait))));
  }

  // `order_query`: the answer is the order query's, whose cost the next
  // order query takes from the bucket.
  static void Learn(ShopState& shop, const ShopifyCost& cost, bool order_query) {
    absl::MutexLock lock(&shop.mu);
    if (order_query && cost.requested > 0) shop.query_cost = cost.requested;
    if (cost.maximum_available >= 1 && cost.restore_rate > 0 && cost.restore_rate < 1e6 &&
        cost.maximum_available < 1e7) {
      shop.bucket = {.per_second = cost.restore_rate,
                     .burst = static_cast<int64_t>(cost.maximum_available)};
      shop.reported = true;
    }
  }

  http::HttpClient& client_;
  cache::RateLimiter& limiter_;
  const ShopifySettings settings_;
  // Built once, never changed: read without a lock.
  const absl::flat_hash_map<std::string, std::unique_ptr<ShopState>> shops_;
};

// "acme" → "acme.myshopify.com"; a full domain stays. Lower case.
absl::StatusOr<std::string> ShopDomain(absl::string_view shop) {
  std::string domain = absl::AsciiStrToLower(absl::StripAsciiWhitespace(shop));
  if (domain.empty()) return absl::InvalidArgumentError("required");
  for (char c : domain) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') {
      return absl::InvalidArgumentError(absl::StrCat(
          "a shop domain has letters, digits, '-' and '.' only, found '", std::string(1, c), "'"));
    }
  }
  if (domain.find('.') == std::string::npos) absl::StrAppend(&domain, ".myshopify.com");
  return domain;
}

bool ValidVersion(absl::string_view version) {
  // YYYY-MM, or "unstable".
  if (version == "unstable") return true;
  if (version.size() != 7 || version[4] != '-') return false;
  for (size_t i = 0; i < version.size(); ++i) {
    if (i != 4 && !absl::ascii_isdigit(static_cast<unsigned char>(version[i]))) return false;
  }
  return true;
}

absl::Status CheckFormatPart(const std::string& key, absl::string_view part) {
  for (char c : part) {
    if (c == '"' || c == '\\' || absl::ascii_iscntrl(static_cast<unsigned char>(c)) ||
        absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == ' ') {
      return absl::InvalidArgumentError(
          absl::StrCat(key,
                       ": no digits, spaces, quotes or backslashes (the order number goes "
                       "between prefix and suffix)"));
    }
  }
  if (part.size() > 16)
    return absl::InvalidArgumentError(absl::StrCat(key, ": at most 16 characters"));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<OrderSource>> MakeShopifyOrderSource(http::HttpClient& client,
                                                                    cache::RateLimiter& limiter,
                                                                    ShopifySettings settings) {
  if (!ValidVersion(settings.api_version)) {
    return absl::InvalidArgumentError(absl::StrCat("shopify.api_version: '", settings.api_version,
                                                   "' is not a version such as 2025-10"));
  }
  if (settings.estimated_query_cost < 1) settings.estimated_query_cost = 1;
  absl::flat_hash_map<std::string, std::unique_ptr<ShopState>> shops;
  for (const auto& [tenant, shop] : settings.shops) {
    const std::string path = absl::StrCat("shopify.shops.", tenant);
    auto domain = ShopDomain(shop.shop);
    if (!domain.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(path, ".shop: ", domain.status().message()));
    }
    if (auto status =
            CheckFormatPart(absl::StrCat(path, ".order_name_prefix"), shop.name_format.prefix);
        !status.ok()) {
      return status;
    }
    if (auto status =
            CheckFormatPart(absl::StrCat(path, ".order_name_suffix"), shop.name_format.suffix);
        !status.ok()) {
      return status;
    }
    const std::string base = settings.base_url.empty()
                                 ? absl::StrCat("https://", *domain)
                                 : absl::StrReplaceAll(settings.base_url, {{"{shop}", *domain}});
    auto endpoint = http::ParseEndpoint(base);
    if (!endpoint.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(settings.base_url.empty() ? absl::StrCat(path, ".shop") : "shopify.base_url",
                       ": ", endpoint.status().message()));
    }
    endpoint->name = std::string(kAdapter);
    auto state = std::make_unique<ShopState>();
    state->tenant = tenant;
    state->domain = *domain;
    state->config = shop;
    state->endpoint = *std::move(endpoint);
    {
      absl::MutexLock lock(&state->mu);
      state->bucket = settings.bucket;
    }
    shops.emplace(tenant, std::move(state));
  }
  return std::unique_ptr<OrderSource>(
      new ShopifyOrderSource(client, limiter, std::move(settings), std::move(shops)));
}

}  // namespace trackenrich::adapters::shopify
