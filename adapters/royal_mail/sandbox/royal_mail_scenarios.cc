#include "adapters/royal_mail/sandbox/royal_mail_scenarios.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

constexpr absl::string_view kTrackPrefix = "/mailpieces/v2/";
// UK local time as Royal Mail's examples give it (British Summer Time).
constexpr int kOffsetHours = 1;

struct Event {
  const char* code;
  const char* name;
  double hours_ago;
  const char* location;
};

struct Definition {
  const char* number;
  const char* name;
  const char* description;
  // Newest first, as Royal Mail sends them; the first is the summary's.
  std::vector<Event> events;
};

const std::vector<Event> kTrail = {
    {"EVDAV", "Item Received", 20, "Warrington Mail Centre"},
    {"EVPPA", "Accepted at Post Office", 30, "Manchester Piccadilly Post Office"},
};

std::vector<Event> WithTrail(std::vector<Event> latest) {
  return Concatenated(std::move(latest), kTrail);
}

const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {"TT900000019GB", "delivered", "Delivered and signed for (proof of delivery)",
       WithTrail({{"EVKSP", "Delivered and Signed", 2, "Camden DO"},
                  {"EVGPD", "Due to be delivered today", 6, "Camden DO"}})},
      {"TT900000022GB", "in_transit", "At a mail centre, on its way",
       WithTrail({{"EVIMC", "Item Received", 5, "Mount Pleasant Mail Centre"}})},
      {"TT900000036GB", "out_for_delivery", "Due to be delivered today",
       WithTrail({{"EVGPD", "Due to be delivered today", 3, "Camden DO"}})},
      {"TT900000040GB", "exception", "Delivery attempted, no one in",
       WithTrail({{"EVKNA", "Delivery Attempted - No Answer", 4, "Camden DO"},
                  {"EVGPD", "Due to be delivered today", 8, "Camden DO"}})},
      {"TT900000053GB", "delayed",
       "Item retention: held at the delivery office, a request not to deliver today",
       WithTrail({{"EVNRT", "Item Retention", 7, "Camden DO"}})},
      {"TT900000067GB", "returned", "Refused by the recipient, being returned to the sender",
       WithTrail({{"EVKRF", "Refused by the recipient", 4, "Camden DO"},
                  {"EVGPD", "Due to be delivered today", 8, "Camden DO"}})},
      {"TT900000075GB", "available_for_pickup", "At the nominated collection point",
       WithTrail({{"EVKLC", "Delivered to Your Collection Point", 3, "Camden High Street"}})},
  };
  return *definitions;
}

constexpr absl::string_view kNotFoundNumber = "TT900000084GB";

json::object EventJson(const Event& event, absl::Time now) {
  return json::object{{"eventCode", event.code},
                      {"eventName", event.name},
                      {"eventDateTime", Rfc3339At(HoursAgo(now, event.hours_ago), kOffsetHours)},
                      {"locationName", event.location}};
}

json::object Body(const Definition& definition, absl::Time now) {
  const Event& latest = definition.events.front();
  const bool delivered = std::string(latest.code) == "EVKSP";
  json::array events;
  for (const Event& event : definition.events) events.push_back(EventJson(event, now));
  json::object piece{
      {"mailPieceId", definition.number},
      {"carrierShortName", "RM"},
      {"carrierFullName", "Royal Mail Group Ltd"},
      {"summary",
       json::object{{"uniqueItemId", definition.number},
                    {"oneDBarcode", definition.number},
                    {"productId", "TPN01"},
                    {"productName", "Royal Mail Tracked 24"},
                    {"productCategory", "NON-INTERNATIONAL"},
                    {"destinationCountryCode", "GBR"},
                    {"originCountryCode", "GBR"},
                    {"lastEventCode", latest.code},
                    {"lastEventName", latest.name},
                    {"lastEventDateTime", Rfc3339At(HoursAgo(now, latest.hours_ago), kOffsetHours)},
                    {"lastEventLocationName", latest.location},
                    {"statusCategory", delivered ? "DELIVERED" : "IN TRANSIT"}}},
      {"events", std::move(events)},
      {"links",
       json::object{
           {"summary", json::object{{"href", absl::StrCat("/mailpieces/v2/summary?mailPieceId=",
                                                          definition.number)},
                                    {"title", "Summary"},
                                    {"description", "Get summary"}}}}}};
  if (delivered) {
    piece["signature"] = json::object{
        {"recipientName", "A. SMITH"},
        {"signatureDateTime", Rfc3339At(HoursAgo(now, latest.hours_ago), kOffsetHours)},
        {"imageId", "001234"}};
  } else {
    const absl::Time eta = HoursAgo(now, -26);
    piece["estimatedDelivery"] =
        json::object{{"startOfEstimatedWindow", Rfc3339At(eta, kOffsetHours)},
                     {"endOfEstimatedWindow", Rfc3339At(eta + absl::Hours(3), kOffsetHours)}};
  }
  return json::object{{"mailPieces", std::move(piece)}, {"errors", json::array{}}};
}

json::object ErrorBody(int status, const char* message, const char* code, const char* description,
                       const char* cause, const char* resolution) {
  json::object error{{"errorCode", code}, {"errorDescription", description}};
  if (*cause != '\0') error["errorCause"] = cause;
  if (*resolution != '\0') error["errorResolution"] = resolution;
  return json::object{{"httpCode", absl::StrCat(status)},
                      {"httpMessage", message},
                      {"moreInformation", description},
                      {"errors", json::array{std::move(error)}}};
}

Reply Track(const http::HttpRequest& request, absl::Time now) {
  if (request.Header("X-IBM-Client-Id") != kSandboxClientId ||
      request.Header("X-IBM-Client-Secret") != kSandboxClientSecret) {
    return JsonResponse(401, json::object{{"httpCode", "401"},
                                          {"httpMessage", "Unauthorized"},
                                          {"moreInformation", "Client id not registered."}});
  }
  absl::string_view path = TargetPath(request.target);
  path.remove_prefix(kTrackPrefix.size());
  if (!absl::ConsumeSuffix(&path, "/events")) {
    return JsonResponse(404, json::object{{"httpCode", "404"},
                                          {"httpMessage", "Not Found"},
                                          {"moreInformation", "URI not found"}});
  }
  if (const Definition* found = FindByNumber(Definitions(), path)) {
    return JsonResponse(200, Body(*found, now));
  }
  return JsonResponse(
      404,
      ErrorBody(404, "Not Found", "E1142", "Barcode reference mailPieceId isn't recognised",
                "A mail item with that barcode cannot be located", "Check barcode and resubmit"));
}

}  // namespace

std::vector<Scenario> RoyalMailScenarioList() {
  std::vector<Scenario> list = ScenarioList("royal_mail", Definitions());
  list.push_back({"royal_mail", std::string(kNotFoundNumber), "not_found",
                  "Royal Mail has no record: E1142 (HTTP 404), barcode not recognised"});
  return list;
}

std::optional<Reply> HandleRoyalMail(const http::HttpRequest& request, absl::Time now,
                                     const RouteCounter& count) {
  if (!absl::StartsWith(TargetPath(request.target), kTrackPrefix)) return std::nullopt;
  count("royal_mail.track");
  return Track(request, now);
}

}  // namespace trackenrich::sandbox
