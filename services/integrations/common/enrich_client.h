// EnrichClient: how the integrations ask for an enrichment. Each lookup is an
// EnrichTicket RPC on the service's own gRPC server through an in-process
// channel, as the JSON gateway's are, so it is authenticated, validated,
// logged, metered and cached exactly like any caller's.
//
//   EnrichClient client(grpc_server->InProcessChannel({}));
//   client.Enrich({.request = request, .api_key = key, .timeout = absl::Seconds(5)},
//                 [](absl::StatusOr<v1::EnrichTicketResponse> answer) { ... });
//
// `done` runs once, on a gRPC thread; errors carry the RPC's code and message
// (UNAUTHENTICATED for a bad key, INVALID_ARGUMENT naming the field, ...).
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_ENRICH_CLIENT_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_ENRICH_CLIENT_H_

#include <memory>
#include <string>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

#include "trackenrich/v1/tracking_service.pb.h"

namespace grpc {
class Channel;
}  // namespace grpc

namespace trackenrich::integrations {

struct EnrichCall {
  v1::EnrichTicketRequest request;
  // Presented as x-api-key; "" presents none.
  std::string api_key;
  // Sent as x-tenant when set.
  std::string tenant;
  std::string request_id;
  absl::Duration timeout = absl::Seconds(10);
};

using EnrichDone = absl::AnyInvocable<void(absl::StatusOr<v1::EnrichTicketResponse>)>;

class EnrichClient {
 public:
  explicit EnrichClient(std::shared_ptr<grpc::Channel> channel);
  ~EnrichClient();
  EnrichClient(const EnrichClient&) = delete;
  EnrichClient& operator=(const EnrichClient&) = delete;

  void Enrich(EnrichCall call, EnrichDone done);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_ENRICH_CLIENT_H_
