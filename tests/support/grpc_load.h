// Many TrackShipment calls in flight at once on one channel (gRPC's callback
// client API, no thread per call), and the tallies of how they ended.
//   TrackTally tally = TrackConcurrently(*stub, 1000, [](int i, v1::TrackShipmentRequest* r) {
//     r->mutable_shipment()->set_tracking_number("1ZSBX0010300000092");
//   });
//   tally.ok, tally.codes[grpc::StatusCode::NOT_FOUND], tally.layers[v1::CACHE_LAYER_MEMORY]
#ifndef TRACKENRICH_TESTS_SUPPORT_GRPC_LOAD_H_
#define TRACKENRICH_TESTS_SUPPORT_GRPC_LOAD_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "absl/strings/str_cat.h"
#include "grpcpp/client_context.h"

#include "trackenrich/v1/tracking_service.grpc.pb.h"

namespace trackenrich::testing {

struct TrackTally {
  int total = 0;
  int ok = 0;
  std::map<grpc::StatusCode, int> codes;
  std::map<v1::CacheLayer, int> layers;
  std::string first_error;

  std::string Describe() const {
    std::string text = absl::StrCat(total, " calls, ", ok, " OK");
    for (const auto& [code, count] : codes) {
      if (code != grpc::StatusCode::OK) absl::StrAppend(&text, ", code ", code, ": ", count);
    }
    for (const auto& [layer, count] : layers) {
      absl::StrAppend(&text, ", ", v1::CacheLayer_Name(layer), ": ", count);
    }
    return text;
  }
};

// Starts `count` calls at once and waits for all of them. `fill` builds call
// i's request; each call gets `timeout` as its deadline.
inline TrackTally TrackConcurrently(v1::TrackingService::Stub& stub, int count,
                                    const std::function<void(int, v1::TrackShipmentRequest*)>& fill,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  struct Call {
    grpc::ClientContext context;
    v1::TrackShipmentRequest request;
    v1::TrackShipmentResponse response;
  };
  std::mutex mu;
  std::condition_variable all_done;
  TrackTally tally;
  int remaining = count;
  std::vector<std::unique_ptr<Call>> calls(count);
  for (int i = 0; i < count; ++i) {
    calls[i] = std::make_unique<Call>();
    calls[i]->context.set_deadline(std::chrono::system_clock::now() + timeout);
    fill(i, &calls[i]->request);
  }
  for (int i = 0; i < count; ++i) {
    Call* call = calls[i].get();
    stub.async()->TrackShipment(
        &call->context, &call->request, &call->response, [&, call](grpc::Status status) {
          std::lock_guard<std::mutex> lock(mu);
          ++tally.total;
          ++tally.codes[status.error_code()];
          if (status.ok()) {
            ++tally.ok;
            ++tally.layers[call->response.shipment().provenance().cache_layer()];
          } else if (tally.first_error.empty()) {
            tally.first_error = status.error_message();
          }
          if (--remaining == 0) all_done.notify_all();
        });
  }
  std::unique_lock<std::mutex> lock(mu);
  all_done.wait(lock, [&] { return remaining == 0; });
  return tally;
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_GRPC_LOAD_H_
