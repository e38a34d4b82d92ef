// CarrierPush: carriers' tracking pushes, taken in on the public HTTP
// listener. A push is authenticated the way its sender documents it, with a
// constant-time compare; a valid one refreshes the cached shipment through
// the lookup pipeline (a UPS Track Alert carries no history, so the Track API
// is asked for the whole story) and makes every watch on the number due at
// once, so the event flow runs; a replayed delivery is ignored.
//
//   POST /push/ups   UPS Track Alert: the `credential` header chosen at
//                    subscription (UPS-API/api-documentation UPSTrackAlert.yaml;
//                    no HMAC); the body's `trackingNumber`. The delivery ID
//                    for replays is the SHA-256 of the body (UPS sends none).
//
// Answers: 202 {"accepted": true, "watches": N}; 200 {"replay": true} for a
// delivery already taken; 401 for a missing or wrong credential; 400 naming
// the field for a malformed body; 404 when the carrier's push is not
// configured; 405 for a method other than POST; 413 above the listener's
// body cap. Nothing changes unless the answer is 202.
//
//   CarrierPush push({.lookup = &lookup, .store = store}, settings);
//   push.Handle(request, std::move(reply));
#ifndef TRACKENRICH_SERVICES_PUSH_CARRIER_PUSH_H_
#define TRACKENRICH_SERVICES_PUSH_CARRIER_PUSH_H_

#include <string>

#include "absl/time/time.h"

#include "services/http/http_server.h"

namespace trackenrich::server {
class ShipmentLookup;
}  // namespace trackenrich::server

namespace trackenrich::watch {
class WatchStore;
}  // namespace trackenrich::watch

namespace trackenrich::push {

struct UpsPushSettings {
  bool configured = false;
  // The `credential` header value set at subscription (a secret).
  std::string credential;
  // Whose cache entries and watches the pushes update.
  std::string tenant = "default";
};

struct PushSettings {
  UpsPushSettings ups;
  // How long a delivery ID is remembered for replay detection.
  absl::Duration replay_window = absl::Hours(24);
};

struct PushDeps {
  server::ShipmentLookup* lookup = nullptr;
  watch::WatchStore* store = nullptr;
};

class CarrierPush {
 public:
  CarrierPush(PushDeps deps, PushSettings settings);

  // Answers through `reply`, now or later; never blocks.
  void Handle(const http::HttpRequest& request, server::HttpServer::ReplyCallback reply);

 private:
  void UpsTrackAlert(const http::HttpRequest& request, server::HttpServer::ReplyCallback reply);

  PushDeps deps_;
  const PushSettings settings_;
};

}  // namespace trackenrich::push

#endif  // TRACKENRICH_SERVICES_PUSH_CARRIER_PUSH_H_
