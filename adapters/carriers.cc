// The one list of carriers with an adapter (adapters/carrier.h). A new
// carrier is its folder plus one line here.
#include "absl/strings/str_join.h"

#include "adapters/amazon_shipping/amazon_shipping_carrier.h"
#include "adapters/carrier.h"
#include "adapters/dhl/dhl_carrier.h"
#include "adapters/dpd/dpd_carrier.h"
#include "adapters/fedex/fedex_carrier.h"
#include "adapters/ups/ups_carrier.h"
#include "adapters/usps/usps_carrier.h"

namespace trackenrich::adapters {

absl::Span<const CarrierDescriptor* const> AllCarriers() {
  static const CarrierDescriptor* const kCarriers[] = {
      &ups::UpsCarrier(), &fedex::FedexCarrier(), &usps::UspsCarrier(),
      &dhl::DhlCarrier(), &dpd::DpdCarrier(),     &amazon_shipping::AmazonShippingCarrier(),
  };
  return kCarriers;
}

const CarrierDescriptor* FindCarrier(absl::string_view name) {
  for (const CarrierDescriptor* carrier : AllCarriers()) {
    if (carrier->name == name) return carrier;
  }
  return nullptr;
}

std::string GoTogether(absl::Span<const absl::string_view> keys) {
  if (keys.size() < 2) return absl::StrJoin(keys, "");
  return absl::StrCat(absl::StrJoin(keys.subspan(0, keys.size() - 1), ", "), " and ", keys.back(),
                      " go together");
}

}  // namespace trackenrich::adapters
