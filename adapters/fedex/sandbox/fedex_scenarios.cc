#include "adapters/fedex/sandbox/fedex_scenarios.h"

#include <atomic>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

constexpr absl::string_view kTokenPrefix = "sandbox-fedex-token-";
// Events carry US Central time (-05:00 in summer, as in the published samples).
constexpr int kOffsetHours = -5;

struct Scan {
  const char* type;
  const char* derived;
  const char* description;
  const char* exception_description;
  double hours_ago;
  const char* city;
  const char* state;
  // scanEvents[].exceptionCode, and latestStatusDetail.ancillaryDetails[].reason
  // for the newest scan.
  const char* exception_code = "";
};

struct Definition {
  const char* number;
  const char* name;
  const char* description;
  // latestStatusDetail.
  const char* code;
  const char* derived;
  const char* status_text;
  const char* delay_type;  // "" unless delayDetail says DELAYED
  // Newest first, as FedEx sends them.
  std::vector<Scan> scans;
  bool delivered;
  int eta_days;  // < -99: none
};

const std::vector<Scan> kTrail = {
    {"DP", "IT", "Departed FedEx hub", "", 20, "MEMPHIS", "TN"},
    {"AR", "IT", "Arrived at FedEx hub", "", 26, "MEMPHIS", "TN"},
    {"PU", "PU", "Picked up", "", 40, "ATLANTA", "GA"},
    {"OC", "IN", "Shipment information sent to FedEx", "", 48, "", ""},
};

std::vector<Scan> WithTrail(std::vector<Scan> latest) {
  return Concatenated(std::move(latest), kTrail);
}

const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {"777100000014", "delivered", "Delivered, signed for", "DL", "DL", "Delivered", "",
       WithTrail({{"DL", "DL", "Delivered", "", 2, "NEWARK", "NJ"},
                  {"OD", "IT", "On FedEx vehicle for delivery", "", 7, "NEWARK", "NJ"}}),
       true, -100},
      {"777100000025", "in_transit", "In transit, on time", "IT", "IT", "In transit", "",
       WithTrail({{"IT", "IT", "On the way", "", 5, "EDISON", "NJ"}}), false, 1},
      {"777100000036", "out_for_delivery", "On FedEx vehicle for delivery", "OD", "OD",
       "On FedEx vehicle for delivery", "",
       WithTrail({{"OD", "IT", "On FedEx vehicle for delivery", "", 3, "NEWARK", "NJ"}}), false, 0},
      {"777100000047", "exception", "Shipment exception: incorrect address", "SE", "SE",
       "Shipment exception", "",
       WithTrail(
           {{"SE", "SE", "Shipment exception",
             "Incorrect address - the recipient's address is incomplete", 4, "NEWARK", "NJ"}}),
       false, 2},
      {"777100000058", "delayed", "Delayed by weather", "DY", "DY", "Delay", "WEATHER",
       WithTrail(
           {{"DY", "DY", "Delay", "Local weather conditions delayed delivery", 6, "EDISON", "NJ"}}),
       false, 3},
      {"777100000069", "returned", "Returning to the shipper", "RS", "RS",
       "Returning package to shipper", "",
       WithTrail({{"RS", "RS", "Returning package to shipper", "Refused by recipient", 4, "NEWARK",
                   "NJ"}}),
       false, -100},
      // Delivery exceptions: the exception code says what happened, even where
      // the derived code says DL.
      {"777100000080", "exception_returning",
       "Delivery exception 060G: returning to the shipper (derived code DL)", "DE", "DL",
       "Delivery exception", "",
       WithTrail({{"DE", "DL", "Delivery exception", "Returning package to shipper", 3, "NEWARK",
                   "NJ", "060G"},
                  {"OD", "IT", "On FedEx vehicle for delivery", "", 8, "NEWARK", "NJ"}}),
       false, -100},
      {"777100000091", "exception_attempted", "Delivery exception 007: delivery attempted", "DE",
       "DE", "Delivery exception", "",
       WithTrail(
           {{"DE", "DE", "Delivery exception", "Delivery attempted", 3, "NEWARK", "NJ", "007"},
            {"OD", "IT", "On FedEx vehicle for delivery", "", 8, "NEWARK", "NJ"}}),
       false, 1},
      {"777100000106", "exception_redirected", "Delivery exception A13: package redirected", "DE",
       "DE", "Delivery exception", "",
       WithTrail(
           {{"DE", "DE", "Delivery exception", "Package redirected", 3, "NEWARK", "NJ", "A13"}}),
       false, 2},
  };
  return *definitions;
}

