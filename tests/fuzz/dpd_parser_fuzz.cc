// libFuzzer target: the DPD SOAP login and parcel life-cycle parsers (XML).
#include "adapters/dpd/dpd_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  trackenrich::fuzz::CheckSendable(
      trackenrich::adapters::dpd::ParseDpdTrackResponse(response, "09981122330000"));
  (void)trackenrich::adapters::dpd::ParseDpdLoginResponse(response, absl::UnixEpoch());
  return 0;
}
