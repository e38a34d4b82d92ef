#include "adapters/la_poste/la_poste_adapter.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

#include "adapters/common/provenance.h"
#include "adapters/common/upstream_status.h"
#include "adapters/la_poste/la_poste_parser.h"
#include "adapters/la_poste/la_poste_request.h"

namespace trackenrich::adapters::la_poste {
namespace {

class LaPosteAdapter final : public TrackingSource {
 public:
  LaPosteAdapter(http::HttpClient& client, http::Endpoint endpoint, LaPosteSettings settings)
      : client_(client), endpoint_(std::move(endpoint)), settings_(std::move(settings)) {}

  absl::string_view name() const override { return "la_poste"; }
  v1::Carrier carrier() const override { return v1::CARRIER_LA_POSTE; }

  void Track(const TrackQuery& query, ShipmentCallback done) override {
    if (settings_.okapi_key.empty()) {
      done(absl::FailedPreconditionError(
          "la_poste: no La Poste Okapi key configured (carriers.la_poste.okapi_key)"));
      return;
    }
    client_.Send(
        endpoint_,
        BuildLaPosteTrackRequest(query.tracking_number, settings_.okapi_key, settings_.lang),
        query.deadline,
        [number = query.tracking_number,
         done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            done(WithAdapter("la_poste", response.status()));
            return;
          }
          auto shipment = ParseLaPosteTrackResponse(*response, number);
          if (shipment.ok()) StampCarrierProvenance("la_poste", response->body, *shipment);
          done(std::move(shipment));
        });
  }

 private:
  http::HttpClient& client_;
  http::Endpoint endpoint_;
  LaPosteSettings settings_;
};

}  // namespace

absl::Status RegisterLaPosteAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                    LaPosteSettings settings) {
  auto endpoint = http::ParseEndpoint(settings.base_url);
  if (!endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.la_poste.base_url: ", endpoint.status().message()));
  }
  registry.Add(std::make_unique<LaPosteAdapter>(client, *std::move(endpoint), std::move(settings)));
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::la_poste
