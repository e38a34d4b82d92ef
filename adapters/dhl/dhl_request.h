// Pure builder for the DHL Shipment Tracking – Unified request.
//
//   HttpRequest track = BuildDhlTrackRequest("00340434161094042557", api_key);
//
// API (developer.dhl.com/api-reference/shipment-tracking, reference §4.4):
// GET /track/shipments?trackingNumber=...&language=en with the application's
// key in the DHL-API-Key header (never in the URL). One number per call; DHL
// quotas are per application and per day.
#ifndef TRACKENRICH_ADAPTERS_DHL_DHL_REQUEST_H_
#define TRACKENRICH_ADAPTERS_DHL_DHL_REQUEST_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::dhl {

inline constexpr absl::string_view kDhlTrackPath = "/track/shipments";

// `tracking_number` must already be normalized ([A-Z0-9]).
http::HttpRequest BuildDhlTrackRequest(absl::string_view tracking_number,
                                       absl::string_view api_key);

}  // namespace trackenrich::adapters::dhl

#endif  // TRACKENRICH_ADAPTERS_DHL_DHL_REQUEST_H_
