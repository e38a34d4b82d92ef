// TrackingServiceImpl: the trackenrich.v1.TrackingService on gRPC's callback
// API. Each method admits the caller (API key and tenant, see RpcScope),
// validates its request, hands the work to the lookup pipeline and returns;
// the reactor is finished from the pipeline's completion, so no gRPC thread
// ever waits on an upstream. Lookups run as the caller's tenant (its cache
// entries, rate limits, SP-API seller and audit stream) and carry its trace. EnrichTicket adds
// flags, next action, reply and evidence (services/enrichment) once its
// lookups are in; RenderReply renders a named template.
#ifndef TRACKENRICH_SERVICES_SERVER_TRACKING_SERVICE_H_
#define TRACKENRICH_SERVICES_SERVER_TRACKING_SERVICE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/time/time.h"

#include "services/audit/audit_log.h"
#include "services/auth/api_key_auth.h"
#include "services/enrichment/enrichment_settings.h"
#include "services/enrichment/reply_templates.h"
#include "services/lookup/order_lookup.h"
#include "services/lookup/shipment_lookup.h"
#include "services/metrics/service_metrics.h"
#include "services/server/rpc_scope.h"
#include "trackenrich/v1/tracking_service.grpc.pb.h"

namespace trackenrich::watch {
class WatchManager;
}  // namespace trackenrich::watch

namespace trackenrich::server {

struct TrackingServiceSettings {
  // Deadline applied when the caller sets none.
  absl::Duration default_deadline = absl::Seconds(10);
  // Risk-flag thresholds for EnrichTicket.
  enrichment::EnrichmentSettings enrichment;
  // Reply templates for EnrichTicket and RenderReply; never null.
  std::shared_ptr<const enrichment::TemplateCatalog> templates =
      enrichment::TemplateCatalog::Builtin();
  enrichment::ReplyPolicy reply_policy;
  // The time flags and replies are judged at.
  std::function<absl::Time()> clock = absl::Now;
  // Where each lookup is recorded; null: nowhere.
  audit::AuditLog* audit = nullptr;
  // Who may call, as which tenant; null: everyone, as tenant "default".
  const auth::ApiKeyAuthenticator* auth = nullptr;
  // Serves the watch RPCs; null: they answer UNIMPLEMENTED.
  watch::WatchManager* watches = nullptr;
};

// TrackShipment is registered raw (grpc::ByteBuffer in and out): it parses
// its request itself and writes a cached answer's stored bytes as the reply
// (track_reply.h), so an in-process cache hit copies and serializes no proto.
class TrackingServiceImpl final : public v1::TrackingService::WithRawCallbackMethod_TrackShipment<
                                      v1::TrackingService::CallbackService> {
 public:
  // The raw methods' full names, for MakeUnparsableRequestInterceptorFactory.
  static std::vector<std::string> RawMethods();

  TrackingServiceImpl(ShipmentLookup& lookup, OrderLookup& orders, ServiceMetrics& metrics,
                      TrackingServiceSettings settings);

  grpc::ServerUnaryReactor* EnrichTicket(grpc::CallbackServerContext* context,
                                         const v1::EnrichTicketRequest* request,
                                         v1::EnrichTicketResponse* response) override;
  grpc::ServerUnaryReactor* GetOrderTracking(grpc::CallbackServerContext* context,
                                             const v1::GetOrderTrackingRequest* request,
                                             v1::GetOrderTrackingResponse* response) override;
  grpc::ServerUnaryReactor* BatchGetOrderTracking(
      grpc::CallbackServerContext* context, const v1::BatchGetOrderTrackingRequest* request,
      v1::BatchGetOrderTrackingResponse* response) override;
  // A serialized TrackShipmentRequest in, a TrackShipmentResponse out.
  grpc::ServerUnaryReactor* TrackShipment(grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* request,
                                          grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* BatchTrackShipments(grpc::CallbackServerContext* context,
                                                const v1::BatchTrackShipmentsRequest* request,
                                                v1::BatchTrackShipmentsResponse* response) override;
  grpc::ServerUnaryReactor* DetectCarrier(grpc::CallbackServerContext* context,
                                          const v1::DetectCarrierRequest* request,
                                          v1::DetectCarrierResponse* response) override;
  grpc::ServerUnaryReactor* RenderReply(grpc::CallbackServerContext* context,
                                        const v1::RenderReplyRequest* request,
                                        v1::RenderReplyResponse* response) override;
  // Watches (watch_rpcs.cc).
  grpc::ServerUnaryReactor* WatchShipment(grpc::CallbackServerContext* context,
                                          const v1::WatchShipmentRequest* request,
                                          v1::WatchShipmentResponse* response) override;
  grpc::ServerUnaryReactor* WatchOrder(grpc::CallbackServerContext* context,
                                       const v1::WatchOrderRequest* request,
                                       v1::WatchOrderResponse* response) override;
  grpc::ServerUnaryReactor* Unwatch(grpc::CallbackServerContext* context,
                                    const v1::UnwatchRequest* request,
                                    v1::UnwatchResponse* response) override;
  grpc::ServerUnaryReactor* ListWatches(grpc::CallbackServerContext* context,
                                        const v1::ListWatchesRequest* request,
                                        v1::ListWatchesResponse* response) override;
  grpc::ServerWriteReactor<v1::StreamEventsResponse>* StreamEvents(
      grpc::CallbackServerContext* context, const v1::StreamEventsRequest* request) override;

 private:
  absl::Time DeadlineOf(const grpc::CallbackServerContext* context) const;
  // Records one lookup when an audit log is configured; `fill` adds the
  // subjects, states and digest, and runs only then (not on every RPC).
  void Audit(const std::string& tenant, const char* method, const absl::Status& status,
             absl::FunctionRef<void(audit::AuditRecord&)> fill) const;
  OrderRequest ToOrderRequest(const RpcScope& scope, const v1::OrderRef& ref,
                              const v1::CacheControl& cache, absl::Time deadline) const;

  ShipmentLookup& lookup_;
  OrderLookup& orders_;
  ServiceMetrics& metrics_;
  const TrackingServiceSettings settings_;
};

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_SERVER_TRACKING_SERVICE_H_
