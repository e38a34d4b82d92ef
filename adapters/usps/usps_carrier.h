// The USPS carrier's descriptor (adapters/carrier.h): its config
// section, credentials, sandbox stand-ins and adapter registration.
// USPS: carriers.usps {base_url, client_id, client_secret} (OAuth v3 client credentials).
#ifndef TRACKENRICH_ADAPTERS_USPS_USPS_CARRIER_H_
#define TRACKENRICH_ADAPTERS_USPS_USPS_CARRIER_H_

#include "adapters/carrier.h"

namespace trackenrich::adapters::usps {

const CarrierDescriptor& UspsCarrier();

}  // namespace trackenrich::adapters::usps

#endif  // TRACKENRICH_ADAPTERS_USPS_USPS_CARRIER_H_
