#include "adapters/shopify/shopify_order_ref.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace trackenrich::adapters::shopify {
namespace {

constexpr absl::string_view kGidPrefix = "gid://shopify/Order/";

bool AllDigits(absl::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

absl::Status Invalid(absl::string_view field, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", message));
}

absl::Status Oversized(absl::string_view field, size_t digits) {
  return Invalid(field, absl::StrCat("a Shopify order number or ID has at most ", kMaxOrderDigits,
                                     " digits (got ", digits, ")"));
}

}  // namespace

absl::Status CheckShopifyOrderId(absl::string_view field, absl::string_view raw) {
  if (absl::StartsWithIgnoreCase(raw, "gid:")) {
    if (!absl::StartsWith(raw, kGidPrefix)) {
      return Invalid(field, "a Shopify order gid has the form gid://shopify/Order/<digits>");
    }
    const absl::string_view digits = raw.substr(kGidPrefix.size());
    if (!AllDigits(digits)) {
      return Invalid(field, "a Shopify order gid ends in the order's numeric ID");
    }
    if (digits.size() > kMaxOrderDigits) return Oversized(field, digits.size());
    return absl::OkStatus();
  }
  if (const size_t hash = raw.find('#'); hash != absl::string_view::npos) {
    const absl::string_view after = raw.substr(hash + 1);
    size_t digits = 0;
    while (digits < after.size() && absl::ascii_isdigit(static_cast<unsigned char>(after[digits])))
      ++digits;
    // After the number only the shop's suffix may follow, which holds no
    // digits ("#1001-EU"): "#12a4" is a typo, not a name.
    bool digit_after = false;
    for (char c : after.substr(digits)) {
      digit_after |= absl::ascii_isdigit(static_cast<unsigned char>(c));
    }
    if (digits == 0 || digit_after || after.find('#') != absl::string_view::npos) {
      return Invalid(field, "'#' in a Shopify order name is followed by the order number (#1001)");
    }
    if (digits > kMaxOrderDigits) return Oversized(field, digits);
  }
  if (AllDigits(raw) && raw.size() > kMaxOrderDigits) return Oversized(field, raw.size());
  return absl::OkStatus();
}

absl::StatusOr<ShopifyOrderRef> ParseShopifyOrderRef(absl::string_view raw,
                                                     const OrderNameFormat& format) {
  if (auto status = CheckShopifyOrderId("order_id", raw); !status.ok()) return status;
  if (absl::StartsWith(raw, kGidPrefix)) {
    return ShopifyOrderRef{.kind = ShopifyOrderRef::kId, .value = std::string(raw)};
  }
  if (AllDigits(raw)) {
    if (raw.size() >= kIdDigits) {
      return ShopifyOrderRef{.kind = ShopifyOrderRef::kId, .value = absl::StrCat(kGidPrefix, raw)};
    }
    return ShopifyOrderRef{.kind = ShopifyOrderRef::kName,
                           .value = absl::StrCat(format.prefix, raw, format.suffix)};
  }
  // "#1001" is Shopify's default name whatever the format.
  if (raw.size() > 1 && raw[0] == '#' && AllDigits(raw.substr(1))) {
    return ShopifyOrderRef{.kind = ShopifyOrderRef::kName, .value = std::string(raw)};
  }
  // The merchant's prefix and suffix around the number, in any case.
  if ((!format.prefix.empty() || !format.suffix.empty()) &&
      raw.size() > format.prefix.size() + format.suffix.size() &&
      absl::StartsWithIgnoreCase(raw, format.prefix) &&
      absl::EndsWithIgnoreCase(raw, format.suffix)) {
    const absl::string_view number =
        raw.substr(format.prefix.size(), raw.size() - format.prefix.size() - format.suffix.size());
    if (AllDigits(number)) {
      return ShopifyOrderRef{.kind = ShopifyOrderRef::kName,
                             .value = absl::StrCat(format.prefix, number, format.suffix)};
    }
  }
  return absl::NotFoundError(absl::StrCat(
      "order_id: '", raw, "' is not a Shopify order name (#1001", format.prefix == "#" ? "" : ", ",
      format.prefix == "#" ? "" : absl::StrCat(format.prefix, "1001", format.suffix),
      "), order number or gid://shopify/Order ID"));
}

}  // namespace trackenrich::adapters::shopify
