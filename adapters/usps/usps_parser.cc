#include "adapters/usps/usps_parser.h"

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/json_util.h"
#include "adapters/common/normalize.h"
#include "adapters/common/oauth_token_response.h"
#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/usps/usps_status_map.h"

namespace trackenrich::adapters::usps {
namespace {

namespace json = boost::json;
constexpr absl::string_view kAdapter = "usps";

std::string Trimmed(const std::string& text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

// Drops HTML tags and entities: "Priority Mail<SUP>&reg;</SUP>" → "Priority Mail".
std::string PlainText(absl::string_view html) {
  std::string out;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      const size_t end = html.find('>', i);
      if (end == absl::string_view::npos) break;
      i = end;
    } else if (html[i] == '&') {
      const size_t end = html.find(';', i);
      if (end == absl::string_view::npos || end - i > 10) {
        out.push_back(html[i]);
      } else {
        i = end;
      }
    } else {
      out.push_back(html[i]);
    }
  }
  return std::string(absl::StripAsciiWhitespace(out));
}

// GMTOffset: "-05:00", and "-7:00" (one hour digit) in the OpenAPI example.
bool ReadOffset(absl::string_view text, int* seconds) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (trimmed.size() == 5 && (trimmed[0] == '+' || trimmed[0] == '-') && trimmed[2] == ':') {
    return ParseUtcOffset(absl::StrCat(trimmed.substr(0, 1), "0", trimmed.substr(1)), seconds);
  }
  return ParseUtcOffset(trimmed, seconds);
}

absl::Status ErrorFromBody(const http::HttpResponse& response) {
  std::string code;
  std::string message;
  if (auto root = ParseJsonObject(kAdapter, response.body); root.ok()) {
    const json::value value(std::move(*root));
    code = JsonString(value, {"error", "code"});
    message = Trimmed(JsonString(value, {"error", "message"}));
    if (code.empty()) code = JsonString(value, {"error"});  // OAuth-style errors
  }
  if (response.status == 404) {
    return absl::NotFoundError(absl::StrCat("usps: no tracking information (HTTP 404",
                                            message.empty() ? "" : absl::StrCat(": ", message),
                                            ")"));
  }
  if (response.status == 400) {
    const std::string lower = absl::AsciiStrToLower(message);
    if (absl::StrContains(lower, "tracking number") || absl::StrContains(lower, "trackingnumber")) {
      return absl::NotFoundError(absl::StrCat("usps: ", message, " (HTTP 400)"));
    }
    return absl::InternalError(absl::StrCat("usps: upstream rejected the request (HTTP 400",
                                            code.empty() ? "" : absl::StrCat(", ", code), ")"));
  }
  return UpstreamHttpError(kAdapter, response);
}

// USPS's "12: A status update is not yet available on your package" (HTTP
// 400): a label USPS has not scanned yet. The error's text, when it is that one.
std::optional<std::string> NoStatusYet(const http::HttpResponse& response) {
  if (response.status != 400) return std::nullopt;
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return std::nullopt;
  const json::value value(std::move(*root));
  const auto says_so = [](absl::string_view code, absl::string_view text) {
    return code == "12" || absl::StartsWith(absl::StripLeadingAsciiWhitespace(text), "12:") ||
           absl::StrContains(absl::AsciiStrToLower(text), "status update is not yet available");
  };
  if (const json::array* errors = JsonArray(value, {"error", "errors"})) {
    for (const json::value& error : *errors) {
      const std::string detail = Trimmed(JsonString(error, {"detail"}));
      const std::string title = Trimmed(JsonString(error, {"title"}));
      if (says_so(JsonString(error, {"code"}), absl::StrCat(title, " ", detail))) {
        return detail.empty() ? title : detail;
      }
    }
  }
  const std::string message = Trimmed(JsonString(value, {"error", "message"}));
  if (says_so("", message)) {
    return std::string(absl::StripLeadingAsciiWhitespace(
        absl::StartsWith(message, "12:") ? absl::string_view(message).substr(3) : message));
  }
  return std::nullopt;
}

