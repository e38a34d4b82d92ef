// The Royal Mail carrier's descriptor (adapters/carrier.h): its config
// section, credentials, sandbox stand-ins, registration, the S10 suffix it
// owns, its tracking page, names, crosswalk and rate limit.
// Royal Mail: carriers.royal_mail {base_url, client_id, client_secret}
// (Tracking API v2, X-IBM-Client-Id / X-IBM-Client-Secret).
#ifndef TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_CARRIER_H_
#define TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_CARRIER_H_

#include "adapters/carrier.h"

namespace trackenrich::adapters::royal_mail {

const CarrierDescriptor& RoyalMailCarrier();

}  // namespace trackenrich::adapters::royal_mail

#endif  // TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_CARRIER_H_
