#include "adapters/dhl/sandbox/dhl_scenarios.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

// Events carry Central European time (+01:00).
constexpr int kOffsetHours = 1;

struct Event {
  const char* status_code;
  const char* status;
  const char* description;
  double hours_ago;
  const char* city;
  const char* postal_code;
};

struct Definition {
  const char* number;
  const char* name;
  const char* description;
  // Newest first, as DHL sends them; the first is the shipment's status.
  std::vector<Event> events;
};

const std::vector<Event> kTrail = {
    {"transit", "The shipment has been processed in the parcel center", "", 20, "Obertshausen",
     "63179"},
    {"transit", "The shipment has been posted by the sender at the retail outlet", "", 30, "Bonn",
     "53113"},
    {"pre-transit", "The instruction data for this shipment have been provided by the sender", "",
     40, "", ""},
};

std::vector<Event> WithTrail(std::vector<Event> latest) {
  return Concatenated(std::move(latest), kTrail);
}

const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {"00340434999900000015", "delivered", "Delivered to the recipient",
       WithTrail(
           {{"delivered", "DELIVERED", "The shipment has been successfully delivered", 2, "Berlin",
             "10115"},
            {"transit", "OUT FOR DELIVERY",
             "The shipment has been loaded onto the delivery vehicle", 6, "Berlin", "10115"}})},
      {"00340434999900000022", "in_transit", "In transit between parcel centers",
       WithTrail(
           {{"transit", "IN TRANSIT", "The shipment has arrived in the destination parcel center",
             5, "Berlin-Rudow", "12355"}})},
      {"00340434999900000039", "out_for_delivery", "Loaded onto the delivery vehicle",
       WithTrail(
           {{"transit", "OUT FOR DELIVERY",
             "The shipment has been loaded onto the delivery vehicle", 3, "Berlin", "10115"}})},
      {"00340434999900000046", "exception", "Failure: the address is incomplete",
       WithTrail({{"failure", "FAILURE",
                   "The address is incomplete. The shipment cannot be delivered to the "
                   "recipient's address",
                   4, "Berlin", "10115"}})},
      // DHL's own words for a delay are free text under statusCode "transit"
      // (upstream-apis.md §4.4: statusCode is one of pre-transit, transit,
      // delivered, failure, unknown).
      {"00340434999900000084", "delayed", "Delayed by severe weather",
       WithTrail({{"transit", "DELAYED",
                   "The shipment is delayed due to severe weather conditions. Delivery is "
                   "expected one working day later",
                   7, "Berlin-Rudow", "12355"}})},
      {"00340434999900000053", "returned", "Refused, being returned to the sender",
       WithTrail({{"transit", "RETURN",
                   "The recipient refused the shipment. It is being returned to the sender", 4,
                   "Berlin", "10115"}})},
      {"00340434999900000077", "status_disagreement",
       "statusCode transit while status says DELIVERED: statusCode wins (in transit)",
       WithTrail({{"transit", "DELIVERED", "The shipment has arrived in the parcel center", 5,
                   "Berlin-Rudow", "12355"}})},
      // A label only: DHL has the sender's data but no scan, and classifies
      // the announcement as statusCode "unknown" (never a first scan).
      {"00340434999900000091",
       "label_created",
       "Label announced electronically, statusCode unknown: no carrier scan yet",
       {{"unknown", "Shipment information received",
         "The instruction data for this shipment have been provided by the sender to DHL "
         "electronically",
         30, "", ""}}},
  };
  return *definitions;
}

constexpr absl::string_view kNotFoundNumber = "00340434999900000060";

json::object Place(const char* city, const char* postal_code) {
  json::object address{{"countryCode", "DE"}};
  if (*city != '\0') {
    address["addressLocality"] = city;
    address["postalCode"] = postal_code;
  }
  return json::object{{"address", std::move(address)}};
}

json::object EventJson(const Event& event, absl::Time now) {
  json::object out{{"timestamp", Rfc3339At(HoursAgo(now, event.hours_ago), kOffsetHours)},
                   {"location", Place(event.city, event.postal_code)},
                   {"statusCode", event.status_code},
                   {"status", event.status}};
  if (*event.description != '\0') out["description"] = event.description;
  return out;
}

json::object Body(const Definition& definition, absl::Time now, absl::string_view number = {}) {
  json::array events;
  for (const Event& event : definition.events) events.push_back(EventJson(event, now));
  json::object shipment{
      {"id", number.empty() ? std::string(definition.number) : std::string(number)},
      {"service", "parcel-de"},
      {"origin", Place("Bonn", "53113")},
      {"destination", Place("Berlin", "10115")},
      {"status", EventJson(definition.events.front(), now)},
      {"details", json::object{{"product", json::object{{"productName", "DHL PAKET"}}}}},
      {"events", std::move(events)}};
  if (std::string(definition.events.front().status_code) == "delivered") {
    shipment["details"].as_object()["proofOfDelivery"] = json::object{
        {"timestamp", Rfc3339At(HoursAgo(now, definition.events.front().hours_ago), kOffsetHours)},
        {"signatureUrl", "https://sandbox.invalid/pod/signature"},
        {"documentUrl", "https://sandbox.invalid/pod/document"},
        {"signed", json::object{{"@type", "Person"}, {"name", "K. SCHMIDT"}}}};
  } else {
    const absl::Time eta = HoursAgo(now, -26);
    shipment["estimatedDeliveryTimeFrame"] =
        json::object{{"estimatedFrom", Rfc3339At(eta, kOffsetHours)},
                     {"estimatedThrough", Rfc3339At(eta + absl::Hours(6), kOffsetHours)}};
  }
  return json::object{{"shipments", json::array{std::move(shipment)}}};
}

Reply Track(const http::HttpRequest& request, absl::Time now) {
  if (request.Header("DHL-API-Key") != kSandboxDhlApiKey) {
    return JsonResponse(401, json::object{{"status", 401},
                                          {"title", "Unauthorized"},
                                          {"detail", "Unauthorized for given resource."}});
  }
  const std::string number = QueryParam(request.target, "trackingNumber");
  if (const Definition* found = FindByNumber(Definitions(), number)) {
    return JsonResponse(200, Body(*found, now));
  }
  Reply reply =
      JsonResponse(404, json::object{{"title", "No result found"},
                                     {"detail", "No shipment with given tracking number found."},
                                     {"status", 404},
                                     {"instance", absl::StrCat("/shipment/", number)}});
  reply.response.headers[0].second = "application/problem+json";
  return reply;
}

}  // namespace

std::optional<std::string> DhlPushBody(absl::string_view number, absl::string_view stage,
                                       absl::Time now) {
  for (const Definition& definition : Definitions()) {
    if (stage == definition.name) return json::serialize(Body(definition, now, number));
  }
  return std::nullopt;
}

std::vector<Scenario> DhlScenarioList() {
  std::vector<Scenario> list = ScenarioList("dhl", Definitions());
  list.push_back({"dhl", std::string(kNotFoundNumber), "not_found",
                  "DHL has no record: 404 problem+json \"No result found\""});
  return list;
}

std::optional<Reply> HandleDhl(const http::HttpRequest& request, absl::Time now,
                               const RouteCounter& count) {
  if (TargetPath(request.target) != "/track/shipments") return std::nullopt;
  count("dhl.track");
  return Track(request, now);
}

}  // namespace trackenrich::sandbox
