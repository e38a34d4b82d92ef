#include "adapters/dpd/sandbox/dpd_scenarios.h"

#include <atomic>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace trackenrich::sandbox {
namespace {

using Reply = server::HttpServer::Reply;

constexpr absl::string_view kTokenPrefix = "sandbox-dpd-token-";

struct Status {
  const char* status;
  const char* label;
  const char* description;
  double hours_ago;
  const char* location;
};

struct Definition {
  const char* number;  // as detection sees it: 14 digits + check character
  const char* name;
  const char* description;
  // Oldest first, as DPD lists them; the last is the current status.
  std::vector<Status> statuses;
};

const std::vector<Status> kTrail = {
    {"Accepted", "Parcel handed to DPD", "DPD has received your parcel.", 40, "Puurs (BE)"},
    {"BetweenDepots", "In transit", "The parcel is at the parcel dispatch centre.", 30,
     "Puurs (BE)"},
    {"Depot", "At parcel delivery centre", "At parcel delivery centre.", 12, "Mechelen (BE)"},
};

std::vector<Status> WithTrail(const std::vector<Status>& latest) {
  return Concatenated(kTrail, latest);
}

const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {"09981122330000L", "delivered", "Delivered to the recipient",
       WithTrail(
           {{"Courier", "Parcel out for delivery",
             "The parcel has left the parcel delivery centre and is on its way to the "
             "consignee.",
             7, "Mechelen (BE)"},
            {"Delivered", "Delivered", "The parcel has been delivered.", 2, "Mechelen (BE)"}})},
      {"09981122330001J",
       "in_transit",
       "Between depots",
       {{"Accepted", "Parcel handed to DPD", "DPD has received your parcel.", 20, "Puurs (BE)"},
        {"BetweenDepots", "In transit", "The parcel is at the parcel dispatch centre.", 8,
         "Puurs (BE)"}}},
      {"09981122330002H", "out_for_delivery", "With the courier",
       WithTrail({{"Courier", "Parcel out for delivery",
                   "The parcel has left the parcel delivery centre and is on its way to the "
                   "consignee.",
                   3, "Mechelen (BE)"}})},
      {"09981122330003F", "exception",
       "Delivery failed (DPD's exception): the recipient was not at home",
       WithTrail({{"Courier", "Parcel out for delivery",
                   "The parcel has left the parcel delivery centre and is on its way to the "
                   "consignee.",
                   7, "Mechelen (BE)"},
                  {"DeliveryFailure", "Parcel out for delivery",
                   "Unfortunately we have not been able to deliver your parcel: the recipient "
                   "was not at home.",
                   4, "Mechelen (BE)"}})},
      // DPD's published sample has no delayed or returned parcel. These two
      // carry status names outside the crosswalk's table (Delayed,
      // ReturnToSender), so the crosswalk reads the description, as it does
      // for any status DPD adds.
      {"09981122330010H", "delayed", "Delayed: delivery moved to the next working day",
       WithTrail({{"Delayed", "Delayed",
                   "Unfortunately your parcel is delayed. It will be delivered on the next "
                   "working day.",
                   5, "Mechelen (BE)"}})},
      {"09981122330011F", "returned", "Refused by the consignee, being returned to the sender",
       WithTrail({{"Courier", "Parcel out for delivery",
                   "The parcel has left the parcel delivery centre and is on its way to the "
                   "consignee.",
                   9, "Mechelen (BE)"},
                  {"ReturnToSender", "Return to sender",
                   "The consignee refused the parcel. It is being returned to the sender.", 4,
                   "Mechelen (BE)"}})},
      {"09981122330004D", "available_for_pickup", "At a DPD Pickup parcelshop",
       WithTrail({{"ParcelShop", "Parcel out for delivery",
                   "Delivered by driver to Pickup parcelshop", 5, "Mechelen (BE)"}})},
      // Some depots write ISO-8859-1 into the UTF-8 envelope ("\xfc" is ü):
      // the XML reader passes the bytes through.
      {"09981122330020D",
       "latin1_text",
       "Delivered; the event texts are ISO-8859-1, not UTF-8 (answered with U+FFFD)",
       {{"Accepted",
         "Paket an DPD \xfc"
         "bergeben",
         "DPD hat Ihr Paket erhalten.", 20, "K\xf6ln (DE)"},
        {"Delivered", "Zugestellt",
         "Zugestellt, \xdc"
         "bergabe an der Haust\xfcr best\xe4tigt.",
         2, "K\xf6ln (DE)"}}},
  };
  return *definitions;
}

