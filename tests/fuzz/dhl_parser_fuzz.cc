// libFuzzer target: the DHL Unified tracking parser.
#include "adapters/dhl/dhl_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  trackenrich::fuzz::CheckSendable(
      trackenrich::adapters::dhl::ParseDhlTrackResponse(response, "00340434999900000015"));
  return 0;
}
