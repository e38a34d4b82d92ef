#include "services/gateway/json_gateway.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/client_callback.h"

#include "services/logging/structured_log.h"
#include "trackenrich/v1/tracking_service.grpc.pb.h"

namespace trackenrich::server {
namespace {

using Stub = v1::TrackingService::Stub;
using AsyncStub = Stub::async_interface;

HttpServer::Reply JsonReply(int status, std::string body) {
  HttpServer::Reply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", "application/json");
  reply.response.body = std::move(body);
  reply.response.body += "\n";
  return reply;
}

HttpServer::Reply ErrorReply(grpc::StatusCode code, absl::string_view message) {
  const std::string name = absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
  return JsonReply(HttpStatusFor(code), absl::StrCat("{\"code\":\"", name, "\",\"message\":\"",
                                                     logging::JsonEscape(message), "\"}"));
}

// Request headers passed on as metadata of the same (lower-case) name.
constexpr absl::string_view kForwarded[] = {"x-api-key", "authorization", "x-tenant", "traceparent",
                                            "x-request-id"};

// What every route passes on to its RPC.
struct GatewayCall {
  std::chrono::system_clock::time_point deadline;
  std::vector<std::pair<std::string, std::string>> metadata;
};

// One request in flight: what gRPC needs to outlive the call.
template <typename Request, typename Response>
struct Call {
  grpc::ClientContext context;
  Request request;
  Response response;
};

// Parses a route's JSON body (empty: {}) into `request`; the 400 answer
// when it is not the request in JSON.
template <typename Request>
std::optional<HttpServer::Reply> ParseBody(const std::string& body, Request* request) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const std::string json(absl::StripAsciiWhitespace(body));
  if (auto parsed =
          google::protobuf::util::JsonStringToMessage(json.empty() ? "{}" : json, request, options);
      !parsed.ok()) {
    return ErrorReply(grpc::StatusCode::INVALID_ARGUMENT,
                      absl::StrCat("request body: not a valid ", Request::descriptor()->name(),
                                   " in JSON: ", parsed.message().ToString()));
  }
  return std::nullopt;
}

// The service's X-Request-Id (initial metadata), passed on to the answer.
void CopyRequestId(const grpc::ClientContext& context, HttpServer::Reply* answer) {
  const auto& initial = context.GetServerInitialMetadata();
  if (auto it = initial.find("x-request-id"); it != initial.end()) {
    answer->response.headers.emplace_back("X-Request-Id",
                                          std::string(it->second.data(), it->second.size()));
  }
}

using RouteFn = std::function<void(AsyncStub&, const GatewayCall&, const std::string& body,
                                   std::function<void(HttpServer::Reply)> reply)>;

// Parses the body into `Request`, calls the RPC through `invoke`, and answers
// with the response's JSON or the error.
template <typename Request, typename Response, typename Invoke>
RouteFn MakeRoute(Invoke invoke) {
  return [invoke](AsyncStub& stub, const GatewayCall& gateway_call, const std::string& body,
                  std::function<void(HttpServer::Reply)> reply) {
    auto call = std::make_shared<Call<Request, Response>>();
    if (auto refused = ParseBody(body, &call->request)) return reply(*std::move(refused));
    call->context.set_deadline(gateway_call.deadline);
    for (const auto& [key, value] : gateway_call.metadata) call->context.AddMetadata(key, value);
    invoke(stub, &call->context, &call->request, &call->response,
           [call, reply = std::move(reply)](grpc::Status status) {
             HttpServer::Reply answer;
             if (status.ok()) {
               std::string out;
               google::protobuf::util::JsonPrintOptions print;
               if (auto printed =
                       google::protobuf::util::MessageToJsonString(call->response, &out, print);
                   printed.ok()) {
                 answer = JsonReply(200, std::move(out));
               } else {
                 answer = ErrorReply(grpc::StatusCode::INTERNAL, "the answer could not be printed");
               }
             } else {
               answer = ErrorReply(status.error_code(), status.error_message());
             }
             CopyRequestId(call->context, &answer);
             reply(std::move(answer));
           });
  };
}

// StreamEvents as a long poll: reads the stream until `linger` after the
// first event (or 100 events), or until the deadline passes, then answers
// the events read as one JSON document. Owns itself until OnDone.
class EventPoll final : public grpc::ClientReadReactor<v1::StreamEventsResponse> {
 public:
  static constexpr size_t kMaxEvents = 100;

