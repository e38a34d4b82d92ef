// eBay REST error answers as canonical statuses (DESIGN.md §3).
//
//   if (response.status != 200) return EbayError("getOrder", "acme", response);
//
// eBay's REST APIs answer errors as {"errors": [{"errorId", "domain",
// "subDomain", "category" (REQUEST | BUSINESS | APPLICATION), "message",
// "longMessage", "inputRefIds", "outputRefIds", "parameters"}]}
// (developer.ebay.com/develop/api/sell/error_codes). The Fulfillment API's
// contract lists, for getOrder and getShippingFulfillments: 400 with errorId
// 32100 "Invalid order ID" (domain API_FULFILLMENT, category REQUEST), 404
// Not Found, and 500 with errorId 30500 "System error".
// Mapping:
// - 400 with 32100 → INVALID_ARGUMENT naming order_id (eBay says the ID is not
//   one of its order IDs); any other 400 → INTERNAL (a request we built);
// - 401/403 → FAILED_PRECONDITION naming the tenant: the seller's consent or
//   the app's keys are missing, revoked or lack the fulfillment scope;
// - 404 → NOT_FOUND; 429 → RESOURCE_EXHAUSTED (eBay's daily call limit);
// - 5xx and 408 → UNAVAILABLE; anything else → INTERNAL.
// Messages keep eBay's errorId, domain and category, never its message text,
// which echoes request data.
#ifndef TRACKENRICH_ADAPTERS_EBAY_EBAY_ERRORS_H_
#define TRACKENRICH_ADAPTERS_EBAY_EBAY_ERRORS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::ebay {

// errorId of "Invalid order ID: {orderId}".
inline constexpr int kEbayInvalidOrderId = 32100;

struct EbayErrorInfo {
  int error_id = 0;  // 0 when the body names none
  // Short identifiers only ("API_FULFILLMENT", "REQUEST"); "" otherwise.
  std::string domain;
  std::string category;
};

// The first entry of an eBay errors[] body (an empty info when none).
EbayErrorInfo ParseEbayErrorInfo(absl::string_view body);

absl::Status EbayError(absl::string_view operation, absl::string_view tenant,
                       const http::HttpResponse& response);

}  // namespace trackenrich::adapters::ebay

#endif  // TRACKENRICH_ADAPTERS_EBAY_EBAY_ERRORS_H_
