// The FedEx carrier's descriptor (adapters/carrier.h): its config
// section, credentials, sandbox stand-ins and adapter registration.
// FedEx: carriers.fedex {base_url, client_id, client_secret, batch_window, max_batch} (OAuth client
// credentials; up to 30 numbers per call).
#ifndef TRACKENRICH_ADAPTERS_FEDEX_FEDEX_CARRIER_H_
#define TRACKENRICH_ADAPTERS_FEDEX_FEDEX_CARRIER_H_

#include "adapters/carrier.h"

namespace trackenrich::adapters::fedex {

const CarrierDescriptor& FedexCarrier();

}  // namespace trackenrich::adapters::fedex

#endif  // TRACKENRICH_ADAPTERS_FEDEX_FEDEX_CARRIER_H_
