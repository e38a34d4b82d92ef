#include "adapters/postnl/sandbox/postnl_scenarios.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/time_util.h"
#include "adapters/postnl/postnl_carrier.h"
#include "adapters/postnl/postnl_request.h"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

struct Event {
  const char* code;
  const char* description;
  double hours_ago;
  const char* location_code;
};

struct Status {
  const char* code;
  const char* description;
  const char* phase_code;
  const char* phase_description;
};

struct Definition {
  const char* number;
  const char* name;
  const char* description;
  Status status;
  // Newest first, as PostNL sends them.
  std::vector<Event> events;
};

const std::vector<Event> kTrail = {
    {"J01", "Shipment has been sorted", 14, "171967"},
    {"B01", "Shipment received by PostNL", 22, "212124"},
    {"A01", "Shipment expected, but not yet arrived at PostNL", 30, "888888"},
};

std::vector<Event> WithTrail(std::vector<Event> latest) {
  return Concatenated(std::move(latest), kTrail);
}

constexpr Status kSorted = {"5", "Shipment sorted", "2", "Sorting"};
constexpr Status kOutForDelivery = {"7", "Shipment out for delivery", "3", "Distribution"};
constexpr Status kNotDelivered = {"8", "Shipment not delivered", "3", "Distribution"};
constexpr Status kDelivered = {"11", "Shipment delivered", "4", "Delivered"};
constexpr Status kNotApplicable = {"99", "Not applicable", "99", "Not applicable"};

const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {"CX900000019NL", "delivered", "Delivered to a neighbour (I10)", kDelivered,
       WithTrail({{"I10", "Shipment delivered to neighbour", 2, "171966"},
                  {"J05", "Driver is en route", 6, "171966"}})},
      {"CX900000022NL",
       "in_transit",
       "Sorted in the sorting centre (J01)",
       kSorted,
       {{"J01", "Shipment has been sorted", 5, "171967"},
        {"B01", "Shipment received by PostNL", 12, "212124"},
        {"A01", "Shipment expected, but not yet arrived at PostNL", 20, "888888"}}},
      {"CX900000036NL", "out_for_delivery", "Driver is en route (J05)", kOutForDelivery,
       WithTrail({{"J05", "Driver is en route", 3, "171966"}})},
      {"CX900000040NL", "exception", "Not delivered: incorrect address (Y01)", kNotDelivered,
       WithTrail({{"Y01", "Shipment not delivered; incorrect address", 4, "171966"},
                  {"J05", "Driver is en route", 7, "171966"}})},
      // Y65 belongs to status 99 ("not applicable"); the event decides.
      {"CX900000053NL", "delayed", "Delayed by extreme weather (Y65)", kNotApplicable,
       WithTrail(
           {{"Y65", "Sorry, shipment delayed due to extreme weather conditions", 6, "171967"}})},
      {"CX900000067NL", "returned", "Refused at delivery, returning to the sender (H01)",
       kNotDelivered,
       WithTrail({{"H01", "Refused at delivery; return shipment to sender", 4, "171966"},
                  {"J05", "Driver is en route", 7, "171966"}})},
      {"CX900000075NL",
       "label_created",
       "Pre-alerted, not yet handed to PostNL (A01): no carrier scan",
       {"1", "Shipment pre-alerted", "1", "Collection"},
       {{"A01", "Shipment expected, but not yet arrived at PostNL", 20, "888888"}}},
      // Status 11 ("delivered" group) with J23: waiting in a parcel locker.
      {"CX900000084NL", "available_for_pickup",
       "In a parcel locker (J23, status 11): not yet with the buyer", kDelivered,
       WithTrail({{"J23", "Shipment can be collected at the parcel locker", 3, "171966"}})},
      // An international parcel (S10, suffix NL) through the destination network.
      {"RR123456785NL",
       "international_s10",
       "S10 number ending NL, delivered in the Netherlands",
       kDelivered,
       {{"I01", "Shipment delivered", 2, "171966"},
        {"X55", "Driver is en route", 6, "171966"},
        {"A76", "Shipment arrived in the Netherlands", 30, "212124"},
        {"A75", "Shipment is en route to the Netherlands", 60, "888888"}}},
  };
  return *definitions;
}

constexpr absl::string_view kNotFoundNumber = "CX900000098NL";

// Any other 3S barcode of the sandbox's range SAND: sorted, in transit (for
// domestic barcodes and load tests; not a listed scenario, as 3S barcodes
// have no check digit).
constexpr absl::string_view kDomesticRange = "3SSAND";
const Definition& DomesticInTransit() {
  // The in_transit scenario's events under the barcode asked for.
  return *FindByNumber(Definitions(), "CX900000022NL");
}

