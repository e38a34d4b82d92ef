#include "adapters/amazon/sp_api_order_source.h"

#include <array>
#include <cstdlib>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

#include "adapters/amazon/fulfillment_outbound_parser.h"
#include "adapters/amazon/lwa_request.h"
#include "adapters/amazon/orders_parser.h"
#include "adapters/amazon/sp_api_requests.h"
#include "adapters/common/oauth_token_cache.h"
#include "adapters/common/token_exchange.h"
#include "adapters/common/upstream_status.h"
#include "adapters/http/trace_context.h"
#include "cache/cache_keys.h"

namespace trackenrich::adapters::amazon {
namespace {

constexpr absl::string_view kAdapter = "sp_api";
// A seller Amazon refused Orders 2026-01-01 for is asked through v0 this long.
constexpr absl::Duration kV0Memory = absl::Hours(1);
// A rate-limit slot must leave this much of the deadline for the call itself.
constexpr absl::Duration kCallReserve = absl::Milliseconds(250);

// SP-API answers 403 "Unauthorized" as well as 401 for an expired access token.
bool TokenRejected(const http::HttpResponse& response) {
  return response.status == 401 || response.status == 403;
}

int RegionIndex(Region region) { return static_cast<int>(region); }

class SpApiOrderSource;

// getPackageTrackingDetails, as a tracking source keyed by package number.
class McfPackageTracker final : public TrackingSource {
 public:
  explicit McfPackageTracker(SpApiOrderSource& owner) : owner_(owner) {}
  absl::string_view name() const override { return "amazon_mcf"; }
  v1::Carrier carrier() const override { return v1::CARRIER_AMAZON; }
  void Track(const TrackQuery& query, ShipmentCallback done) override;

 private:
  SpApiOrderSource& owner_;
};

class SpApiOrderSource final : public OrderSource {
 public:
  SpApiOrderSource(http::HttpClient& client, cache::RateLimiter& limiter, SpApiSettings settings,
                   http::Endpoint lwa, std::array<http::Endpoint, 3> regions)
      : client_(client),
        limiter_(limiter),
        settings_(std::move(settings)),
        lwa_(std::move(lwa)),
        regions_(std::move(regions)),
        tracker_(*this) {
    for (const auto& [tenant, seller] : settings_.sellers) {
      auto state = std::make_unique<SellerState>();
      state->tenant = tenant;
      state->config = seller;
      const Marketplace* marketplace = FindMarketplace(seller.default_marketplace_id);
      state->default_region = marketplace != nullptr ? marketplace->region : Region::kNorthAmerica;
      SellerState* raw = state.get();
      state->tokens = std::make_unique<OAuthTokenCache>(
          [this, raw](absl::Time deadline, TokenFetchCallback done) {
            FetchToken(*raw, deadline, std::move(done));
          });
      sellers_.emplace(tenant, std::move(state));
    }
  }

  absl::string_view name() const override { return kAdapter; }

  TrackingSource* PackageTracker() override { return &tracker_; }

  bool Serves(absl::string_view tenant) const override { return sellers_.contains(tenant); }

  void GetOrder(const OrderQuery& query, OrderCallback done) override {
    auto seller = SellerFor(query.tenant);
    if (!seller.ok()) {
      done(seller.status());
      return;
    }
    auto region = RegionFor(**seller, query.marketplace_id);
    if (!region.ok()) {
      done(region.status());
      return;
    }
    if (query.channel == v1::SALES_CHANNEL_AMAZON ||
        query.channel == v1::SALES_CHANNEL_UNSPECIFIED) {
      GetAmazonOrder(**seller, *region, query, std::move(done));
    } else {
      GetFulfillmentOrder(**seller, *region, query, std::move(done));
    }
  }

  void TrackPackage(const TrackQuery& query, ShipmentCallback done) {
    auto seller = SellerFor(query.tenant);
    if (!seller.ok()) {
      done(seller.status());
      return;
    }
    // A package is tracked in its order's region: the seller's other
    // regions do not know it.
    auto region = RegionFor(**seller, query.marketplace_id);
    if (!region.ok()) {
      done(region.status());
      return;
    }
    SellerState& state = **seller;
    Call(
        state, *region, "getPackageTrackingDetails", settings_.fulfillment_plan, query.deadline,
        [number = query.tracking_number](absl::string_view token) {
          return BuildGetPackageTrackingRequest(number, token);
        },
        [&state, done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter("amazon_mcf", response.status()));
            return;
          }
          done(ParsePackageTrackingResponse(*response, state.tenant));
        });
  }

