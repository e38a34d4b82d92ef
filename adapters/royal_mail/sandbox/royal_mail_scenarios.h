// Royal Mail scenarios of the sandbox upstream: Tracking API v2
// GET /mailpieces/v2/{mailPieceId}/events in Royal Mail's wire format, shaped
// like the examples of its Tracking API V2 (REST) Technical User Guide
// (mailPieces with summary, signature, estimatedDelivery, events newest
// first, UK local times with their offset).
//
// Sandbox numbers are S10 numbers with Royal Mail's suffix and a valid S10
// check digit (TT900000019GB = delivered), so detection routes them to Royal
// Mail with no carrier given. Unknown numbers get Royal Mail's E1142 (404,
// "barcode reference not recognised"); wrong X-IBM-Client-Id or
// X-IBM-Client-Secret headers a 401. Route counted: "royal_mail.track".
#ifndef TRACKENRICH_ADAPTERS_ROYAL_MAIL_SANDBOX_ROYAL_MAIL_SCENARIOS_H_
#define TRACKENRICH_ADAPTERS_ROYAL_MAIL_SANDBOX_ROYAL_MAIL_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

std::vector<Scenario> RoyalMailScenarioList();

// Answers Royal Mail's routes; nullopt for any other path.
std::optional<server::HttpServer::Reply> HandleRoyalMail(const http::HttpRequest& request,
                                                         absl::Time now, const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_ADAPTERS_ROYAL_MAIL_SANDBOX_ROYAL_MAIL_SCENARIOS_H_
