// Finds Amazon order IDs and tracking numbers in a ticket's free text (any
// language). Tracking numbers are taken only when carrier detection is
// confident and no check digit fails, so phone numbers, dates, postcodes and
// prices are left alone; digits printed as a phone number (after "+" or a
// word such as "Tel.", "Handy", "móvil") are skipped even when they happen to
// pass a check digit. tests/data/enrichment/ticket_texts.json holds the
// tickets this is measured on.
//
//   TicketIdentifiers ids = ExtractIdentifiers("Where is 114-3941689-8772232? UPS 1Z 999 ...");
//   ids.order_ids          // {"114-3941689-8772232"}
//   ids.tracking_numbers   // {"1Z999AA10123456784"}
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_TEXT_EXTRACTION_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_TEXT_EXTRACTION_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace trackenrich::enrichment {

struct TicketIdentifiers {
  // In order of first appearance, without duplicates.
  std::vector<std::string> order_ids;
  // Normalized (upper case, no spaces or dashes).
  std::vector<std::string> tracking_numbers;
};

// At most `max_each` of each kind are returned.
TicketIdentifiers ExtractIdentifiers(absl::string_view text, size_t max_each = 10);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_TEXT_EXTRACTION_H_
