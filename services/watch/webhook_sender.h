// WebhookSender: POSTs each tenant's watch events to the tenant's webhook
// URL, in event order, signed, with retries. One replica at a time delivers
// a tenant's events (a lease in the WatchStore), from a cursor kept in the
// store, so a replica's death neither loses nor reorders an event; a
// receiver may still see an event twice (after a crash between its 2xx and
// the cursor's save) and de-duplicates on the event ID.
//
// Each POST carries the WatchEvent as JSON (proto3 JSON names) and:
//   Content-Type: application/json
//   Trackenrich-Event-Id: <event ID>
//   Trackenrich-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>
// A 2xx answer delivers it; anything else (or no answer within
// webhook_timeout) is retried with exponential backoff (webhook_base_backoff
// doubling up to webhook_max_backoff) until webhook_retry_window has passed
// since the first failure; then the event goes to the tenant's dead-letter
// list and delivery moves on. Later events wait behind a failing one, so
// every subject's events arrive in order.
//
//   WebhookSender sender(store, http, metrics, settings, later);
//   sender.Start();
//   ... sender.Stop();
#ifndef TRACKENRICH_SERVICES_WATCH_WEBHOOK_SENDER_H_
#define TRACKENRICH_SERVICES_WATCH_WEBHOOK_SENDER_H_

#include <atomic>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "cache/scheduler.h"
#include "services/metrics/service_metrics.h"
#include "services/watch/watch_settings.h"
#include "services/watch/watch_store.h"

namespace trackenrich::http {
class HttpClient;
}  // namespace trackenrich::http

namespace trackenrich::watch {

// "t=1733300000,v1=5257a869e7..." for `body` signed at `timestamp`.
std::string WebhookSignature(absl::string_view secret, int64_t timestamp, absl::string_view body);

// Whether `header` is a valid signature of `body` by `secret`, made within
// `tolerance` of `now` (what a receiver checks; constant-time compare).
bool VerifyWebhookSignature(absl::string_view secret, absl::string_view header,
                            absl::string_view body, absl::Time now, absl::Duration tolerance);

class WebhookSender {
 public:
  WebhookSender(WatchStore& store, http::HttpClient& http, server::ServiceMetrics* metrics,
                WatchSettings settings, cache::Scheduler later);
  ~WebhookSender();
  WebhookSender(const WebhookSender&) = delete;
  WebhookSender& operator=(const WebhookSender&) = delete;

  void Start();
  void Stop();

 private:
  class Metrics;
  struct TenantState {
    bool busy = false;
    int attempts = 0;
    absl::Time next_attempt = absl::InfinitePast();
  };

  void Tick();
  void Deliver(const std::string& tenant, const WebhookTarget& target);
  void SendNext(const std::string& tenant, const WebhookTarget& target, DeliveryCursor cursor,
                std::vector<StoredEvent> events, size_t index);
  void Done(const std::string& tenant, absl::Time next_attempt);

  WatchStore& store_;
  http::HttpClient& http_;
  const WatchSettings settings_;
  cache::Scheduler later_;
  std::unique_ptr<Metrics> metrics_;
  const std::string owner_;
  std::atomic<bool> running_{false};
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, TenantState> tenants_ ABSL_GUARDED_BY(mu_);
};

}  // namespace trackenrich::watch

#endif  // TRACKENRICH_SERVICES_WATCH_WEBHOOK_SENDER_H_