// `time` as Dutch wall time (CET, or CEST in summer) in `format`.
std::string DutchTime(absl::Time time, const char* format = "%d-%m-%Y %H:%M:%S") {
  const absl::CivilSecond summer = absl::ToCivilSecond(time, absl::FixedTimeZone(7200));
  const int offset = adapters::EuropeanUtcOffset(1, summer);
  return absl::FormatTime(format, time, absl::FixedTimeZone(offset));
}

json::object EventJson(const Event& event, absl::Time now) {
  return {{"Code", event.code},
          {"Description", event.description},
          {"DestinationLocationCode", json::object{}},
          {"LocationCode", event.location_code},
          {"RouteCode", json::object{}},
          {"RouteName", json::object{}},
          {"TimeStamp", DutchTime(HoursAgo(now, event.hours_ago))}};
}

json::object Address(const char* type, const char* city, const char* zipcode) {
  return {{"AddressType", type},         {"City", city},
          {"CountryCode", "NL"},         {"Zipcode", zipcode},
          {"Street", json::object{}},    {"HouseNumber", json::object{}},
          {"FirstName", json::object{}}, {"LastName", json::object{}}};
}

json::object Body(const Definition& definition, absl::string_view barcode, absl::Time now) {
  json::array events;
  for (const Event& event : definition.events) events.push_back(EventJson(event, now));
  json::object shipment{
      {"MainBarcode", std::string(barcode)},
      {"Barcode", std::string(barcode)},
      {"ShipmentAmount", "1"},
      {"ShipmentCounter", "1"},
      {"ProductCode", "003085"},
      {"ProductDescription", "Standard shipment"},
      {"Address",
       json::array{Address("01", "Amsterdam", "1012AB"), Address("02", "Utrecht", "3521AL")}},
      {"Event", std::move(events)},
      {"Status",
       json::object{{"TimeStamp", DutchTime(HoursAgo(now, definition.events.front().hours_ago))},
                    {"StatusCode", definition.status.code},
                    {"StatusDescription", definition.status.description},
                    {"PhaseCode", definition.status.phase_code},
                    {"PhaseDescription", definition.status.phase_description}}}};
  if (std::string(definition.status.code) != "11") {
    const absl::Time eta = HoursAgo(now, -26);
    shipment["Expectation"] =
        json::object{{"ETAFrom", DutchTime(eta, "%Y-%m-%dT%H:00:00")},
                     {"ETATo", DutchTime(eta + absl::Hours(2), "%Y-%m-%dT%H:00:00")}};
  }
  return {{"CompleteStatus", json::object{{"Shipment", std::move(shipment)}}}};
}

Reply Track(const http::HttpRequest& request, absl::Time now) {
  if (request.Header("apikey") != adapters::postnl::kSandboxPostnlApiKey) {
    return JsonResponse(401, json::object{{"message",
                                           "Failed to resolve API Key variable "
                                           "'request.header.apikey'"},
                                          {"http_status_code", 401}});
  }
  const absl::string_view path = TargetPath(request.target);
  const absl::string_view barcode = path.substr(adapters::postnl::kPostnlTrackPathPrefix.size());
  if (const Definition* found = FindByNumber(Definitions(), barcode)) {
    return JsonResponse(200, Body(*found, barcode, now));
  }
  if (absl::StartsWith(barcode, kDomesticRange) && barcode.size() > kDomesticRange.size()) {
    return JsonResponse(200, Body(DomesticInTransit(), barcode, now));
  }
  return JsonResponse(
      200, json::object{{"CompleteStatus", json::object{}},
                        {"Warnings", json::array{json::object{{"Message", "No shipment found"},
                                                              {"Code", "2"}}}}});
}

}  // namespace

std::vector<Scenario> PostnlScenarioList() {
  std::vector<Scenario> list = ScenarioList("postnl", Definitions());
  list.push_back({"postnl", std::string(kNotFoundNumber), "not_found",
                  "PostNL has no record: 200 with Warnings \"No shipment found\""});
  return list;
}

std::optional<Reply> HandlePostnl(const http::HttpRequest& request, absl::Time now,
                                  const RouteCounter& count) {
  if (!absl::StartsWith(TargetPath(request.target), adapters::postnl::kPostnlTrackPathPrefix)) {
    return std::nullopt;
  }
  count("postnl.track");
  return Track(request, now);
}

}  // namespace trackenrich::sandbox
