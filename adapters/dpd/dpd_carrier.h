// The DPD carrier's descriptor (adapters/carrier.h): its config
// section, credentials, sandbox stand-ins and adapter registration.
// DPD: carriers.dpd {base_url, delis_id, password, message_language} (SOAP login).
#ifndef TRACKENRICH_ADAPTERS_DPD_DPD_CARRIER_H_
#define TRACKENRICH_ADAPTERS_DPD_DPD_CARRIER_H_

#include "adapters/carrier.h"

namespace trackenrich::adapters::dpd {

const CarrierDescriptor& DpdCarrier();

}  // namespace trackenrich::adapters::dpd

#endif  // TRACKENRICH_ADAPTERS_DPD_DPD_CARRIER_H_
