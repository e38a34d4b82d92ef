#include "adapters/amazon_shipping/amazon_shipping_adapter.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

#include "adapters/amazon/lwa_parser.h"
#include "adapters/amazon/lwa_request.h"
#include "adapters/amazon_shipping/amazon_shipping_parser.h"
#include "adapters/amazon_shipping/amazon_shipping_request.h"
#include "adapters/common/oauth_token_cache.h"
#include "adapters/common/provenance.h"
#include "adapters/common/token_exchange.h"
#include "adapters/common/upstream_status.h"

namespace trackenrich::adapters::amazon_shipping {
namespace {

// SP-API answers 403 "Unauthorized" as well as 401 for an expired access token.
bool TokenRejected(const http::HttpResponse& response) {
  return response.status == 401 || response.status == 403;
}

class AmazonShippingAdapter final : public TrackingSource {
 public:
  AmazonShippingAdapter(http::HttpClient& client, http::Endpoint endpoint,
                        http::Endpoint lwa_endpoint, AmazonShippingSettings settings)
      : client_(client),
        endpoint_(std::move(endpoint)),
        lwa_endpoint_(std::move(lwa_endpoint)),
        settings_(std::move(settings)),
        tokens_([this](absl::Time deadline, TokenFetchCallback done) {
          FetchToken(deadline, std::move(done));
        }) {}

  absl::string_view name() const override { return "amazon_shipping"; }
  v1::Carrier carrier() const override { return v1::CARRIER_AMAZON; }

  void Track(const TrackQuery& query, ShipmentCallback done) override {
    if (settings_.client_id.empty() || settings_.client_secret.empty() ||
        settings_.refresh_token.empty()) {
      done(absl::FailedPreconditionError(
          "amazon_shipping: no Amazon Shipping credentials configured "
          "(carriers.amazon_shipping.client_id, client_secret, refresh_token)"));
      return;
    }
    SendWithToken(
        client_, endpoint_, tokens_, query.deadline,
        [this, number = query.tracking_number](absl::string_view token) {
          return BuildAmazonShippingTrackRequest(number, settings_.carrier_id, token,
                                                 settings_.business_id);
        },
        [number = query.tracking_number,
         done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter("amazon_shipping", response.status()));
            return;
          }
          auto shipment = ParseAmazonShippingTrackResponse(*response, number);
          if (shipment.ok())
            StampCarrierProvenance("amazon_shipping", response->body, *shipment,
                                   v1::SOURCE_AMAZON_SHIPPING);
          done(std::move(shipment));
        },
        TokenRejected);
  }

 private:
  void FetchToken(absl::Time deadline, TokenFetchCallback done) {
    client_.Send(lwa_endpoint_,
                 amazon::BuildLwaTokenRequest(settings_.client_id, settings_.client_secret,
                                              settings_.refresh_token),
                 deadline,
                 [done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
                   if (!response.ok()) {
                     done(WithAdapter("amazon_shipping lwa", response.status()));
                     return;
                   }
                   done(amazon::ParseLwaTokenResponse("amazon_shipping", *response, absl::Now()));
                 });
  }

  http::HttpClient& client_;
  http::Endpoint endpoint_;
  http::Endpoint lwa_endpoint_;
  AmazonShippingSettings settings_;
  OAuthTokenCache tokens_;
};

}  // namespace

absl::Status RegisterAmazonShippingAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                           AmazonShippingSettings settings) {
  auto endpoint = http::ParseEndpoint(settings.base_url);
  if (!endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.amazon_shipping.base_url: ", endpoint.status().message()));
  }
  auto lwa_endpoint = http::ParseEndpoint(settings.lwa_url);
  if (!lwa_endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.amazon_shipping.lwa_url: ", lwa_endpoint.status().message()));
  }
  registry.Add(std::make_unique<AmazonShippingAdapter>(
      client, *std::move(endpoint), *std::move(lwa_endpoint), std::move(settings)));
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::amazon_shipping
