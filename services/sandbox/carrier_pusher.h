// CarrierPusher: the pushing sandbox. Given a sender (UPS, FedEx, DHL or
// Shopify), a subject and a target URL on loopback, it builds the push the
// way that sender does (the body shape and the headers documented in
// services/push/push_payloads.h) and signs it like the sender: UPS's
// `credential` header, FedEx's `fdx-signature` (base64 HMAC-SHA256 of the
// body), DHL's subscription header and token, Shopify's
// `X-Shopify-Hmac-SHA256` with `X-Shopify-Webhook-Id` and
// `X-Shopify-Shop-Domain`. It sends it from its own thread and keeps what the
// target answered, so demos and tests can push without a carrier.
//
//   POST /__sandbox/push {"carrier": "fedex", "tracking_number": "777100000025",
//                         "stage": "exception",
//                         "target": "http://127.0.0.1:8080/push/fedex"}
//     -> 202 {"push": 1}; GET /__sandbox/pushes -> [{"push": 1, "status": 202, ...}]
//
// Shopify: {"carrier": "shopify", "order": "#1003", "order_id": 5000000001003,
// "tracking_number": "...", "tracking_company": "Sendle", "stage": "in_transit",
// "webhook_id": "...", "shop": "..."}; `stage` is the fulfillment's
// shipment_status. For UPS the sandbox package's story also moves to `stage`,
// so the Track call the push causes tells it.
// `sign`: "good" (default), "bad" (another secret) or "none". `secret` (and
// `header` for DHL) replaces the configured ones (a standalone sandbox has
// none). Errors: 400 naming the field; targets off loopback are refused.
#ifndef TRACKENRICH_SERVICES_SANDBOX_CARRIER_PUSHER_H_
#define TRACKENRICH_SERVICES_SANDBOX_CARRIER_PUSHER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "services/http/http_server.h"

namespace trackenrich::sandbox {

// What the pushing sandbox signs with (secrets; never logged or answered).
struct PushSecrets {
  std::string ups_credential;
  std::string fedex_security_token;
  std::string dhl_header;
  std::string dhl_token;
  std::string shopify_client_secret;
};

class CarrierPusher {
 public:
  // `set_story` moves a UPS sandbox package's story (SandboxUpstream::SetStory).
  using StorySetter = std::function<absl::Status(absl::string_view, absl::string_view)>;

  explicit CarrierPusher(StorySetter set_story) : set_story_(std::move(set_story)) {}
  ~CarrierPusher();
  CarrierPusher(const CarrierPusher&) = delete;
  CarrierPusher& operator=(const CarrierPusher&) = delete;

  void SetSecrets(PushSecrets secrets);

  // POST /__sandbox/push and GET /__sandbox/pushes.
  server::HttpServer::Reply Push(const http::HttpRequest& request, absl::Time now);
  server::HttpServer::Reply Pushes() const;

 private:
  struct Sent {
    int64_t id = 0;
    std::string carrier;
    std::string target;
    // 0 until answered; -1 when the target could not be reached.
    int status = 0;
    std::string answer;
  };

  void Record(int64_t id, int status, std::string answer);

  StorySetter set_story_;
  mutable absl::Mutex mu_;
  PushSecrets secrets_ ABSL_GUARDED_BY(mu_);
  std::vector<Sent> sent_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread> senders_ ABSL_GUARDED_BY(mu_);
};

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_CARRIER_PUSHER_H_
