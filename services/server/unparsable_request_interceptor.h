// A gRPC server interceptor for requests that do not parse. protobuf refuses a
// proto3 string field that is not valid UTF-8 (and any bytes that are not a
// message) before the service sees the request, and gRPC then answers
// UNIMPLEMENTED with no message. That is the caller's bad input, so it is
// turned into INVALID_ARGUMENT naming the field, like every other validation
// error (DESIGN.md §3):
//   "shipment.tracking_number: not valid UTF-8"
//   "requests[].shipment.tracking_number: not valid UTF-8"   (index unknown)
//   "request: not a valid trackenrich.v1.TrackShipmentRequest message"
// and counted in the RPC metrics. The field comes from protobuf's own
// complaint, which it logs on the thread that parses the request; the
// interceptor routes protobuf's log to spdlog (the UTF-8 complaint at debug:
// it is the caller's input, and the caller is told).
//
//   std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> f;
//   f.push_back(MakeUnparsableRequestInterceptorFactory(metrics));
//   builder.experimental().SetInterceptorCreators(std::move(f));
#ifndef TRACKENRICH_SERVICES_SERVER_UNPARSABLE_REQUEST_INTERCEPTOR_H_
#define TRACKENRICH_SERVICES_SERVER_UNPARSABLE_REQUEST_INTERCEPTOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/server_interceptor.h"
#include "grpcpp/support/status.h"

#include "services/metrics/service_metrics.h"

namespace trackenrich::server {

// `metrics` must outlive the server the factory is given to. `self_parsing`:
// methods ("/trackenrich.v1.TrackingService/TrackShipment") registered as raw
// (grpc::ByteBuffer) methods, which parse their own request and answer a bad
// one with RefuseUnparsableRequest; they get no interceptor.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeUnparsableRequestInterceptorFactory(ServiceMetrics& metrics,
                                        std::vector<std::string> self_parsing = {});

// Parses a raw method's request (dropping any complaint left on this thread
// first). False when it does not parse: answer RefuseUnparsableRequest then.
bool ParseRawRequest(const grpc::ByteBuffer& bytes, google::protobuf::Message* request);

// For a request of `method` that did not parse on this thread just now: the
// INVALID_ARGUMENT status naming the field protobuf complained about,
// counted in `metrics` (latency from `started`) and logged at debug, as the
// interceptor does for the other methods.
grpc::Status RefuseUnparsableRequest(ServiceMetrics& metrics, const char* method,
                                     absl::Time started);

// The message for a request of `method` ("/trackenrich.v1.TrackingService/TrackShipment")
// that did not parse, given the full name of the string field protobuf found
// not UTF-8 ("trackenrich.v1.ShipmentRef.tracking_number"; "" if none).
std::string UnparsableRequestMessage(absl::string_view method, absl::string_view invalid_field);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_SERVER_UNPARSABLE_REQUEST_INTERCEPTOR_H_
