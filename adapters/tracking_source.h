// TrackingSource: the interface every tracking adapter implements (one per
// carrier, plus Amazon Shipping and Amazon MCF), and the registry the lookup
// pipeline finds them in.
//
//   AdapterRegistry registry;
//   RegisterUpsAdapter(registry, http_client, ups_settings);
//   TrackingSource* ups = registry.Find(v1::CARRIER_UPS);
//   ups->Track({.tracking_number = "1Z...", .deadline = deadline},
//              [](absl::StatusOr<v1::Shipment> shipment) { ... });
#ifndef TRACKENRICH_ADAPTERS_TRACKING_SOURCE_H_
#define TRACKENRICH_ADAPTERS_TRACKING_SOURCE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters {

struct TrackQuery {
  // Normalized: upper case, no spaces or dashes.
  std::string tracking_number;
  absl::Time deadline = absl::InfiniteFuture();
  // Whose credentials the call uses (sources with per-tenant credentials).
  std::string tenant = "default";
  // The marketplace of the order the package belongs to, for sources whose
  // answer depends on the region (Amazon MCF: the region's endpoint); empty:
  // the tenant's default. Carriers ignore it.
  std::string marketplace_id;
};

using ShipmentCallback = absl::AnyInvocable<void(absl::StatusOr<v1::Shipment>)>;

// A subscription to a carrier's tracking pushes for some numbers (UPS Track
// Alert): where the carrier pushes, and the header value it authenticates
// the pushes with (a secret).
struct PushSubscriptionQuery {
  std::vector<std::string> tracking_numbers;
  std::string destination_url;
  std::string credential_type = "Bearer";
  std::string credential;
  absl::Time deadline = absl::InfiniteFuture();
  std::string tenant = "default";
};

// The numbers the carrier took and those it refused as invalid.
struct PushSubscriptionAnswer {
  std::vector<std::string> subscribed;
  std::vector<std::string> invalid;
};

using PushSubscriptionCallback = absl::AnyInvocable<void(absl::StatusOr<PushSubscriptionAnswer>)>;

class TrackingSource {
 public:
  virtual ~TrackingSource() = default;

  // Short lower-case name used in logs, metrics and error messages ("ups").
  virtual absl::string_view name() const = 0;
  virtual v1::Carrier carrier() const = 0;

  // Looks the number up. `done` runs exactly once, on an I/O thread, with the
  // canonical Shipment or: NOT_FOUND (the carrier has no such number),
  // UNAVAILABLE (upstream fault, retryable), RESOURCE_EXHAUSTED (quota),
  // DEADLINE_EXCEEDED, FAILED_PRECONDITION (credentials missing or rejected).
  virtual void Track(const TrackQuery& query, ShipmentCallback done) = 0;

  // Subscribes the numbers to the carrier's pushes, for sources whose
  // carrier subscribes per number (UPS). Same error codes as Track;
  // UNIMPLEMENTED (the default) where there is no such call.
  virtual void SubscribePushes(const PushSubscriptionQuery& query, PushSubscriptionCallback done);
};

// The adapters the service was configured with, by carrier. Registration is
// explicit (see services/server/wiring), never static.
class AdapterRegistry {
 public:
  void Add(std::unique_ptr<TrackingSource> source);
  TrackingSource* Find(v1::Carrier carrier) const;
  // Removes and returns the carrier's source; null when there is none.
  std::unique_ptr<TrackingSource> Take(v1::Carrier carrier);
  std::vector<const TrackingSource*> All() const;

 private:
  absl::flat_hash_map<int, std::unique_ptr<TrackingSource>> by_carrier_;
};

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_TRACKING_SOURCE_H_