constexpr absl::string_view kNotFoundNumber = "777100000070";
constexpr absl::string_view kBulkPrefix = "7799";
constexpr absl::string_view kBulkExample = "779900000019";

const Definition& BulkDefinition() {
  static const auto* const bulk = new Definition{
      "",    "bulk",
      "",    "IT",
      "IT",  "In transit",
      "",    WithTrail({{"AR", "IT", "Arrived at FedEx location", "", 6, "EDISON", "NJ"}}),
      false, 1};
  return *bulk;
}

json::object Address(const char* city, const char* state) {
  json::object address{{"countryCode", "US"}, {"residential", false}};
  if (*city != '\0') {
    address["city"] = city;
    address["stateOrProvinceCode"] = state;
  }
  return address;
}

json::object ErrorBody(absl::string_view code, absl::string_view message) {
  return json::object{{"transactionId", "sandbox"},
                      {"errors", json::array{json::object{{"code", std::string(code)},
                                                          {"message", std::string(message)}}}}};
}

json::object TrackResult(absl::string_view number, const Definition& definition, absl::Time now) {
  json::array scans;
  for (const Scan& scan : definition.scans) {
    json::object event{{"date", Rfc3339At(HoursAgo(now, scan.hours_ago), kOffsetHours)},
                       {"eventType", scan.type},
                       {"eventDescription", scan.description},
                       {"derivedStatusCode", scan.derived},
                       {"scanLocation", Address(scan.city, scan.state)}};
    if (*scan.exception_description != '\0') {
      event["exceptionDescription"] = scan.exception_description;
    }
    if (*scan.exception_code != '\0') event["exceptionCode"] = scan.exception_code;
    scans.push_back(std::move(event));
  }
  json::object latest{
      {"code", definition.code},
      {"derivedCode", definition.derived},
      {"statusByLocale", definition.status_text},
      {"description", definition.status_text},
      {"scanLocation", Address(definition.scans.front().city, definition.scans.front().state)}};
  if (*definition.scans.front().exception_description != '\0') {
    json::object detail{{"reasonDescription", definition.scans.front().exception_description}};
    if (*definition.scans.front().exception_code != '\0') {
      detail["reason"] = definition.scans.front().exception_code;
    }
    latest["ancillaryDetails"] = json::array{std::move(detail)};
  }
  if (*definition.delay_type != '\0') {
    latest["delayDetail"] = json::object{{"type", definition.delay_type}, {"status", "DELAYED"}};
  }
  json::array dates{json::object{{"type", "ACTUAL_PICKUP"},
                                 {"dateTime", Rfc3339At(HoursAgo(now, 40), kOffsetHours)}}};
  json::object result{
      {"trackingNumberInfo",
       json::object{{"trackingNumber", std::string(number)}, {"carrierCode", "FDXE"}}},
      {"latestStatusDetail", std::move(latest)},
      {"serviceDetail", json::object{{"type", "FEDEX_GROUND"}, {"description", "FedEx Ground"}}},
      {"scanEvents", std::move(scans)}};
  if (definition.delivered) {
    dates.push_back(json::object{
        {"type", "ACTUAL_DELIVERY"},
        {"dateTime", Rfc3339At(HoursAgo(now, definition.scans.front().hours_ago), kOffsetHours)}});
    result["deliveryDetails"] = json::object{{"receivedByName", "M.GARCIA"},
                                             {"locationDescription", "Front Door"},
                                             {"deliveryAttempts", "0"}};
    result["availableImages"] = json::array{json::object{{"type", "SIGNATURE_PROOF_OF_DELIVERY"}}};
  } else if (definition.eta_days > -100) {
    const absl::Time day = HoursAgo(now, -24.0 * definition.eta_days);
    result["estimatedDeliveryTimeWindow"] = json::object{
        {"window", json::object{{"begins", Rfc3339At(day, kOffsetHours)},
                                {"ends", Rfc3339At(day + absl::Hours(4), kOffsetHours)}}}};
  }
  result["dateAndTimes"] = std::move(dates);
  return result;
}

