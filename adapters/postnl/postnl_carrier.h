// The PostNL carrier's descriptor (adapters/carrier.h): its config section
// carriers.postnl {base_url, api_key} (Shippingstatus v2, header apikey), the
// sandbox's stand-in key, detection of 3S barcodes and S10 numbers ending
// NL, its tracking page, names, crosswalk tables, sandbox routes and PostNL's
// published rate limit (1000 calls a minute per key).
#ifndef TRACKENRICH_ADAPTERS_POSTNL_POSTNL_CARRIER_H_
#define TRACKENRICH_ADAPTERS_POSTNL_POSTNL_CARRIER_H_

#include "absl/strings/string_view.h"

#include "adapters/carrier.h"

namespace trackenrich::adapters::postnl {

// The API key the sandbox's PostNL route accepts.
inline constexpr absl::string_view kSandboxPostnlApiKey = "sandbox-postnl-api-key";

const CarrierDescriptor& PostnlCarrier();

}  // namespace trackenrich::adapters::postnl

#endif  // TRACKENRICH_ADAPTERS_POSTNL_POSTNL_CARRIER_H_
