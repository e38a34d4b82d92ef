// echo_server: the benchmark ceiling. A bare TrackingService on gRPC's
// callback API, built with the service's flags and generated code, whose
// TrackShipment answers at once with a fixed small in-transit Shipment under
// the number asked for: no validation, cache, upstream or metrics. What
// trackenrich does per call is measured against it (tests/bench/run.sh).
//
//   echo_server --listen=127.0.0.1:0     # prints "echo_server listening: grpc=PORT"
//
// Stops on SIGTERM or SIGINT.
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"

#include "trackenrich/v1/tracking_service.grpc.pb.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:0", "gRPC listen address HOST:PORT (port 0: any free)");

namespace trackenrich::bench {
namespace {

v1::Shipment FixedShipment() {
  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_UPS);
  shipment.set_carrier_name("UPS");
  shipment.set_state(v1::SHIPMENT_STATE_IN_TRANSIT);
  shipment.set_carrier_status_code("I");
  shipment.set_carrier_status_text("Arrived at Facility");
  shipment.set_tracking_url("https://www.ups.com/track?tracknum=");
  shipment.mutable_provenance()->set_source(v1::SOURCE_CARRIER_API);
  shipment.mutable_provenance()->set_adapter("ups");
  shipment.mutable_provenance()->set_cache_layer(v1::CACHE_LAYER_MEMORY);
  return shipment;
}

class EchoService final : public v1::TrackingService::CallbackService {
 public:
  grpc::ServerUnaryReactor* TrackShipment(grpc::CallbackServerContext* context,
                                          const v1::TrackShipmentRequest* request,
                                          v1::TrackShipmentResponse* response) override {
    v1::Shipment* shipment = response->mutable_shipment();
    *shipment = fixed_;
    shipment->set_tracking_number(request->shipment().tracking_number());
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

 private:
  const v1::Shipment fixed_ = FixedShipment();
};

}  // namespace
}  // namespace trackenrich::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  // As in services/main.cc: no lock-order graph on every absl::Mutex (gRPC's included).
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  trackenrich::bench::EchoService service;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(absl::GetFlag(FLAGS_listen), grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    std::fprintf(stderr, "echo_server: cannot listen on %s\n", absl::GetFlag(FLAGS_listen).c_str());
    return 1;
  }
  std::printf("echo_server listening: grpc=%d\n", port);
  std::fflush(stdout);
  int signal = 0;
  sigwait(&stop_signals, &signal);
  server->Shutdown();
  return 0;
}
