// libFuzzer target: the Selling Partner API parsers an order lookup uses
// (Orders 2026-01-01 and v0 getOrder, Fulfillment Outbound getFulfillmentOrder
// and getPackageTrackingDetails) and the SP-API error mapping.
#include "adapters/amazon/fulfillment_outbound_parser.h"
#include "adapters/amazon/orders_parser.h"
#include "tests/fuzz/fuzz_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace amazon = trackenrich::adapters::amazon;
  const auto response = trackenrich::fuzz::MakeResponse(data, size);
  (void)amazon::ParseGetOrderResponse(response, "fuzz");
  (void)amazon::ParseGetOrderV0Response(response, "fuzz");
  (void)amazon::ParseFulfillmentOrderResponse(response, "fuzz");
  (void)amazon::ParsePackageTrackingResponse(response, "fuzz");
  return 0;
}
