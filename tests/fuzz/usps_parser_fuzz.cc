// libFuzzer target: the USPS Tracking v3 and token parsers.
#include "adapters/usps/usps_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  trackenrich::fuzz::CheckSendable(
      trackenrich::adapters::usps::ParseUspsTrackResponse(response, "9400111899223790000014"));
  (void)trackenrich::adapters::usps::ParseUspsTokenResponse(response, absl::UnixEpoch());
  return 0;
}
