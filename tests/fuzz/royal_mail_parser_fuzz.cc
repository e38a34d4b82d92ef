// libFuzzer target: the Royal Mail Tracking API v2 events parser (JSON, any
// HTTP status).
#include "adapters/royal_mail/royal_mail_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  trackenrich::fuzz::CheckSendable(
      trackenrich::adapters::royal_mail::ParseRoyalMailEventsResponse(response, "TT900000019GB"));
  return 0;
}
