// Pure parsers for the eBay Sell Fulfillment API answers an order lookup
// reads: getOrder into the canonical Order, then getShippingFulfillments into
// its shipments. Bytes in, values out: no sockets, clocks or globals.
//
//   absl::StatusOr<EbayOrder> order = ParseEbayOrderResponse(order_response, "acme");
//   if (order.ok() && order->has_fulfillments) {
//     absl::Status added = ParseEbayFulfillmentsResponse(fulfillments_response, "acme",
//                                                        &order->order);
//   }
//
// What is read (developer.ebay.com/api-docs/sell/fulfillment/types/sel:Order,
// sel:ShippingFulfillment, sel:LineItem, sel:FulfillmentStartInstruction):
// - getOrder: orderId, creationDate, orderFulfillmentStatus (NOT_STARTED →
//   UNSHIPPED, IN_PROGRESS → PARTIALLY_SHIPPED, FULFILLED → SHIPPED: eBay's
//   FULFILLED means every line item is in a shipped package, not that it was
//   delivered, sel:OrderFulfillmentStatus; only the carrier can say
//   delivered), cancelStatus.cancelState (CANCELED → CANCELLED),
//   fulfillmentHrefs, lineItems[].purchaseMarketplaceId (EBAY_US, EBAY_DE,
//   ...), lineItems[].lineItemFulfillmentInstructions.shipByDate (earliest →
//   ship_by end), the estimated delivery window (fulfillmentStartInstructions
//   [].min/maxEstimatedDeliveryDate, else the line items'), and
//   fulfillmentStartInstructions[].shippingStep.shippingServiceCode.
// - getShippingFulfillments: fulfillments[] {fulfillmentId,
//   shipmentTrackingNumber, shippingCarrierCode, shippedDate}: one Shipment
//   each, the seller's report of the package (source SOURCE_EBAY,
//   state IN_TRANSIT once shipped, LABEL_CREATED before), its carrier from
//   eBay's code (ebay_carriers.h; unknown codes keep eBay's name and leave the
//   carrier to detection) and the carrier's tracking link where we have one.
// The buyer, the ship-to address, email and phone (buyer.*,
// fulfillmentStartInstructions[].shippingStep.shipTo, ...), prices and item
// titles are never read, even though getOrder returns them, so nothing
// personal reaches the cache or the logs.
// Errors: EbayError (ebay_errors.h); a 200 that is not JSON or has no orderId
// → UNAVAILABLE (malformed). getShippingFulfillments' 404 means no
// fulfillments (the order was found a moment before).
#ifndef TRACKENRICH_ADAPTERS_EBAY_EBAY_PARSER_H_
#define TRACKENRICH_ADAPTERS_EBAY_EBAY_PARSER_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/order.pb.h"

namespace trackenrich::adapters::ebay {

struct EbayOrder {
  v1::Order order;
  // Whether getShippingFulfillments can have anything: eBay lists
  // fulfillmentHrefs, or says fulfillment started.
  bool has_fulfillments = false;
};

absl::StatusOr<EbayOrder> ParseEbayOrderResponse(const http::HttpResponse& response,
                                                 absl::string_view tenant);

// Appends one Shipment per fulfillment to `order`.
absl::Status ParseEbayFulfillmentsResponse(const http::HttpResponse& response,
                                           absl::string_view tenant, v1::Order* order);

}  // namespace trackenrich::adapters::ebay

#endif  // TRACKENRICH_ADAPTERS_EBAY_EBAY_PARSER_H_