 private:
  struct SellerState {
    std::string tenant;
    SpApiSeller config;
    Region default_region = Region::kNorthAmerica;
    std::unique_ptr<OAuthTokenCache> tokens;
    absl::Mutex mu;
    absl::Time v0_until ABSL_GUARDED_BY(mu) = absl::InfinitePast();
    // Rates Amazon announced (x-amzn-RateLimit-Limit), by operation.
    absl::flat_hash_map<std::string, double> announced ABSL_GUARDED_BY(mu);
  };

  // The region of `marketplace_id`; the seller's default when it is empty.
  static absl::StatusOr<Region> RegionFor(const SellerState& seller,
                                          const std::string& marketplace_id) {
    if (marketplace_id.empty()) return seller.default_region;
    const Marketplace* marketplace = FindMarketplace(marketplace_id);
    if (marketplace == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("marketplace_id: '", marketplace_id, "' is not an Amazon marketplace ID"));
    }
    return marketplace->region;
  }

  absl::StatusOr<SellerState*> SellerFor(const std::string& tenant) {
    auto it = sellers_.find(tenant);
    if (it == sellers_.end()) {
      return absl::FailedPreconditionError(
          absl::StrCat("sp_api: no Amazon seller is configured for tenant '", tenant,
                       "' (amazon.sellers.", tenant, ")"));
    }
    if (settings_.client_id.empty() || settings_.client_secret.empty() ||
        it->second->config.refresh_token.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "sp_api: Amazon credentials incomplete for tenant '", tenant,
          "' (amazon.client_id, amazon.client_secret, amazon.sellers.", tenant, ".refresh_token)"));
    }
    return it->second.get();
  }

  void FetchToken(SellerState& seller, absl::Time deadline, TokenFetchCallback done) {
    FetchOAuthToken(client_, lwa_,
                    BuildLwaTokenRequest(settings_.client_id, settings_.client_secret,
                                         seller.config.refresh_token),
                    deadline, absl::StrCat("sp_api lwa (tenant '", seller.tenant, "')"),
                    std::move(done));
  }

  // Waits for a slot of `operation`'s plan, then sends with the seller's token.
  void Call(SellerState& seller, Region region, absl::string_view operation, cache::RateLimit plan,
            absl::Time deadline, TokenRequestBuilder build, http::ResponseCallback done) {
    std::string scope = absl::StrCat("sp_api.", operation);
    {
      absl::MutexLock lock(&seller.mu);
      if (auto it = seller.announced.find(operation);
          it != seller.announced.end() && it->second != plan.per_second) {
        plan.per_second = it->second;
        // A bucket's arrival time means something only at one rate: calls
        // judged at the plan's rate against slots spaced at Amazon's (or the
        // reverse) would be refused or let through wrongly. The announced
        // rate gets its own bucket.
        absl::StrAppend(&scope, "@", plan.per_second);
      }
    }
    const std::string key = cache::RateLimitKey(seller.tenant, scope);
    const absl::Time slot_deadline =
        deadline == absl::InfiniteFuture() ? deadline : deadline - kCallReserve;
    // The slot may be granted on another thread: keep the caller's trace.
    limiter_.Acquire(
        key, plan, 1, slot_deadline,
        [this, &seller, region, operation = std::string(operation), deadline,
         build = std::move(build), done = std::move(done), trace = http::CurrentTrace(),
         asked = absl::Now()](absl::Status granted) mutable {
          http::ScopedTrace scope(trace);
          // Reported like a carrier's rate-limit waits, per operation.
          client_.RecordRateLimitDecision(absl::StrCat(kAdapter, ".", operation), granted.ok(),
                                          absl::Now() - asked);
          if (!granted.ok()) {
            done(absl::ResourceExhaustedError(
                absl::StrCat("sp_api ", operation, ": usage plan of tenant '", seller.tenant,
                             "' has no slot before the deadline (", granted.message(), ")")));
            return;
          }
          SendWithToken(
              client_, regions_[RegionIndex(region)], *seller.tokens, deadline, std::move(build),
              [&seller, operation,
               done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
                if (response.ok()) NoteAnnouncedRate(seller, operation, *response);
                done(std::move(response));
              },
              TokenRejected);
        });
  }

  static void NoteAnnouncedRate(SellerState& seller, const std::string& operation,
                                const http::HttpResponse& response) {
    const absl::string_view header = response.Header("x-amzn-RateLimit-Limit");
    double rate = 0;
    if (header.empty() || !absl::SimpleAtod(header, &rate)) return;
    if (!(rate > 0.0001 && rate < 10'000)) return;
    absl::MutexLock lock(&seller.mu);
    seller.announced[operation] = rate;
  }

  void GetAmazonOrder(SellerState& seller, Region region, const OrderQuery& query,
                      OrderCallback done) {
    bool use_v0 = settings_.orders_api == OrdersApi::kV0;
    if (settings_.orders_api == OrdersApi::kAuto) {
      absl::MutexLock lock(&seller.mu);
      use_v0 = absl::Now() < seller.v0_until;
    }
    if (use_v0) {
      GetAmazonOrderV0(seller, region, query, std::move(done));
      return;
    }
    Call(
        seller, region, "getOrder", settings_.get_order_plan, query.deadline,
        [order_id = query.order_id](absl::string_view token) {
          return BuildGetOrderRequest(order_id, token);
        },
        [this, &seller, region, query,
         done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter(kAdapter, response.status()));
            return;
          }
          if (response->status == 403 && settings_.orders_api == OrdersApi::kAuto) {
            // The seller's app may lack Orders 2026-01-01 but have v0.
            GetAmazonOrderV0(seller, region, query, std::move(done), /*remember=*/true);
            return;
          }
          done(ParseGetOrderResponse(*response, seller.tenant));
        });
  }

  // `remember`: a success means the seller has v0 only; ask v0 first for a while.
  void GetAmazonOrderV0(SellerState& seller, Region region, const OrderQuery& query,
                        OrderCallback done, bool remember = false) {
    Call(
        seller, region, "getOrderV0", settings_.get_order_plan, query.deadline,
        [order_id = query.order_id](absl::string_view token) {
          return BuildGetOrderV0Request(order_id, token);
        },
        [&seller, remember,
         done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter(kAdapter, response.status()));
            return;
          }
          if (remember && response->status == 200) {
            absl::MutexLock lock(&seller.mu);
            seller.v0_until = absl::Now() + kV0Memory;
          }
          done(ParseGetOrderV0Response(*response, seller.tenant));
        });
  }

  void GetFulfillmentOrder(SellerState& seller, Region region, const OrderQuery& query,
                           OrderCallback done) {
    Call(
        seller, region, "getFulfillmentOrder", settings_.fulfillment_plan, query.deadline,
        [order_id = query.order_id](absl::string_view token) {
          return BuildGetFulfillmentOrderRequest(order_id, token);
        },
        [&seller, channel = query.channel,
         done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter(kAdapter, response.status()));
            return;
          }
          auto order = ParseFulfillmentOrderResponse(*response, seller.tenant);
          if (order.ok()) order->set_channel(channel);
          done(std::move(order));
        });
  }

  http::HttpClient& client_;
  cache::RateLimiter& limiter_;
  const SpApiSettings settings_;
  const http::Endpoint lwa_;
  const std::array<http::Endpoint, 3> regions_;
  McfPackageTracker tracker_;
  // Built once in the constructor, never changed: read without a lock.
  absl::flat_hash_map<std::string, std::unique_ptr<SellerState>> sellers_;
};

