// libFuzzer target: the La Poste Suivi v2 parser.
#include "adapters/la_poste/la_poste_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  trackenrich::fuzz::CheckSendable(
      trackenrich::adapters::la_poste::ParseLaPosteTrackResponse(response, "EW990000010FR"));
  return 0;
}
