#include "adapters/dpd/dpd_adapter.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

#include "adapters/common/oauth_token_cache.h"
#include "adapters/common/provenance.h"
#include "adapters/common/token_exchange.h"
#include "adapters/common/upstream_status.h"
#include "adapters/dpd/dpd_parser.h"
#include "adapters/dpd/dpd_request.h"

namespace trackenrich::adapters::dpd {
namespace {

class DpdAdapter final : public TrackingSource {
 public:
  DpdAdapter(http::HttpClient& client, http::Endpoint endpoint, DpdSettings settings)
      : client_(client),
        endpoint_(std::move(endpoint)),
        settings_(std::move(settings)),
        // DPD tokens last about a day; renew half an hour early, as karrio does.
        tokens_([this](absl::Time deadline,
                       TokenFetchCallback done) { FetchToken(deadline, std::move(done)); },
                absl::Minutes(30)) {}

  absl::string_view name() const override { return "dpd"; }
  v1::Carrier carrier() const override { return v1::CARRIER_DPD; }

  void Track(const TrackQuery& query, ShipmentCallback done) override {
    if (settings_.delis_id.empty() || settings_.password.empty()) {
      done(absl::FailedPreconditionError(
          "dpd: no DPD credentials configured (carriers.dpd.delis_id, password)"));
      return;
    }
    SendWithToken(
        client_, endpoint_, tokens_, query.deadline,
        [this, parcel = DpdParcelLabelNumber(query.tracking_number)](absl::string_view token) {
          return BuildDpdTrackRequest(parcel, settings_.delis_id, token,
                                      settings_.message_language);
        },
        [number = query.tracking_number,
         done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter("dpd", response.status()));
            return;
          }
          auto shipment = ParseDpdTrackResponse(*response, number);
          if (shipment.ok()) StampCarrierProvenance("dpd", response->body, *shipment);
          done(std::move(shipment));
        },
        IsDpdAuthenticationFault);
  }

 private:
  void FetchToken(absl::Time deadline, TokenFetchCallback done) {
    client_.Send(
        endpoint_,
        BuildDpdLoginRequest(settings_.delis_id, settings_.password, settings_.message_language),
        deadline, [done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter("dpd login", response.status()));
            return;
          }
          done(ParseDpdLoginResponse(*response, absl::Now()));
        });
  }

  http::HttpClient& client_;
  http::Endpoint endpoint_;
  DpdSettings settings_;
  OAuthTokenCache tokens_;
};

}  // namespace

absl::Status RegisterDpdAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                DpdSettings settings) {
  auto endpoint = http::ParseEndpoint(settings.base_url);
  if (!endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.dpd.base_url: ", endpoint.status().message()));
  }
  registry.Add(std::make_unique<DpdAdapter>(client, *std::move(endpoint), std::move(settings)));
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::dpd
