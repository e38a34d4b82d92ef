// CarrierPush: carriers' tracking pushes and Shopify's fulfillment webhooks,
// taken in on the public HTTP listener. A push is authenticated the way its
// sender documents it (push_payloads.h cites each), with a constant-time
// compare; a valid one updates the cache and makes every watch on its
// subjects due at once, so the event flow runs; a replayed delivery (the
// same delivery ID, else the same body) is ignored.
//
//   POST /push/ups      UPS Track Alert: the `credential` header chosen at
//                       subscription (UPS-API/api-documentation
//                       UPSTrackAlert.yaml; no HMAC); the body's
//                       `trackingNumber`. A Track Alert carries no history,
//                       so the Track API is asked for the whole story.
//   POST /push/fedex    FedEx Advanced Integrated Visibility: `fdx-signature`
//                       = base64 HMAC-SHA256 of the raw body with the security
//                       token; the body (the Track API's shape) is parsed
//                       through the FedEx crosswalk and cached as is.
//   POST /push/dhl      DHL Shipment Tracking – Unified Push: the header and
//                       token set in the subscription's hook.authentication;
//                       the body (the Unified tracking shape) is parsed through
//                       the DHL crosswalk and cached as is.
//   POST /push/shopify  Shopify fulfillments/update (and /create):
//                       `X-Shopify-Hmac-SHA256` = base64 HMAC-SHA256 of the raw
//                       body with the app's client secret; the shop
//                       (`X-Shopify-Shop-Domain`) picks the tenant; the
//                       fulfillment replaces its packages in the cached order
//                       (by name, gid and numeric ID); order watches follow.
//
// Answers: 202 {"accepted": true, "watches": N}; 200 {"replay": true} for a
// delivery already taken; 401 for a missing or wrong credential or
// signature (naming the header, never the secret); 403 for a shop no tenant
// has; 400 naming the field for a malformed body; 404 when the sender's push
// is not configured; 405 for a method other than POST; 413 above the
// listener's body cap; 503 when the replay record cannot be written. Nothing
// changes unless the answer is 202.
//
//   CarrierPush push({.lookup = &lookup, .orders = &orders, .store = store}, settings);
//   push.Handle(request, std::move(reply));
#ifndef TRACKENRICH_SERVICES_PUSH_CARRIER_PUSH_H_
#define TRACKENRICH_SERVICES_PUSH_CARRIER_PUSH_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "services/http/http_server.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::server {
class ShipmentLookup;
class OrderLookup;
}  // namespace trackenrich::server

namespace trackenrich::watch {
class WatchStore;
}  // namespace trackenrich::watch

namespace trackenrich::push {

struct ShopifyFulfillmentPush;  // push_payloads.h

struct UpsPushSettings {
  bool configured = false;
  // The `credential` header value set at subscription (a secret).
  std::string credential;
  // Whose cache entries and watches the pushes update.
  std::string tenant = "default";
};

struct FedexPushSettings {
  bool configured = false;
  // The security token set on the webhook project (a secret; FedEx takes
  // 26 to 100 characters).
  std::string security_token;
  std::string tenant = "default";
};

struct DhlPushSettings {
  bool configured = false;
  // The header name and token set in hook.authentication at subscription
  // (the token is a secret).
  std::string header;
  std::string token;
  std::string tenant = "default";
};

struct ShopifyPushSettings {
  bool configured = false;
  // The app's client secret (a secret).
  std::string client_secret;
  // Shop domain ("acme.myshopify.com") -> tenant.
  std::map<std::string, std::string> shops;
};

struct PushSettings {
  UpsPushSettings ups;
  FedexPushSettings fedex;
  DhlPushSettings dhl;
  ShopifyPushSettings shopify;
  // How long a delivery ID is remembered for replay detection.
  absl::Duration replay_window = absl::Hours(24);
};

// "acme" or "ACME.myshopify.com" -> "acme.myshopify.com".
std::string ShopDomain(absl::string_view shop);

struct PushDeps {
  server::ShipmentLookup* lookup = nullptr;
  server::OrderLookup* orders = nullptr;
  watch::WatchStore* store = nullptr;
};

class CarrierPush {
 public:
  CarrierPush(PushDeps deps, PushSettings settings);

  // Answers through `reply`, now or later; never blocks.
  void Handle(const http::HttpRequest& request, server::HttpServer::ReplyCallback reply);

 private:
  using Reply = server::HttpServer::ReplyCallback;
  void UpsTrackAlert(const http::HttpRequest& request, Reply reply);
  void FedexPush(const http::HttpRequest& request, Reply reply);
  void DhlPush(const http::HttpRequest& request, Reply reply);
  void ShopifyPush(const http::HttpRequest& request, Reply reply);
  // Caches the pushed shipments for `tenant` and touches their watches,
  // once per delivery ID.
  void TakeShipments(const std::string& tenant, const std::string& delivery_id,
                     std::vector<v1::Shipment> shipments, Reply reply);
  // Puts the pushed fulfillment into the cached order under each subject
  // that has one, then touches the subjects' watches.
  void UpdateOrders(const std::string& tenant, std::shared_ptr<const ShopifyFulfillmentPush> push,
                    std::vector<std::string> subjects, size_t next, Reply reply);
  // Caches each pushed shipment (from `next` on) unless the cache holds a
  // newer one, then touches the stored numbers' watches and answers.
  void StoreNewer(const std::string& tenant, std::shared_ptr<std::vector<v1::Shipment>> pushed,
                  size_t next, std::vector<std::string> stored, int64_t older, Reply reply);
  // Makes the watches on each subject due; `done` gets how many.
  void TouchAll(const std::string& tenant, std::vector<std::string> subjects, size_t next,
                int64_t touched, absl::AnyInvocable<void(int64_t)> done);

  PushDeps deps_;
  const PushSettings settings_;
};

}  // namespace trackenrich::push

#endif  // TRACKENRICH_SERVICES_PUSH_CARRIER_PUSH_H_
