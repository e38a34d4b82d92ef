#include "adapters/dhl/dhl_adapter.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

#include "adapters/common/provenance.h"
#include "adapters/common/upstream_status.h"
#include "adapters/dhl/dhl_parser.h"
#include "adapters/dhl/dhl_request.h"

namespace trackenrich::adapters::dhl {
namespace {

class DhlAdapter final : public TrackingSource {
 public:
  DhlAdapter(http::HttpClient& client, http::Endpoint endpoint, DhlSettings settings)
      : client_(client), endpoint_(std::move(endpoint)), settings_(std::move(settings)) {}

  absl::string_view name() const override { return "dhl"; }
  v1::Carrier carrier() const override { return v1::CARRIER_DHL; }

  void Track(const TrackQuery& query, ShipmentCallback done) override {
    if (settings_.api_key.empty()) {
      done(absl::FailedPreconditionError("dhl: no DHL API key configured (carriers.dhl.api_key)"));
      return;
    }
    client_.Send(endpoint_, BuildDhlTrackRequest(query.tracking_number, settings_.api_key),
                 query.deadline,
                 [number = query.tracking_number,
                  done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
                   if (!response.ok()) {
                     done(WithAdapter("dhl", response.status()));
                     return;
                   }
                   auto shipment = ParseDhlTrackResponse(*response, number);
                   if (shipment.ok()) StampCarrierProvenance("dhl", response->body, *shipment);
                   done(std::move(shipment));
                 });
  }

 private:
  http::HttpClient& client_;
  http::Endpoint endpoint_;
  DhlSettings settings_;
};

}  // namespace

absl::Status RegisterDhlAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                DhlSettings settings) {
  auto endpoint = http::ParseEndpoint(settings.base_url);
  if (!endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.dhl.base_url: ", endpoint.status().message()));
  }
  registry.Add(std::make_unique<DhlAdapter>(client, *std::move(endpoint), std::move(settings)));
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::dhl
