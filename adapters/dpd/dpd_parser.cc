#include "adapters/dpd/dpd_parser.h"

#include <exception>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "boost/property_tree/ptree.hpp"
#include "boost/property_tree/xml_parser.hpp"

#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/common/utf8.h"
#include "adapters/dpd/dpd_status_map.h"

namespace trackenrich::adapters::dpd {
namespace {

namespace pt = boost::property_tree;
constexpr absl::string_view kAdapter = "dpd";
constexpr int kMaxDepth = 64;

// Element depth, counted cheaply before the recursive reader sees the text.
bool WithinDepth(absl::string_view xml) {
  int depth = 0;
  for (size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] != '<' || i + 1 >= xml.size()) continue;
    const char next = xml[i + 1];
    if (next == '?' || next == '!') continue;
    if (next == '/') {
      --depth;
      continue;
    }
    const size_t end = xml.find('>', i);
    if (end == absl::string_view::npos) return true;  // the reader will reject it
    if (xml[end - 1] != '/' && ++depth > kMaxDepth) return false;
    i = end;
  }
  return true;
}

absl::StatusOr<pt::ptree> ReadXml(absl::string_view body) {
  if (!WithinDepth(body)) return MalformedPayload(kAdapter, "XML nested too deeply");
  try {
    std::istringstream stream{std::string(body)};
    pt::ptree tree;
    pt::read_xml(stream, tree, pt::xml_parser::trim_whitespace);
    return tree;
  } catch (const std::exception&) {
    return MalformedPayload(kAdapter, "not well-formed XML");
  }
}

absl::string_view LocalName(absl::string_view name) {
  const size_t colon = name.find(':');
  return colon == absl::string_view::npos ? name : name.substr(colon + 1);
}

const pt::ptree* Child(const pt::ptree* node, absl::string_view local) {
  if (node == nullptr) return nullptr;
  for (const auto& [key, child] : *node) {
    if (LocalName(key) == local) return &child;
  }
  return nullptr;
}

const pt::ptree* Path(const pt::ptree* node, std::initializer_list<absl::string_view> path) {
  for (absl::string_view step : path) node = Child(node, step);
  return node;
}

std::string Text(const pt::ptree* node) {
  if (node == nullptr) return "";
  return std::string(absl::StripAsciiWhitespace(node->data()));
}

const pt::ptree* Body(const pt::ptree& tree) { return Path(&tree, {"Envelope", "Body"}); }

struct Fault {
  std::string code;  // detail's errorCode, else faultcode
  bool authentication = false;
};

std::optional<Fault> FindFault(const pt::ptree& tree) {
  const pt::ptree* fault = Child(Body(tree), "Fault");
  if (fault == nullptr) return std::nullopt;
  Fault result;
  if (const pt::ptree* detail = Child(fault, "detail")) {
    for (const auto& [key, child] : *detail) {
      if (LocalName(key) == "<xmlattr>") continue;
      if (LocalName(key) == "authenticationFault") result.authentication = true;
      result.code = Text(Child(&child, "errorCode"));
      break;
    }
  }
  if (result.code.empty()) result.code = Text(Child(fault, "faultcode"));
  if (absl::StrContains(result.code, "AUTHENTICATION")) result.authentication = true;
  // Codes are identifiers; anything longer is cut, on a character boundary.
  TruncateUtf8(&result.code, 64);
  return result;
}

absl::Status FaultStatus(const Fault& fault) {
  if (fault.authentication) {
    return absl::FailedPreconditionError(
        absl::StrCat("dpd: upstream rejected the service's credentials (", fault.code, ")"));
  }
  return absl::UnavailableError(
      absl::StrCat("dpd: upstream answered a SOAP fault (", fault.code, ")"));
}

// A parsed envelope, or the status its fault or HTTP code stands for.
absl::StatusOr<pt::ptree> ReadEnvelope(const http::HttpResponse& response) {
  auto tree = ReadXml(response.body);
  if (tree.ok()) {
    if (std::optional<Fault> fault = FindFault(*tree)) return FaultStatus(*fault);
  }
  if (response.status != 200) return UpstreamHttpError(kAdapter, response);
  if (!tree.ok()) return tree.status();
  if (Body(*tree) == nullptr) return MalformedPayload(kAdapter, "no soap Envelope/Body");
  return tree;
}

int Number(absl::string_view digits, bool* ok) {
  int value = 0;
  if (digits.empty() || digits.size() > 4 || !absl::SimpleAtoi(digits, &value)) *ok = false;
  return value;
}

// "8/17/2021 7:11:26 PM" (en_EN) or "17.08.2021 19:11:26" (de_DE).
std::optional<absl::CivilSecond> ParseDpdDate(absl::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, ' ', absl::SkipEmpty());
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  bool ok = true;
  int year = 0, month = 0, day = 0;
  if (absl::StrContains(parts[0], '/')) {
    std::vector<absl::string_view> date = absl::StrSplit(parts[0], '/');
    if (date.size() != 3) return std::nullopt;
    month = Number(date[0], &ok);
    day = Number(date[1], &ok);
    year = Number(date[2], &ok);
  } else {
    std::vector<absl::string_view> date = absl::StrSplit(parts[0], '.');
    if (date.size() != 3) return std::nullopt;
    day = Number(date[0], &ok);
    month = Number(date[1], &ok);
    year = Number(date[2], &ok);
  }
  std::vector<absl::string_view> clock = absl::StrSplit(parts[1], ':');
  if (clock.size() < 2 || clock.size() > 3) return std::nullopt;
  int hour = Number(clock[0], &ok);
  const int minute = Number(clock[1], &ok);
  const int second = clock.size() == 3 ? Number(clock[2], &ok) : 0;
  if (!ok) return std::nullopt;
  if (parts.size() == 3) {
    const std::string meridiem = absl::AsciiStrToUpper(parts[2]);
    if ((meridiem != "AM" && meridiem != "PM") || hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (meridiem == "PM" ? 12 : 0);
  }
  const absl::CivilSecond civil(year, month, day, hour, minute, second);
  if (year < 1970 || civil.month() != month || civil.day() != day || civil.hour() != hour ||
      civil.minute() != minute || civil.second() != second) {
    return std::nullopt;
  }
  return civil;
}

