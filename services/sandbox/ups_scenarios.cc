#include "services/sandbox/ups_scenarios.h"

#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/detection/check_digits.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

// The sandbox's destination and origin: events carry US Eastern time (-05:00).
constexpr int kLocalOffsetHours = -5;

struct Activity {
  const char* type;
  const char* code;
  const char* status_code;
  const char* description;
  int hours_ago;
  const char* city;
  const char* region;
};

enum class ScenarioFault { kNone, kSlow, kUnavailable, kMalformed, kNotFound };

struct Definition {
  const char* number;
  const char* name;
  const char* description;
  ScenarioFault fault;
  // Newest first, as UPS sends them.
  std::vector<Activity> activities;
  // Scheduled delivery, in days from now; unset when < -99.
  int scheduled_in_days;
  bool delivered;
  const char* received_by;
  // gmtTime and time written "HH:MM:SS" rather than "HHMMSS".
  bool colon_times = false;
};

const std::vector<Activity> kShippedTrail = {
    {"I", "AR", "005", "Arrived at Facility", 20, "Louisville", "KY"},
    {"I", "DP", "005", "Departed from Facility", 30, "Atlanta", "GA"},
    {"P", "PU", "038", "Pickup Scan", 44, "Atlanta", "GA"},
    {"M", "MP", "003", "Shipper created a label, UPS has not received the package yet.", 50, "",
     ""},
};

std::vector<Activity> WithLatest(std::vector<Activity> latest) {
  return Concatenated(std::move(latest), kShippedTrail);
}

// Numbers: 1Z + shipper SBX001 + service 03 + 7-digit package ID + UPS mod-10
// check digit.
const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {"1ZSBX0010300000010", "delivered", "Delivered, signed for at the front door",
       ScenarioFault::kNone,
       WithLatest({{"D", "FS", "011", "DELIVERED", 2, "Paramus", "NJ"},
                   {"I", "OT", "021", "Out For Delivery Today", 8, "Paramus", "NJ"}}),
       0, true, "JOHNSON"},
      {"1ZSBX0010300000029", "in_transit", "In transit, on time", ScenarioFault::kNone,
       WithLatest({{"I", "AR", "005", "Arrived at Facility", 6, "Secaucus", "NJ"}}), 1, false, ""},
      {"1ZSBX0010300000038", "out_for_delivery", "Out for delivery today", ScenarioFault::kNone,
       WithLatest({{"I", "OT", "021", "Out For Delivery Today", 3, "Paramus", "NJ"}}), 0, false,
       ""},
      {"1ZSBX0010300000047", "exception", "Exception: the address needs correcting",
       ScenarioFault::kNone,
       WithLatest({{"X", "AD", "",
                    "The address is incomplete. UPS will attempt to contact the "
                    "receiver to obtain the correct address.",
                    5, "Paramus", "NJ"}}),
       2, false, ""},
      {"1ZSBX0010300000056", "delayed", "Delayed by weather", ScenarioFault::kNone,
       WithLatest(
           {{"X", "WD", "", "A weather emergency has delayed delivery.", 7, "Secaucus", "NJ"}}),
       3, false, ""},
      {"1ZSBX0010300000065", "returned", "Refused by the receiver, returning to the sender",
       ScenarioFault::kNone,
       WithLatest({{"X", "RT", "", "The receiver refused the delivery. Returning to sender.", 4,
                    "Paramus", "NJ"}}),
       -100, false, ""},
      {"1ZSBX0010300000074",
       "not_found",
       "UPS has no record of the number (TW0001)",
       ScenarioFault::kNotFound,
       {},
       -100,
       false,
       ""},
      {"1ZSBX0010300000083",
       "label_created",
       "Label created, not yet handed to UPS",
       ScenarioFault::kNone,
       {{"M", "MP", "003", "Shipper created a label, UPS has not received the package yet.", 10, "",
         ""}},
       -100,
       false,
       ""},
      // Type X exception-table code: government release pending (customs).
      {"1ZSBX0010300000127", "customs_hold", "Exception: government release pending (customs)",
       ScenarioFault::kNone,
       WithLatest({{"X", "RP", "", "Government release pending", 5, "Secaucus", "NJ"}}), 3, false,
       ""},
      {"1ZSBX0010300000136", "access_point", "Delivered to a UPS Access Point, awaiting pickup",
       ScenarioFault::kNone,
       WithLatest({{"D", "", "161", "Delivered to UPS Access Point. Awaiting customer pickup.", 3,
                    "Paramus", "NJ"},
                   {"I", "OT", "021", "Out For Delivery Today", 8, "Paramus", "NJ"}}),
       -100, false, ""},
      {"1ZSBX0010300000145",
       "pickup_attempted",
       "The driver attempted a pickup; UPS does not have the package yet",
       ScenarioFault::kNone,
       {{"P", "", "065", "Pickup Attempted", 5, "Atlanta", "GA"},
        {"M", "MP", "003", "Shipper created a label, UPS has not received the package yet.", 10, "",
         ""}},
       -100,
       false,
       ""},
      {"1ZSBX0010300000154", "gmt_colon_times", "In transit; activity times written HH:MM:SS",
       ScenarioFault::kNone,
       WithLatest({{"I", "AR", "005", "Arrived at Facility", 6, "Secaucus", "NJ"}}), 1, false, "",
       true},
      // OR is 005 in one UPS source system and 013 in another: the status
      // code 013 makes it an exception (the address), not a pickup.
      {"1ZSBX0010300000163", "status_code_decides",
       "Exception: code OR with status 013, the address needs correcting", ScenarioFault::kNone,
       WithLatest({{"X", "OR", "013",
                    "The address is incomplete. UPS will attempt to contact the receiver to "
                    "obtain the correct address.",
                    5, "Paramus", "NJ"}}),
       2, false, ""},
      // Status 000 after real scans: the last scan that states something decides.
      {"1ZSBX0010300000172", "not_available_after_scans",
       "In transit; the newest activity is status 000 (not available)", ScenarioFault::kNone,
       WithLatest({{"NA", "", "000", "Status Not Available", 2, "", ""}}), 1, false, ""},
      {"1ZSBX0010300000092", "slow", "In transit, answered after 1.5 s (a slow upstream)",
       ScenarioFault::kSlow,
       WithLatest({{"I", "AR", "005", "Arrived at Facility", 6, "Secaucus", "NJ"}}), 1, false, ""},
      {"1ZSBX0010300000109",
       "unavailable",
       "UPS answers 503 Service Unavailable",
       ScenarioFault::kUnavailable,
       {},
       -100,
       false,
       ""},
      {"1ZSBX0010300000118",
       "malformed",
       "UPS answers 200 with a body that is not JSON",
       ScenarioFault::kMalformed,
       {},
       -100,
       false,
       ""},
  };
  return *definitions;
}

