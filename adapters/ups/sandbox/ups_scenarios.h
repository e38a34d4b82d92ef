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
//
// Routes: POST /security/v1/oauth/token (client credentials in HTTP Basic;
// every token issued stays valid) and GET /api/track/v1/details/{number}
// (a bearer token and the transId and transactionSrc headers), counted as
// "ups.token" and "ups.track". A package's story moved by POST
// /__sandbox/story answers as the stage it reached (IsUpsStoryStage).
#ifndef TRACKENRICH_ADAPTERS_UPS_SANDBOX_UPS_SCENARIOS_H_
#define TRACKENRICH_ADAPTERS_UPS_SANDBOX_UPS_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "boost/json/value.hpp"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

std::vector<Scenario> UpsScenarioList();

// Answers UPS's routes, with the tokens issued and the stories in `memory`;
// nullopt for any other path.
std::optional<server::HttpServer::Reply> HandleUps(const http::HttpRequest& request, absl::Time now,
                                                   const RouteCounter& count,
                                                   CarrierMemory& memory);

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

#endif  // TRACKENRICH_ADAPTERS_UPS_SANDBOX_UPS_SCENARIOS_H_
