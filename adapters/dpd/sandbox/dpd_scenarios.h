// DPD scenarios of the sandbox upstream: the SOAP LoginService (getAuth) and
// ParcelLifeCycleService (getTrackingData) in DPD's wire format, shaped like
// the published response in ../shared/fixtures/other/dpd (statusInfo entries
// with label/description/location/date content, local "M/D/YYYY h:mm:ss AM"
// dates, isCurrentStatus on the current one).
//
// Sandbox numbers are valid DPD parcel numbers: 14 digits and the ISO 7064
// MOD 37,36 check character, e.g. 09981122330000L = delivered. Unknown
// numbers get an empty trackingresult (DPD's "not found"). A wrong login gets
// DPD's authenticationFault (HTTP 500). Routes counted: "dpd.login", "dpd.track".
#ifndef TRACKENRICH_ADAPTERS_DPD_SANDBOX_DPD_SCENARIOS_H_
#define TRACKENRICH_ADAPTERS_DPD_SANDBOX_DPD_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

std::vector<Scenario> DpdScenarioList();

// Answers DPD's routes; nullopt for any other path.
std::optional<server::HttpServer::Reply> HandleDpd(const http::HttpRequest& request, absl::Time now,
                                                   const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_ADAPTERS_DPD_SANDBOX_DPD_SCENARIOS_H_