// Shipper SBX002: any valid number is in transit (load tests, benchmarks).
constexpr absl::string_view kBulkPrefix = "1ZSBX002";
constexpr absl::string_view kBulkExample = "1ZSBX0020300000018";

bool IsBulkNumber(absl::string_view number) {
  return number.size() == 18 && absl::StartsWith(number, kBulkPrefix) &&
         detection::Mod10CheckDigit(number.substr(2, 15), detection::kUpsWeights) ==
             number.back() - '0';
}

// The in-transit scenario under another number.
Definition BulkDefinition(const char* number) {
  Definition bulk = Definitions().front();
  for (const Definition& definition : Definitions()) {
    if (absl::string_view(definition.name) == "in_transit") bulk = definition;
  }
  bulk.number = number;
  bulk.name = "bulk";
  bulk.description = "Any valid 1Z number of shipper SBX002: in transit (for load tests)";
  return bulk;
}

std::string Compact(absl::Time time, const char* format) {
  return absl::FormatTime(format, time, absl::UTCTimeZone());
}

json::object ActivityJson(const Activity& activity, absl::Time now, bool colon_times) {
  const char* time_format = colon_times ? "%H:%M:%S" : "%H%M%S";
  const absl::Time when =
      absl::FromUnixSeconds(absl::ToUnixSeconds(now) / 60 * 60) - absl::Hours(activity.hours_ago);
  const absl::Time local = when + absl::Hours(kLocalOffsetHours);
  json::object address{{"countryCode", "US"}, {"country", "US"}};
  if (*activity.city != '\0') {
    address["city"] = activity.city;
    address["stateProvince"] = activity.region;
  }
  return json::object{{"location", json::object{{"address", std::move(address)}}},
                      {"status", json::object{{"type", activity.type},
                                              {"description", activity.description},
                                              {"code", activity.code},
                                              {"statusCode", activity.status_code}}},
                      {"date", Compact(local, "%Y%m%d")},
                      {"time", Compact(local, time_format)},
                      {"gmtDate", Compact(when, "%Y%m%d")},
                      {"gmtTime", Compact(when, time_format)},
                      {"gmtOffset", "-05:00"}};
}

