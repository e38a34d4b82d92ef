// The UPS carrier's descriptor (adapters/carrier.h): its config
// section, credentials, sandbox stand-ins and adapter registration.
// UPS: carriers.ups {base_url, locale, client_id, client_secret} (OAuth client credentials).
#ifndef TRACKENRICH_ADAPTERS_UPS_UPS_CARRIER_H_
#define TRACKENRICH_ADAPTERS_UPS_UPS_CARRIER_H_

#include "adapters/carrier.h"

namespace trackenrich::adapters::ups {

const CarrierDescriptor& UpsCarrier();

}  // namespace trackenrich::adapters::ups

#endif  // TRACKENRICH_ADAPTERS_UPS_UPS_CARRIER_H_
