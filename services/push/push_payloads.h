// Pure parsers for the bodies carriers and Shopify push to us (bytes in,
// canonical values out; no sockets, clocks or secrets), and the signature
// each sender documents. CarrierPush (carrier_push.h) verifies, then parses.
//
//   FedEx Advanced Integrated Visibility: the body carries the Track API's
//     answer shape (output.completeTrackResults[].trackResults[]), read by the
//     FedEx adapter's parser, so its crosswalk (fedex_status_map.h) maps the
//     codes; `fdx-signature` = base64(HMAC-SHA256(security token, raw body))
//     (https://developer.fedex.com/api/en-jp/catalog/shipment-visibility-webhook/docs/introduction/advanced-integrated-visibility-validation-process.html:
//     "SHA256( security token + payload) = Base 64 encoded fdx-signature";
//     the payload is the Track API's tracking data per the integrators'
//     notes [2nd], the docs showing no sample). No delivery ID: replays are
//     told by the body's SHA-256.
//   DHL Shipment Tracking – Unified Push: the body carries the Unified
//     tracking answer (shipments[] with id, status, events), read by the DHL
//     adapter's parser (dhl_status_map.h); authenticated by the static header
//     and token set in the subscription's hook.authentication
//     {type: ApiKeyAuthentication, header, token}
//     (https://developer.dhl.com/sites/default/files/2025-07/DHL%20Shipment%20Tracking%20Push%20Bruno%20Collection.json;
//     the Push API 101 guide: the structure follows the division's tracking
//     data). No delivery ID: the body's SHA-256.
//   Shopify fulfillments/update: the body is the REST Fulfillment resource
//     (https://shopify.dev/docs/apps/build/webhooks/delivery-structure):
//     `id`, `order_id`, `name` ("#1001.1": the order's name, a dot, the
//     fulfillment's number), `status`, `shipment_status`, `tracking_company`,
//     `tracking_numbers[]`, `tracking_urls[]`, `updated_at`
//     (the REST resource as Shopify's own library documents it:
//     https://rubydoc.info/gems/shopify_api/ShopifyAPI/Fulfillment, "name: the
//     uniquely identifying fulfillment name, consisting of two parts separated
//     by a ."; shipment_status takes FulfillmentEventStatus's words in lower case);
//     `X-Shopify-Hmac-SHA256` = base64(HMAC-SHA256(app client secret, raw
//     body)), `X-Shopify-Webhook-Id` the delivery ID for replays,
//     `X-Shopify-Shop-Domain` the shop
//     (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries).
//
//   absl::StatusOr<std::vector<v1::Shipment>> pushed = ParseFedexPush(body);
//
// Errors: INVALID_ARGUMENT whose message starts with the field at fault
// ("body: not a JSON object", "shipments[0].id: ..."), never echoing a secret.
#ifndef TRACKENRICH_SERVICES_PUSH_PUSH_PAYLOADS_H_
#define TRACKENRICH_SERVICES_PUSH_PUSH_PAYLOADS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::push {

// The header names the senders document (see above).
inline constexpr absl::string_view kFedexSignatureHeader = "fdx-signature";
inline constexpr absl::string_view kShopifyHmacHeader = "X-Shopify-Hmac-SHA256";
inline constexpr absl::string_view kShopifyWebhookIdHeader = "X-Shopify-Webhook-Id";
inline constexpr absl::string_view kShopifyShopHeader = "X-Shopify-Shop-Domain";
inline constexpr absl::string_view kShopifyTopicHeader = "X-Shopify-Topic";

// Every package the FedEx push reports (carrier FedEx, number set); numbers
// FedEx reports as not found are left out. At least one, else
// INVALID_ARGUMENT.
absl::StatusOr<std::vector<v1::Shipment>> ParseFedexPush(absl::string_view body);

// Every shipment the DHL push reports (carrier DHL). At least one.
absl::StatusOr<std::vector<v1::Shipment>> ParseDhlPush(absl::string_view body);

// A Shopify fulfillment as pushed, in the Order's own terms.
struct ShopifyFulfillmentPush {
  // The REST order ID (5000000001001) and the order's name ("#1001").
  int64_t order_id = 0;
  std::string order_name;
  // "gid://shopify/Fulfillment/<id>": the package_id the order source gives
  // the fulfillment's packages.
  std::string fulfillment_gid;
  // One per tracking number (one without a number when there is none): the
  // company as carrier, shipment_status mapped through Shopify's crosswalk
  // (shopify_status_map.h; a cancelled fulfillment is CANCELLED), provenance
  // SOURCE_SHOPIFY.
  std::vector<v1::Shipment> packages;
};

absl::StatusOr<ShopifyFulfillmentPush> ParseShopifyFulfillmentPush(absl::string_view body);

// "gid://shopify/Order/<id>".
std::string ShopifyOrderGid(int64_t order_id);

}  // namespace trackenrich::push

#endif  // TRACKENRICH_SERVICES_PUSH_PUSH_PAYLOADS_H_