json::object CompleteResult(absl::string_view number, absl::Time now) {
  const Definition* found = FindByNumber(Definitions(), number);
  if (found == nullptr && number.size() == 12 && absl::StartsWith(number, kBulkPrefix)) {
    found = &BulkDefinition();
  }
  json::object result;
  if (found == nullptr) {
    result = json::object{
        {"trackingNumberInfo", json::object{{"trackingNumber", std::string(number)},
                                            {"trackingNumberUniqueId", ""},
                                            {"carrierCode", ""}}},
        {"error", json::object{{"code", "TRACKING.TRACKINGNUMBER.NOTFOUND"},
                               {"message",
                                "Tracking number cannot be found. Please correct the tracking "
                                "number and try again."}}}};
  } else {
    result = TrackResult(number, *found, now);
  }
  return json::object{{"trackingNumber", std::string(number)},
                      {"trackResults", json::array{std::move(result)}}};
}

std::atomic<int64_t> tokens_issued{0};

Reply Token(const http::HttpRequest& request) {
  if (!IsSandboxTokenRequest(request, "client_credentials")) {
    return JsonResponse(401, ErrorBody("NOT.AUTHORIZED.ERROR",
                                       "The given client credentials were not valid. Please modify "
                                       "your request and try again."));
  }
  return JsonResponse(200,
                      json::object{{"access_token", absl::StrCat(kTokenPrefix, ++tokens_issued)},
                                   {"token_type", "bearer"},
                                   {"expires_in", 3599},
                                   {"scope", "CXS"}});
}

Reply Track(const http::HttpRequest& request, absl::Time now) {
  if (!absl::StartsWith(request.Header("Authorization"), absl::StrCat("Bearer ", kTokenPrefix))) {
    return JsonResponse(401,
                        ErrorBody("NOT.AUTHORIZED.ERROR",
                                  "The given JWT token is not valid. Please modify your request "
                                  "and try again."));
  }
  boost::system::error_code error;
  const json::value body = json::parse(request.body, error);
  const json::array* info = nullptr;
  if (!error && body.is_object()) {
    if (const json::value* list = body.as_object().if_contains("trackingInfo")) {
      info = list->if_array();
    }
  }
  if (info == nullptr || info->empty()) {
    return JsonResponse(
        400, ErrorBody("TRACKING.TRACKINGNUMBER.EMPTY", "Please provide tracking number."));
  }
  if (info->size() > 30) {
    return JsonResponse(400,
                        ErrorBody("SANDBOX.TRACKINGINFO.TOO.MANY",
                                  "The Track API takes up to 30 tracking numbers per request."));
  }
  json::array completes;
  for (const json::value& entry : *info) {
    const json::value* number = nullptr;
    if (const auto* object = entry.if_object()) {
      if (const auto* number_info = object->if_contains("trackingNumberInfo")) {
        if (const auto* number_object = number_info->if_object()) {
          number = number_object->if_contains("trackingNumber");
        }
      }
    }
    if (number == nullptr || !number->is_string()) continue;
    const json::string& text = number->as_string();
    completes.push_back(CompleteResult(absl::string_view(text.data(), text.size()), now));
  }
  return JsonResponse(
      200, json::object{{"transactionId", "sandbox"},
                        {"output", json::object{{"completeTrackResults", std::move(completes)}}}});
}

}  // namespace

std::optional<std::string> FedexPushBody(absl::string_view number, absl::string_view stage,
                                         absl::Time now) {
  for (const Definition& definition : Definitions()) {
    if (stage != definition.name) continue;
    json::object complete{{"trackingNumber", std::string(number)},
                          {"trackResults", json::array{TrackResult(number, definition, now)}}};
    return json::serialize(json::object{
        {"transactionId", "sandbox-push"},
        {"output", json::object{{"completeTrackResults", json::array{std::move(complete)}}}}});
  }
  return std::nullopt;
}

std::vector<Scenario> FedexScenarioList() {
  std::vector<Scenario> list = ScenarioList("fedex", Definitions());
  list.push_back({"fedex", std::string(kNotFoundNumber), "not_found",
                  "FedEx has no record: per-number TRACKING.TRACKINGNUMBER.NOTFOUND in a 200"});
  list.push_back({"fedex", std::string(kBulkExample), "bulk",
                  "Any 12-digit number starting 7799: in transit (for batch tests)"});
  return list;
}

std::optional<Reply> HandleFedex(const http::HttpRequest& request, absl::Time now,
                                 const RouteCounter& count) {
  const absl::string_view path = TargetPath(request.target);
  if (path == "/oauth/token") {
    count("fedex.token");
    return Token(request);
  }
  if (path == "/track/v1/trackingnumbers") {
    count("fedex.track");
    return Track(request, now);
  }
  return std::nullopt;
}

}  // namespace trackenrich::sandbox
