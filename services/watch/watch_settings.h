// WatchSettings: how often watches are polled, when they end, how events are
// kept and how outbound webhooks are delivered (config section `watch`).
//
//   WatchSettings settings;
//   settings.PollEvery(v1::SHIPMENT_STATE_IN_TRANSIT);   // 4h
#ifndef TRACKENRICH_SERVICES_WATCH_WATCH_SETTINGS_H_
#define TRACKENRICH_SERVICES_WATCH_WATCH_SETTINGS_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::watch {

// Where a tenant's events are POSTed, and the secret they are signed with.
struct WebhookTarget {
  std::string url;
  std::string secret;
};

struct WatchSettings {
  // How often a replica looks for due watches.
  absl::Duration tick = absl::Seconds(1);
  // Watches claimed per look, and polled at once per replica at most (polls
  // are low priority next to live RPCs).
  int64_t batch_size = 100;
  int64_t max_in_flight = 32;
  // A claimed watch not completed within this is due again (its replica died).
  absl::Duration lease = absl::Seconds(60);
  absl::Duration poll_timeout = absl::Seconds(10);
  // A poll accepts a cached answer this young; zero: always asks the upstream.
  absl::Duration poll_max_age = absl::Minutes(10);
  // The next poll, by the state seen.
  absl::Duration out_for_delivery_every = absl::Minutes(30);
  absl::Duration in_transit_every = absl::Hours(4);
  absl::Duration label_created_every = absl::Hours(6);
  absl::Duration exception_every = absl::Hours(1);
  absl::Duration other_every = absl::Hours(4);
  // After a failed poll (upstream down, rate limited).
  absl::Duration retry_after_error = absl::Minutes(15);
  // Due times are spread by ±jitter of the interval.
  double jitter = 0.1;
  // A watch ends this long after DELIVERED was first seen, at once when
  // CANCELLED or RETURNED, and in any case at max_age.
  absl::Duration delivered_grace = absl::Hours(48);
  absl::Duration max_age = absl::Hours(24 * 60);
  // Events kept (about) per tenant stream.
  int64_t stream_max_len = 100'000;
  // How often an open StreamEvents call looks for new events.
  absl::Duration stream_poll_interval = absl::Milliseconds(250);

  // Outbound webhooks by tenant.
  absl::flat_hash_map<std::string, WebhookTarget> webhooks;
  absl::Duration webhook_tick = absl::Seconds(1);
  absl::Duration webhook_timeout = absl::Seconds(10);
  absl::Duration webhook_base_backoff = absl::Seconds(1);
  absl::Duration webhook_max_backoff = absl::Minutes(5);
  // An event still refused after this long is dead-lettered.
  absl::Duration webhook_retry_window = absl::Hours(24);
  // A replica delivers a tenant's webhooks for this long per renewal; another
  // takes over when it stops renewing.
  absl::Duration webhook_lease = absl::Seconds(30);

  absl::Duration PollEvery(v1::ShipmentState state) const;
};

}  // namespace trackenrich::watch

#endif  // TRACKENRICH_SERVICES_WATCH_WATCH_SETTINGS_H_
