#include "adapters/fedex/fedex_adapter.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

#include "adapters/common/digest.h"
#include "adapters/common/oauth_token_cache.h"
#include "adapters/common/provenance.h"
#include "adapters/common/token_exchange.h"
#include "adapters/common/tracking_batcher.h"
#include "adapters/common/upstream_status.h"
#include "adapters/fedex/fedex_parser.h"
#include "adapters/fedex/fedex_request.h"

namespace trackenrich::adapters::fedex {
namespace {

class FedexAdapter final : public TrackingSource {
 public:
  FedexAdapter(http::HttpClient& client, http::Endpoint endpoint, FedexSettings settings)
      : client_(client),
        endpoint_(std::move(endpoint)),
        settings_(std::move(settings)),
        tokens_([this](absl::Time deadline, TokenFetchCallback done) {
          FetchToken(deadline, std::move(done));
        }),
        batcher_(
            {.adapter = "fedex",
             .max_batch = settings_.max_batch,
             .window = settings_.batch_window},
            [this](absl::Time when, absl::AnyInvocable<void()> task) {
              client_.RunAt(when, std::move(task));
            },
            [this](TrackingBatch batch, BatchAnswer answer) {
              SendBatch(std::move(batch), std::move(answer));
            }) {}

  absl::string_view name() const override { return "fedex"; }
  v1::Carrier carrier() const override { return v1::CARRIER_FEDEX; }

  void Track(const TrackQuery& query, ShipmentCallback done) override {
    if (settings_.client_id.empty() || settings_.client_secret.empty()) {
      done(absl::FailedPreconditionError(
          "fedex: no FedEx credentials configured (carriers.fedex.client_id, client_secret)"));
      return;
    }
    batcher_.Add(query, std::move(done));
  }

 private:
  void FetchToken(absl::Time deadline, TokenFetchCallback done) {
    client_.Send(endpoint_, BuildFedexTokenRequest(settings_.client_id, settings_.client_secret),
                 deadline,
                 [done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
                   if (!response.ok()) {
                     done(WithAdapter("fedex token", response.status()));
                     return;
                   }
                   done(ParseFedexTokenResponse(*response, absl::Now()));
                 });
  }

  void SendBatch(TrackingBatch batch, BatchAnswer answer) {
    SendWithToken(
        client_, endpoint_, tokens_, batch.deadline,
        [numbers = batch.numbers](absl::string_view token) {
          return BuildFedexTrackRequest(numbers, token);
        },
        [answer = std::move(answer)](absl::StatusOr<http::HttpResponse> response) mutable {
          if (!response.ok()) {
            answer(WithAdapter("fedex", response.status()));
            return;
          }
          auto results = ParseFedexTrackResults(*response);
          if (results.ok()) {
            const std::string digest = Sha256Hex(response->body);
            for (auto& [number, shipment] : *results) {
              if (!shipment.ok()) continue;
              StampCarrierProvenanceDigest("fedex", digest, *shipment);
            }
          }
          answer(std::move(results));
        });
  }

  http::HttpClient& client_;
  http::Endpoint endpoint_;
  FedexSettings settings_;
  OAuthTokenCache tokens_;
  TrackingBatcher batcher_;
};

}  // namespace

absl::Status RegisterFedexAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                  FedexSettings settings) {
  auto endpoint = http::ParseEndpoint(settings.base_url);
  if (!endpoint.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("carriers.fedex.base_url: ", endpoint.status().message()));
  }
  if (settings.max_batch < 1 || settings.max_batch > kFedexMaxNumbersPerRequest) {
    return absl::InvalidArgumentError(absl::StrCat(
        "carriers.fedex.max_batch: must be between 1 and ", kFedexMaxNumbersPerRequest));
  }
  registry.Add(std::make_unique<FedexAdapter>(client, *std::move(endpoint), std::move(settings)));
  return absl::OkStatus();
}

}  // namespace trackenrich::adapters::fedex
