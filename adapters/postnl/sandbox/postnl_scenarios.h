// PostNL scenarios of the sandbox upstream: Shippingstatus v2 "status by
// barcode" (GET /shipment/v2/status/barcode/{barcode}, header apikey) in
// PostNL's wire format, shaped like PostNL's published CompleteStatus
// example (tests/data/postnl/docs-complete-status.json): events newest
// first, Dutch wall times "dd-MM-yyyy HH:mm:ss" without an offset, empty
// fields as {}, status and phase codes beside the events.
//
// Sandbox numbers are S10 numbers ending NL, with their check digit, which
// detection routes to PostNL by the suffix (CX900000019NL = delivered,
// RR123456785NL = an international parcel); any other 3S barcode of the
// range SAND (3SSAND0000001) answers as sorted, in transit. Unknown numbers
// answer PostNL's 200 with Warnings "No shipment found"; a wrong key
// PostNL's 401. Route counted: "postnl.track".
#ifndef TRACKENRICH_ADAPTERS_POSTNL_SANDBOX_POSTNL_SCENARIOS_H_
#define TRACKENRICH_ADAPTERS_POSTNL_SANDBOX_POSTNL_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

std::vector<Scenario> PostnlScenarioList();

// Answers PostNL's route; nullopt for any other path.
std::optional<server::HttpServer::Reply> HandlePostnl(const http::HttpRequest& request,
                                                      absl::Time now, const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_ADAPTERS_POSTNL_SANDBOX_POSTNL_SCENARIOS_H_
