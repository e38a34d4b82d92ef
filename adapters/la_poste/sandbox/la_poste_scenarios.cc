#include "adapters/la_poste/sandbox/la_poste_scenarios.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/carrier.h"
#include "adapters/la_poste/la_poste_request.h"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

// International Colissimo from France to European buyers. Events carry French
// winter time (+01:00), as the published example does.
constexpr int kOffsetHours = 1;

struct Event {
  const char* code;
  const char* label;
  double hours_ago;
};

struct Definition {
  const char* number;
  const char* name;
  const char* description;
  const char* product;
  const char* arrival_country;
  // Newest first, as La Poste sends them.
  std::vector<Event> events;
  // contextData.removalPoint.name, or "".
  const char* removal_point = "";
};

const std::vector<Event> kTrail = {
    {"ET1", "Your parcel is being processed on our logistics platforms.", 20},
    {"PC1", "Your parcel has been dropped off at a post office.", 30},
    {"DR1", "Your Colissimo will soon be handed to us. It is being prepared by the sender.", 40},
};

std::vector<Event> WithTrail(std::vector<Event> latest) {
  return Concatenated(std::move(latest), kTrail);
}

const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {"EW990000010FR", "delivered", "Delivered (DI1)", "Colissimo", "DE",
       WithTrail({{"DI1", "Your parcel has been delivered.", 2},
                  {"MD2", "Your parcel is out for delivery.", 6}})},
      {"EW990000023FR", "in_transit", "Being processed on the logistics platforms (ET1)",
       "Colissimo", "IT", WithTrail({{"ET1", "Your parcel has arrived at its delivery site.", 5}})},
      {"EW990000037FR", "out_for_delivery", "Out for delivery (MD2)", "Colissimo", "ES",
       WithTrail({{"MD2", "Your parcel is out for delivery.", 3}})},
      {"EW990000045FR", "exception", "Not deliverable: the address is incomplete (ND1)",
       "Colissimo", "BE",
       WithTrail({{"ND1",
                   "Your parcel could not be delivered: the address is incomplete. Please "
                   "contact our customer service.",
                   4},
                  {"MD2", "Your parcel is out for delivery.", 7}})},
      {"EW990000054FR", "delayed", "Delayed, delivery on the next working day (DI3)", "Colissimo",
       "DE",
       WithTrail(
           {{"DI3", "Your parcel is delayed. It will be delivered on the next working day.", 5}})},
      {"EW990000068FR", "returned", "Not collected in time, being returned to the sender (RE1)",
       "Colissimo", "NL",
       WithTrail({{"RE1",
                   "Your parcel was not collected within the time limit. It is being returned "
                   "to the sender.",
                   4},
                  {"AG1", "Your parcel is waiting to be collected at your post office.", 12}})},
      {"EW990000085FR", "available_for_pickup",
       "Recipient absent (ND1), waiting at the post office (AG1)", "Colissimo", "BE",
       WithTrail(
           {{"AG1",
             "Your parcel is waiting to be collected at your post office. It will be kept "
             "for 10 working days.",
             3},
            {"ND1", "The recipient was absent at the time of delivery. A notice has been left.", 6},
            {"MD2", "Your parcel is out for delivery.", 9}}),
       "BUREAU DE POSTE PARIS LOUVRE"},
      // DI2 is on timeline step 5 and final, like a delivery: back with the
      // sender all the same.
      {"EW990000099FR", "returned_to_sender", "Delivered back to the sender (DI2)", "Colissimo",
       "DE",
       WithTrail({{"DI2", "Your parcel has been delivered to the sender.", 2},
                  {"RE1", "Your parcel is being returned to the sender.", 10}})},
      // Outside the EU: customs at the destination.
      {"EW990000108FR", "customs", "In customs in the destination country (DO1)", "Colissimo", "GB",
       WithTrail({{"DO1", "Your parcel has entered customs in the destination country.", 4},
                  {"ET3", "Your parcel has arrived in the recipient's country.", 8},
                  {"ET2", "Your parcel is ready to leave its country of dispatch.", 16}})},
  };
  return *definitions;
}

constexpr absl::string_view kNotFoundNumber = "EW990000071FR";

// The timeline's five steps as the published example words them (in English).
constexpr const char* kStepLabels[] = {
    "Your parcel is in our hands.", "It is on its way.", "It has arrived at its delivery site.",
    "We are preparing it for delivery.", "Your parcel has been delivered."};

// The timeline step each code belongs to (La Poste's event-code list).
int StepOf(absl::string_view code) {
  if (absl::StartsWith(code, "DR")) return 1;
  if (absl::StartsWith(code, "PC")) return 2;
  if (code == "MD2" || code == "ND1" || code == "AG1" || code == "RE1") return 4;
  if (code == "DI0" || code == "DI1" || code == "DI2") return 5;
  return 3;
}

