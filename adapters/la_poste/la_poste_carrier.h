// The La Poste carrier's descriptor (adapters/carrier.h): its config
// section, credential, sandbox stand-in and adapter registration.
// La Poste: carriers.la_poste {base_url, okapi_key, lang} (API Suivi v2, Okapi key).
#ifndef TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_CARRIER_H_
#define TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_CARRIER_H_

#include "adapters/carrier.h"

namespace trackenrich::adapters::la_poste {

const CarrierDescriptor& LaPosteCarrier();

}  // namespace trackenrich::adapters::la_poste

#endif  // TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_CARRIER_H_
