#include "adapters/ups/ups_parser.h"

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/json_util.h"
#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/ups/ups_status_map.h"

namespace trackenrich::adapters::ups {
namespace {

namespace json = boost::json;
constexpr absl::string_view kAdapter = "ups";

std::string Trimmed(const std::string& text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

// The first error in a UPS error body, if the body is one.
std::optional<std::pair<std::string, std::string>> FirstError(absl::string_view body) {
  auto root = ParseJsonObject(kAdapter, body);
  if (!root.ok()) return std::nullopt;
  const json::value value(std::move(*root));
  const json::array* errors = JsonArray(value, {"response", "errors"});
  if (errors == nullptr || errors->empty()) return std::nullopt;
  return std::make_pair(JsonString((*errors)[0], {"code"}), JsonString((*errors)[0], {"message"}));
}

absl::Status ErrorFromBody(const http::HttpResponse& response) {
  if (auto error = FirstError(response.body)) {
    const auto& [code, message] = *error;
    if (code == "TV1002" || code == "TW0001" || code == "151018" || code == "151044") {
      return absl::NotFoundError(absl::StrCat("ups: ", message, " (", code, ")"));
    }
    if (code == "250002" || code == "250003" || response.status == 401 || response.status == 403) {
      return absl::FailedPreconditionError(
          absl::StrCat("ups: upstream rejected the service's credentials (", code, ")"));
    }
  }
  return UpstreamHttpError(kAdapter, response);
}

v1::Location ToLocation(const json::value& address) {
  v1::Location location;
  location.set_city(Trimmed(JsonString(address, {"city"})));
  location.set_region(Trimmed(JsonString(address, {"stateProvince"})));
  location.set_postal_code(Trimmed(JsonString(address, {"postalCode"})));
  std::string country = Trimmed(JsonString(address, {"countryCode"}));
  if (country.empty()) country = Trimmed(JsonString(address, {"country"}));
  location.set_country_code(country);
  return location;
}

// A time as UPS writes it, in HHMMSS: "074700", "74700" (the Tracking.yaml
// example), and "07:47:00" or "07:47" as activities also carry it.
std::string CompactTime(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (!absl::StrContains(text, ':')) return std::string(text);
  std::string digits;
  for (char c : text) {
    if (c != ':') digits.push_back(c);
  }
  if (digits.size() == 3 || digits.size() == 4) digits += "00";  // H:MM, HH:MM
  return digits;
}

// Reads an activity's instant. Prefers the GMT fields; falls back to the local
// time read as UTC (offset unknown).
bool ReadActivityTime(const json::value& activity, v1::TrackingEvent* event) {
  const std::string gmt_date = JsonString(activity, {"gmtDate"});
  const std::string gmt_time = CompactTime(JsonString(activity, {"gmtTime"}));
  int offset = 0;
  if (!gmt_date.empty() && ParseUtcOffset(JsonString(activity, {"gmtOffset"}), &offset)) {
    auto instant = ParseCompactDateTime(gmt_date, gmt_time, absl::UTCTimeZone());
    if (instant.ok()) {
      ToProto(*instant, event->mutable_time());
      event->set_utc_offset_seconds(offset);
      event->set_offset_known(true);
      return true;
    }
  }
  auto local =
      ParseCompactDateTime(JsonString(activity, {"date"}),
                           CompactTime(JsonString(activity, {"time"})), absl::UTCTimeZone());
  if (!local.ok()) return false;
  ToProto(*local, event->mutable_time());
  event->set_offset_known(false);
  return true;
}

void ReadDeliveryDates(const json::value& package, int offset_seconds, v1::Shipment* shipment) {
  const json::array* dates = JsonArray(package, {"deliveryDate"});
  if (dates == nullptr) return;
  const absl::TimeZone zone = absl::FixedTimeZone(offset_seconds);
  const std::string start_time = JsonString(package, {"deliveryTime", "startTime"});
  const std::string end_time = JsonString(package, {"deliveryTime", "endTime"});
  for (const json::value& entry : *dates) {
    const std::string type = JsonString(entry, {"type"});
    const std::string date = JsonString(entry, {"date"});
    if (type == "DEL") {
      auto delivered = ParseCompactDateTime(date, end_time, zone);
      if (delivered.ok()) ToProto(*delivered, shipment->mutable_delivered_at());
    } else if (type == "SDD" || type == "RDD") {
      // Scheduled or rescheduled delivery: a window on that day.
      auto start = ParseCompactDateTime(date, start_time.empty() ? "000000" : start_time, zone);
      auto end = ParseCompactDateTime(date, end_time.empty() ? "235959" : end_time, zone);
      if (start.ok() && end.ok()) {
        ToProto(*start, shipment->mutable_estimated_delivery()->mutable_start());
        ToProto(*end, shipment->mutable_estimated_delivery()->mutable_end());
      }
    }
  }
}

void ReadProofOfDelivery(const json::value& package, v1::Shipment* shipment) {
  const json::value* info = JsonFind(package, {"deliveryInformation"});
  if (info == nullptr) return;
  v1::ProofOfDelivery* proof = shipment->mutable_proof_of_delivery();
  proof->set_signed_by(Trimmed(JsonString(*info, {"receivedBy"})));
  proof->set_delivery_location(Trimmed(JsonString(*info, {"location"})));
  proof->set_signature_captured(!JsonString(*info, {"signature", "image"}).empty());
  proof->set_photo_captured(!JsonString(*info, {"deliveryPhoto", "photo"}).empty());
}

void ReadAddresses(const json::value& package, v1::Shipment* shipment) {
  const json::array* addresses = JsonArray(package, {"packageAddress"});
  if (addresses == nullptr) return;
  for (const json::value& entry : *addresses) {
    const std::string type = absl::AsciiStrToUpper(JsonString(entry, {"type"}));
    const json::value* address = JsonFind(entry, {"address"});
    if (address == nullptr) continue;
    // Type codes: 01 = shipper (origin), 02 = ship-to (destination).
    if (type == "01" || absl::StrContains(type, "ORIGIN")) {
      *shipment->mutable_origin() = ToLocation(*address);
    } else if (type == "02" || absl::StrContains(type, "DESTINATION")) {
      *shipment->mutable_destination() = ToLocation(*address);
    }
  }
}

}  // namespace

absl::StatusOr<OAuthToken> ParseUpsTokenResponse(const http::HttpResponse& response,
                                                 absl::Time now) {
  if (response.status != 200) return ErrorFromBody(response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  OAuthToken token;
  token.access_token = JsonString(value, {"access_token"});
  if (token.access_token.empty())
    return MalformedPayload(kAdapter, "token response has no access_token");
  int64_t expires_in = 0;
  if (!absl::SimpleAtoi(JsonString(value, {"expires_in"}), &expires_in) || expires_in <= 0) {
    return MalformedPayload(kAdapter, "token response has no positive expires_in");
  }
  token.expires_at = now + absl::Seconds(expires_in);
  return token;
}

absl::StatusOr<v1::Shipment> ParseUpsTrackResponse(const http::HttpResponse& response,
                                                   absl::string_view requested_number) {
  if (response.status != 200) return ErrorFromBody(response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));

  const json::array* shipments = JsonArray(value, {"trackResponse", "shipment"});
  if (shipments == nullptr || shipments->empty()) {
    return MalformedPayload(kAdapter, "no trackResponse.shipment[]");
  }
  const json::value& first = (*shipments)[0];
  const json::array* packages = JsonArray(first, {"package"});
  if (packages == nullptr || packages->empty()) {
    if (const json::array* warnings = JsonArray(first, {"warnings"})) {
      for (const json::value& warning : *warnings) {
        if (JsonString(warning, {"code"}) == "TW0001") {
          return absl::NotFoundError(
              absl::StrCat("ups: no tracking information for ", requested_number, " (TW0001)"));
        }
      }
    }
    return MalformedPayload(kAdapter, "shipment has no package[] and no not-found warning");
  }
  const json::value& package = (*packages)[0];

  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_UPS);
  shipment.set_carrier_name("UPS");
  shipment.set_tracking_number(std::string(requested_number));
  shipment.set_service_name(Trimmed(JsonString(package, {"service", "description"})));