// "Mechelen (BE)" → city "Mechelen", country "BE".
v1::Location ParseLocation(const std::string& text) {
  v1::Location location;
  const size_t open = text.rfind('(');
  const size_t close = text.rfind(')');
  if (open != std::string::npos && close == text.size() - 1 && close > open) {
    location.set_city(std::string(absl::StripAsciiWhitespace(text.substr(0, open))));
    location.set_country_code(
        absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text.substr(open + 1, close - open - 1))));
  } else {
    location.set_city(text);
  }
  return location;
}

std::string Description(const pt::ptree& info) {
  std::string text = Text(Path(&info, {"description", "content", "content"}));
  if (text.empty()) text = Text(Path(&info, {"label", "content"}));
  return text;
}

bool IsTrue(const pt::ptree* node) { return absl::AsciiStrToLower(Text(node)) == "true"; }

}  // namespace

bool IsDpdAuthenticationFault(const http::HttpResponse& response) {
  auto tree = ReadXml(response.body);
  if (!tree.ok()) return false;
  std::optional<Fault> fault = FindFault(*tree);
  return fault.has_value() && fault->authentication;
}

absl::StatusOr<OAuthToken> ParseDpdLoginResponse(const http::HttpResponse& response,
                                                 absl::Time now) {
  auto tree = ReadEnvelope(response);
  if (!tree.ok()) return tree.status();
  const pt::ptree* result = Path(Body(*tree), {"getAuthResponse", "return"});
  OAuthToken token;
  token.access_token = Text(Child(result, "authToken"));
  if (token.access_token.empty())
    return MalformedPayload(kAdapter, "login answer has no authToken");
  token.expires_at = now + absl::Hours(1);
  if (auto expires = ParseIsoDateTime(Text(Child(result, "authTokenExpires"))); expires.ok()) {
    const absl::Time at = expires->ToTime(DpdUtcOffset("", expires->wall));
    if (at > now) token.expires_at = at;
  }
  return token;
}

absl::StatusOr<v1::Shipment> ParseDpdTrackResponse(const http::HttpResponse& response,
                                                   absl::string_view requested_number) {
  auto tree = ReadEnvelope(response);
  if (!tree.ok()) return tree.status();
  const pt::ptree* answer = Child(Body(*tree), "getTrackingDataResponse");
  if (answer == nullptr) return MalformedPayload(kAdapter, "no getTrackingDataResponse");
  const pt::ptree* result = Child(answer, "trackingresult");
  const pt::ptree* shipment_info = Child(result, "shipmentInfo");
  bool any_status = false;
  if (result != nullptr) {
    for (const auto& [key, child] : *result) any_status |= LocalName(key) == "statusInfo";
  }
  if (result == nullptr || (!any_status && shipment_info == nullptr)) {
    return absl::NotFoundError(absl::StrCat("dpd: no tracking information for ", requested_number));
  }

  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_DPD);
  shipment.set_carrier_name("DPD");
  shipment.set_tracking_number(std::string(requested_number));
  shipment.set_service_name(
      Text(Path(shipment_info, {"serviceDescription", "content", "content"})));

  const pt::ptree* current = nullptr;
  const pt::ptree* newest_reached = nullptr;
  for (const auto& [key, info] : *result) {
    if (LocalName(key) != "statusInfo" || !IsTrue(Child(&info, "statusHasBeenReached"))) continue;
    newest_reached = &info;
    if (IsTrue(Child(&info, "isCurrentStatus"))) current = &info;
    std::optional<absl::CivilSecond> wall = ParseDpdDate(Text(Path(&info, {"date", "content"})));
    if (!wall.has_value()) continue;  // undated: nothing to place
    v1::TrackingEvent& event = *shipment.add_events();
    *event.mutable_location() = ParseLocation(Text(Path(&info, {"location", "content"})));
    const int offset = DpdUtcOffset(event.location().country_code(), *wall);
    ToProto(absl::FromCivil(*wall, absl::FixedTimeZone(offset)), event.mutable_time());
    event.set_utc_offset_seconds(offset);
    event.set_offset_known(false);
    event.set_carrier_code(Text(Child(&info, "status")));
    event.set_description(Description(info));
    const DpdStatus mapped = MapDpdStatus(event.carrier_code(), event.description());
    event.set_state(mapped.state);
    event.set_reason(mapped.reason);
  }
  if (current == nullptr) current = newest_reached;
  if (current != nullptr) {
    const DpdStatus mapped = MapDpdStatus(Text(Child(current, "status")), Description(*current));
    shipment.set_state(mapped.state);
    shipment.set_reason(mapped.reason);
    shipment.set_carrier_status_code(Text(Child(current, "status")));
    shipment.set_carrier_status_text(Description(*current));
  } else {
    // Only the shipment's data has reached DPD: a label, no parcel yet.
    shipment.set_state(v1::SHIPMENT_STATE_LABEL_CREATED);
    shipment.set_carrier_status_code(Text(Child(shipment_info, "status")));
  }
  FinalizeShipment(&shipment);
  return shipment;
}

}  // namespace trackenrich::adapters::dpd