constexpr absl::string_view kNotFoundNumber = "09981122330005B";
// Answered with a SOAP fault whose error code is ISO-8859-1 and longer than
// the 64 bytes the adapter keeps, with a UTF-8 "ß" across byte 64.
constexpr absl::string_view kFaultTextNumber = "09981122330021B";

std::string FaultTextCode() {
  std::string code =
      "DEPOT_\xdc"
      "BERLASTET_";  // ISO-8859-1 Ü
  code.resize(63, '_');
  return absl::StrCat(code, "\xc3\x9f", "E_ZUSTELLUNG");  // "ß" at bytes 63-64
}

constexpr absl::string_view kEnvelopeStart =
    "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><soap:Body>";
constexpr absl::string_view kEnvelopeEnd = "</soap:Body></soap:Envelope>";

// "8/17/2021 7:11:26 PM": Belgian local time (CET, CEST under the EU
// summer-time rule), as DPD writes it for en_EN.
std::string DpdDate(absl::Time time) {
  const absl::CivilSecond utc = absl::ToCivilSecond(time, absl::UTCTimeZone());
  auto last_sunday_0100 = [](int64_t year, int month) {
    absl::CivilDay day = absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1;
    while (absl::GetWeekday(day) != absl::Weekday::sunday) day -= 1;
    return absl::FromCivil(absl::CivilSecond(day) + 3600, absl::UTCTimeZone());
  };
  const bool summer =
      time >= last_sunday_0100(utc.year(), 3) && time < last_sunday_0100(utc.year(), 10);
  const absl::CivilSecond local =
      absl::ToCivilSecond(time, absl::FixedTimeZone(summer ? 7200 : 3600));
  const int hour12 = local.hour() % 12 == 0 ? 12 : local.hour() % 12;
  return absl::StrFormat("%d/%d/%d %d:%02d:%02d %s", local.month(), local.day(), local.year(),
                         hour12, local.minute(), local.second(), local.hour() < 12 ? "AM" : "PM");
}

std::string Content(absl::string_view tag, absl::string_view text) {
  return absl::StrCat("<", tag, "><content>", text,
                      "</content><bold>true</bold><paragraph>false</paragraph></", tag, ">");
}

std::string StatusInfo(const Status& status, bool current, absl::Time now) {
  return absl::StrCat(
      "<statusInfo><status>", status.status, "</status>", Content("label", status.label),
      "<description><content><content>", status.description,
      "</content><bold>false</bold><paragraph>false</paragraph></content></description>"
      "<statusHasBeenReached>true</statusHasBeenReached><isCurrentStatus>",
      current ? "true" : "false", "</isCurrentStatus><showContactInfo>true</showContactInfo>",
      Content("location", status.location),
      Content("date", DpdDate(HoursAgo(now, status.hours_ago))), "</statusInfo>");
}

std::string TrackingBody(const Definition* definition, absl::Time now) {
  std::string result;
  if (definition != nullptr) {
    result =
        "<shipmentInfo><serviceDescription><content><content>DPD CLASSIC</content>"
        "</content></serviceDescription><status>SHIPMENT</status>"
        "<statusHasBeenReached>false</statusHasBeenReached>"
        "<isCurrentStatus>false</isCurrentStatus></shipmentInfo>";
    for (size_t i = 0; i < definition->statuses.size(); ++i) {
      result += StatusInfo(definition->statuses[i], i + 1 == definition->statuses.size(), now);
    }
  }
  return absl::StrCat(
      kEnvelopeStart,
      "<getTrackingDataResponse "
      "xmlns=\"http://dpd.com/common/service/types/ParcelLifeCycleService/2.0\"><trackingresult>",
      result, "</trackingresult></getTrackingDataResponse>", kEnvelopeEnd);
}

Reply AuthenticationFault() {
  return XmlResponse(
      500,
      absl::StrCat(kEnvelopeStart,
                   "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Fault occured"
                   "</faultstring><detail><ns:authenticationFault "
                   "xmlns:ns=\"http://dpd.com/common/service/types/Authentication/2.0\">"
                   "<errorCode>DELICOM_ERR_AUTHENTICATION</errorCode><errorMessage>Authentication "
                   "failure, check delisId and password.</errorMessage></ns:authenticationFault>"
                   "</detail></soap:Fault>",
                   kEnvelopeEnd));
}

