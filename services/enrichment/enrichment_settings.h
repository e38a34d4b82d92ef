// Settings of the ticket enrichment: the thresholds behind the risk flags and
// the per-channel policy for links in replies. Plain structs: the config file
// fills them (keys `enrichment.*` and `templates.tracking_links`), the logic
// reads them, and tests build them directly.
//
//   EnrichmentSettings settings;
//   settings.stalled_after_by_carrier[v1::CARRIER_USPS] = absl::Hours(96);
//   settings.StalledAfter(v1::CARRIER_USPS);   // 96h
//   ReplyPolicy policy;
//   policy.TrackingLinksAllowed(v1::SALES_CHANNEL_AMAZON);   // false by default
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_ENRICHMENT_SETTINGS_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_ENRICHMENT_SETTINGS_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"

#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::enrichment {

// Starting points for "no new carrier event for N hours", per carrier: parcel
// networks scan at every hub (usually daily), postal operators and
// cross-border services go longer between scans. Sellers tune them in the
// config (enrichment.stalled_after_by_carrier).
absl::flat_hash_map<v1::Carrier, absl::Duration> DefaultStalledAfterByCarrier();

struct EnrichmentSettings {
  // LATE: not delivered this long after the end of the deliver-by window.
  absl::Duration late_grace = absl::ZeroDuration();
  // SHIP_BY_MISSED: no carrier scan this long after the end of the ship-by
  // window.
  absl::Duration ship_by_grace = absl::ZeroDuration();
  // STALLED: no new carrier event for this long, unless the carrier has its
  // own value below.
  absl::Duration stalled_after = absl::Hours(72);
  absl::flat_hash_map<v1::Carrier, absl::Duration> stalled_after_by_carrier =
      DefaultStalledAfterByCarrier();
  // INVALID_TRACKING: the carrier still has no record of the number this
  // long after the package should have shipped.
  absl::Duration no_record_after = absl::Hours(72);

  absl::Duration StalledAfter(v1::Carrier carrier) const;
};

// Whether replies may carry a link to the carrier's public tracking page, per
// sales channel. Amazon's buyer-seller messaging rules forbid links to
// non-Amazon sites and do not state an exception for carrier tracking pages
// (../shared/reference/upstream-apis.md §3.9), so Amazon defaults to no
// links: the reply names the carrier and the tracking number instead.
struct ReplyPolicy {
  bool amazon_links = false;
  bool shopify_links = true;
  bool ebay_links = true;
  bool other_links = true;
  // When the channel is not known.
  bool unknown_links = false;

  bool TrackingLinksAllowed(v1::SalesChannel channel) const;
};

// The config-file name of a carrier: the enum name without "CARRIER_", in
// lower case ("ups", "royal_mail").
std::string CarrierConfigName(v1::Carrier carrier);
// The carrier with that config-file name; nullopt for unknown names,
// "unspecified" and "other".
absl::optional<v1::Carrier> CarrierFromConfigName(absl::string_view name);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_ENRICHMENT_SETTINGS_H_
