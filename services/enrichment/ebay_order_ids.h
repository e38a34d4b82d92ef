// eBay order IDs in a ticket's free text (any of the service's languages),
// for text_extraction.h: "12-34567-89012", the form eBay shows buyers
// (adapters/ebay/ebay_order_id.h says why the retired legacy forms are not
// looked for).
//
// The 2-5-5 shape is distinctive, so an ID is taken unless the words right
// before it (up to four, on the same line) name something else nearer than
// any order word: an invoice, a ticket or case, a phone or fax number, a
// customer, item or tracking number, a reference, a VAT or IBAN number. A
// "+" right before it (an international phone number) or digits, letters,
// dots or hyphens glued to either end also rule it out.
//
//   std::vector<FoundOrderId> found;
//   FindEbayOrderIds("eBay-Bestellung 12-34567-89012, Rechnung 21-55501-00001", found);
//   // {{"12-34567-89012", SALES_CHANNEL_EBAY, 16, 30}}
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_EBAY_ORDER_IDS_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_EBAY_ORDER_IDS_H_

#include <vector>

#include "absl/strings/string_view.h"

#include "services/enrichment/channel_order_ids.h"

namespace trackenrich::enrichment {

// Appends the eBay order IDs in `text`; spans already in `found` are skipped.
void FindEbayOrderIds(absl::string_view text, std::vector<FoundOrderId>& found);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_EBAY_ORDER_IDS_H_
