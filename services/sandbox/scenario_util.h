// Small pieces the sandbox's carrier scenarios share: reading form bodies and
// query strings, JSON and XML replies, and the relative clock scenarios are
// written in ("the delivery scan was 2 hours ago").
//
//   std::string secret = FormField(request.body, "client_secret");
//   std::string number = QueryParam(request.target, "trackingNumber");
//   return JsonResponse(200, json::object{{"access_token", token}});
#ifndef TRACKENRICH_SERVICES_SANDBOX_SCENARIO_UTIL_H_
#define TRACKENRICH_SERVICES_SANDBOX_SCENARIO_UTIL_H_

#include <functional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "boost/json/value.hpp"

#include "services/http/http_server.h"

namespace trackenrich::sandbox {

// Counts a request on a route ("fedex.track"); SandboxUpstream's counter.
using RouteCounter = std::function<void(absl::string_view route)>;

// The path of an origin-form target, without its query.
absl::string_view TargetPath(absl::string_view target);

// The percent-decoded value of `name` in an application/x-www-form-urlencoded
// body; "" when absent.
std::string FormField(absl::string_view body, absl::string_view name);

// The same for the query string of `target`.
std::string QueryParam(absl::string_view target, absl::string_view name);

server::HttpServer::Reply JsonResponse(int status, const boost::json::value& body);
server::HttpServer::Reply XmlResponse(int status, std::string body);

// `now` rounded down to the minute, minus `hours`: scenario events sit at
// stable, plausible times.
absl::Time HoursAgo(absl::Time now, double hours);

// "2026-03-11T09:15:00-05:00": `time` as local time at `offset_hours`.
std::string Rfc3339At(absl::Time time, int offset_hours);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_SCENARIO_UTIL_H_
