// How a Shopify order is named by buyers and help desks, and how it is asked
// for: by its name ("#1001", "1001", or the merchant's own prefix and suffix,
// "EU-1001-S") through orders(query:"name:..."), or by its ID (a number of
// ten or more digits, or "gid://shopify/Order/450789469") through order(id:).
// Pure.
//
//   auto ref = ParseShopifyOrderRef("1001", {.prefix = "#"});
//   ref->kind == ShopifyOrderRef::kName, ref->value == "#1001"
//   ref = ParseShopifyOrderRef("gid://shopify/Order/450789469", {});
//   ref->kind == ShopifyOrderRef::kId, ref->value == "gid://shopify/Order/450789469"
//
// Errors: NOT_FOUND ("order_id: ... is not a Shopify order name or ID")
// when the text is not in any Shopify form, so the caller can read it as
// something else (an Amazon MCF fulfillment order ID); INVALID_ARGUMENT
// ("order_id: ...") when it claims a Shopify form and breaks it: "#" not
// followed by digits, a gid of another resource, a number too long.
#ifndef TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_ORDER_REF_H_
#define TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_ORDER_REF_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "adapters/order_source.h"

namespace trackenrich::adapters::shopify {

// Order numbers and IDs have at most this many digits (an unsigned 64-bit ID).
inline constexpr size_t kMaxOrderDigits = 19;
// A bare number this long is an order ID, shorter ones are order numbers.
inline constexpr size_t kIdDigits = 10;

struct ShopifyOrderRef {
  enum Kind { kName, kId };
  Kind kind = kName;
  // The order name to search for ("#1001"), or the order's gid.
  std::string value;
};

absl::StatusOr<ShopifyOrderRef> ParseShopifyOrderRef(absl::string_view raw,
                                                     const OrderNameFormat& format);

// The static part of the checks above, without a tenant's format: a gid of
// another resource, "#" not followed by digits, an oversized number.
// INVALID_ARGUMENT naming `field`; OK for anything else.
absl::Status CheckShopifyOrderId(absl::string_view field, absl::string_view raw);

}  // namespace trackenrich::adapters::shopify

#endif  // TRACKENRICH_ADAPTERS_SHOPIFY_SHOPIFY_ORDER_REF_H_
