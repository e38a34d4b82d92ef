#include "adapters/postnl/postnl_adapter.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

#include "adapters/common/provenance.h"
#include "adapters/common/upstream_status.h"
#include "adapters/postnl/postnl_parser.h"
#include "adapters/postnl/postnl_request.h"

namespace trackenrich::adapters::postnl {
namespace {

constexpr absl::string_view kName = "postnl";

class PostnlAdapter final : public TrackingSource {
 public:
  PostnlAdapter(http::HttpClient& client, http::Endpoint endpoint, PostnlSettings settings)
      : client_(client), endpoint_(std::move(endpoint)), settings_(std::move(settings)) {}

  absl::string_view name() const override { return kName; }
  v1::Carrier carrier() const override { return v1::CARRIER_POSTNL; }

  void Track(const TrackQuery& query, ShipmentCallback done) override {
    if (settings_.api_key.empty()) {
      done(absl::FailedPreconditionError(
          "postnl: no PostNL API key configured (carriers.postnl.api_key)"));
      return;
    }
    client_.Send(endpoint_, BuildPostnlTrackRequest(query.tracking_number, settings_.api_key),
                 query.deadline,
                 [number = query.tracking_number,
                  done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
                   if (!response.ok()) {
                     done(WithAdapter(kName, response.status()));
                     return;
                   }
                   auto shipment = ParsePostnlTrackResponse(*response, number);
                   if (shipment.ok()) StampCarrierProvenance(kName, response->body, *shipment);
                   done(std::move(shipment));
                 });
  }

 private:
  http::HttpClient& client_;
  http::Endpoint endpoint_;
  PostnlSettings settings_;
};

}  // namespace

absl::Status RegisterPostnlAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                   PostnlSettings settings) {
  auto endpoint = http::ParseEndpoint(settings.base_url);
  if (!endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.postnl.base_url: ", endpoint.status().message()));
  }
  registry.Add(std::make_unique<PostnlAdapter>(client, *std::move(endpoint), std::move(settings)));
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::postnl
