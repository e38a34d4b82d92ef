#include "services/server/tracking_service.h"

#include <atomic>
#include <memory>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "spdlog/spdlog.h"

#include "adapters/detection/carrier_detection.h"
#include "services/enrichment/buyer_claims.h"
#include "services/enrichment/reply_renderer.h"
#include "services/enrichment/text_extraction.h"
#include "services/enrichment/ticket_enricher.h"
#include "services/validation/request_validation.h"

namespace trackenrich::server {
namespace {

grpc::Status ToGrpc(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

// Times one RPC and records it when finished.
class RpcScope {
 public:
  RpcScope(ServiceMetrics& metrics, grpc::CallbackServerContext* context, const char* method)
      : metrics_(metrics),
        reactor_(context->DefaultReactor()),
        method_(method),
        started_(absl::Now()) {}

  grpc::ServerUnaryReactor* reactor() const { return reactor_; }

  void Finish(const absl::Status& status) {
    const absl::Duration latency = absl::Now() - started_;
    const std::string code = absl::StatusCodeToString(status.code());
    metrics_.RecordRpc(method_, code, latency);
    if (!status.ok() && status.code() != absl::StatusCode::kInvalidArgument &&
        status.code() != absl::StatusCode::kNotFound) {
      spdlog::warn("rpc {} {} {:.3f}ms: {}", method_, code, absl::ToDoubleMilliseconds(latency),
                   std::string(status.message()));
    } else {
      spdlog::debug("rpc {} {} {:.3f}ms", method_, code, absl::ToDoubleMilliseconds(latency));
    }
    reactor_->Finish(ToGrpc(status));
  }

 private:
  ServiceMetrics& metrics_;
  grpc::ServerUnaryReactor* reactor_;
  const char* method_;
  absl::Time started_;
};

absl::Status NoOrderSource(absl::string_view field) {
  return absl::FailedPreconditionError(absl::StrCat(
      field,
      ": order lookups need an order source; none is configured (set amazon credentials "
      "in the config, or run in sandbox mode)"));
}

v1::LookupError ToLookupError(absl::string_view subject, const absl::Status& status) {
  v1::LookupError error;
  error.set_subject(std::string(subject));
  error.set_code(static_cast<int32_t>(status.code()));
  error.set_message(std::string(status.message()));
  return error;
}

// Collects the results of N concurrent lookups and finishes once all are in.
template <typename Fn>
class FanIn {
 public:
  FanIn(size_t count, Fn on_done) : remaining_(count), on_done_(std::move(on_done)) {}
  void Arrive() {
    if (remaining_.fetch_sub(1) == 1) on_done_();
  }

 private:
  std::atomic<size_t> remaining_;
  Fn on_done_;
};

}  // namespace

TrackingServiceImpl::TrackingServiceImpl(ShipmentLookup& lookup, ServiceMetrics& metrics,
                                         TrackingServiceSettings settings)
    : lookup_(lookup), metrics_(metrics), settings_(settings) {}

absl::Time TrackingServiceImpl::DeadlineOf(const grpc::CallbackServerContext* context) const {
  const auto deadline = context->deadline();
  const absl::Time fallback = absl::Now() + settings_.default_deadline;
  if (deadline == std::chrono::system_clock::time_point::max()) return fallback;
  return std::min(absl::FromChrono(deadline), fallback);
}

grpc::ServerUnaryReactor* TrackingServiceImpl::TrackShipment(
    grpc::CallbackServerContext* context, const v1::TrackShipmentRequest* request,
    v1::TrackShipmentResponse* response) {
  auto scope = std::make_shared<RpcScope>(metrics_, context, "TrackShipment");
  if (auto status = ValidateTrackShipment("", *request); !status.ok()) {
    scope->Finish(status);
    return scope->reactor();
  }
  TrackRequest track;
  track.tracking_number =
      *ValidateTrackingNumber("shipment.tracking_number", request->shipment().tracking_number());
  track.carrier = request->shipment().carrier();
  track.cache = request->cache();
  track.deadline = DeadlineOf(context);
  lookup_.Track(track, [scope, response](absl::StatusOr<v1::Shipment> shipment) {
    if (shipment.ok()) *response->mutable_shipment() = *std::move(shipment);
    scope->Finish(shipment.status());
  });
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::BatchTrackShipments(
    grpc::CallbackServerContext* context, const v1::BatchTrackShipmentsRequest* request,
    v1::BatchTrackShipmentsResponse* response) {
  auto scope = std::make_shared<RpcScope>(metrics_, context, "BatchTrackShipments");
  if (auto status = ValidateBatchTrackShipments(*request); !status.ok()) {
    scope->Finish(status);
    return scope->reactor();
  }
  const absl::Time deadline = DeadlineOf(context);
  const int count = request->requests_size();
  for (int i = 0; i < count; ++i) response->add_results();
  auto finish = [scope] { scope->Finish(absl::OkStatus()); };
  auto fan_in = std::make_shared<FanIn<decltype(finish)>>(count, std::move(finish));
  for (int i = 0; i < count; ++i) {
    const v1::TrackShipmentRequest& item = request->requests(i);
    TrackRequest track;
    track.tracking_number =
        *ValidateTrackingNumber("tracking_number", item.shipment().tracking_number());
    track.carrier = item.shipment().carrier();
    track.cache = item.cache();
    track.deadline = deadline;
    v1::ShipmentResult* slot = response->mutable_results(i);
    lookup_.Track(track, [fan_in, slot,
                          number = track.tracking_number](absl::StatusOr<v1::Shipment> shipment) {
      if (shipment.ok()) {
        *slot->mutable_shipment() = *std::move(shipment);
      } else {
        *slot->mutable_error() = ToLookupError(number, shipment.status());
      }
      fan_in->Arrive();
    });
  }
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::GetOrderTracking(
    grpc::CallbackServerContext* context, const v1::GetOrderTrackingRequest* request,
    v1::GetOrderTrackingResponse* response) {
  auto scope = std::make_shared<RpcScope>(metrics_, context, "GetOrderTracking");
  absl::Status status = ValidateGetOrderTracking("", *request);
  scope->Finish(status.ok() ? NoOrderSource("order") : status);
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::BatchGetOrderTracking(
    grpc::CallbackServerContext* context, const v1::BatchGetOrderTrackingRequest* request,
    v1::BatchGetOrderTrackingResponse* response) {
  auto scope = std::make_shared<RpcScope>(metrics_, context, "BatchGetOrderTracking");
  absl::Status status = ValidateBatchGetOrderTracking(*request);
  scope->Finish(status.ok() ? NoOrderSource("requests") : status);
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::DetectCarrier(
    grpc::CallbackServerContext* context, const v1::DetectCarrierRequest* request,
    v1::DetectCarrierResponse* response) {
  auto scope = std::make_shared<RpcScope>(metrics_, context, "DetectCarrier");
  if (auto status = ValidateDetectCarrier(*request); !status.ok()) {
    scope->Finish(status);
    return scope->reactor();
  }
  *response = detection::DetectCarrier(request->tracking_number());
  scope->Finish(absl::OkStatus());
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::RenderReply(grpc::CallbackServerContext* context,
                                                           const v1::RenderReplyRequest* request,
                                                           v1::RenderReplyResponse* response) {
  auto scope = std::make_shared<RpcScope>(metrics_, context, "RenderReply");
  absl::Status status = ValidateRenderReply(*request);
  if (status.ok()) {
    // The number as carriers print it: upper case, no spaces or dashes.
    v1::Shipment shipment = request->shipment();
    shipment.set_tracking_number(
        *ValidateTrackingNumber("shipment.tracking_number", shipment.tracking_number()));
    enrichment::ReplyInput input;
    input.template_id = request->template_id();
    input.language = request->language();
    input.shipment = &shipment;
    input.order = request->has_order() ? &request->order() : nullptr;
    input.channel = request->channel();
    auto reply = enrichment::RenderReply(*settings_.templates, settings_.reply_policy, input,
                                         settings_.clock());
    if (reply.ok()) {
      *response->mutable_reply() = *std::move(reply);
    } else {
      status = reply.status();
    }
  }
  scope->Finish(status);
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::EnrichTicket(grpc::CallbackServerContext* context,
                                                            const v1::EnrichTicketRequest* request,
                                                            v1::EnrichTicketResponse* response) {
  auto scope = std::make_shared<RpcScope>(metrics_, context, "EnrichTicket");
  if (auto status = ValidateEnrichTicket(*request); !status.ok()) {
    scope->Finish(status);
    return scope->reactor();
  }
  v1::Enrichment* enrichment = response->mutable_enrichment();
  enrichment::TicketContext ticket;
  ticket.language = request->language();
  ticket.buyer_reports_not_received = request->buyer_reports_not_received();
  if (request->has_order()) ticket.channel = request->order().channel();
  std::vector<TrackRequest> lookups;
  const absl::Time deadline = DeadlineOf(context);
  auto add_lookup = [&](std::string number, v1::Carrier carrier) {
    TrackRequest track;
    track.tracking_number = std::move(number);
    track.carrier = carrier;
    track.cache = request->cache();
    track.deadline = deadline;
    lookups.push_back(std::move(track));
  };

  switch (request->subject_case()) {
    case v1::EnrichTicketRequest::kShipment:
      add_lookup(*ValidateTrackingNumber("shipment.tracking_number",
                                         request->shipment().tracking_number()),
                 request->shipment().carrier());
      break;
    case v1::EnrichTicketRequest::kOrder:
      *enrichment->add_errors() =
          ToLookupError(request->order().order_id(), NoOrderSource("order"));
      break;
    case v1::EnrichTicketRequest::kText: {
      const std::string text =
          absl::StrCat(request->text().subject(), "\n", request->text().body());
      const auto ids = enrichment::ExtractIdentifiers(text);
      ticket.buyer_reports_not_received |= enrichment::ReportsNotReceived(text);
      // Order IDs in 3-7-7 form are Amazon's.
      if (!ids.order_ids.empty()) ticket.channel = v1::SALES_CHANNEL_AMAZON;
      for (const std::string& order_id : ids.order_ids) {
        enrichment->add_extracted_order_ids(order_id);
        *enrichment->add_errors() = ToLookupError(order_id, NoOrderSource("text"));
      }
      for (const std::string& number : ids.tracking_numbers) {
        enrichment->add_extracted_tracking_numbers(number);
        add_lookup(number, v1::CARRIER_UNSPECIFIED);
      }
      break;
    }
    case v1::EnrichTicketRequest::SUBJECT_NOT_SET:
      break;
  }

  // Flags, next action, reply and evidence from what the lookups found. Pure
  // and fast (no I/O), so it runs on whichever thread finishes the lookups.
  auto complete = [this, ticket, enrichment] {
    enrichment::CompleteEnrichment(ticket, *settings_.templates, settings_.enrichment,
                                   settings_.reply_policy, settings_.clock(), enrichment);
  };
  if (lookups.empty()) {
    complete();
    scope->Finish(absl::OkStatus());
    return scope->reactor();
  }
  struct Collected {
    absl::Mutex mu;
    std::vector<std::optional<absl::StatusOr<v1::Shipment>>> results;
  };
  auto collected = std::make_shared<Collected>();
  collected->results.resize(lookups.size());
  std::vector<std::string> numbers;
  for (const auto& lookup : lookups) numbers.push_back(lookup.tracking_number);
  auto finish = [scope, collected, enrichment, complete, numbers = std::move(numbers)] {
    absl::MutexLock lock(&collected->mu);
    for (size_t i = 0; i < collected->results.size(); ++i) {
      auto& result = *collected->results[i];
      if (result.ok()) {
        *enrichment->add_shipments() = *std::move(result);
      } else {
        *enrichment->add_errors() = ToLookupError(numbers[i], result.status());
      }
    }
    complete();
    scope->Finish(absl::OkStatus());
  };
  auto fan_in = std::make_shared<FanIn<decltype(finish)>>(lookups.size(), std::move(finish));
  for (size_t i = 0; i < lookups.size(); ++i) {
    lookup_.Track(lookups[i], [collected, fan_in, i](absl::StatusOr<v1::Shipment> shipment) {
      {
        absl::MutexLock lock(&collected->mu);
        collected->results[i] = std::move(shipment);
      }
      fan_in->Arrive();
    });
  }
  return scope->reactor();
}

}  // namespace trackenrich::server
