#include "services/server/tracking_service.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "spdlog/spdlog.h"

#include "adapters/detection/carrier_detection.h"
#include "services/enrichment/buyer_claims.h"
#include "services/enrichment/reply_renderer.h"
#include "services/enrichment/text_extraction.h"
#include "services/enrichment/ticket_enricher.h"
#include "services/server/rpc_scope.h"
#include "services/server/track_reply.h"
#include "services/server/unparsable_request_interceptor.h"
#include "services/validation/request_validation.h"

namespace trackenrich::server {
namespace {

constexpr char kTrackShipmentMethod[] = "/trackenrich.v1.TrackingService/TrackShipment";

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

// "1Z...=IN_TRANSIT(memory,stale)": a shipment served from `layer`.
std::string StateOf(const v1::Shipment& shipment, v1::CacheLayer served_from, bool stale) {
  const std::string layer = v1::CacheLayer_Name(served_from);
  const std::string state = v1::ShipmentState_Name(shipment.state());
  return absl::StrCat(shipment.tracking_number(), "=", absl::StripPrefix(state, "SHIPMENT_STATE_"),
                      "(", absl::AsciiStrToLower(absl::StripPrefix(layer, "CACHE_LAYER_")),
                      stale ? ",stale" : "", ")");
}

std::string StateOf(const v1::Shipment& shipment) {
  return StateOf(shipment, shipment.provenance().cache_layer(), shipment.provenance().stale());
}

void AddOrderStates(const v1::Order& order, std::vector<std::string>* states) {
  const std::string status = v1::OrderStatus_Name(order.status());
  states->push_back(
      absl::StrCat(order.order_id(), "=", absl::StripPrefix(status, "ORDER_STATUS_")));
  for (const auto& shipment : order.shipments()) states->push_back(StateOf(shipment));
}

// The payload digests an answer was built from, joined.
std::string PayloadDigests(const v1::Order* order, const v1::Shipment* shipment) {
  std::vector<std::string> digests;
  if (order != nullptr) {
    digests.push_back(order->provenance().payload_sha256());
    for (const auto& package : order->shipments()) {
      digests.push_back(package.provenance().payload_sha256());
    }
  }
  if (shipment != nullptr) digests.push_back(shipment->provenance().payload_sha256());
  return absl::StrJoin(digests, ",");
}

// A batch item's lookup refused as bad input names the item's field:
// "shipment.carrier: ..." → "requests[3].shipment.carrier: ...".
absl::Status ItemStatus(int index, const absl::Status& status) {
  if (status.code() != absl::StatusCode::kInvalidArgument ||
      !(absl::StartsWith(status.message(), "shipment.") ||
        absl::StartsWith(status.message(), "order."))) {
    return status;
  }
  return absl::InvalidArgumentError(absl::StrCat("requests[", index, "].", status.message()));
}

}  // namespace

void TrackingServiceImpl::Audit(const std::string& tenant, const char* method,
                                const absl::Status& status,
                                absl::FunctionRef<void(audit::AuditRecord&)> fill) const {
  if (settings_.audit == nullptr) return;
  audit::AuditRecord record;
  record.tenant = tenant;
  record.method = method;
  record.outcome = status.ok() ? "OK" : absl::StatusCodeToString(status.code());
  record.at = settings_.clock();
  fill(record);
  settings_.audit->Record(std::move(record));
}

TrackingServiceImpl::TrackingServiceImpl(ShipmentLookup& lookup, OrderLookup& orders,
                                         ServiceMetrics& metrics, TrackingServiceSettings settings)
    : lookup_(lookup), orders_(orders), metrics_(metrics), settings_(settings) {}

OrderRequest TrackingServiceImpl::ToOrderRequest(const RpcScope& scope, const v1::OrderRef& ref,
                                                 const v1::CacheControl& cache,
                                                 absl::Time deadline) const {
  OrderRequest order;
  order.tenant = scope.tenant();
  order.trace = scope.trace();
  order.order_id = ref.order_id();
  order.marketplace_id = ref.marketplace_id();
  order.channel = ref.channel();
  order.cache = cache;
  order.deadline = deadline;
  return order;
}

absl::Time TrackingServiceImpl::DeadlineOf(const grpc::CallbackServerContext* context) const {
  const auto deadline = context->deadline();
  const absl::Time fallback = absl::Now() + settings_.default_deadline;
  if (deadline == std::chrono::system_clock::time_point::max()) return fallback;
  return std::min(absl::FromChrono(deadline), fallback);
}

std::vector<std::string> TrackingServiceImpl::RawMethods() { return {kTrackShipmentMethod}; }

grpc::ServerUnaryReactor* TrackingServiceImpl::TrackShipment(grpc::CallbackServerContext* context,
                                                             const grpc::ByteBuffer* request_bytes,
                                                             grpc::ByteBuffer* response) {
  v1::TrackShipmentRequest request;
  if (!ParseRawRequest(*request_bytes, &request)) {
    // As gRPC and the interceptor answer a typed method's unparsable request:
    // before authentication, with no request ID.
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(RefuseUnparsableRequest(metrics_, kTrackShipmentMethod, absl::Now()));
    return reactor;
  }
  auto scope =
      std::make_shared<RpcScope>(context, "TrackShipment", metrics_, settings_.auth, nullptr);
  if (!scope->Admit()) return scope->reactor();
  if (auto status = ValidateTrackShipment("", request); !status.ok()) {
    scope->Finish(status);
    return scope->reactor();
  }
  TrackRequest track;
  track.tracking_number =
      *ValidateTrackingNumber("shipment.tracking_number", request.shipment().tracking_number());
  track.carrier = request.shipment().carrier();
  track.cache = request.cache();
  track.deadline = DeadlineOf(context);
  track.tenant = scope->tenant();
  track.trace = scope->trace();
  lookup_.Serve(track, [this, scope, response,
                        number = track.tracking_number](absl::StatusOr<ServedShipment> served) {
    Audit(scope->tenant(), "TrackShipment", served.status(), [&](audit::AuditRecord& record) {
      record.subjects = {number};
      if (!served.ok()) return;
      // From the shared answer and how it was served: no copy to mark.
      record.states.push_back(
          StateOf(served->answer(), served->served.layer, served->served.stale));
      record.digest = PayloadDigests(nullptr, &served->answer());
    });
    RpcDetails details;
    if (served.ok()) {
      AddCacheLayer(served->served.layer, &details.cache_layers);
      WriteTrackShipmentResponse(*served, response);
    }
    scope->Finish(served.status(), details);
  });
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::BatchTrackShipments(
    grpc::CallbackServerContext* context, const v1::BatchTrackShipmentsRequest* request,
    v1::BatchTrackShipmentsResponse* response) {
  auto scope =
      std::make_shared<RpcScope>(context, "BatchTrackShipments", metrics_, settings_.auth, nullptr);
  if (!scope->Admit()) return scope->reactor();
  if (auto status = ValidateBatchTrackShipments(*request); !status.ok()) {
    scope->Finish(status);
    return scope->reactor();
  }
  const absl::Time deadline = DeadlineOf(context);
  const int count = request->requests_size();
  // A malformed item is answered in its own slot; only the others are looked up.
  std::vector<std::pair<int, TrackRequest>> good;
  for (int i = 0; i < count; ++i) {
    v1::ShipmentResult* slot = response->add_results();
    const v1::TrackShipmentRequest& item = request->requests(i);
    absl::StatusOr<std::string> number = ValidateBatchTrackItem(i, item);
    if (!number.ok()) {
      *slot->mutable_error() =
          ToLookupError(EchoableSubject(item.shipment().tracking_number()), number.status());
      continue;
    }
    TrackRequest track;
    track.tracking_number = *std::move(number);
    track.carrier = item.shipment().carrier();
    track.cache = item.cache();
    track.deadline = deadline;
    track.tenant = scope->tenant();
    track.trace = scope->trace();
    good.emplace_back(i, std::move(track));
  }
  auto finish = [scope, response] {
    RpcDetails details;
    for (auto& result : *response->mutable_results()) {
      if (result.has_shipment()) AddCacheLayers(result.shipment(), &details.cache_layers);
      if (result.has_error()) scope->Guard(result.mutable_error());
    }
    scope->Finish(absl::OkStatus(), details);
  };
  if (good.empty()) {
    finish();
    return scope->reactor();
  }
  auto fan_in = std::make_shared<FanIn<decltype(finish)>>(good.size(), std::move(finish));
  for (const auto& [i, track] : good) {
    v1::ShipmentResult* slot = response->mutable_results(i);
    lookup_.Track(track, [fan_in, slot, i = i,
                          number = track.tracking_number](absl::StatusOr<v1::Shipment> shipment) {
      if (shipment.ok()) {
        *slot->mutable_shipment() = *std::move(shipment);
      } else {
        *slot->mutable_error() = ToLookupError(number, ItemStatus(i, shipment.status()));
      }
      fan_in->Arrive();
    });
  }
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::GetOrderTracking(
    grpc::CallbackServerContext* context, const v1::GetOrderTrackingRequest* request,
    v1::GetOrderTrackingResponse* response) {
  auto scope =
      std::make_shared<RpcScope>(context, "GetOrderTracking", metrics_, settings_.auth, nullptr);
  if (!scope->Admit()) return scope->reactor();
  if (auto status = ValidateGetOrderTracking("", *request); !status.ok()) {
    scope->Finish(status);
    return scope->reactor();
  }
  orders_.Get(ToOrderRequest(*scope, request->order(), request->cache(), DeadlineOf(context)),
              [this, scope, response,
               order_id = request->order().order_id()](absl::StatusOr<OrderAnswer> answer) {
                Audit(scope->tenant(), "GetOrderTracking", answer.status(),
                      [&](audit::AuditRecord& record) {
                        record.subjects = {order_id};
                        if (!answer.ok()) return;
                        AddOrderStates(answer->order, &record.states);
                        record.digest = PayloadDigests(&answer->order, nullptr);
                      });
                RpcDetails details;
                if (answer.ok()) {
                  AddCacheLayers(answer->order, &details.cache_layers);
                  *response->mutable_order() = std::move(answer->order);
                  for (auto& error : answer->errors) {
                    *response->add_errors() = std::move(error);
                    scope->Guard(&response->mutable_errors()->at(response->errors_size() - 1));
                  }
                }
                scope->Finish(answer.status(), details);
              });
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::BatchGetOrderTracking(
    grpc::CallbackServerContext* context, const v1::BatchGetOrderTrackingRequest* request,
    v1::BatchGetOrderTrackingResponse* response) {
  auto scope = std::make_shared<RpcScope>(context, "BatchGetOrderTracking", metrics_,
                                          settings_.auth, nullptr);
  if (!scope->Admit()) return scope->reactor();
  if (auto status = ValidateBatchGetOrderTracking(*request); !status.ok()) {
    scope->Finish(status);
    return scope->reactor();
  }
  const absl::Time deadline = DeadlineOf(context);
  const int count = request->requests_size();
  // A malformed item is answered in its own slot; only the others are looked up.
  std::vector<int> good;
  for (int i = 0; i < count; ++i) {
    v1::OrderTrackingResult* slot = response->add_results();
    const v1::GetOrderTrackingRequest& item = request->requests(i);
    if (auto status = ValidateBatchOrderItem(i, item); !status.ok()) {
      *slot->mutable_error() = ToLookupError(EchoableSubject(item.order().order_id()), status);
      continue;
    }
    good.push_back(i);
  }
  auto finish = [scope, response] {
    RpcDetails details;
    for (auto& result : *response->mutable_results()) {
      if (result.has_response()) {
        AddCacheLayers(result.response().order(), &details.cache_layers);
        for (auto& error : *result.mutable_response()->mutable_errors()) scope->Guard(&error);
      }
      if (result.has_error()) scope->Guard(result.mutable_error());
    }
    scope->Finish(absl::OkStatus(), details);
  };
  if (good.empty()) {
    finish();
    return scope->reactor();
  }
  auto fan_in = std::make_shared<FanIn<decltype(finish)>>(good.size(), std::move(finish));
  for (const int i : good) {
    const v1::GetOrderTrackingRequest& item = request->requests(i);
    v1::OrderTrackingResult* slot = response->mutable_results(i);
    orders_.Get(
        ToOrderRequest(*scope, item.order(), item.cache(), deadline),
        [fan_in, slot, i, order_id = item.order().order_id()](absl::StatusOr<OrderAnswer> answer) {
          if (answer.ok()) {
            v1::GetOrderTrackingResponse* found = slot->mutable_response();
            *found->mutable_order() = std::move(answer->order);
            for (auto& error : answer->errors) *found->add_errors() = std::move(error);
          } else {
            *slot->mutable_error() = ToLookupError(order_id, ItemStatus(i, answer.status()));
          }
          fan_in->Arrive();
        });
  }
  return scope->reactor();
}

grpc::ServerUnaryReactor* TrackingServiceImpl::DetectCarrier(
    grpc::CallbackServerContext* context, const v1::DetectCarrierRequest* request,
    v1::DetectCarrierResponse* response) {
  auto scope =
      std::make_shared<RpcScope>(context, "DetectCarrier", metrics_, settings_.auth, nullptr);
  if (!scope->Admit()) return scope->reactor();
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
  auto scope =
      std::make_shared<RpcScope>(context, "RenderReply", metrics_, settings_.auth, response);
  if (!scope->Admit()) return scope->reactor();
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
  auto scope =
      std::make_shared<RpcScope>(context, "EnrichTicket", metrics_, settings_.auth, response);
  if (!scope->Admit()) return scope->reactor();
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
  std::vector<OrderRequest> order_lookups;
  // Per order lookup: named in the text without a channel, so the tenant's
  // channels that take the ID are asked in turn.
  std::vector<bool> any_channel;
  const absl::Time deadline = DeadlineOf(context);
  auto add_lookup = [&](std::string number, v1::Carrier carrier) {
    TrackRequest track;
    track.tracking_number = std::move(number);
    track.carrier = carrier;
    track.cache = request->cache();
    track.deadline = deadline;
    track.tenant = scope->tenant();
    track.trace = scope->trace();
    lookups.push_back(std::move(track));
  };

  switch (request->subject_case()) {
    case v1::EnrichTicketRequest::kShipment:
      add_lookup(*ValidateTrackingNumber("shipment.tracking_number",
                                         request->shipment().tracking_number()),
                 request->shipment().carrier());
      break;
    case v1::EnrichTicketRequest::kOrder:
      ticket.order_ids.push_back(request->order().order_id());
      order_lookups.push_back(ToOrderRequest(*scope, request->order(), request->cache(), deadline));
      any_channel.push_back(false);
      break;
    case v1::EnrichTicketRequest::kText: {
      const std::string text =
          absl::StrCat(request->text().subject(), "\n", request->text().body());
      const adapters::OrderSourceRegistry* sources = orders_.sources();
      // The channels the tenant sells on besides Amazon, and their own
      // order-name formats.
      std::vector<v1::SalesChannel> channels;
      if (sources != nullptr) channels = sources->ChannelsFor(scope->tenant());
      enrichment::ExtractionOptions options;
      options.channels = channels;
      for (v1::SalesChannel channel : channels) {
        for (const auto& format : sources->Find(channel)->NameFormats(scope->tenant())) {
          options.order_name_formats.push_back(
              {.channel = channel, .prefix = format.prefix, .suffix = format.suffix});
        }
      }
      const auto ids = enrichment::ExtractIdentifiers(text, options);
      ticket.buyer_reports_not_received |= enrichment::ReportsNotReceived(text);
      for (size_t i = 0; i < ids.order_ids.size(); ++i) {
        const v1::SalesChannel channel = ids.order_channels[i];
        // Amazon's 3-7-7 IDs always; another channel's only when the tenant
        // has it configured (or, unnamed, any channel that takes the ID).
        const bool wanted =
            channel == v1::SALES_CHANNEL_AMAZON ||
            (channel == v1::SALES_CHANNEL_UNSPECIFIED
                 ? sources != nullptr &&
                       !sources->CandidateChannels(scope->tenant(), ids.order_ids[i]).empty()
                 : std::find(channels.begin(), channels.end(), channel) != channels.end());
        if (!wanted) continue;
        // The first order's channel decides the reply's channel policy.
        if (ticket.order_ids.empty()) ticket.channel = channel;
        ticket.order_ids.push_back(ids.order_ids[i]);
        enrichment->add_extracted_order_ids(ids.order_ids[i]);
        v1::OrderRef ref;
        ref.set_order_id(ids.order_ids[i]);
        ref.set_marketplace_id(request->marketplace_id());
        ref.set_channel(channel);
        order_lookups.push_back(ToOrderRequest(*scope, ref, request->cache(), deadline));
        any_channel.push_back(channel == v1::SALES_CHANNEL_UNSPECIFIED);
      }
      for (size_t i = 0; i < ids.tracking_numbers.size(); ++i) {
        enrichment->add_extracted_tracking_numbers(ids.tracking_numbers[i]);
        add_lookup(ids.tracking_numbers[i], ids.tracking_carriers[i]);
      }
      break;
    }
    case v1::EnrichTicketRequest::SUBJECT_NOT_SET:
      break;
  }

  // Flags, next action, reply and evidence from what the lookups found. Pure
  // and fast (no I/O), so it runs on whichever thread finishes the lookups.
  auto complete = [this, scope, ticket, enrichment, ticket_id = request->ticket_id()] {
    enrichment::CompleteEnrichment(ticket, *settings_.templates, settings_.enrichment,
                                   settings_.reply_policy, settings_.clock(), enrichment);
    Audit(scope->tenant(), "EnrichTicket", absl::OkStatus(), [&](audit::AuditRecord& record) {
      record.ticket_id = ticket_id;
      for (const auto& order : enrichment->orders()) {
        record.subjects.push_back(order.order_id());
        AddOrderStates(order, &record.states);
      }
      for (const auto& shipment : enrichment->shipments()) {
        record.subjects.push_back(shipment.tracking_number());
        record.states.push_back(StateOf(shipment));
      }
      for (const auto& error : enrichment->errors()) record.subjects.push_back(error.subject());
      record.digest = enrichment->evidence().digest();
    });
    RpcDetails details;
    details.ticket_id = ticket_id;
    for (const auto& order : enrichment->orders()) AddCacheLayers(order, &details.cache_layers);
    for (const auto& shipment : enrichment->shipments()) {
      AddCacheLayers(shipment, &details.cache_layers);
    }
    return details;
  };
  if (lookups.empty() && order_lookups.empty()) {
    scope->Finish(absl::OkStatus(), complete());
    return scope->reactor();
  }
  struct Collected {
    absl::Mutex mu;
    std::vector<std::optional<absl::StatusOr<v1::Shipment>>> shipments;
    std::vector<std::optional<absl::StatusOr<OrderAnswer>>> orders;
  };
  auto collected = std::make_shared<Collected>();
  collected->shipments.resize(lookups.size());
  collected->orders.resize(order_lookups.size());
  std::vector<std::string> numbers;
  for (const auto& lookup : lookups) numbers.push_back(lookup.tracking_number);
  std::vector<std::string> order_ids;
  for (const auto& lookup : order_lookups) order_ids.push_back(lookup.order_id);
  auto finish = [scope, collected, enrichment, complete, numbers = std::move(numbers),
                 order_ids = std::move(order_ids)] {
    absl::MutexLock lock(&collected->mu);
    // Results in request order, whatever order they arrived in.
    for (size_t i = 0; i < collected->orders.size(); ++i) {
      auto& result = *collected->orders[i];
      if (result.ok()) {
        *enrichment->add_orders() = std::move(result->order);
        for (auto& error : result->errors) *enrichment->add_errors() = std::move(error);
      } else {
        *enrichment->add_errors() = ToLookupError(order_ids[i], result.status());
      }
    }
    for (size_t i = 0; i < collected->shipments.size(); ++i) {
      auto& result = *collected->shipments[i];
      if (result.ok()) {
        *enrichment->add_shipments() = *std::move(result);
      } else {
        *enrichment->add_errors() = ToLookupError(numbers[i], result.status());
      }
    }
    scope->Finish(absl::OkStatus(), complete());
  };
  auto fan_in = std::make_shared<FanIn<decltype(finish)>>(lookups.size() + order_lookups.size(),
                                                          std::move(finish));
  for (size_t i = 0; i < order_lookups.size(); ++i) {
    auto arrive = [collected, fan_in, i](absl::StatusOr<OrderAnswer> answer) {
      {
        absl::MutexLock lock(&collected->mu);
        collected->orders[i] = std::move(answer);
      }
      fan_in->Arrive();
    };
    if (any_channel[i]) {
      orders_.GetFromAnyChannel(order_lookups[i], std::move(arrive));
    } else {
      orders_.Get(order_lookups[i], std::move(arrive));
    }
  }
  for (size_t i = 0; i < lookups.size(); ++i) {
    lookup_.Track(lookups[i], [collected, fan_in, i](absl::StatusOr<v1::Shipment> shipment) {
      {
        absl::MutexLock lock(&collected->mu);
        collected->shipments[i] = std::move(shipment);
      }
      fan_in->Arrive();
    });
  }
  return scope->reactor();
}

}  // namespace trackenrich::server
