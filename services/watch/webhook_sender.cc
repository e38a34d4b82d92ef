#include "services/watch/webhook_sender.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/json_util.h"
#include "prometheus/counter.h"
#include "prometheus/registry.h"
#include "spdlog/spdlog.h"

#include "adapters/http/http_client.h"
#include "services/integrations/common/signature.h"

namespace trackenrich::watch {

namespace {

std::string HexHmac(absl::string_view secret, int64_t timestamp, absl::string_view body) {
  std::string raw;
  absl::Base64Unescape(integrations::Base64Hmac(integrations::HmacAlgorithm::kSha256, secret,
                                                absl::StrCat(timestamp, ".", body)),
                       &raw);
  return absl::BytesToHexString(raw);
}

std::string EventJson(const v1::WatchEvent& event) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  (void)google::protobuf::util::MessageToJsonString(event, &json, options);
  return json;
}

}  // namespace

std::string WebhookSignature(absl::string_view secret, int64_t timestamp, absl::string_view body) {
  return absl::StrCat("t=", timestamp, ",v1=", HexHmac(secret, timestamp, body));
}

bool VerifyWebhookSignature(absl::string_view secret, absl::string_view header,
                            absl::string_view body, absl::Time now, absl::Duration tolerance) {
  int64_t timestamp = 0;
  bool has_timestamp = false;
  std::vector<absl::string_view> signatures;
  for (absl::string_view part : absl::StrSplit(header, ',')) {
    part = absl::StripAsciiWhitespace(part);
    if (absl::ConsumePrefix(&part, "t=")) {
      has_timestamp = absl::SimpleAtoi(part, &timestamp);
    } else if (absl::ConsumePrefix(&part, "v1=")) {
      signatures.push_back(part);
    }
  }
  if (!has_timestamp || signatures.empty()) return false;
  if (absl::AbsDuration(now - absl::FromUnixSeconds(timestamp)) > tolerance) return false;
  const std::string expected = HexHmac(secret, timestamp, body);
  bool valid = false;
  for (absl::string_view signature : signatures) {
    valid |= integrations::SecretsEqual(expected, signature);
  }
  return valid;
}

class WebhookSender::Metrics {
 public:
  explicit Metrics(server::ServiceMetrics* metrics) {
    if (metrics == nullptr) return;
    auto& family = prometheus::BuildCounter()
                       .Name("trackenrich_webhook_deliveries_total")
                       .Help(
                           "Outbound webhook POSTs by outcome: delivered (2xx), failed (to be "
                           "retried), dead_lettered (given up after the retry window).")
                       .Register(metrics->registry());
    delivered = &family.Add({{"outcome", "delivered"}});
    failed = &family.Add({{"outcome", "failed"}});
    dead_lettered = &family.Add({{"outcome", "dead_lettered"}});
  }
  static void Inc(prometheus::Counter* counter) {
    if (counter != nullptr) counter->Increment();
  }
  prometheus::Counter* delivered = nullptr;
  prometheus::Counter* failed = nullptr;
  prometheus::Counter* dead_lettered = nullptr;
};

WebhookSender::WebhookSender(WatchStore& store, http::HttpClient& http,
                             server::ServiceMetrics* metrics, WatchSettings settings,
                             cache::Scheduler later)
    : store_(store),
      http_(http),
      settings_(std::move(settings)),
      later_(std::move(later)),
      metrics_(std::make_unique<Metrics>(metrics)),
      owner_(absl::StrCat("webhook-", absl::ToUnixNanos(absl::Now()), "-",
                          reinterpret_cast<uintptr_t>(this))) {}

WebhookSender::~WebhookSender() { Stop(); }

void WebhookSender::Start() {
  if (settings_.webhooks.empty() || running_.exchange(true)) return;
  later_(settings_.webhook_tick, [this] { Tick(); });
}

void WebhookSender::Stop() { running_ = false; }

void WebhookSender::Tick() {
  if (!running_) return;
  const absl::Time now = absl::Now();
  for (const auto& [tenant, target] : settings_.webhooks) {
    {
      absl::MutexLock lock(&mu_);
      TenantState& state = tenants_[tenant];
      if (state.busy || now < state.next_attempt) continue;
      state.busy = true;
    }
    Deliver(tenant, target);
  }
  later_(settings_.webhook_tick, [this] { Tick(); });
}

void WebhookSender::Done(const std::string& tenant, absl::Time next_attempt) {
  absl::MutexLock lock(&mu_);
  TenantState& state = tenants_[tenant];
  state.busy = false;
  state.next_attempt = next_attempt;
}

