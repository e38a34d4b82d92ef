#include "adapters/royal_mail/royal_mail_adapter.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

#include "adapters/common/provenance.h"
#include "adapters/common/upstream_status.h"
#include "adapters/royal_mail/royal_mail_parser.h"
#include "adapters/royal_mail/royal_mail_request.h"

namespace trackenrich::adapters::royal_mail {
namespace {

constexpr absl::string_view kAdapter = "royal_mail";

class RoyalMailAdapter final : public TrackingSource {
 public:
  RoyalMailAdapter(http::HttpClient& client, http::Endpoint endpoint, RoyalMailSettings settings)
      : client_(client), endpoint_(std::move(endpoint)), settings_(std::move(settings)) {}

  absl::string_view name() const override { return kAdapter; }
  v1::Carrier carrier() const override { return v1::CARRIER_ROYAL_MAIL; }

  void Track(const TrackQuery& query, ShipmentCallback done) override {
    if (settings_.client_id.empty() || settings_.client_secret.empty()) {
      done(absl::FailedPreconditionError(
          "royal_mail: no Royal Mail client ID and secret configured "
          "(carriers.royal_mail.client_id, carriers.royal_mail.client_secret)"));
      return;
    }
    client_.Send(endpoint_,
                 BuildRoyalMailEventsRequest(query.tracking_number, settings_.client_id,
                                             settings_.client_secret),
                 query.deadline,
                 [number = query.tracking_number,
                  done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
                   if (!response.ok()) {
                     done(WithAdapter(kAdapter, response.status()));
                     return;
                   }
                   auto shipment = ParseRoyalMailEventsResponse(*response, number);
                   if (shipment.ok()) StampCarrierProvenance(kAdapter, response->body, *shipment);
                   done(std::move(shipment));
                 });
  }

 private:
  http::HttpClient& client_;
  http::Endpoint endpoint_;
  RoyalMailSettings settings_;
};

}  // namespace

absl::Status RegisterRoyalMailAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                      RoyalMailSettings settings) {
  auto endpoint = http::ParseEndpoint(settings.base_url);
  if (!endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.royal_mail.base_url: ", endpoint.status().message()));
  }
  registry.Add(
      std::make_unique<RoyalMailAdapter>(client, *std::move(endpoint), std::move(settings)));
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::royal_mail