  static void Start(AsyncStub& stub, const GatewayCall& gateway_call,
                    v1::StreamEventsRequest request, absl::Duration linger,
                    const cache::Scheduler& later, std::function<void(HttpServer::Reply)> reply) {
    auto poll = std::shared_ptr<EventPoll>(
        new EventPoll(std::move(request), linger, later, std::move(reply)));
    poll->self_ = poll;
    poll->context_.set_deadline(gateway_call.deadline);
    for (const auto& [key, value] : gateway_call.metadata) poll->context_.AddMetadata(key, value);
    stub.StreamEvents(&poll->context_, &poll->request_, poll.get());
    poll->StartRead(&poll->incoming_);
    poll->StartCall();
  }

  void OnReadDone(bool ok) override {
    if (!ok) return;  // the stream ended: OnDone follows
    events_.push_back(std::move(*incoming_.mutable_event()));
    incoming_.Clear();
    if (events_.size() >= kMaxEvents || !later_) {
      Stop();
      return;
    }
    if (events_.size() == 1) {
      later_(linger_, [weak = std::weak_ptr<EventPoll>(self_)] {
        if (auto poll = weak.lock()) poll->Stop();
      });
    }
    StartRead(&incoming_);
  }

  void OnDone(const grpc::Status& status) override {
    HttpServer::Reply answer;
    const bool timed_out = status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
    if (status.ok() || stopped_ || timed_out || !events_.empty()) {
      answer = JsonReply(200, Document());
    } else {
      answer = ErrorReply(status.error_code(), status.error_message());
    }
    CopyRequestId(context_, &answer);
    reply_(std::move(answer));
    // The last reference but a pending linger's: freed now or when it runs.
    self_.reset();
  }

 private:
  EventPoll(v1::StreamEventsRequest request, absl::Duration linger, cache::Scheduler later,
            std::function<void(HttpServer::Reply)> reply)
      : request_(std::move(request)),
        linger_(linger),
        later_(std::move(later)),
        reply_(std::move(reply)) {}

  void Stop() {
    stopped_ = true;
    context_.TryCancel();
  }

  // {"events": [...], "lastEventId": "..."}
  std::string Document() const {
    std::vector<std::string> printed;
    for (const v1::WatchEvent& event : events_) {
      std::string out;
      if (google::protobuf::util::MessageToJsonString(event, &out).ok()) {
        printed.push_back(std::move(out));
      }
    }
    const std::string& last =
        events_.empty() ? request_.last_event_id() : events_.back().event_id();
    return absl::StrCat("{\"events\":[", absl::StrJoin(printed, ","), "],\"lastEventId\":\"",
                        logging::JsonEscape(last), "\"}");
  }

  grpc::ClientContext context_;
  const v1::StreamEventsRequest request_;
  v1::StreamEventsResponse incoming_;
  // Touched only from the reactor's callbacks, which gRPC runs one at a time
  // (OnReadDone) before OnDone.
  std::vector<v1::WatchEvent> events_;
  std::atomic<bool> stopped_{false};
  const absl::Duration linger_;
  const cache::Scheduler later_;
  std::function<void(HttpServer::Reply)> reply_;
  std::shared_ptr<EventPoll> self_;
};

RouteFn MakeEventPollRoute(absl::Duration linger, cache::Scheduler later) {
  return [linger, later](AsyncStub& stub, const GatewayCall& gateway_call, const std::string& body,
                         std::function<void(HttpServer::Reply)> reply) {
    v1::StreamEventsRequest request;
    if (auto refused = ParseBody(body, &request)) return reply(*std::move(refused));
    EventPoll::Start(stub, gateway_call, std::move(request), linger, later, std::move(reply));
  };
}

}  // namespace

