#include "adapters/usps/usps_adapter.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/common/provenance.h"
#include "adapters/common/token_exchange.h"
#include "adapters/common/upstream_status.h"
#include "adapters/usps/usps_parser.h"
#include "adapters/usps/usps_request.h"

namespace trackenrich::adapters::usps {
namespace {

class UspsAdapter final : public TrackingSource {
 public:
  UspsAdapter(http::HttpClient& client, http::Endpoint endpoint, UspsSettings settings)
      : client_(client),
        endpoint_(std::move(endpoint)),
        settings_(std::move(settings)),
        tokens_([this](absl::Time deadline, TokenFetchCallback done) {
          FetchToken(deadline, std::move(done));
        }) {}

  absl::string_view name() const override { return "usps"; }
  v1::Carrier carrier() const override { return v1::CARRIER_USPS; }

  void Track(const TrackQuery& query, ShipmentCallback done) override {
    if (settings_.client_id.empty() || settings_.client_secret.empty()) {
      done(absl::FailedPreconditionError(
          "usps: no USPS credentials configured (carriers.usps.client_id, client_secret)"));
      return;
    }
    SendWithToken(
        client_, endpoint_, tokens_, query.deadline,
        [number = query.tracking_number](absl::string_view token) {
          return BuildUspsTrackRequest(number, token);
        },
        [number = query.tracking_number,
         done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter("usps", response.status()));
            return;
          }
          auto shipment = ParseUspsTrackResponse(*response, number);
          if (shipment.ok()) StampCarrierProvenance("usps", response->body, *shipment);
          done(std::move(shipment));
        });
  }

 private:
  void FetchToken(absl::Time deadline, TokenFetchCallback done) {
    client_.Send(endpoint_, BuildUspsTokenRequest(settings_.client_id, settings_.client_secret),
                 deadline,
                 [done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
                   if (!response.ok()) {
                     done(WithAdapter("usps token", response.status()));
                     return;
                   }
                   done(ParseUspsTokenResponse(*response, absl::Now()));
                 });
  }

  http::HttpClient& client_;
  http::Endpoint endpoint_;
  UspsSettings settings_;
  OAuthTokenCache tokens_;
};

}  // namespace

absl::Status RegisterUspsAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                 UspsSettings settings) {
  auto endpoint = http::ParseEndpoint(settings.base_url);
  if (!endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.usps.base_url: ", endpoint.status().message()));
  }
  registry.Add(std::make_unique<UspsAdapter>(client, *std::move(endpoint), std::move(settings)));
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::usps