  int latest_offset = 0;
  bool have_latest = false;
  if (const json::array* activities = JsonArray(package, {"activity"})) {
    for (const json::value& activity : *activities) {
      v1::TrackingEvent event;
      if (!ReadActivityTime(activity, &event)) continue;  // undated activity: nothing to place
      const std::string type = JsonString(activity, {"status", "type"});
      event.set_carrier_code(JsonString(activity, {"status", "code"}));
      event.set_description(Trimmed(JsonString(activity, {"status", "description"})));
      const UpsStatus mapped =
          MapUpsStatus(type, event.carrier_code(), JsonString(activity, {"status", "statusCode"}),
                       event.description());
      event.set_state(mapped.state);
      event.set_reason(mapped.reason);
      if (const json::value* address = JsonFind(activity, {"location", "address"})) {
        *event.mutable_location() = ToLocation(*address);
      }
      event.mutable_location()->set_facility(JsonString(activity, {"location", "slic"}));
      if (!have_latest && event.offset_known()) {
        latest_offset = event.utc_offset_seconds();
        have_latest = true;
      }
      *shipment.add_events() = std::move(event);
    }
  }

  ReadDeliveryDates(package, latest_offset, &shipment);
  ReadProofOfDelivery(package, &shipment);
  ReadAddresses(package, &shipment);

  FinalizeShipment(&shipment);
  if (shipment.state() == v1::SHIPMENT_STATE_UNSPECIFIED) {
    if (shipment.events_size() > 0) {
      // The newest activity that states something: "not available" (type NA,
      // status 000) after real scans says nothing about where the package is.
      const v1::TrackingEvent* stated = &*shipment.events().rbegin();
      for (auto it = shipment.events().rbegin(); it != shipment.events().rend(); ++it) {
        if (it->state() != v1::SHIPMENT_STATE_NOT_FOUND) {
          stated = &*it;
          break;
        }
      }
      const v1::TrackingEvent& latest = *stated;
      shipment.set_state(latest.state());
      shipment.set_reason(latest.reason());
      shipment.set_carrier_status_code(latest.carrier_code());
      shipment.set_carrier_status_text(latest.description());
    } else {
      const std::string type = JsonString(package, {"currentStatus", "type"});
      const UpsStatus mapped = MapUpsStatus(type, JsonString(package, {"currentStatus", "code"}),
                                            JsonString(package, {"currentStatus", "statusCode"}),
                                            JsonString(package, {"currentStatus", "description"}));
      shipment.set_state(type.empty() ? v1::SHIPMENT_STATE_LABEL_CREATED : mapped.state);
      shipment.set_reason(mapped.reason);
      shipment.set_carrier_status_code(JsonString(package, {"currentStatus", "code"}));
      shipment.set_carrier_status_text(
          Trimmed(JsonString(package, {"currentStatus", "description"})));
    }
  }
  return shipment;
}

}  // namespace trackenrich::adapters::ups
