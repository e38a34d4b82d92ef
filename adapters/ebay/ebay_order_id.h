// eBay order IDs: what a lookup accepts and what ticket text is searched for.
//
//   IsEbayOrderId("12-34567-89012");        // true
//   RecognizeEbayOrderId("12-3456-89012");  // INVALID_ARGUMENT "order_id: ..."
//   RecognizeEbayOrderId("#1001");          // NOT_FOUND: not eBay's form
//
// Since June 2019 an eBay order ID is "a non-parsable string, globally unique
// across all eBay marketplaces", the same for single- and multi-line-item
// orders and shown to buyers (developer.ebay.com/devzone/merchant-data/
// callref/types/OrderIDType.html). What buyers and the Fulfillment API show
// is two, five and five digits joined by hyphens ("19-11396-02421", an
// observed getOrder answer; ../shared/reference/channels-push-helpdesks.md
// A2). The older forms ("ItemID-TransactionID" such as
// 110043671232-28000148436, and "6498414015!260000000562911" in old REST
// docs) were retired with legacyOrderId (decommissioned 2025-04-10, Fulfillment
// API release notes), so getOrder cannot find an order by them: they are not
// accepted here.
#ifndef TRACKENRICH_ADAPTERS_EBAY_EBAY_ORDER_ID_H_
#define TRACKENRICH_ADAPTERS_EBAY_EBAY_ORDER_ID_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace trackenrich::adapters::ebay {

// Exactly NN-NNNNN-NNNNN (ASCII digits).
bool IsEbayOrderId(absl::string_view id);

// OK for an eBay order ID; INVALID_ARGUMENT (starting "order_id: ") for
// digit groups joined by hyphens that are near the form but not it
// ("12-3456-89012", "12-34567-890123"); NOT_FOUND for anything else (not
// eBay's form: another kind of ID).
absl::Status RecognizeEbayOrderId(absl::string_view id);

}  // namespace trackenrich::adapters::ebay

#endif  // TRACKENRICH_ADAPTERS_EBAY_EBAY_ORDER_ID_H_
