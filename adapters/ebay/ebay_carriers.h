// eBay's shipping carrier codes as our carriers: what a shipping
// fulfillment's shippingCarrierCode names.
//
//   CarrierFromEbayCode("USPS");        // CARRIER_USPS
//   CarrierFromEbayCode("RoyalMail");   // CARRIER_ROYAL_MAIL
//   CarrierFromEbayCode("Yodel");       // CARRIER_UNSPECIFIED: not one of ours
//
// Codes are eBay's ShippingCarrierCodeType enumeration (Trading API,
// developer.ebay.com/Devzone/XML/docs/Reference/eBay/types/
// ShippingCarrierCodeType.html), which the Fulfillment API's
// ShippingFulfillment.shippingCarrierCode refers to. They are compared
// without case, spaces, '_' or '-', so the Post-Order API's ShippingCarrierEnum
// spellings (ROYAL_MAIL, CANADA_POST, AUSTRALIA_POST; developer.ebay.com/
// Devzone/post-order/types/ShippingCarrierEnum.html) resolve the same way.
// Only codes that name exactly one of our carriers are listed: "Hermes" is
// Evri in the UK but Hermes Germany on eBay.de, so it stays unresolved and
// the number's own format decides (carrier detection), else the channel's view
// is kept.
#ifndef TRACKENRICH_ADAPTERS_EBAY_EBAY_CARRIERS_H_
#define TRACKENRICH_ADAPTERS_EBAY_EBAY_CARRIERS_H_

#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::ebay {

// CARRIER_UNSPECIFIED for an empty, unknown or ambiguous code.
v1::Carrier CarrierFromEbayCode(absl::string_view code);

}  // namespace trackenrich::adapters::ebay

#endif  // TRACKENRICH_ADAPTERS_EBAY_EBAY_CARRIERS_H_
