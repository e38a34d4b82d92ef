// What the buyer claims in a ticket, read from its text in en, it, de, fr
// and es. Today: "the package never arrived", which turns a DELIVERED status
// into a delivery-proof check.
//
//   ReportsNotReceived("Tracking says delivered but I haven't received it");   // true
//   ReportsNotReceived("Il pacco non è mai arrivato");                          // true
//   ReportsNotReceived("Danke, das Paket ist angekommen");                      // false
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_BUYER_CLAIMS_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_BUYER_CLAIMS_H_

#include "absl/strings/string_view.h"

namespace trackenrich::enrichment {

// True when the text says the buyer has not received the package ("not
// received", "never arrived", "non è arrivato", "nicht angekommen", "pas
// reçu", "no ha llegado", ...).
bool ReportsNotReceived(absl::string_view text);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_BUYER_CLAIMS_H_
