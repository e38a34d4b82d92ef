// What a carrier's gRPC test does over and over: its sandbox scenario's
// number, and one TrackShipment call for a number with no carrier given.
//
//   const std::string number = CarrierScenarioNumber("postnl", "delivered");
//   v1::TrackShipmentResponse response;
//   grpc::Status status = TrackNumber(*server.Stub(), number, &response);
#ifndef TRACKENRICH_TESTS_SUPPORT_CARRIER_CALLS_H_
#define TRACKENRICH_TESTS_SUPPORT_CARRIER_CALLS_H_

#include <chrono>
#include <string>

#include <catch2/catch.hpp>
#include <grpcpp/grpcpp.h>

#include "absl/strings/string_view.h"

#include "services/sandbox/sandbox_upstream.h"
#include "trackenrich/v1/tracking_service.grpc.pb.h"

namespace trackenrich::testing {

// The number of `carrier`'s sandbox scenario; the test fails when there is none.
inline std::string CarrierScenarioNumber(absl::string_view carrier, absl::string_view scenario) {
  std::string number = sandbox::SandboxUpstream::ScenarioNumber(carrier, scenario);
  INFO(carrier << " " << scenario);
  REQUIRE_FALSE(number.empty());
  return number;
}

// TrackShipment for `number` alone (detection picks the carrier), 10 s deadline.
inline grpc::Status TrackNumber(v1::TrackingService::Stub& stub, const std::string& number,
                                v1::TrackShipmentResponse* response) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  return stub.TrackShipment(&context, request, response);
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_CARRIER_CALLS_H_
