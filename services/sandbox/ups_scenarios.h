// UPS scenarios of the sandbox upstream: Track API payloads in the shape of
// UPS's published responses (UPS-API/api-documentation Tracking.yaml and the
// examples in ../shared/fixtures/ups), built around the current time so that
// ETAs and "hours since the last scan" look like a live package.
//
// Sandbox numbers are valid UPS 1Z numbers (shipper SBX001, service 03) whose
// package ID picks the scenario, e.g. 1ZSBX0010300000010 = delivered. Any
// other 1Z number of shipper SBX002 (1ZSBX002...) is "in transit", so load
// tests and benchmarks have as many distinct valid numbers as they need; every
// other number is not found (TW0001).
#ifndef TRACKENRICH_SERVICES_SANDBOX_UPS_SCENARIOS_H_
#define TRACKENRICH_SERVICES_SANDBOX_UPS_SCENARIOS_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "boost/json/value.hpp"

#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"

namespace trackenrich::sandbox {

std::vector<Scenario> UpsScenarioList();

// The reply to GET /api/track/v1/details/{number}. With `stage` (a scenario
// name such as "exception"), any valid 1Z number is answered as that
// scenario: a package's story advanced by POST /__sandbox/story.
server::HttpServer::Reply UpsTrackReply(absl::string_view number, absl::Time now,
                                        absl::string_view stage = "");

// Whether `stage` names a UPS scenario a story can move to.
bool IsUpsStoryStage(absl::string_view stage);

// The reply to POST /api/track/v1/subscription/standard/package (UPS Track
// Alert, UPS-API/api-documentation UPSTrackAlert.yaml): a number the sandbox
// tracks (its scenarios except not_found, shipper SBX002's numbers) or one of
// UPS's test numbers (1ZCIETST0111111114, 1ZCIETST0422222228) is valid, any
// other invalid: 200 {validTrackingNumbers, invalidTrackingNumbers}, or 400
// VSS210 with invalidTrackingNumbers when none is valid. A body without
// locale, countryCode, destination{url, credentialType, credential} or with
// 0 or more than 100 numbers is 400 with UPS's VSS code. 401 and 429 come
// from /__sandbox/faults (path "/api/track/v1/subscription/").
server::HttpServer::Reply UpsSubscriptionReply(absl::string_view body);

// {"response":{"errors":[{"code":..., "message":...}]}}
boost::json::value UpsErrorBody(absl::string_view code, absl::string_view message);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_UPS_SCENARIOS_H_
