// Turns fuzzer input into an upstream response: the first byte picks the HTTP
// status (so error paths are fuzzed too), the rest is the body. And checks
// what a parser made of it can go out over gRPC.
#ifndef TRACKENRICH_TESTS_FUZZ_FUZZ_RESPONSE_H_
#define TRACKENRICH_TESTS_FUZZ_FUZZ_RESPONSE_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/statusor.h"

#include "adapters/common/utf8.h"
#include "adapters/http/http_message.h"
#include "services/lookup/lookup_error.h"
#include "trackenrich/v1/shipment.pb.h"
#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::fuzz {

inline http::HttpResponse MakeResponse(const uint8_t* data, size_t size) {
  static constexpr int kStatuses[] = {200, 200, 200, 200, 400, 401, 403, 404, 429, 500, 503};
  http::HttpResponse response;
  response.status = size == 0 ? 200 : kStatuses[data[0] % (sizeof(kStatuses) / sizeof(int))];
  if (size > 0) response.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  return response;
}

// Stops the run if a parsed shipment would not survive the trip to a client:
// proto3 strings must be valid UTF-8, or the client cannot parse the reply
// (and the cache would hand the same reply to every later caller). An error
// goes out as a LookupError through the boundary guard RpcScope applies.
inline void CheckSendable(const absl::StatusOr<v1::Shipment>& shipment) {
  if (shipment.ok()) {
    v1::Shipment received;
    if (!received.ParseFromString(shipment->SerializeAsString())) __builtin_trap();
    return;
  }
  v1::BatchTrackShipmentsResponse response;
  *response.add_results()->mutable_error() = server::ToLookupError("n", shipment.status());
  adapters::RepairUtf8Strings(&response);
  v1::BatchTrackShipmentsResponse received;
  if (!received.ParseFromString(response.SerializeAsString())) __builtin_trap();
}

}  // namespace trackenrich::fuzz

#endif  // TRACKENRICH_TESTS_FUZZ_FUZZ_RESPONSE_H_
