// Pure builder for the Royal Mail Tracking API v2 events request.
//
//   HttpRequest events = BuildRoyalMailEventsRequest("RR123456785GB", client_id, secret);
//   // GET /mailpieces/v2/RR123456785GB/events
//
// API (Royal Mail Tracking API V2 (REST) Technical User Guide; developer
// portal developer.royalmail.net, "Royal Mail Tracking (for Server-side app)
// v2"): GET {base}/mailpieces/v2/{mailPieceId}/events answers the summary,
// proof-of-delivery metadata, estimated delivery window and every event of
// one item. The application's credentials travel in the X-IBM-Client-Id and
// X-IBM-Client-Secret headers (never in the URL), the caller accepts Royal
// Mail's terms with X-Accept-RMG-Terms: yes, and asks for JSON with
// Accept: application/json.
#ifndef TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_REQUEST_H_
#define TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_REQUEST_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::royal_mail {

inline constexpr absl::string_view kRoyalMailTrackPath = "/mailpieces/v2/";

// `tracking_number` must already be normalized ([A-Z0-9]).
http::HttpRequest BuildRoyalMailEventsRequest(absl::string_view tracking_number,
                                              absl::string_view client_id,
                                              absl::string_view client_secret);

}  // namespace trackenrich::adapters::royal_mail

#endif  // TRACKENRICH_ADAPTERS_ROYAL_MAIL_ROYAL_MAIL_REQUEST_H_
