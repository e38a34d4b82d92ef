#include "services/integrations/common/enrich_client.h"

#include <utility>

#include "absl/status/status.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"

#include "trackenrich/v1/tracking_service.grpc.pb.h"

namespace trackenrich::integrations {

struct EnrichClient::Impl {
  std::unique_ptr<v1::TrackingService::Stub> stub;
};

EnrichClient::EnrichClient(std::shared_ptr<grpc::Channel> channel)
    : impl_(std::make_unique<Impl>(Impl{v1::TrackingService::NewStub(std::move(channel))})) {}

EnrichClient::~EnrichClient() = default;

void EnrichClient::Enrich(EnrichCall call, EnrichDone done) {
  struct InFlight {
    grpc::ClientContext context;
    v1::EnrichTicketRequest request;
    v1::EnrichTicketResponse response;
    EnrichDone done;
  };
  auto flight = std::make_shared<InFlight>();
  flight->request = std::move(call.request);
  flight->done = std::move(done);
  flight->context.set_deadline(absl::ToChronoTime(absl::Now() + call.timeout));
  if (!call.api_key.empty()) flight->context.AddMetadata("x-api-key", call.api_key);
  if (!call.tenant.empty()) flight->context.AddMetadata("x-tenant", call.tenant);
  if (!call.request_id.empty()) flight->context.AddMetadata("x-request-id", call.request_id);
  impl_->stub->async()->EnrichTicket(
      &flight->context, &flight->request, &flight->response, [flight](grpc::Status status) {
        if (status.ok()) {
          flight->done(std::move(flight->response));
        } else {
          flight->done(absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                                    status.error_message()));
        }
      });
}

}  // namespace trackenrich::integrations
