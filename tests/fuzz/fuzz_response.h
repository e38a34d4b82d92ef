// Turns fuzzer input into an upstream response: the first byte picks the HTTP
// status (so error paths are fuzzed too), the rest is the body.
#ifndef TRACKENRICH_TESTS_FUZZ_FUZZ_RESPONSE_H_
#define TRACKENRICH_TESTS_FUZZ_FUZZ_RESPONSE_H_

#include <cstddef>
#include <cstdint>

#include "adapters/http/http_message.h"

namespace trackenrich::fuzz {

inline http::HttpResponse MakeResponse(const uint8_t* data, size_t size) {
  static constexpr int kStatuses[] = {200, 200, 200, 200, 400, 401, 403, 404, 429, 500, 503};
  http::HttpResponse response;
  response.status = size == 0 ? 200 : kStatuses[data[0] % (sizeof(kStatuses) / sizeof(int))];
  if (size > 0) response.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  return response;
}

}  // namespace trackenrich::fuzz

#endif  // TRACKENRICH_TESTS_FUZZ_FUZZ_RESPONSE_H_