json::object PackageJson(const Definition& definition, absl::Time now) {
  json::array activities;
  for (const Activity& activity : definition.activities) {
    activities.push_back(ActivityJson(activity, now, definition.colon_times));
  }
  json::object package{{"trackingNumber", definition.number},
                       {"activity", std::move(activities)},
                       {"packageCount", 1},
                       {"service", json::object{{"code", "003"}, {"description", "UPS Ground"}}}};
  const absl::Time local_now = now + absl::Hours(kLocalOffsetHours);
  if (definition.delivered) {
    const Activity& delivery = definition.activities.front();
    const absl::Time local = absl::FromUnixSeconds(absl::ToUnixSeconds(now) / 60 * 60) -
                             absl::Hours(delivery.hours_ago) + absl::Hours(kLocalOffsetHours);
    package["deliveryDate"] =
        json::array{json::object{{"type", "DEL"}, {"date", Compact(local, "%Y%m%d")}}};
    package["deliveryTime"] = json::object{{"type", "DEL"}, {"endTime", Compact(local, "%H%M%S")}};
    package["deliveryInformation"] =
        json::object{{"location", "Front Door"},
                     {"receivedBy", definition.received_by},
                     {"signature", json::object{{"image", "c2FuZGJveC1zaWduYXR1cmU="}}}};
  } else if (definition.scheduled_in_days > -100) {
    const absl::Time day = local_now + absl::Hours(24 * definition.scheduled_in_days);
    package["deliveryDate"] =
        json::array{json::object{{"type", "SDD"}, {"date", Compact(day, "%Y%m%d")}}};
    package["deliveryTime"] =
        json::object{{"type", "EOD"}, {"startTime", "090000"}, {"endTime", "190000"}};
  }
  return package;
}

}  // namespace

std::vector<Scenario> UpsScenarioList() {
  std::vector<Scenario> list = ScenarioList("ups", Definitions());
  const std::string example(kBulkExample);
  const Definition bulk = BulkDefinition(example.c_str());
  list.push_back({"ups", example, bulk.name, bulk.description});
  return list;
}

json::value UpsErrorBody(absl::string_view code, absl::string_view message) {
  return json::object{
      {"response",
       json::object{
           {"errors", json::array{json::object{
                          {"code", std::string_view(code.data(), code.size())},
                          {"message", std::string_view(message.data(), message.size())}}}}}}};
}

bool IsUpsStoryStage(absl::string_view stage) {
  for (const Definition& definition : Definitions()) {
    if (stage == definition.name && definition.fault == ScenarioFault::kNone) return true;
  }
  return false;
}

Reply UpsTrackReply(absl::string_view number, absl::Time now, absl::string_view stage) {
  Reply reply;
  reply.response.status = 200;
  reply.response.headers.emplace_back("Content-Type", "application/json");
  const Definition* found = FindByNumber(Definitions(), number);
  const std::string number_text(number);
  std::optional<Definition> bulk;
  if (!stage.empty() && IsUpsStoryStage(stage)) {
    for (const Definition& definition : Definitions()) {
      if (stage == definition.name) bulk.emplace(definition);
    }
    bulk->number = number_text.c_str();
    found = &*bulk;
  } else if (found == nullptr && IsBulkNumber(number)) {
    bulk.emplace(BulkDefinition(number_text.c_str()));
    found = &*bulk;
  }
  const ScenarioFault fault = found == nullptr ? ScenarioFault::kNotFound : found->fault;
  switch (fault) {
    case ScenarioFault::kNotFound:
      reply.response.body = json::serialize(json::object{
          {"trackResponse",
           json::object{
               {"shipment",
                json::array{json::object{
                    {"warnings", json::array{json::object{
                                     {"code", "TW0001"},
                                     {"message", "Tracking Information Not Found"}}}}}}}}}});
      return reply;
    case ScenarioFault::kUnavailable:
      reply.response.status = 503;
      reply.response.body = json::serialize(UpsErrorBody("10004", "Service Unavailable"));
      return reply;
    case ScenarioFault::kMalformed:
      reply.response.body = "{\"trackResponse\": {\"shipment\": [ <html>oops";
      return reply;
    case ScenarioFault::kSlow:
      reply.delay = absl::Milliseconds(1500);
      break;
    case ScenarioFault::kNone:
      break;
  }
  json::object shipment{{"inquiryNumber", found->number},
                        {"package", json::array{PackageJson(*found, now)}}};
  reply.response.body = json::serialize(json::object{
      {"trackResponse", json::object{{"shipment", json::array{std::move(shipment)}}}}});
  return reply;
}

}  // namespace trackenrich::sandbox
