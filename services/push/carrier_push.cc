#include "services/push/carrier_push.h"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"
#include "spdlog/spdlog.h"

#include "openssl/sha.h"
#include "services/integrations/common/signature.h"
#include "services/lookup/order_lookup.h"
#include "services/lookup/shipment_lookup.h"
#include "services/push/push_payloads.h"
#include "services/validation/request_validation.h"
#include "services/watch/watch_store.h"

namespace trackenrich::push {
namespace {

namespace json = boost::json;
using HttpReply = server::HttpServer::Reply;

HttpReply JsonAnswer(int status, const json::object& body) {
  HttpReply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", "application/json");
  reply.response.body = json::serialize(body);
  return reply;
}

// The newest scan's instant, in nanoseconds since the epoch (0: no scans).
int64_t LatestScan(const v1::Shipment& shipment) {
  int64_t latest = 0;
  for (const v1::TrackingEvent& event : shipment.events()) {
    latest = std::max(latest, event.time().seconds() * 1'000'000'000 + event.time().nanos());
  }
  return latest;
}

HttpReply Error(int status, const char* code, const std::string& message) {
  return JsonAnswer(status, json::object{{"code", code}, {"message", message}});
}

std::string Sha256Hex(absl::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

}  // namespace

std::string ShopDomain(absl::string_view shop) {
  std::string domain = absl::AsciiStrToLower(shop);
  if (!absl::EndsWith(domain, ".myshopify.com")) absl::StrAppend(&domain, ".myshopify.com");
  return domain;
}

CarrierPush::CarrierPush(PushDeps deps, PushSettings settings)
    : deps_(deps), settings_(std::move(settings)) {}

void CarrierPush::Handle(const http::HttpRequest& request,
                         server::HttpServer::ReplyCallback reply) {
  const size_t query = request.target.find('?');
  const absl::string_view path = absl::string_view(request.target).substr(0, query);
  struct Route {
    absl::string_view path;
    void (CarrierPush::*handler)(const http::HttpRequest&, Reply);
    bool configured;
    absl::string_view key;
  };
  const Route routes[] = {
      {"/push/ups", &CarrierPush::UpsTrackAlert, settings_.ups.configured, "push.ups"},
      {"/push/fedex", &CarrierPush::FedexPush, settings_.fedex.configured, "push.fedex"},
      {"/push/dhl", &CarrierPush::DhlPush, settings_.dhl.configured, "push.dhl"},
      {"/push/shopify", &CarrierPush::ShopifyPush, settings_.shopify.configured, "push.shopify"},
  };
  const Route* route = nullptr;
  for (const Route& candidate : routes) {
    if (candidate.path == path) route = &candidate;
  }
  if (route == nullptr) return reply(Error(404, "NOT_FOUND", "no push route here"));
  if (!route->configured) {
    return reply(
        Error(404, "NOT_FOUND", absl::StrCat("this push is not configured (", route->key, ")")));
  }
  if (request.method != "POST") {
    HttpReply refused = Error(405, "INVALID_ARGUMENT", "POST only");
    refused.response.headers.emplace_back("Allow", "POST");
    return reply(std::move(refused));
  }
  (this->*route->handler)(request, std::move(reply));
}

void CarrierPush::UpsTrackAlert(const http::HttpRequest& request, Reply reply) {
  const absl::string_view credential = request.Header("credential");
  if (credential.empty() || !integrations::SecretsEqual(credential, settings_.ups.credential)) {
    return reply(Error(401, "UNAUTHENTICATED", "credential: missing or wrong"));
  }
  boost::system::error_code error;
  const json::value body = json::parse(request.body, error);
  const json::object* fields = error ? nullptr : body.if_object();
  if (fields == nullptr) return reply(Error(400, "INVALID_ARGUMENT", "body: not a JSON object"));
  const json::value* raw = fields->if_contains("trackingNumber");
  if (raw == nullptr || !raw->is_string()) {
    return reply(Error(400, "INVALID_ARGUMENT", "trackingNumber: required, a string"));
  }
  absl::StatusOr<std::string> number =
      server::ValidateTrackingNumber("trackingNumber", std::string(raw->as_string()));
  if (!number.ok()) {
    return reply(Error(400, "INVALID_ARGUMENT", std::string(number.status().message())));
  }
  const std::string tenant = settings_.ups.tenant;
  deps_.store->ClaimOnce(
      tenant, absl::StrCat("ups:", Sha256Hex(request.body)), settings_.replay_window,
      [this, tenant, number = *number,
       reply = std::move(reply)](absl::StatusOr<bool> first) mutable {
        if (!first.ok()) {
          return reply(Error(503, "UNAVAILABLE", "the push could not be recorded; retry"));
        }
        if (!*first) return reply(JsonAnswer(200, json::object{{"replay", true}}));
        server::TrackRequest track;
        track.tenant = tenant;
        track.tracking_number = number;
        track.carrier = v1::CARRIER_UPS;
        track.cache.set_force_refresh(true);
        track.deadline = absl::Now() + absl::Seconds(10);
        deps_.lookup->Track(track, [this, tenant, number, reply = std::move(reply)](
                                       absl::StatusOr<v1::Shipment> shipment) mutable {
          if (!shipment.ok()) {
            spdlog::info("push ups: refreshing {} failed: {}", number,
                         shipment.status().ToString());
          }
          deps_.store->Touch(
              tenant, number, absl::Now(),
              [reply = std::move(reply)](absl::StatusOr<int64_t> touched) mutable {
                reply(JsonAnswer(202, json::object{{"accepted", true},
                                                   {"watches", touched.ok() ? *touched : 0}}));
              });
        });
      });
}

void CarrierPush::FedexPush(const http::HttpRequest& request, Reply reply) {
  // base64(HMAC-SHA256(security token, raw body)), compared in constant time.
  if (!integrations::VerifyBase64Hmac(integrations::HmacAlgorithm::kSha256,
                                      settings_.fedex.security_token, request.body,
                                      request.Header(kFedexSignatureHeader))) {
    return reply(Error(401, "UNAUTHENTICATED", "fdx-signature: missing or wrong"));
  }
  absl::StatusOr<std::vector<v1::Shipment>> shipments = ParseFedexPush(request.body);
  if (!shipments.ok()) {
    return reply(Error(400, "INVALID_ARGUMENT", std::string(shipments.status().message())));
  }
  TakeShipments(settings_.fedex.tenant, absl::StrCat("fedex:", Sha256Hex(request.body)),
                *std::move(shipments), std::move(reply));
}

void CarrierPush::DhlPush(const http::HttpRequest& request, Reply reply) {
  const absl::string_view token = request.Header(settings_.dhl.header);
  if (token.empty() || !integrations::SecretsEqual(token, settings_.dhl.token)) {
    return reply(
        Error(401, "UNAUTHENTICATED", absl::StrCat(settings_.dhl.header, ": missing or wrong")));
  }
  absl::StatusOr<std::vector<v1::Shipment>> shipments = ParseDhlPush(request.body);
  if (!shipments.ok()) {
    return reply(Error(400, "INVALID_ARGUMENT", std::string(shipments.status().message())));
  }
  TakeShipments(settings_.dhl.tenant, absl::StrCat("dhl:", Sha256Hex(request.body)),
                *std::move(shipments), std::move(reply));
}

void CarrierPush::TakeShipments(const std::string& tenant, const std::string& delivery_id,
                                std::vector<v1::Shipment> shipments, Reply reply) {
  deps_.store->ClaimOnce(
      tenant, delivery_id, settings_.replay_window,
      [this, tenant, shipments = std::move(shipments),
       reply = std::move(reply)](absl::StatusOr<bool> first) mutable {
        if (!first.ok()) {
          return reply(Error(503, "UNAVAILABLE", "the push could not be recorded; retry"));
        }
        if (!*first) return reply(JsonAnswer(200, json::object{{"replay", true}}));
        auto pushed = std::make_shared<std::vector<v1::Shipment>>(std::move(shipments));
        StoreNewer(tenant, std::move(pushed), 0, {}, 0, std::move(reply));
      });
}

void CarrierPush::StoreNewer(const std::string& tenant,
                             std::shared_ptr<std::vector<v1::Shipment>> pushed, size_t next,
                             std::vector<std::string> stored, int64_t older, Reply reply) {
  if (next == pushed->size()) {
    const int64_t count = static_cast<int64_t>(stored.size());
    return TouchAll(tenant, std::move(stored), 0, 0,
                    [count, older, reply = std::move(reply)](int64_t touched) mutable {
                      reply(JsonAnswer(202, json::object{{"accepted", true},
                                                         {"shipments", count},
                                                         {"older_than_cached", older},
                                                         {"watches", touched}}));
                    });
  }
  const v1::Carrier carrier = (*pushed)[next].carrier();
  const std::string number = (*pushed)[next].tracking_number();
  deps_.lookup->Newest(
      tenant, carrier, number,
      [this, tenant, pushed = std::move(pushed), next, stored = std::move(stored), older,
       reply = std::move(reply)](std::shared_ptr<const v1::Shipment> cached) mutable {
        v1::Shipment& shipment = (*pushed)[next];
        // Pushes can arrive out of order (FedEx says so): one whose newest
        // scan is older than the cached answer's changes nothing.
        if (cached != nullptr && LatestScan(*cached) > LatestScan(shipment)) {
          ++older;
        } else {
          stored.push_back(shipment.tracking_number());
          deps_.lookup->Store(tenant, std::move(shipment));
        }
        StoreNewer(tenant, std::move(pushed), next + 1, std::move(stored), older, std::move(reply));
      });
}

void CarrierPush::TouchAll(const std::string& tenant, std::vector<std::string> subjects,
                           size_t next, int64_t touched, absl::AnyInvocable<void(int64_t)> done) {
  if (next == subjects.size()) return done(touched);
  const std::string subject = subjects[next];
  deps_.store->Touch(tenant, subject, absl::Now(),
                     [this, tenant, subjects = std::move(subjects), next, touched,
                      done = std::move(done)](absl::StatusOr<int64_t> more) mutable {
                       TouchAll(tenant, std::move(subjects), next + 1,
                                touched + (more.ok() ? *more : 0), std::move(done));
                     });
}

namespace {

// A webhook ID as Shopify sends it: a UUID-like token, nothing a key or a
// log line could be confused by.
bool PlainToken(absl::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

// The cached order with the pushed fulfillment's packages in place of its
// old ones (where the first of them was, else at the end).
v1::Order WithFulfillment(const v1::Order& cached, const ShopifyFulfillmentPush& push) {
  v1::Order order = cached;
  order.clear_shipments();
  bool placed = false;
  for (const v1::Shipment& old : cached.shipments()) {
    if (old.package_id() != push.fulfillment_gid) {
      *order.add_shipments() = old;
      continue;
    }
    if (placed) continue;
    for (const v1::Shipment& package : push.packages) *order.add_shipments() = package;
    placed = true;
  }
  if (!placed) {
    for (const v1::Shipment& package : push.packages) *order.add_shipments() = package;
  }
  return order;
}

}  // namespace

void CarrierPush::ShopifyPush(const http::HttpRequest& request, Reply reply) {
  // base64(HMAC-SHA256(client secret, raw body)), compared in constant time.
  if (!integrations::VerifyBase64Hmac(integrations::HmacAlgorithm::kSha256,
                                      settings_.shopify.client_secret, request.body,
                                      request.Header(kShopifyHmacHeader))) {
    return reply(Error(401, "UNAUTHENTICATED", "X-Shopify-Hmac-SHA256: missing or wrong"));
  }
  const std::string shop = absl::AsciiStrToLower(request.Header(kShopifyShopHeader));
  const auto tenant_of = settings_.shopify.shops.find(shop);
  if (tenant_of == settings_.shopify.shops.end()) {
    return reply(Error(403, "PERMISSION_DENIED",
                       "X-Shopify-Shop-Domain: no tenant is configured for this shop"));
  }
  const absl::string_view topic = request.Header(kShopifyTopicHeader);
  if (!topic.empty() && topic != "fulfillments/update" && topic != "fulfillments/create") {
    return reply(Error(400, "INVALID_ARGUMENT",
                       "X-Shopify-Topic: only fulfillments/update and fulfillments/create"));
  }
  const absl::string_view webhook_id = request.Header(kShopifyWebhookIdHeader);
  if (!webhook_id.empty() && !PlainToken(webhook_id)) {
    return reply(Error(400, "INVALID_ARGUMENT",
                       "X-Shopify-Webhook-Id: letters, digits, '-' and '_' only, up to 128"));
  }
  absl::StatusOr<ShopifyFulfillmentPush> push = ParseShopifyFulfillmentPush(request.body);
  if (!push.ok()) {
    return reply(Error(400, "INVALID_ARGUMENT", std::string(push.status().message())));
  }
  const std::string tenant = tenant_of->second;
  const std::string delivery_id = webhook_id.empty()
                                      ? absl::StrCat("shopify:", Sha256Hex(request.body))
                                      : absl::StrCat("shopify:", webhook_id);
  deps_.store->ClaimOnce(
      tenant, delivery_id, settings_.replay_window,
      [this, tenant, push = *std::move(push),
       reply = std::move(reply)](absl::StatusOr<bool> first) mutable {
        if (!first.ok()) {
          return reply(Error(503, "UNAVAILABLE", "the push could not be recorded; retry"));
        }
        if (!*first) return reply(JsonAnswer(200, json::object{{"replay", true}}));
        // The order is cached under the ID it was asked by: its name, its
        // gid or its number.
        std::vector<std::string> subjects;
        if (!push.order_name.empty()) subjects.push_back(push.order_name);
        subjects.push_back(ShopifyOrderGid(push.order_id));
        subjects.push_back(absl::StrCat(push.order_id));
        UpdateOrders(tenant, std::make_shared<const ShopifyFulfillmentPush>(std::move(push)),
                     std::move(subjects), 0, std::move(reply));
      });
}

void CarrierPush::UpdateOrders(const std::string& tenant,
                               std::shared_ptr<const ShopifyFulfillmentPush> push,
                               std::vector<std::string> subjects, size_t next, Reply reply) {
  if (next == subjects.size()) {
    return TouchAll(
        tenant, std::move(subjects), 0, 0, [reply = std::move(reply)](int64_t touched) mutable {
          reply(JsonAnswer(202, json::object{{"accepted", true}, {"watches", touched}}));
        });
  }
  const std::string subject = subjects[next];
  deps_.orders->Newest(
      tenant, "shopify", subject,
      [this, tenant, push, subject, subjects = std::move(subjects), next,
       reply = std::move(reply)](std::shared_ptr<const v1::Order> cached) mutable {
        if (cached != nullptr) {
          deps_.orders->Store(tenant, "shopify", subject, WithFulfillment(*cached, *push));
        }
        UpdateOrders(tenant, std::move(push), std::move(subjects), next + 1, std::move(reply));
      });
}

}  // namespace trackenrich::push
