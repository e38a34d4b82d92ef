// libFuzzer target: carrier detection, ticket-text extraction and request
// validation on arbitrary text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/detection/carrier_detection.h"
#include "services/validation/request_validation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)trackenrich::detection::DetectCarrier(text);
  (void)trackenrich::detection::NormalizeTrackingNumber(text);
  (void)trackenrich::server::ValidateTrackingNumber("tracking_number", text);
  (void)trackenrich::server::ValidateOrderId("order_id", text,
                                             trackenrich::v1::SALES_CHANNEL_AMAZON);
  return 0;
}
