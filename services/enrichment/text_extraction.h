// Finds order IDs (Amazon's 3-7-7, and each other channel's through its
// finder in channel_order_ids.h) and tracking numbers in a ticket's free text
// (any language). Tracking numbers are taken when carrier detection is confident
// and no check digit fails, so phone numbers, dates, postcodes and prices are
// left alone; digits printed as a phone number (after "+" or a word such as
// "Tel.", "Handy", "móvil") are skipped even when they happen to pass a check
// digit.
//
// Short all-digit formats (DHL Express's 10 digits, GLS, BRT, Evri, DPD
// without its check character, ...) look like invoice numbers and phone
// numbers, so detection alone never trusts them. The words right before the
// number (up to four, on the same line) can: the nearest cue decides.
//   - A carrier's name ("DHL", "GLS", "BRT", ...): taken when a format of
//     that carrier matches and its check digit, if it has one, passes.
//   - A tracking word ("tracking", "Sendungsnummer", "numero di
//     spedizione", "numéro de suivi", "número de seguimiento", ...) and no
//     carrier's name: taken when a format's check digit passes; that format's
//     carrier is the number's.
//   - A word naming something else (invoice, order, customer, IBAN, postcode,
//     phone, ...) nearer than any cue: not taken.
// The carrier the context gave is returned next to the number, so the lookup
// need not guess. tests/data/enrichment/ticket_texts.json holds the tickets
// this is measured on.
//
//   TicketIdentifiers ids = ExtractIdentifiers("Where is 114-3941689-8772232? UPS 1Z 999 ...");
//   ids.order_ids          // {"114-3941689-8772232"}
//   ids.tracking_numbers   // {"1Z999AA10123456784"}
//   ids = ExtractIdentifiers("DHL tracking 1234567891, Rechnung 1234567891");
//   ids.tracking_numbers   // {"1234567891"}, ids.tracking_carriers {CARRIER_DHL}
//   ids = ExtractIdentifiers("Bestellung #1042 ist nicht da",
//                            {.channels = {v1::SALES_CHANNEL_SHOPIFY}});
//   ids.order_ids          // {"#1042"}, ids.order_channels {SALES_CHANNEL_SHOPIFY}
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_TEXT_EXTRACTION_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_TEXT_EXTRACTION_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

#include "services/enrichment/channel_order_ids.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::enrichment {

struct TicketIdentifiers {
  // In order of first appearance, without duplicates.
  std::vector<std::string> order_ids;
  // One per order ID: the channel whose form it has (SALES_CHANNEL_AMAZON for
  // 3-7-7 IDs).
  std::vector<v1::SalesChannel> order_channels;
  // Normalized (upper case, no spaces or dashes).
  std::vector<std::string> tracking_numbers;
  // One per tracking number: the carrier the words around it name or its
  // check digit proves, for a number detection alone would not route;
  // CARRIER_UNSPECIFIED when detection decides.
  std::vector<v1::Carrier> tracking_carriers;
};

// What the tenant sells through besides Amazon.
struct ExtractionOptions {
  // The channels whose order IDs to look for (the tenant's configured
  // ones); Amazon's 3-7-7 IDs are always looked for.
  std::vector<v1::SalesChannel> channels;
  // The tenant's own order-name formats (e.g. Shopify's prefix and suffix).
  std::vector<OrderNameFormat> order_name_formats;
};

// At most `max_each` of each kind are returned.
TicketIdentifiers ExtractIdentifiers(absl::string_view text, size_t max_each = 10);
TicketIdentifiers ExtractIdentifiers(absl::string_view text, const ExtractionOptions& options,
                                     size_t max_each = 10);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_TEXT_EXTRACTION_H_
