// libFuzzer target: order-ID and tracking-number extraction from ticket text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "services/enrichment/text_extraction.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)trackenrich::enrichment::ExtractIdentifiers(text);
  return 0;
}
