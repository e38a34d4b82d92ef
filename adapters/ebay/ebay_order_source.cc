#include "adapters/ebay/ebay_order_source.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/common/token_exchange.h"
#include "adapters/common/upstream_status.h"
#include "adapters/ebay/ebay_order_id.h"
#include "adapters/ebay/ebay_parser.h"
#include "adapters/ebay/ebay_requests.h"

namespace trackenrich::adapters::ebay {
namespace {

constexpr absl::string_view kAdapter = "ebay";

class EbayOrderSource final : public OrderSource {
 public:
  EbayOrderSource(http::HttpClient& client, EbaySettings settings, http::Endpoint api,
                  http::Endpoint identity)
      : client_(client),
        settings_(std::move(settings)),
        api_(std::move(api)),
        identity_(std::move(identity)) {
    for (const auto& [tenant, seller] : settings_.sellers) {
      auto state = std::make_unique<SellerState>();
      state->tenant = tenant;
      state->refresh_token = seller.refresh_token;
      SellerState* raw = state.get();
      state->tokens = std::make_unique<OAuthTokenCache>(
          [this, raw](absl::Time deadline, TokenFetchCallback done) {
            FetchToken(*raw, deadline, std::move(done));
          });
      sellers_.emplace(tenant, std::move(state));
    }
  }

  absl::string_view name() const override { return kAdapter; }

  // A tenant with a seller whose credentials are complete.
  bool Serves(absl::string_view tenant) const override {
    auto it = sellers_.find(tenant);
    return it != sellers_.end() && !settings_.client_id.empty() &&
           !settings_.client_secret.empty() && !it->second->refresh_token.empty();
  }

  absl::Status Recognize(absl::string_view /*tenant*/, absl::string_view order_id) const override {
    return RecognizeEbayOrderId(order_id);
  }

  void GetOrder(const OrderQuery& query, OrderCallback done) override {
    auto seller = SellerFor(query.tenant);
    if (!seller.ok()) {
      done(seller.status());
      return;
    }
    SellerState& state = **seller;
    SendWithToken(
        client_, api_, *state.tokens, query.deadline,
        [order_id = query.order_id](absl::string_view token) {
          return BuildEbayGetOrderRequest(order_id, token);
        },
        [this, &state, query,
         done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter(kAdapter, response.status()));
            return;
          }
          auto order = ParseEbayOrderResponse(*response, state.tenant);
          if (!order.ok()) {
            done(order.status());
            return;
          }
          if (!order->has_fulfillments) {
            done(std::move(order->order));
            return;
          }
          GetFulfillments(state, query, std::move(order->order), std::move(done));
        });
  }

 private:
  struct SellerState {
    std::string tenant;
    std::string refresh_token;
    std::unique_ptr<OAuthTokenCache> tokens;
  };

  absl::StatusOr<SellerState*> SellerFor(const std::string& tenant) {
    auto it = sellers_.find(tenant);
    if (it == sellers_.end()) {
      return absl::FailedPreconditionError(
          absl::StrCat("ebay: no eBay seller is configured for tenant '", tenant,
                       "' (ebay.sellers.", tenant, ")"));
    }
    if (settings_.client_id.empty() || settings_.client_secret.empty() ||
        it->second->refresh_token.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "ebay: eBay credentials incomplete for tenant '", tenant,
          "' (ebay.client_id, ebay.client_secret, ebay.sellers.", tenant, ".refresh_token)"));
    }
    return it->second.get();
  }

  void FetchToken(SellerState& seller, absl::Time deadline, TokenFetchCallback done) {
    FetchOAuthToken(client_, identity_,
                    BuildEbayTokenRequest(settings_.client_id, settings_.client_secret,
                                          seller.refresh_token, settings_.scope),
                    deadline, absl::StrCat("ebay oauth (tenant '", seller.tenant, "')"),
                    std::move(done));
  }

  void GetFulfillments(SellerState& state, const OrderQuery& query, v1::Order order,
                       OrderCallback done) {
    SendWithToken(
        client_, api_, *state.tokens, query.deadline,
        [order_id = query.order_id](absl::string_view token) {
          return BuildEbayGetShippingFulfillmentsRequest(order_id, token);
        },
        [&state, order = std::move(order),
         done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter(kAdapter, response.status()));
            return;
          }
          absl::Status added = ParseEbayFulfillmentsResponse(*response, state.tenant, &order);
          if (!added.ok()) {
            done(added);
            return;
          }
          done(std::move(order));
        });
  }

  http::HttpClient& client_;
  const EbaySettings settings_;
  const http::Endpoint api_;
  const http::Endpoint identity_;
  // Built once in the constructor, never changed: read without a lock.
  absl::flat_hash_map<std::string, std::unique_ptr<SellerState>> sellers_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<OrderSource>> MakeEbayOrderSource(http::HttpClient& client,
                                                                 EbaySettings settings) {
  auto api = http::ParseEndpoint(settings.api_url);
  if (!api.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("ebay.api_url: ", api.status().message()));
  }
  api->name = "ebay";
  auto identity = http::ParseEndpoint(settings.identity_url);
  if (!identity.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("ebay.identity_url: ", identity.status().message()));
  }
  // One upstream in the metrics: the token endpoint and the Fulfillment API
  // share eBay's host (api.ebay.com), so they share its pool and breaker too.
  identity->name = "ebay";
  return std::unique_ptr<OrderSource>(
      new EbayOrderSource(client, std::move(settings), *std::move(api), *std::move(identity)));
}

}  // namespace trackenrich::adapters::ebay
