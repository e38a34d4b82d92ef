// libFuzzer target: the FedEx Track (batch) and token parsers.
#include "adapters/fedex/fedex_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  (void)trackenrich::adapters::fedex::ParseFedexTrackResults(response);
  trackenrich::fuzz::CheckSendable(
      trackenrich::adapters::fedex::ParseFedexTrackResponse(response, "777100000014"));
  (void)trackenrich::adapters::fedex::ParseFedexTokenResponse(response, absl::UnixEpoch());
  return 0;
}