struct JsonGateway::Impl {
  Impl(std::shared_ptr<grpc::Channel> channel, GatewayOptions options, ServiceMetrics* metrics)
      : stub(v1::TrackingService::NewStub(channel)), options(options), metrics(metrics) {
    routes["EnrichTicket"] = MakeRoute<v1::EnrichTicketRequest, v1::EnrichTicketResponse>(
        [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
          s.EnrichTicket(c, q, r, std::move(done));
        });
    routes["GetOrderTracking"] =
        MakeRoute<v1::GetOrderTrackingRequest, v1::GetOrderTrackingResponse>(
            [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
              s.GetOrderTracking(c, q, r, std::move(done));
            });
    routes["BatchGetOrderTracking"] =
        MakeRoute<v1::BatchGetOrderTrackingRequest, v1::BatchGetOrderTrackingResponse>(
            [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
              s.BatchGetOrderTracking(c, q, r, std::move(done));
            });
    routes["TrackShipment"] = MakeRoute<v1::TrackShipmentRequest, v1::TrackShipmentResponse>(
        [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
          s.TrackShipment(c, q, r, std::move(done));
        });
    routes["BatchTrackShipments"] =
        MakeRoute<v1::BatchTrackShipmentsRequest, v1::BatchTrackShipmentsResponse>(
            [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
              s.BatchTrackShipments(c, q, r, std::move(done));
            });
    routes["DetectCarrier"] = MakeRoute<v1::DetectCarrierRequest, v1::DetectCarrierResponse>(
        [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
          s.DetectCarrier(c, q, r, std::move(done));
        });
    routes["RenderReply"] = MakeRoute<v1::RenderReplyRequest, v1::RenderReplyResponse>(
        [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
          s.RenderReply(c, q, r, std::move(done));
        });
    routes["WatchShipment"] = MakeRoute<v1::WatchShipmentRequest, v1::WatchShipmentResponse>(
        [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
          s.WatchShipment(c, q, r, std::move(done));
        });
    routes["WatchOrder"] = MakeRoute<v1::WatchOrderRequest, v1::WatchOrderResponse>(
        [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
          s.WatchOrder(c, q, r, std::move(done));
        });
    routes["Unwatch"] = MakeRoute<v1::UnwatchRequest, v1::UnwatchResponse>(
        [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
          s.Unwatch(c, q, r, std::move(done));
        });
    routes["ListWatches"] = MakeRoute<v1::ListWatchesRequest, v1::ListWatchesResponse>(
        [](AsyncStub& s, auto* c, auto* q, auto* r, auto done) {
          s.ListWatches(c, q, r, std::move(done));
        });
    routes["StreamEvents"] = MakeEventPollRoute(options.event_linger, options.later);
  }

  std::unique_ptr<Stub> stub;
  GatewayOptions options;
  ServiceMetrics* metrics;
  absl::flat_hash_map<std::string, RouteFn> routes;
};

JsonGateway::JsonGateway(std::shared_ptr<grpc::Channel> channel, GatewayOptions options,
                         ServiceMetrics* metrics)
    : impl_(std::make_unique<Impl>(std::move(channel), options, metrics)) {}

JsonGateway::~JsonGateway() = default;

