// libFuzzer target: the eBay Sell Fulfillment API parsers an order lookup uses
// (getOrder, getShippingFulfillments) and the eBay error mapping.
#include "adapters/ebay/ebay_errors.h"
#include "adapters/ebay/ebay_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace ebay = trackenrich::adapters::ebay;
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  auto order = ebay::ParseEbayOrderResponse(response, "fuzz");
  trackenrich::v1::Order into = order.ok() ? order->order : trackenrich::v1::Order();
  (void)ebay::ParseEbayFulfillmentsResponse(response, "fuzz", &into);
  (void)ebay::ParseEbayErrorInfo(response.body);
  return 0;
}
