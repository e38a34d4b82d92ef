// libFuzzer target: the UPS Track and token parsers on arbitrary bodies.
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/ups/ups_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  trackenrich::http::HttpResponse response;
  response.body.assign(reinterpret_cast<const char*>(data), size);
  // The first byte picks the HTTP status, so error paths are fuzzed too.
  static constexpr int kStatuses[] = {200, 200, 200, 400, 401, 403, 404, 429, 500, 503};
  response.status = size == 0 ? 200 : kStatuses[data[0] % 10];
  (void)trackenrich::adapters::ups::ParseUpsTrackResponse(response, "1ZFUZZ");
  (void)trackenrich::adapters::ups::ParseUpsTokenResponse(response, absl::UnixEpoch());
  return 0;
}
