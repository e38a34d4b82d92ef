// Order IDs of the sales channels other than Amazon in a ticket's free text,
// one finder per channel; text_extraction.h runs them after Amazon's 3-7-7
// IDs and keeps each ID with its channel.
//
// Shopify order names: "#1234" (four or more digits), a number right after
// an order word in the service's languages ("order", "ordine", "Bestellung",
// "Bestellnr.", "commande", "pedido", with "number", "Nr.", "n°", "numéro",
// "número" or "#" in between), and the tenant's own name format (a prefix
// and suffix around the number, "EU-1001-S"). Not taken: numbers that are
// part of a price ("1299.00", "€ 1299", "1299 EUR"), a date or time
// ("12.05.2024", "2024-05-12"), a phone number, or a number after another
// reference's word ("Invoice #20240512", "ticket #4567"). A bare number is
// returned as the name "#1234"; ten or more digits as the numeric order ID.
// "#1234" and the tenant's format are SALES_CHANNEL_SHOPIFY; a bare number
// after an order word names no channel (SALES_CHANNEL_UNSPECIFIED: the
// tenant's channels that take the ID are asked in turn).
//
//   std::vector<FoundOrderId> found;
//   FindShopifyOrderNames("Bestellung Nr. 1234, Rechnung 5678", {}, found);
//   // {{"#1234", SALES_CHANNEL_UNSPECIFIED, 11, 20}}
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_CHANNEL_ORDER_IDS_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_CHANNEL_ORDER_IDS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

#include "trackenrich/v1/order.pb.h"

namespace trackenrich::enrichment {

// A tenant's own order-name format on a channel: Shopify lets the merchant
// put a prefix and a suffix around the order number.
struct OrderNameFormat {
  v1::SalesChannel channel = v1::SALES_CHANNEL_SHOPIFY;
  std::string prefix = "#";
  std::string suffix;
};

struct FoundOrderId {
  std::string order_id;
  v1::SalesChannel channel = v1::SALES_CHANNEL_UNSPECIFIED;
  // Byte range in the text, so no other finder reads the same digits.
  size_t begin = 0;
  size_t end = 0;
};

// Appends the Shopify order names in `text`; `formats` are the tenant's
// (those of other channels are ignored). Spans already in `found` are skipped.
void FindShopifyOrderNames(absl::string_view text, const std::vector<OrderNameFormat>& formats,
                           std::vector<FoundOrderId>& found);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_CHANNEL_ORDER_IDS_H_
