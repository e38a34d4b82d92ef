#include "services/gateway/json_gateway.h"

#include <algorithm>
#include <chrono>
#include <functional>
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

using RouteFn = std::function<void(AsyncStub&, const GatewayCall&, const std::string& body,
                                   std::function<void(HttpServer::Reply)> reply)>;

// Parses the body into `Request`, calls the RPC through `invoke`, and answers
// with the response's JSON or the error.
template <typename Request, typename Response, typename Invoke>
RouteFn MakeRoute(Invoke invoke) {
  return [invoke](AsyncStub& stub, const GatewayCall& gateway_call, const std::string& body,
                  std::function<void(HttpServer::Reply)> reply) {
    auto call = std::make_shared<Call<Request, Response>>();
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const std::string json(absl::StripAsciiWhitespace(body));
    if (auto parsed = google::protobuf::util::JsonStringToMessage(json.empty() ? "{}" : json,
                                                                  &call->request, options);
        !parsed.ok()) {
      reply(ErrorReply(grpc::StatusCode::INVALID_ARGUMENT,
                       absl::StrCat("request body: not a valid ", Request::descriptor()->name(),
                                    " in JSON: ", parsed.message().ToString())));
      return;
    }
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
             const auto& initial = call->context.GetServerInitialMetadata();
             if (auto it = initial.find("x-request-id"); it != initial.end()) {
               answer.response.headers.emplace_back(
                   "X-Request-Id", std::string(it->second.data(), it->second.size()));
             }
             reply(std::move(answer));
           });
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
