// Lookups over the one list of carriers (adapters/carrier.h). The list itself,
// AllCarriers(), is generated from adapters/carriers.txt.
#include "absl/strings/str_join.h"

#include "adapters/carrier.h"

namespace trackenrich::adapters {

const CarrierDescriptor* FindCarrier(absl::string_view name) {
  for (const CarrierDescriptor* carrier : AllCarriers()) {
    if (carrier->name == name) return carrier;
  }
  return nullptr;
}

const CarrierDescriptor* DescriptorOf(v1::Carrier carrier) {
  if (carrier == v1::CARRIER_UNSPECIFIED) return nullptr;
  for (const CarrierDescriptor* descriptor : AllCarriers()) {
    if (descriptor->carrier == carrier) return descriptor;
  }
  return nullptr;
}

absl::string_view LocalizedNames::For(absl::string_view language) const {
  absl::string_view name;
  if (language == "it") {
    name = it;
  } else if (language == "de") {
    name = de;
  } else if (language == "fr") {
    name = fr;
  } else if (language == "es") {
    name = es;
  }
  return name.empty() ? en : name;
}

std::string GoTogether(absl::Span<const absl::string_view> keys) {
  if (keys.size() < 2) return absl::StrJoin(keys, "");
  return absl::StrCat(absl::StrJoin(keys.subspan(0, keys.size() - 1), ", "), " and ", keys.back(),
                      " go together");
}

}  // namespace trackenrich::adapters
