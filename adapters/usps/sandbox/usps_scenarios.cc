#include "adapters/usps/sandbox/usps_scenarios.h"

#include <atomic>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

constexpr absl::string_view kTokenPrefix = "sandbox-usps-token-";
constexpr absl::string_view kTrackPrefix = "/tracking/v3/tracking/";
constexpr int kOffsetHours = -5;

struct Event {
  const char* code;
  const char* type;
  double hours_ago;
  const char* city;
  const char* state;
};

struct Definition {
  const char* number;
  const char* name;
  const char* description;
  const char* category;
  const char* status;
  // Newest first, as USPS sends them.
  std::vector<Event> events;
};

const std::vector<Event> kTrail = {
    {"10", "Arrived at USPS Regional Origin Facility", 30, "ATLANTA GA DISTRIBUTION CENTER", ""},
    {"03", "USPS in possession of item", 40, "ATLANTA", "GA"},
    {"GX", "Shipping Label Created, USPS Awaiting Item", 50, "ATLANTA", "GA"},
};

std::vector<Event> WithTrail(std::vector<Event> latest) {
  return Concatenated(std::move(latest), kTrail);
}

const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {"9400111899223790000014", "delivered", "Delivered to the front door", "Delivered",
       "Delivered, Front Door/Porch",
       WithTrail({{"01", "Delivered, Front Door/Porch", 2, "HOBOKEN", "NJ"},
                  {"OF", "Out for Delivery", 7, "HOBOKEN", "NJ"}})},
      {"9400111899223790000021", "in_transit", "In transit to the next facility", "In Transit",
       "In Transit to Next Facility",
       WithTrail({{"TL", "In Transit to Next Facility", 10, "", ""}})},
      {"9400111899223790000038", "out_for_delivery", "Out for delivery", "Out for Delivery",
       "Out for Delivery", WithTrail({{"OF", "Out for Delivery", 3, "HOBOKEN", "NJ"}})},
      {"9400111899223790000045", "exception", "Alert: undeliverable as addressed", "Alert",
       "Undeliverable as Addressed",
       WithTrail({{"05", "Undeliverable as Addressed", 4, "HOBOKEN", "NJ"}})},
      {"9400111899223790000052", "delayed", "In transit, arriving late", "In Transit",
       "In Transit, Arriving Late", WithTrail({{"TL", "In Transit, Arriving Late", 12, "", ""}})},
      {"9400111899223790000069", "returned", "Refused, returning to the sender", "Alert",
       "Return to Sender",
       WithTrail({{"09", "Return to Sender", 5, "HOBOKEN", "NJ"},
                  {"04", "Refused", 6, "HOBOKEN", "NJ"}})},
  };
  return *definitions;
}

constexpr absl::string_view kNotFoundNumber = "9400111899223790000076";
// A label USPS has not scanned yet: HTTP 400, error 12.
constexpr absl::string_view kNoStatusYetNumber = "9400111899223790000083";

json::object ErrorBody(int status, absl::string_view message) {
  return json::object{
      {"apiVersion", "3.0.0"},
      {"error", json::object{{"code", absl::StrCat(status)}, {"message", std::string(message)}}}};
}

json::object Body(const Definition& definition, absl::Time now) {
  json::array events;
  for (const Event& event : definition.events) {
    const absl::Time when = HoursAgo(now, event.hours_ago);
    json::object entry{
        {"eventType", event.type},
        {"eventTimestamp",
         absl::FormatTime("%Y-%m-%dT%H:%M:%S", when, absl::FixedTimeZone(kOffsetHours * 3600))},
        {"GMTTimestamp", absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", when, absl::UTCTimeZone())},
        {"GMTOffset", "-05:00"},
        {"eventCountry", nullptr},
        {"eventCode", event.code},
        {"authorizedAgent", "false"}};
    entry["eventCity"] = *event.city == '\0' ? json::value(nullptr) : json::value(event.city);
    entry["eventState"] = *event.state == '\0' ? json::value(nullptr) : json::value(event.state);
    events.push_back(std::move(entry));
  }
  json::object body{{"trackingNumber", definition.number},
                    {"mailClass", "USPS Ground Advantage<SUP>&#153;</SUP>"},
                    {"originCity", "ATLANTA"},
                    {"originState", "GA"},
                    {"destinationCity", "HOBOKEN"},
                    {"destinationState", "NJ"},
                    {"status", definition.status},
                    {"statusCategory", definition.category},
                    {"statusSummary", absl::StrCat("Sandbox: ", definition.description, ".")},
                    {"trackingEvents", std::move(events)}};
  if (std::string(definition.category) != "Delivered") {
    body["expectedDeliveryTimeStamp"] =
        absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", HoursAgo(now, -30), absl::UTCTimeZone());
  }
  return body;
}

std::atomic<int64_t> tokens_issued{0};

Reply Token(const http::HttpRequest& request) {
  if (!IsSandboxTokenRequest(request, "client_credentials")) {
    return JsonResponse(401, json::object{{"error", "invalid_client"},
                                          {"error_description", "Client authentication failed."}});
  }
  return JsonResponse(200,
                      json::object{{"access_token", absl::StrCat(kTokenPrefix, ++tokens_issued)},
                                   {"token_type", "Bearer"},
                                   {"expires_in", "28799"},
                                   {"status", "approved"},
                                   {"scope", "tracking"}});
}

Reply Track(const http::HttpRequest& request, absl::string_view path, absl::Time now) {
  if (!absl::StartsWith(request.Header("Authorization"), absl::StrCat("Bearer ", kTokenPrefix))) {
    return JsonResponse(401, ErrorBody(401, "Unauthorized: the token is missing or invalid."));
  }
  if (QueryParam(request.target, "expand") != "DETAIL") {
    return JsonResponse(400, ErrorBody(400, "The sandbox serves expand=DETAIL only."));
  }
  const absl::string_view number = path.substr(kTrackPrefix.size());
  if (number == kNoStatusYetNumber) {
    const std::string text =
        "A status update is not yet available on your package. It will be available when the "
        "shipper provides an update or the package is delivered to USPS. Check back soon.";
    json::object body = ErrorBody(400, absl::StrCat("12: ", text));
    body["error"].as_object()["errors"] = json::array{json::object{
        {"status", "400"}, {"code", "12"}, {"title", "Status Not Available"}, {"detail", text}}};
    return JsonResponse(400, std::move(body));
  }
  if (const Definition* found = FindByNumber(Definitions(), number)) {
    return JsonResponse(200, Body(*found, now));
  }
  return JsonResponse(404, ErrorBody(404,
                                     "The Postal Service could not locate the tracking "
                                     "information for your request."));
}

}  // namespace

std::vector<Scenario> UspsScenarioList() {
  std::vector<Scenario> list = ScenarioList("usps", Definitions());
  list.push_back({"usps", std::string(kNotFoundNumber), "not_found",
                  "USPS has no record: 404 with USPS's error body"});
  list.push_back({"usps", std::string(kNoStatusYetNumber), "no_status_yet",
                  "A label USPS has not scanned yet: 400, \"12: A status update is not yet "
                  "available on your package\""});
  return list;
}

std::optional<Reply> HandleUsps(const http::HttpRequest& request, absl::Time now,
                                const RouteCounter& count) {
  const absl::string_view path = TargetPath(request.target);
  if (path == "/oauth2/v3/token") {
    count("usps.token");
    return Token(request);
  }
  if (absl::StartsWith(path, kTrackPrefix)) {
    count("usps.track");
    return Track(request, path, now);
  }
  return std::nullopt;
}

}  // namespace trackenrich::sandbox
