// libFuzzer target: the UPS Track and token parsers.
#include "adapters/ups/ups_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  trackenrich::fuzz::CheckSendable(
      trackenrich::adapters::ups::ParseUpsTrackResponse(response, "1ZFUZZ"));
  (void)trackenrich::adapters::ups::ParseUpsTokenResponse(response, absl::UnixEpoch());
  return 0;
}
