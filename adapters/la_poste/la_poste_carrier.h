// The La Poste carrier's descriptor (adapters/carrier.h): its config
// section, credential, sandbox stand-in and adapter registration, and what
// the rest of the service knows of it: the Colissimo number format, the S10
// suffix FR, the tracking page, its name in replies, ticket words, the
// event-code crosswalk, its sandbox route and La Poste's rate limit.
// La Poste: carriers.la_poste {base_url, okapi_key, lang} (API Suivi v2, Okapi key).
#ifndef TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_CARRIER_H_
#define TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_CARRIER_H_

#include "adapters/carrier.h"

namespace trackenrich::adapters::la_poste {

const CarrierDescriptor& LaPosteCarrier();

}  // namespace trackenrich::adapters::la_poste

#endif  // TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_CARRIER_H_
