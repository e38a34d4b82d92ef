// Public tracking pages and display names per carrier: the link a reply can
// carry, and the only thing the service can offer for carriers without a
// tracking API.
//
//   TrackingUrl(v1::CARRIER_UPS, "1Z999AA10123456784");
//   // "https://www.ups.com/track?tracknum=1Z999AA10123456784"
//   CarrierDisplayName(v1::CARRIER_POSTE_ITALIANE);  // "Poste Italiane"
//
// A carrier whose descriptor (adapters/carrier.h) gives its tracking page and
// names is served from there; the rest from this file's table.
#ifndef TRACKENRICH_ADAPTERS_DETECTION_TRACKING_URLS_H_
#define TRACKENRICH_ADAPTERS_DETECTION_TRACKING_URLS_H_

#include <string>

#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::detection {

// The carrier's public tracking page for `normalized_number`. Returns "" for
// CARRIER_UNSPECIFIED, CARRIER_OTHER and unknown values, and when the number
// is empty or not normalized (anything but [A-Z0-9]; see
// NormalizeTrackingNumber), so nothing unescaped ever reaches a URL.
std::string TrackingUrl(v1::Carrier carrier, absl::string_view normalized_number);

// The name a buyer knows the carrier by, e.g. "FedEx" or "Poste Italiane".
// Returns "" for CARRIER_UNSPECIFIED, CARRIER_OTHER and unknown values (for
// CARRIER_OTHER the name travels in Shipment.carrier_name).
std::string CarrierDisplayName(v1::Carrier carrier);

// The same name as replies in `language` ("en", "it", "de", "fr", "es") write
// it: the descriptor's localized name where it gives one, else
// CarrierDisplayName.
std::string CarrierDisplayName(v1::Carrier carrier, absl::string_view language);

}  // namespace trackenrich::detection

#endif  // TRACKENRICH_ADAPTERS_DETECTION_TRACKING_URLS_H_
