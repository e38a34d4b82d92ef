// The DHL carrier's descriptor (adapters/carrier.h): its config
// section, credentials, sandbox stand-ins and adapter registration.
// DHL: carriers.dhl {base_url, api_key} (Shipment Tracking - Unified, API key).
#ifndef TRACKENRICH_ADAPTERS_DHL_DHL_CARRIER_H_
#define TRACKENRICH_ADAPTERS_DHL_DHL_CARRIER_H_

#include "adapters/carrier.h"

namespace trackenrich::adapters::dhl {

const CarrierDescriptor& DhlCarrier();

}  // namespace trackenrich::adapters::dhl

#endif  // TRACKENRICH_ADAPTERS_DHL_DHL_CARRIER_H_
