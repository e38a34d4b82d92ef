#include "adapters/ups/ups_adapter.h"

#include <atomic>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/common/provenance.h"
#include "adapters/common/token_exchange.h"
#include "adapters/common/upstream_status.h"
#include "adapters/ups/ups_parser.h"
#include "adapters/ups/ups_request.h"
#include "adapters/ups/ups_track_alert.h"

namespace trackenrich::adapters::ups {
namespace {

class UpsAdapter final : public TrackingSource {
 public:
  UpsAdapter(http::HttpClient& client, http::Endpoint endpoint, UpsSettings settings)
      : client_(client),
        endpoint_(std::move(endpoint)),
        settings_(std::move(settings)),
        tokens_([this](absl::Time deadline, TokenFetchCallback done) {
          FetchToken(deadline, std::move(done));
        }) {}

  absl::string_view name() const override { return "ups"; }
  v1::Carrier carrier() const override { return v1::CARRIER_UPS; }

  void Track(const TrackQuery& query, ShipmentCallback done) override {
    if (settings_.client_id.empty() || settings_.client_secret.empty()) {
      done(absl::FailedPreconditionError("ups: no UPS credentials configured (carriers.ups)"));
      return;
    }
    TrackWithToken(query, std::move(done), /*retry_on_401=*/true);
  }

  // UPS Track Alert (ups_track_alert.h), with the same token cache as Track.
  void SubscribePushes(const PushSubscriptionQuery& query, PushSubscriptionCallback done) override {
    if (settings_.client_id.empty() || settings_.client_secret.empty()) {
      done(absl::FailedPreconditionError("ups: no UPS credentials configured (carriers.ups)"));
      return;
    }
    if (query.tracking_numbers.empty() ||
        query.tracking_numbers.size() > static_cast<size_t>(kUpsSubscriptionMaxNumbers)) {
      done(absl::InvalidArgumentError("tracking_numbers: 1 to 100 per UPS subscription"));
      return;
    }
    const std::string transaction_id = absl::StrCat("te-sub-", ++transaction_counter_);
    SendWithToken(
        client_, endpoint_, tokens_, query.deadline,
        [numbers = query.tracking_numbers, transaction_id, locale = settings_.locale,
         destination =
             UpsPushDestination{.url = query.destination_url,
                                .credential_type = query.credential_type,
                                .credential = query.credential}](absl::string_view token) {
          return BuildUpsSubscriptionRequest(numbers, token, transaction_id, locale, destination);
        },
        [done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) return done(WithAdapter("ups subscription", response.status()));
          auto answer = ParseUpsSubscriptionResponse(*response);
          if (!answer.ok()) return done(answer.status());
          done(PushSubscriptionAnswer{.subscribed = std::move(answer->valid),
                                      .invalid = std::move(answer->invalid)});
        });
  }

 private:
  void FetchToken(absl::Time deadline, TokenFetchCallback done) {
    FetchOAuthToken(client_, endpoint_,
                    BuildUpsTokenRequest(settings_.client_id, settings_.client_secret), deadline,
                    "ups token", ParseUpsTokenResponse, std::move(done));
  }

  // Not SendWithToken: a token failure reaches the caller as the token
  // fetch named it ("ups token: ..."), a transport failure prefixed "ups".
  void TrackWithToken(TrackQuery query, ShipmentCallback done, bool retry_on_401) {
    const absl::Time deadline = query.deadline;
    tokens_.Get(deadline, [this, query = std::move(query), done = std::move(done),
                           retry_on_401](absl::StatusOr<std::string> token) mutable {
      if (!token.ok()) {
        done(token.status());
        return;
      }
      const std::string transaction_id = absl::StrCat("te-", ++transaction_counter_);
      client_.Send(
          endpoint_,
          BuildUpsTrackRequest(query.tracking_number, *token, transaction_id, settings_.locale),
          query.deadline,
          [this, query, done = std::move(done), token = *token,
           retry_on_401](absl::StatusOr<http::HttpResponse> response) mutable {
            if (!response.ok()) {
              done(WithAdapter("ups", response.status()));
              return;
            }
            if (response->status == 401 && retry_on_401) {
              // The token was revoked or expired early: refresh once.
              tokens_.Invalidate(token);
              TrackWithToken(std::move(query), std::move(done), /*retry_on_401=*/false);
              return;
            }
            auto shipment = ParseUpsTrackResponse(*response, query.tracking_number);
            if (shipment.ok()) StampCarrierProvenance("ups", response->body, *shipment);
            done(std::move(shipment));
          });
    });
  }

  http::HttpClient& client_;
  http::Endpoint endpoint_;
  UpsSettings settings_;
  OAuthTokenCache tokens_;
  std::atomic<uint64_t> transaction_counter_{0};
};

}  // namespace

absl::Status RegisterUpsAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                UpsSettings settings) {
  auto endpoint = http::ParseEndpoint(settings.base_url);
  if (!endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.ups.base_url: ", endpoint.status().message()));
  }
  endpoint->name = "ups";
  registry.Add(std::make_unique<UpsAdapter>(client, *std::move(endpoint), std::move(settings)));
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::ups