json::object Answer(const Definition& definition, absl::Time now) {
  const Event& newest = definition.events.front();
  const std::string code = newest.code;
  const bool delivered = code == "DI1";
  const bool is_final = delivered || code == "DI2";
  const int reached = StepOf(code);
  json::array timeline;
  for (int step = 1; step <= 5; ++step) {
    json::object entry{{"id", step},
                       {"shortLabel", step <= reached ? kStepLabels[step - 1] : ""},
                       {"longLabel", ""},
                       {"status", step <= reached},
                       {"type", code == "ND1" || code == "RE1" || code == "DI2" ? -1 : 1}};
    timeline.push_back(std::move(entry));
  }
  json::array events;
  for (const Event& event : definition.events) {
    events.push_back(
        json::object{{"code", event.code},
                     {"label", event.label},
                     {"date", Rfc3339At(HoursAgo(now, event.hours_ago), kOffsetHours)}});
  }
  json::object context{{"deliveryChoice", json::object{{"deliveryChoice", 0}}},
                       {"originCountry", "FR"},
                       {"arrivalCountry", definition.arrival_country}};
  if (*definition.removal_point != '\0') {
    context["removalPoint"] = json::object{{"name", definition.removal_point}, {"type", "BDP"}};
  }
  json::object shipment{
      {"idShip", definition.number},
      {"holder", 4},
      {"product", definition.product},
      {"isFinal", is_final},
      {"entryDate", Rfc3339At(HoursAgo(now, definition.events.back().hours_ago), kOffsetHours)},
      {"timeline", std::move(timeline)},
      {"event", std::move(events)},
      {"contextData", std::move(context)},
      {"url",
       absl::StrCat("https://www.laposte.fr/outils/suivre-vos-envois?code=", definition.number)}};
  if (is_final) {
    shipment["deliveryDate"] = Rfc3339At(HoursAgo(now, newest.hours_ago), kOffsetHours);
  } else {
    shipment["estimDate"] = Rfc3339At(HoursAgo(now, -24), kOffsetHours);
  }
  return json::object{
      {"lang", "en_GB"}, {"scope", "open"}, {"returnCode", 200}, {"shipment", std::move(shipment)}};
}

json::object Refusal(int return_code, absl::string_view message, absl::string_view number) {
  return json::object{{"returnCode", return_code},
                      {"returnMessage", std::string(message)},
                      {"lang", "en_GB"},
                      {"scope", "open"},
                      {"idShip", std::string(number)}};
}

Reply Track(const http::HttpRequest& request, absl::Time now) {
  if (request.Header("X-Okapi-Key") != adapters::kSandboxApiKey) {
    return JsonResponse(
        401,
        json::object{{"returnCode", 401}, {"returnMessage", "Unauthorized"}, {"scope", "open"}});
  }
  const std::string lang = QueryParam(request.target, "lang");
  const std::string number(
      TargetPath(request.target).substr(adapters::la_poste::kLaPosteTrackPath.size()));
  if (!lang.empty() && !adapters::la_poste::IsLaPosteLanguage(lang)) {
    return JsonResponse(400, Refusal(400, "Invalid request: lang", number));
  }
  if (const Definition* found = FindByNumber(Definitions(), number)) {
    return JsonResponse(200, json::array{Answer(*found, now)});
  }
  if (number == kNotFoundNumber) {
    // La Poste's published answer for a number it does not accept.
    return JsonResponse(
        400, Refusal(400,
                     "The number you entered is not valid. Please check it, in particular the "
                     "number of characters.",
                     number));
  }
  return JsonResponse(
      404, Refusal(104,
                   "Your tracking is not available yet. If you have dropped off your item, the "
                   "tracking information may be shown with a delay; please try again later.",
                   number));
}

}  // namespace

std::vector<Scenario> LaPosteScenarioList() {
  std::vector<Scenario> list = ScenarioList("la_poste", Definitions());
  list.push_back({"la_poste", std::string(kNotFoundNumber), "not_found",
                  "La Poste does not accept the number: 400, returnCode 400"});
  list.push_back({"la_poste", "EW990000111FR", "not_yet_available",
                  "No tracking yet: 404, returnCode 104 (a shipment with no carrier record)"});
  return list;
}

std::optional<Reply> HandleLaPoste(const http::HttpRequest& request, absl::Time now,
                                   const RouteCounter& count) {
  if (!absl::StartsWith(TargetPath(request.target), adapters::la_poste::kLaPosteTrackPath)) {
    return std::nullopt;
  }
  count("la_poste.track");
  return Track(request, now);
}

}  // namespace trackenrich::sandbox