void JsonGateway::Handle(const http::HttpRequest& request, HttpServer::ReplyCallback reply) {
  absl::string_view path = request.target;
  path = path.substr(0, path.find('?'));
  std::string route(absl::StripPrefix(path, "/v1/"));
  auto it = impl_->routes.find(route);
  ServiceMetrics* metrics = impl_->metrics;
  const std::string route_label = it == impl_->routes.end() ? "other" : route;
  auto respond = [metrics, route_label,
                  reply = std::make_shared<HttpServer::ReplyCallback>(std::move(reply))](
                     HttpServer::Reply answer) {
    if (metrics != nullptr) metrics->RecordGatewayRequest(route_label, answer.response.status);
    (*reply)(std::move(answer));
  };
  if (it == impl_->routes.end()) {
    std::vector<std::string> names;
    for (const auto& [name, unused] : impl_->routes) names.push_back(absl::StrCat("/v1/", name));
    std::sort(names.begin(), names.end());
    respond(ErrorReply(grpc::StatusCode::NOT_FOUND,
                       absl::StrCat("no route ", path, "; routes: ", absl::StrJoin(names, ", "))));
    return;
  }
  if (request.method != "POST") {
    HttpServer::Reply answer = ErrorReply(grpc::StatusCode::UNIMPLEMENTED,
                                          absl::StrCat(path, " takes POST with a JSON body"));
    answer.response.status = 405;
    answer.response.headers.emplace_back("Allow", "POST");
    respond(std::move(answer));
    return;
  }
  absl::Duration timeout = impl_->options.default_deadline;
  if (absl::string_view header = request.Header("grpc-timeout"); !header.empty()) {
    auto parsed = ParseGrpcTimeout(header);
    if (!parsed.ok()) {
      respond(ErrorReply(grpc::StatusCode::INVALID_ARGUMENT, parsed.status().message()));
      return;
    }
    timeout = *parsed;
  }
  GatewayCall call;
  call.deadline = absl::ToChronoTime(absl::Now() + timeout);
  for (absl::string_view header : kForwarded) {
    const absl::string_view value = request.Header(header);
    if (!value.empty()) call.metadata.emplace_back(std::string(header), std::string(value));
  }
  it->second(*impl_->stub->async(), call, request.body, std::move(respond));
}

int HttpStatusFor(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return 200;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::OUT_OF_RANGE:
      return 400;
    case grpc::StatusCode::UNAUTHENTICATED:
      return 401;
    case grpc::StatusCode::PERMISSION_DENIED:
      return 403;
    case grpc::StatusCode::NOT_FOUND:
      return 404;
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::ABORTED:
      return 409;
    case grpc::StatusCode::FAILED_PRECONDITION:
      return 422;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return 429;
    case grpc::StatusCode::CANCELLED:
      return 499;
    case grpc::StatusCode::UNIMPLEMENTED:
      return 501;
    case grpc::StatusCode::UNAVAILABLE:
      return 503;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return 504;
    default:
      return 500;
  }
}

absl::StatusOr<absl::Duration> ParseGrpcTimeout(absl::string_view value) {
  value = absl::StripAsciiWhitespace(value);
  int64_t amount = 0;
  if (value.size() < 2 || value.size() > 9 ||
      !absl::SimpleAtoi(value.substr(0, value.size() - 1), &amount) || amount < 0 ||
      !absl::ascii_isdigit(value[0])) {
    return absl::InvalidArgumentError(
        "Grpc-Timeout: expected 1-8 digits and a unit H, M, S, m, u or n (e.g. \"2S\", "
        "\"500m\")");
  }
  switch (value.back()) {
    case 'H':
      return absl::Hours(amount);
    case 'M':
      return absl::Minutes(amount);
    case 'S':
      return absl::Seconds(amount);
    case 'm':
      return absl::Milliseconds(amount);
    case 'u':
      return absl::Microseconds(amount);
    case 'n':
      return absl::Nanoseconds(amount);
    default:
      return absl::InvalidArgumentError(
          "Grpc-Timeout: the unit must be H, M, S, m, u or n (e.g. \"2S\", \"500m\")");
  }
}

}  // namespace trackenrich::server
