// libFuzzer target: the PostNL Shippingstatus parser and its time reader.
#include "adapters/postnl/postnl_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  trackenrich::fuzz::CheckSendable(
      trackenrich::adapters::postnl::ParsePostnlTrackResponse(response, "3SDEVC288882229"));
  (void)trackenrich::adapters::postnl::ParsePostnlTime(response.body);
  return 0;
}
