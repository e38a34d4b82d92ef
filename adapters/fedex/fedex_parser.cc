#include "adapters/fedex/fedex_parser.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

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
#include "adapters/fedex/fedex_status_map.h"

namespace trackenrich::adapters::fedex {
namespace {

namespace json = boost::json;
constexpr absl::string_view kAdapter = "fedex";

std::string Trimmed(const std::string& text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

std::string NormalizedNumber(absl::string_view raw) {
  std::string out;
  for (char c : raw) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      out.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// The first entry of an "errors" array: FedEx's error body.
std::pair<std::string, std::string> FirstError(const json::value& root) {
  const json::array* errors = JsonArray(root, {"errors"});
  if (errors == nullptr || errors->empty()) return {};
  return {JsonString((*errors)[0], {"code"}), JsonString((*errors)[0], {"message"})};
}

absl::Status ErrorFromBody(const http::HttpResponse& response) {
  std::string code;
  if (auto root = ParseJsonObject(kAdapter, response.body); root.ok()) {
    code = FirstError(json::value(std::move(*root))).first;
  }
  const std::string detail =
      absl::StrCat("HTTP ", response.status, code.empty() ? "" : absl::StrCat(", ", code));
  switch (response.status) {
    case 401:
    case 403:
      return absl::FailedPreconditionError(
          absl::StrCat("fedex: upstream rejected the service's credentials (", detail, ")"));
    case 400:
      return absl::InternalError(
          absl::StrCat("fedex: upstream rejected the request (", detail, ")"));
    case 404:
      return absl::InternalError(absl::StrCat("fedex: upstream has no such endpoint (", detail,
                                              "); check carriers.fedex.base_url"));
    default:
      return UpstreamHttpError(kAdapter, response);
  }
}

v1::Location ToLocation(const json::value& address) {
  v1::Location location;
  location.set_city(Trimmed(JsonString(address, {"city"})));
  location.set_region(Trimmed(JsonString(address, {"stateOrProvinceCode"})));
  location.set_postal_code(Trimmed(JsonString(address, {"postalCode"})));
  location.set_country_code(Trimmed(JsonString(address, {"countryCode"})));
  return location;
}

bool HasPlace(const v1::Location& location) {
  return !location.city().empty() || !location.region().empty() ||
         !location.postal_code().empty() || !location.country_code().empty();
}

// Reads a date-time; a missing offset is left for the caller to fill.
std::optional<IsoDateTime> ReadDate(const json::value& value,
                                    std::initializer_list<std::string_view> path) {
  auto parsed = ParseIsoDateTime(JsonString(value, path));
  if (!parsed.ok()) return std::nullopt;
  return *parsed;
}

struct ParsedEvent {
  v1::TrackingEvent event;
  IsoDateTime when;
};

std::vector<v1::TrackingEvent> ReadScanEvents(const json::value& result) {
  std::vector<ParsedEvent> parsed;
  if (const json::array* scans = JsonArray(result, {"scanEvents"})) {
    for (const json::value& scan : *scans) {
      std::optional<IsoDateTime> when = ReadDate(scan, {"date"});
      if (!when.has_value()) continue;  // undated scan: nothing to place
      ParsedEvent entry{{}, *when};
      v1::TrackingEvent& event = entry.event;
      const std::string description = Trimmed(JsonString(scan, {"eventDescription"}));
      const std::string exception = Trimmed(JsonString(scan, {"exceptionDescription"}));
      event.set_carrier_code(JsonString(scan, {"eventType"}));
      event.set_description(exception.empty() ? description
                                              : absl::StrCat(description, ": ", exception));
      const FedexStatus status = ApplyFedexDelay(
          MapFedexStatus(event.carrier_code(), JsonString(scan, {"derivedStatusCode"}),
                         JsonString(scan, {"exceptionCode"}),
                         absl::StrCat(exception, " ", description)),
          JsonString(scan, {"delayDetail", "status"}), JsonString(scan, {"delayDetail", "type"}));
      event.set_state(status.state);
      event.set_reason(status.reason);
      if (const json::value* address = JsonFind(scan, {"scanLocation"})) {
        *event.mutable_location() = ToLocation(*address);
      }
      event.mutable_location()->set_facility(JsonString(scan, {"locationId"}));
      parsed.push_back(std::move(entry));
    }
  }
  // A scan without an offset borrows the nearest dated neighbour's.
  std::vector<IsoDateTime> times;
  for (const ParsedEvent& entry : parsed) times.push_back(entry.when);
  const std::vector<int> offsets = NearestOffsets(times);
  std::vector<v1::TrackingEvent> events;
  for (size_t i = 0; i < parsed.size(); ++i) {
    ParsedEvent& entry = parsed[i];
    ToProto(entry.when.ToTime(offsets[i]), entry.event.mutable_time());
    entry.event.set_utc_offset_seconds(offsets[i]);
    entry.event.set_offset_known(entry.when.has_offset);
    events.push_back(std::move(entry.event));
  }
  return events;
}

// The estimated delivery: the estimated window, else an ESTIMATED_DELIVERY
// date, else the end of the standard transit window.
void ReadEstimatedDelivery(const json::value& result, v1::Shipment* shipment) {
  std::optional<IsoDateTime> begins =
      ReadDate(result, {"estimatedDeliveryTimeWindow", "window", "begins"});
  std::optional<IsoDateTime> ends =
      ReadDate(result, {"estimatedDeliveryTimeWindow", "window", "ends"});
  if (!begins.has_value() && !ends.has_value()) {
    if (const json::array* dates = JsonArray(result, {"dateAndTimes"})) {
      for (const json::value& entry : *dates) {
        if (JsonString(entry, {"type"}) == "ESTIMATED_DELIVERY")
          ends = ReadDate(entry, {"dateTime"});
      }
    }
  }
  if (!begins.has_value() && !ends.has_value()) {
    ends = ReadDate(result, {"standardTransitTimeWindow", "window", "ends"});
  }
  if (!begins.has_value()) begins = ends;
  if (!ends.has_value()) ends = begins;
  if (!begins.has_value()) return;
  // A bare local time takes the other end's offset.
  const int offset = ends->has_offset ? ends->offset_seconds : begins->offset_seconds;
  ToProto(begins->ToTime(offset), shipment->mutable_estimated_delivery()->mutable_start());
  ToProto(ends->ToTime(offset), shipment->mutable_estimated_delivery()->mutable_end());
}

void ReadDeliveryProof(const json::value& result, v1::Shipment* shipment) {
  if (const json::array* dates = JsonArray(result, {"dateAndTimes"})) {
    for (const json::value& entry : *dates) {
      if (JsonString(entry, {"type"}) != "ACTUAL_DELIVERY") continue;
      if (std::optional<IsoDateTime> delivered = ReadDate(entry, {"dateTime"})) {
        ToProto(delivered->ToTime(), shipment->mutable_delivered_at());
      }
    }
  }
  const json::value* details = JsonFind(result, {"deliveryDetails"});
  if (details == nullptr) return;
  v1::ProofOfDelivery* proof = shipment->mutable_proof_of_delivery();
  std::string signed_by = Trimmed(JsonString(*details, {"signedByName"}));
  if (signed_by.empty()) signed_by = Trimmed(JsonString(*details, {"receivedByName"}));
  proof->set_signed_by(signed_by);
  proof->set_delivery_location(Trimmed(JsonString(*details, {"locationDescription"})));
  if (const json::array* images = JsonArray(result, {"availableImages"})) {
    for (const json::value& image : *images) {
      const std::string type = JsonString(image, {"type"});
      if (absl::StrContains(type, "SIGNATURE")) proof->set_signature_captured(true);
      if (absl::StrContains(type, "PICTURE") || absl::StrContains(type, "PHOTO")) {
        proof->set_photo_captured(true);
      }
    }
  }
}

absl::Status NumberError(const json::value& error, absl::string_view number) {
  const std::string code = JsonString(error, {"code"});
  const std::string message = Trimmed(JsonString(error, {"message"}));
  if (absl::StrContains(code, "NOTFOUND") || absl::StrContains(code, "INVALID")) {
    return absl::NotFoundError(absl::StrCat("fedex: no tracking information for ", number, ": ",
                                            message, " (", code, ")"));
  }
  return absl::UnavailableError(
      absl::StrCat("fedex: upstream could not answer for ", number, " (", code, ")"));
}

absl::StatusOr<v1::Shipment> ParseTrackResult(const json::value& result, absl::string_view number,
                                              std::vector<v1::TrackingEvent> events) {
  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_FEDEX);
  shipment.set_carrier_name("FedEx");
  shipment.set_tracking_number(std::string(number));
  shipment.set_service_name(Trimmed(JsonString(result, {"serviceDetail", "description"})));
  for (auto& event : events) *shipment.add_events() = std::move(event);

  if (const json::value* latest = JsonFind(result, {"latestStatusDetail"})) {
    const std::string code = JsonString(*latest, {"code"});
    const std::string derived = JsonString(*latest, {"derivedCode"});
    std::string text = Trimmed(JsonString(*latest, {"description"}));
    if (text.empty()) text = Trimmed(JsonString(*latest, {"statusByLocale"}));
    std::string reason_text = text;
    std::string exception_code;
    if (const json::array* details = JsonArray(*latest, {"ancillaryDetails"});
        details != nullptr && !details->empty()) {
      reason_text = absl::StrCat(JsonString((*details)[0], {"reasonDescription"}), " ", text);
      exception_code = JsonString((*details)[0], {"reason"});
    }
    if (!code.empty() || !derived.empty()) {
      const FedexStatus status =
          ApplyFedexDelay(MapFedexStatus(code, derived, exception_code, reason_text),
                          JsonString(*latest, {"delayDetail", "status"}),
                          JsonString(*latest, {"delayDetail", "type"}));
      shipment.set_state(status.state);
      shipment.set_reason(status.reason);
      shipment.set_carrier_status_code(code.empty() ? derived : code);
      shipment.set_carrier_status_text(text);
    }
  }
  if (const json::value* address =
          JsonFind(result, {"originLocation", "locationContactAndAddress", "address"})) {
    *shipment.mutable_origin() = ToLocation(*address);
  }
  const json::value* destinations[] = {
      JsonFind(result, {"destinationLocation", "locationContactAndAddress", "address"}),
      JsonFind(result, {"lastUpdatedDestinationAddress"}),
      JsonFind(result, {"recipientInformation", "address"})};
  for (const json::value* address : destinations) {
    if (address == nullptr) continue;
    v1::Location location = ToLocation(*address);
    if (HasPlace(location)) {
      *shipment.mutable_destination() = std::move(location);
      break;
    }
  }
  ReadEstimatedDelivery(result, &shipment);

  FinalizeShipment(&shipment);
  if (shipment.state() == v1::SHIPMENT_STATE_UNSPECIFIED) {
    if (shipment.events_size() == 0) {
      return MalformedPayload(
          kAdapter, absl::StrCat("the result for ", number, " has neither a status nor scans"));
    }
    const v1::TrackingEvent& newest = *shipment.events().rbegin();
    shipment.set_state(newest.state());
    shipment.set_reason(newest.reason());
    shipment.set_carrier_status_code(newest.carrier_code());
    shipment.set_carrier_status_text(newest.description());
  }
  // The status text is often generic ("Shipment exception"); the newest scan's
  // exception text then names the reason.
  if (shipment.events_size() > 0) {
    const v1::TrackingEvent& newest = *shipment.events().rbegin();
    // A delivery exception's status often leaves out the exception code its
    // scan carries; the scan's (what the code says) then answers.
    if (shipment.carrier_status_code() == "DE" && newest.carrier_code() == "DE" &&
        shipment.state() != v1::SHIPMENT_STATE_DELIVERED) {
      shipment.set_state(newest.state());
      shipment.set_reason(newest.reason());
    }
    if (newest.state() == shipment.state() &&
        (shipment.reason() == v1::STATE_REASON_UNSPECIFIED ||
         shipment.reason() == v1::STATE_REASON_OTHER) &&
        newest.reason() != v1::STATE_REASON_UNSPECIFIED) {
      shipment.set_reason(newest.reason());
    }
  }
  if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED) ReadDeliveryProof(result, &shipment);
  return shipment;
}

// One completeTrackResults[] entry: picks the result to answer with.
absl::StatusOr<v1::Shipment> ParseCompleteResult(const json::value& complete,
                                                 const std::string& number) {
  const json::array* results = JsonArray(complete, {"trackResults"});
  if (results == nullptr || results->empty()) {
    return MalformedPayload(kAdapter, absl::StrCat("no trackResults for ", number));
  }
  const json::value* best = nullptr;
  std::vector<v1::TrackingEvent> best_events;
  absl::Time best_newest = absl::InfinitePast();
  const json::value* first_error = nullptr;
  for (const json::value& result : *results) {
    const json::value* error = JsonFind(result, {"error"});
    if (error != nullptr && JsonFind(result, {"latestStatusDetail"}) == nullptr) {
      if (first_error == nullptr) first_error = error;
      continue;
    }
    std::vector<v1::TrackingEvent> events = ReadScanEvents(result);
    absl::Time newest = absl::InfinitePast();
    for (const auto& event : events) newest = std::max(newest, FromProto(event.time()));
    if (best == nullptr || newest > best_newest) {
      best = &result;
      best_newest = newest;
      best_events = std::move(events);
    }
  }
  if (best == nullptr) return NumberError(*first_error, number);
  return ParseTrackResult(*best, number, std::move(best_events));
}

}  // namespace

absl::StatusOr<OAuthToken> ParseFedexTokenResponse(const http::HttpResponse& response,
                                                   absl::Time now) {
  return ParseOAuthTokenResponse(kAdapter, response, now);
}

absl::StatusOr<FedexTrackResults> ParseFedexTrackResults(const http::HttpResponse& response) {
  if (response.status != 200) return ErrorFromBody(response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  const json::array* completes = JsonArray(value, {"output", "completeTrackResults"});
  if (completes == nullptr) {
    if (const auto [code, message] = FirstError(value); !code.empty()) {
      return absl::InternalError(absl::StrCat("fedex: upstream rejected the request (", code, ")"));
    }
    return MalformedPayload(kAdapter, "no output.completeTrackResults[]");
  }
  FedexTrackResults results;
  for (const json::value& complete : *completes) {
    std::string number = NormalizedNumber(JsonString(complete, {"trackingNumber"}));
    if (number.empty()) continue;
    results.insert_or_assign(number, ParseCompleteResult(complete, number));
  }
  return results;
}

absl::StatusOr<v1::Shipment> ParseFedexTrackResponse(const http::HttpResponse& response,
                                                     absl::string_view requested_number) {
  auto results = ParseFedexTrackResults(response);
  if (!results.ok()) return results.status();
  auto it = results->find(NormalizedNumber(requested_number));
  if (it == results->end()) {
    return absl::UnavailableError(
        absl::StrCat("fedex: the response has no result for ", requested_number));
  }
  return it->second;
}

}  // namespace trackenrich::adapters::fedex