void ReadEventTime(const json::value& event, v1::TrackingEvent* out) {
  int offset = 0;
  const bool has_offset = ReadOffset(JsonString(event, {"GMTOffset"}), &offset);
  if (auto gmt = ParseIsoDateTime(JsonString(event, {"GMTTimestamp"})); gmt.ok()) {
    // GMTTimestamp is UTC, with or without its "Z".
    ToProto(gmt->has_offset ? gmt->ToTime() : gmt->ToTime(0), out->mutable_time());
    out->set_utc_offset_seconds(has_offset ? offset : 0);
    out->set_offset_known(has_offset);
    return;
  }
  auto local = ParseIsoDateTime(JsonString(event, {"eventTimestamp"}));
  if (!local.ok()) return;
  IsoDateTime wall = *local;
  wall.has_offset = false;  // local wall time, whatever suffix it carries
  ToProto(wall.ToTime(has_offset ? offset : 0), out->mutable_time());
  out->set_utc_offset_seconds(has_offset ? offset : 0);
  out->set_offset_known(has_offset);
}

std::optional<absl::Time> FirstTime(const json::value& root,
                                    std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (auto parsed = ParseIsoDateTime(JsonString(root, {key})); parsed.ok()) {
      return parsed->ToTime();
    }
  }
  return std::nullopt;
}

v1::Location Place(const json::value& root, std::string_view city, std::string_view state,
                   std::string_view zip, std::string_view country) {
  v1::Location location;
  location.set_city(Trimmed(JsonString(root, {city})));
  location.set_region(Trimmed(JsonString(root, {state})));
  location.set_postal_code(Trimmed(JsonString(root, {zip})));
  location.set_country_code(Trimmed(JsonString(root, {country})));
  return location;
}

absl::StatusOr<v1::Shipment> ParseSummaryShape(const json::value& root,
                                               absl::string_view requested_number) {
  const std::string summary =
      Trimmed(JsonString(root, {"TrackResults", "TrackInfo", "TrackSummary"}));
  if (summary.empty()) return MalformedPayload(kAdapter, "TrackResults without a TrackSummary");
  const UspsStatus status = MapUspsText(summary);
  if (status.state == v1::SHIPMENT_STATE_UNSPECIFIED) {
    if (absl::StrContains(absl::AsciiStrToLower(summary), "could not locate")) {
      return absl::NotFoundError(
          absl::StrCat("usps: no tracking information for ", requested_number));
    }
    return MalformedPayload(kAdapter, "a TrackSummary with no recognizable status");
  }
  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_USPS);
  shipment.set_carrier_name("USPS");
  shipment.set_tracking_number(std::string(requested_number));
  shipment.set_state(status.state);
  shipment.set_reason(status.reason);
  shipment.set_carrier_status_text(summary);
  return shipment;
}

}  // namespace

absl::StatusOr<OAuthToken> ParseUspsTokenResponse(const http::HttpResponse& response,
                                                  absl::Time now) {
  return ParseOAuthTokenResponse(kAdapter, response, now);
}