// A SOAP fault in a 200 answer (as DPD's gateway sends some): the adapter
// reads the fault, and retries and the circuit breaker stay out of it.
Reply SoapFault(absl::string_view error_code) {
  return XmlResponse(
      200, absl::StrCat(kEnvelopeStart,
                        "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Fault occured"
                        "</faultstring><detail><ns:systemFault "
                        "xmlns:ns=\"http://dpd.com/common/service/exceptions\"><errorCode>",
                        error_code,
                        "</errorCode><errorMessage>Sandbox depot fault</errorMessage>"
                        "</ns:systemFault></detail></soap:Fault>",
                        kEnvelopeEnd));
}

// The text of the first element named `tag` (any prefix), or "".
std::string ElementText(absl::string_view xml, absl::string_view tag) {
  const std::string open = absl::StrCat(tag, ">");
  size_t start = xml.find(open);
  while (start != absl::string_view::npos && start > 0 && xml[start - 1] != '<' &&
         xml[start - 1] != ':') {
    start = xml.find(open, start + 1);
  }
  if (start == absl::string_view::npos) return "";
  start += open.size();
  const size_t end = xml.find('<', start);
  if (end == absl::string_view::npos) return "";
  return std::string(xml.substr(start, end - start));
}

std::atomic<int64_t> tokens_issued{0};

Reply Login(const http::HttpRequest& request, absl::Time now) {
  if (ElementText(request.body, "delisId") != kSandboxClientId ||
      ElementText(request.body, "password") != kSandboxClientSecret) {
    return AuthenticationFault();
  }
  const std::string expires =
      absl::FormatTime("%Y-%m-%dT%H:%M:%S.00", now + absl::Hours(24), absl::FixedTimeZone(3600));
  return XmlResponse(
      200, absl::StrCat(kEnvelopeStart,
                        "<getAuthResponse "
                        "xmlns=\"http://dpd.com/common/service/types/LoginService/2.1\"><return>"
                        "<delisId>",
                        kSandboxClientId, "</delisId><customerUid>sandbox</customerUid><authToken>",
                        kTokenPrefix, ++tokens_issued,
                        "</authToken><depot>0998</depot>"
                        "<authTokenExpires>",
                        expires, "</authTokenExpires></return></getAuthResponse>", kEnvelopeEnd));
}

Reply Track(const http::HttpRequest& request, absl::Time now) {
  if (!absl::StartsWith(ElementText(request.body, "authToken"), kTokenPrefix) ||
      ElementText(request.body, "delisId") != kSandboxClientId) {
    return AuthenticationFault();
  }
  const std::string parcel = ElementText(request.body, "parcelLabelNumber");
  if (parcel == kFaultTextNumber.substr(0, 14)) return SoapFault(FaultTextCode());
  const Definition* found = nullptr;
  for (const Definition& definition : Definitions()) {
    if (parcel == absl::string_view(definition.number).substr(0, 14)) found = &definition;
  }
  return XmlResponse(200, TrackingBody(found, now));
}

}  // namespace

std::vector<Scenario> DpdScenarioList() {
  std::vector<Scenario> list = ScenarioList("dpd", Definitions());
  list.push_back({"dpd", std::string(kNotFoundNumber), "not_found",
                  "DPD has no record: an empty trackingresult"});
  list.push_back(
      {"dpd", std::string(kFaultTextNumber), "fault_text",
       "SOAP fault (HTTP 200) whose ISO-8859-1 error code is cut at 64 bytes → UNAVAILABLE, "
       "message sent as UTF-8"});
  return list;
}

std::optional<Reply> HandleDpd(const http::HttpRequest& request, absl::Time now,
                               const RouteCounter& count) {
  const absl::string_view path = TargetPath(request.target);
  if (path == "/soap/services/LoginService/V2_1") {
    count("dpd.login");
    return Login(request, now);
  }
  if (path == "/soap/services/ParcelLifeCycleService/V2_0") {
    count("dpd.track");
    return Track(request, now);
  }
  return std::nullopt;
}

}  // namespace trackenrich::sandbox