void WebhookSender::Deliver(const std::string& tenant, const WebhookTarget& target) {
  store_.BeginDelivery(
      tenant, owner_, settings_.webhook_lease,
      [this, tenant, &target](absl::StatusOr<std::optional<DeliveryCursor>> cursor) {
        if (!cursor.ok() || !cursor->has_value() || !running_) {
          return Done(tenant, absl::InfinitePast());
        }
        store_.ReadEvents(tenant, (*cursor)->last_event_id, 50,
                          [this, tenant, &target,
                           cursor = **cursor](absl::StatusOr<std::vector<StoredEvent>> events) {
                            if (!events.ok() || events->empty()) {
                              return Done(tenant, absl::InfinitePast());
                            }
                            SendNext(tenant, target, cursor, *std::move(events), 0);
                          });
      });
}

void WebhookSender::SendNext(const std::string& tenant, const WebhookTarget& target,
                             DeliveryCursor cursor, std::vector<StoredEvent> events, size_t index) {
  if (index == events.size() || !running_) return Done(tenant, absl::InfinitePast());
  auto endpoint = http::ParseEndpoint(target.url);
  if (!endpoint.ok()) {
    spdlog::error("webhook for tenant {}: bad url: {}", tenant, endpoint.status().ToString());
    return Done(tenant, absl::InfiniteFuture());
  }
  endpoint->name = "webhook";
  const StoredEvent& event = events[index];
  const absl::Time now = absl::Now();
  http::HttpRequest request;
  request.method = "POST";
  request.target = endpoint->base_path.empty() ? "/" : "";
  request.idempotent = false;
  request.body = EventJson(event.event);
  request.headers.emplace_back("Content-Type", "application/json");
  request.headers.emplace_back("Trackenrich-Event-Id", event.id);
  request.headers.emplace_back(
      "Trackenrich-Signature",
      WebhookSignature(target.secret, absl::ToUnixSeconds(now), request.body));
  std::string body = request.body;
  http_.Send(
      *endpoint, std::move(request), now + settings_.webhook_timeout,
      [this, tenant, &target, cursor, events = std::move(events), index,
       body = std::move(body)](absl::StatusOr<http::HttpResponse> response) mutable {
        const absl::Time now = absl::Now();
        const std::string id = events[index].id;
        if (response.ok() && response->status >= 200 && response->status < 300) {
          Metrics::Inc(metrics_->delivered);
          {
            absl::MutexLock lock(&mu_);
            tenants_[tenant].attempts = 0;
          }
          cursor.last_event_id = id;
          cursor.failing_since = absl::InfinitePast();
        } else {
          Metrics::Inc(metrics_->failed);
          if (cursor.failing_since == absl::InfinitePast()) cursor.failing_since = now;
          if (now - cursor.failing_since < settings_.webhook_retry_window) {
            int attempts = 0;
            {
              absl::MutexLock lock(&mu_);
              attempts = ++tenants_[tenant].attempts;
            }
            const absl::Duration backoff =
                std::min(settings_.webhook_max_backoff,
                         settings_.webhook_base_backoff * (1 << std::min(attempts - 1, 20)));
            store_.SaveDelivery(
                tenant, owner_, cursor, nullptr,
                [this, tenant, next = now + backoff](absl::StatusOr<bool>) { Done(tenant, next); });
            return;
          }
          spdlog::warn("webhook for tenant {}: event {} dead-lettered after {}", tenant, id,
                       absl::FormatDuration(now - cursor.failing_since));
          Metrics::Inc(metrics_->dead_lettered);
          {
            absl::MutexLock lock(&mu_);
            tenants_[tenant].attempts = 0;
          }
          cursor.last_event_id = id;
          cursor.failing_since = absl::InfinitePast();
          store_.SaveDelivery(tenant, owner_, cursor, &body,
                              [this, tenant, &target, cursor, events = std::move(events),
                               index](absl::StatusOr<bool> saved) mutable {
                                if (!saved.ok() || !*saved) {
                                  return Done(tenant, absl::InfinitePast());
                                }
                                SendNext(tenant, target, cursor, std::move(events), index + 1);
                              });
          return;
        }
        store_.SaveDelivery(tenant, owner_, cursor, nullptr,
                            [this, tenant, &target, cursor, events = std::move(events),
                             index](absl::StatusOr<bool> saved) mutable {
                              if (!saved.ok() || !*saved) {
                                return Done(tenant, absl::InfinitePast());
                              }
                              SendNext(tenant, target, cursor, std::move(events), index + 1);
                            });
      });
}

}  // namespace trackenrich::watch
