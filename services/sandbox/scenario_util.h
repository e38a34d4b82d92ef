// Small pieces the sandbox's carrier scenarios share: reading form bodies and
// query strings, token requests, JSON and XML replies, the relative clock
// scenarios are written in ("the delivery scan was 2 hours ago") and the
// lookups over each carrier's table of scenario definitions.
//
//   std::string number = QueryParam(request.target, "trackingNumber");
//   if (const Definition* found = FindByNumber(Definitions(), number)) ...
//   std::vector<Scenario> list = ScenarioList("dhl", Definitions());
//   return JsonResponse(200, json::object{{"access_token", token}});
#ifndef TRACKENRICH_SERVICES_SANDBOX_SCENARIO_UTIL_H_
#define TRACKENRICH_SERVICES_SANDBOX_SCENARIO_UTIL_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "boost/json/value.hpp"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"

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

// Whether `request` is a POST whose form body asks for `grant_type` with the
// sandbox's client ID and secret (kSandboxClientId, kSandboxClientSecret), as
// the OAuth token endpoints of FedEx, USPS and Login with Amazon take them.
bool IsSandboxTokenRequest(const http::HttpRequest& request, absl::string_view grant_type);

server::HttpServer::Reply JsonResponse(int status, const boost::json::value& body);
server::HttpServer::Reply XmlResponse(int status, std::string body);

// `now` rounded down to the minute, minus `hours`: scenario events sit at
// stable, plausible times.
absl::Time HoursAgo(absl::Time now, double hours);

// "2026-03-11T09:15:00-05:00": `time` as local time at `offset_hours`.
std::string Rfc3339At(absl::Time time, int offset_hours);

// `first` followed by `then`: a scenario's own events joined to the trail
// of events it shares with the carrier's other scenarios.
template <typename Event>
std::vector<Event> Concatenated(std::vector<Event> first, const std::vector<Event>& then) {
  first.insert(first.end(), then.begin(), then.end());
  return first;
}

// The definition whose `number` is `number`, or nullptr. `Definition` is a
// carrier's scenario definition, with `number`, `name` and `description`.
template <typename Definition>
const Definition* FindByNumber(const std::vector<Definition>& definitions,
                               absl::string_view number) {
  for (const Definition& definition : definitions) {
    if (number == definition.number) return &definition;
  }
  return nullptr;
}

// One Scenario per definition, in order, for `carrier` ("fedex").
template <typename Definition>
std::vector<Scenario> ScenarioList(absl::string_view carrier,
                                   const std::vector<Definition>& definitions) {
  std::vector<Scenario> list;
  list.reserve(definitions.size());
  for (const Definition& definition : definitions) {
    list.push_back(
        {std::string(carrier), definition.number, definition.name, definition.description});
  }
  return list;
}

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_SERVICES_SANDBOX_SCENARIO_UTIL_H_