absl::StatusOr<v1::Shipment> ParseUspsTrackResponse(const http::HttpResponse& response,
                                                    absl::string_view requested_number) {
  if (std::optional<std::string> text = NoStatusYet(response)) {
    // No carrier record yet: a shipment, not an error (the INVALID_TRACKING
    // risk comes only when it stays so for days).
    v1::Shipment shipment;
    shipment.set_carrier(v1::CARRIER_USPS);
    shipment.set_carrier_name("USPS");
    shipment.set_tracking_number(std::string(requested_number));
    shipment.set_state(v1::SHIPMENT_STATE_NOT_FOUND);
    shipment.set_carrier_status_code("12");
    shipment.set_carrier_status_text(*text);
    return shipment;
  }
  if (response.status != 200) return ErrorFromBody(response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  if (JsonFind(value, {"TrackResults"}) != nullptr)
    return ParseSummaryShape(value, requested_number);

  const json::array* events = JsonArray(value, {"trackingEvents"});
  const std::string category = Trimmed(JsonString(value, {"statusCategory"}));
  const std::string status_text = Trimmed(JsonString(value, {"status"}));
  const std::string summary = Trimmed(JsonString(value, {"statusSummary"}));
  if ((events == nullptr || events->empty()) && category.empty() && status_text.empty()) {
    if (absl::StrContains(absl::AsciiStrToLower(summary), "could not locate")) {
      return absl::NotFoundError(
          absl::StrCat("usps: no tracking information for ", requested_number));
    }
    if (JsonFind(value, {"error"}) != nullptr) {
      return absl::InternalError("usps: upstream answered 200 with an error body");
    }
    return MalformedPayload(kAdapter, "no statusCategory, status or trackingEvents[]");
  }

  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_USPS);
  shipment.set_carrier_name("USPS");
  shipment.set_tracking_number(std::string(requested_number));
  shipment.set_service_name(PlainText(JsonString(value, {"mailClass"})));
  *shipment.mutable_origin() =
      Place(value, "originCity", "originState", "originZIP", "originCountry");
  *shipment.mutable_destination() = Place(value, "destinationCity", "destinationState",
                                          "destinationZIP", "destinationCountryCode");

  if (events != nullptr) {
    for (const json::value& entry : *events) {
      v1::TrackingEvent event;
      ReadEventTime(entry, &event);
      if (!event.has_time()) continue;  // undated: nothing to place
      event.set_carrier_code(JsonString(entry, {"eventCode"}));
      event.set_description(Trimmed(JsonString(entry, {"eventType"})));
      const UspsStatus mapped = MapUspsEvent(event.carrier_code(), event.description());
      event.set_state(mapped.state);
      event.set_reason(mapped.reason);
      v1::Location* location = event.mutable_location();
      location->set_city(Trimmed(JsonString(entry, {"eventCity"})));
      location->set_region(Trimmed(JsonString(entry, {"eventState"})));
      location->set_postal_code(Trimmed(JsonString(entry, {"eventZIP"})));
      location->set_country_code(Trimmed(JsonString(entry, {"eventCountry"})));
      *shipment.add_events() = std::move(event);
    }
  }

  const UspsStatus current = MapUspsStatusCategory(category, status_text);
  if (current.state != v1::SHIPMENT_STATE_UNSPECIFIED) {
    shipment.set_state(current.state);
    shipment.set_reason(current.reason);
    shipment.set_carrier_status_code(category);
    shipment.set_carrier_status_text(status_text.empty() ? summary : status_text);
  }
  if (std::optional<absl::Time> eta =
          FirstTime(value, {"expectedDeliveryTimeStamp", "predictedDeliveryTimeStamp",
                            "guaranteedDeliveryTimeStamp"})) {
    ToProto(*eta, shipment.mutable_estimated_delivery()->mutable_start());
    ToProto(*eta, shipment.mutable_estimated_delivery()->mutable_end());
  }

  FinalizeShipment(&shipment);
  if (shipment.state() == v1::SHIPMENT_STATE_UNSPECIFIED) {
    if (shipment.events_size() > 0) {
      const v1::TrackingEvent& newest = *shipment.events().rbegin();
      shipment.set_state(newest.state());
      shipment.set_reason(newest.reason());
      shipment.set_carrier_status_code(newest.carrier_code());
      shipment.set_carrier_status_text(newest.description());
    } else {
      const UspsStatus from_text = MapUspsText(status_text.empty() ? summary : status_text);
      shipment.set_state(from_text.state == v1::SHIPMENT_STATE_UNSPECIFIED
                             ? v1::SHIPMENT_STATE_IN_TRANSIT
                             : from_text.state);
      shipment.set_reason(from_text.reason);
      shipment.set_carrier_status_text(status_text.empty() ? summary : status_text);
    }
  }
  if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED) {
    // "Delivered, Parcel Locker", "Delivered, Front Door/Porch", ...
    const std::string text = shipment.carrier_status_text();
    const size_t comma = text.find(',');
    if (absl::StartsWithIgnoreCase(text, "delivered") && comma != std::string::npos) {
      shipment.mutable_proof_of_delivery()->set_delivery_location(
          std::string(absl::StripAsciiWhitespace(absl::string_view(text).substr(comma + 1))));
    }
  }
  return shipment;
}

}  // namespace trackenrich::adapters::usps