void McfPackageTracker::Track(const TrackQuery& query, ShipmentCallback done) {
  owner_.TrackPackage(query, std::move(done));
}

}  // namespace

absl::StatusOr<std::unique_ptr<OrderSource>> MakeSpApiOrderSource(http::HttpClient& client,
                                                                  cache::RateLimiter& limiter,
                                                                  SpApiSettings settings) {
  auto lwa = http::ParseEndpoint(settings.lwa_url);
  if (!lwa.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("amazon.lwa_url: ", lwa.status().message()));
  }
  lwa->name = "sp_api_lwa";
  std::array<http::Endpoint, 3> regions;
  for (Region region : {Region::kNorthAmerica, Region::kEurope, Region::kFarEast}) {
    const std::string name(RegionName(region));
    auto it = settings.endpoints.find(name);
    const std::string url =
        it != settings.endpoints.end() ? it->second : RegionEndpoint(region, settings.sandbox);
    auto endpoint = http::ParseEndpoint(url);
    if (!endpoint.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("amazon.endpoints.", name, ": ", endpoint.status().message()));
    }
    endpoint->name = absl::StrCat("sp_api_", name);
    regions[RegionIndex(region)] = *std::move(endpoint);
  }
  for (const auto& [tenant, seller] : settings.sellers) {
    if (FindMarketplace(seller.default_marketplace_id) == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("amazon.sellers.", tenant, ".default_marketplace_id: '",
                       seller.default_marketplace_id, "' is not an Amazon marketplace ID"));
    }
  }
  return std::unique_ptr<OrderSource>(new SpApiOrderSource(client, limiter, std::move(settings),
                                                           *std::move(lwa), std::move(regions)));
}

}  // namespace trackenrich::adapters::amazon
