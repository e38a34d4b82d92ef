// libFuzzer target: the Amazon Shipping v2 getTracking and LWA token parsers.
#include "adapters/amazon/lwa_parser.h"
#include "adapters/amazon_shipping/amazon_shipping_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  trackenrich::fuzz::CheckSendable(
      trackenrich::adapters::amazon_shipping::ParseAmazonShippingTrackResponse(response,
                                                                               "TBA990000000001"));
  (void)trackenrich::adapters::amazon::ParseLwaTokenResponse("amazon_shipping", response,
                                                             absl::UnixEpoch());
  return 0;
}
