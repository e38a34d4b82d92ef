#include "adapters/la_poste/la_poste_parser.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/json_util.h"
#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/common/utf8.h"
#include "adapters/la_poste/la_poste_status_map.h"

namespace trackenrich::adapters::la_poste {
namespace {

namespace json = boost::json;
constexpr absl::string_view kAdapter = "la_poste";
// La Poste's messages are sentences for the end customer; enough of one is kept.
constexpr size_t kMaxMessageBytes = 200;
// France in winter: the offset of a date written without one, when no other
// date of the answer has one.
constexpr int kFranceStandardOffset = 3600;
// returnCode 104: "Votre suivi n'est pas encore disponible" (La Poste's
// OpenAPI, the example of its 404 answer).
constexpr int kNotAvailableYet = 104;

std::string Trimmed(const std::string& text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

std::optional<json::value> ParseBody(absl::string_view body) {
  boost::system::error_code error;
  json::value value = json::parse(std::string_view(body.data(), body.size()), error);
  if (error) return std::nullopt;
  return value;
}

std::string IdShip(const json::value& answer) {
  std::string id = Trimmed(JsonString(answer, {"idShip"}));
  if (id.empty()) id = Trimmed(JsonString(answer, {"shipment", "idShip"}));
  absl::AsciiStrToUpper(&id);
  return id;
}

// The unitary answer for `number`: the object itself, or in an array the one
// whose idShip is the number, else the first. Null for an empty array or any
// other shape.
const json::value* PickAnswer(const json::value& root, absl::string_view number) {
  if (root.is_object()) return &root;
  const json::array* answers = root.if_array();
  if (answers == nullptr || answers->empty()) return nullptr;
  for (const json::value& answer : *answers) {
    if (answer.is_object() && IdShip(answer) == number) return &answer;
  }
  return (*answers)[0].is_object() ? &(*answers)[0] : nullptr;
}

std::optional<int> ReturnCode(const json::value& answer) {
  int code = 0;
  if (absl::SimpleAtoi(JsonString(answer, {"returnCode"}), &code)) return code;
  return std::nullopt;
}

std::string Message(const json::value& answer) {
  std::string message = Trimmed(JsonString(answer, {"returnMessage"}));
  TruncateUtf8(&message, kMaxMessageBytes);
  return message;
}

std::string Detail(int code, const std::string& message) {
  return absl::StrCat("returnCode ", code, message.empty() ? "" : absl::StrCat(": ", message));
}

// A unitary answer without a shipment, by its returnCode.
absl::Status AnswerError(int code, const json::value& answer, const http::HttpResponse& response) {
  const std::string message = Message(answer);
  if (code == 400) {
    return absl::NotFoundError(
        absl::StrCat("la_poste: La Poste does not know the number (", Detail(code, message), ")"));
  }
  if (code == 401 || code == 403) {
    return absl::FailedPreconditionError(
        absl::StrCat("la_poste: La Poste refused the Okapi key (returnCode ", code, ")"));
  }
  if (code == 404 || (code >= 100 && code < 200)) {
    return absl::NotFoundError(
        absl::StrCat("la_poste: no tracking information (", Detail(code, message), ")"));
  }
  if (code == 429) return UpstreamHttpError(kAdapter, response);
  if (code >= 500) {
    return absl::UnavailableError(
        absl::StrCat("la_poste: La Poste unavailable (", Detail(code, message), ")"));
  }
  if (response.status != 200 && response.status != 207) {
    return UpstreamHttpError(kAdapter, response);
  }
  return MalformedPayload(kAdapter, absl::StrCat("returnCode ", code, " without a shipment"));
}

// returnCode 104: La Poste has no record of the item yet (a label not
// scanned, or the number's first hours): a shipment with no carrier record,
// so the INVALID_TRACKING risk comes only if it stays so.
v1::Shipment NoRecordYet(const json::value& answer, absl::string_view requested_number) {
  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_LA_POSTE);
  shipment.set_carrier_name(std::string(kLaPosteDisplayName));
  shipment.set_tracking_number(std::string(requested_number));
  shipment.set_state(v1::SHIPMENT_STATE_NOT_FOUND);
  shipment.set_carrier_status_code(absl::StrCat(kNotAvailableYet));
  shipment.set_carrier_status_text(Message(answer));
  return shipment;
}

std::string ServiceName(const json::value& shipment) {
  std::string product = Trimmed(JsonString(shipment, {"product"}));
  if (!product.empty()) return product;
  const std::string holder = JsonString(shipment, {"holder"});
  if (holder == "1") return "Courrier";
  if (holder == "3") return "Chronopost";
  if (holder == "4") return "Colissimo";
  return "";
}

struct Dated {
  const json::value* event;
  IsoDateTime when;
};

// The highest timeline step reached (status true), with its short label.
struct Step {
  int id = 0;
  std::string label;
};
Step LastStepReached(const json::value& shipment) {
  Step last;
  const json::array* timeline = JsonArray(shipment, {"timeline"});
  if (timeline == nullptr) return last;
  for (const json::value& step : *timeline) {
    const json::value* reached = JsonFind(step, {"status"});
    if (reached == nullptr || !reached->is_bool() || !reached->get_bool()) continue;
    int id = 0;
    if (absl::SimpleAtoi(JsonString(step, {"id"}), &id) && id > last.id) {
      last = {id, Trimmed(JsonString(step, {"shortLabel"}))};
    }
  }
  return last;
}

void SetEstimatedDelivery(const json::value& shipment_json, v1::Shipment* shipment) {
  auto from = ParseIsoDateTime(JsonString(shipment_json, {"estimHourMin"}));
  auto through = ParseIsoDateTime(JsonString(shipment_json, {"estimHourMax"}));
  auto day = ParseIsoDateTime(JsonString(shipment_json, {"estimDate"}));
  v1::TimeWindow* window = shipment->mutable_estimated_delivery();
  if (from.ok() && through.ok()) {
    ToProto(from->ToTime(kFranceStandardOffset), window->mutable_start());
    ToProto(through->ToTime(kFranceStandardOffset), window->mutable_end());
  } else if (day.ok()) {
    ToProto(day->ToTime(kFranceStandardOffset), window->mutable_start());
    ToProto(day->ToTime(kFranceStandardOffset), window->mutable_end());
  } else {
    shipment->clear_estimated_delivery();
  }
}

absl::StatusOr<v1::Shipment> ParseShipment(const json::value& shipment_json,
                                           absl::string_view requested_number) {
  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_LA_POSTE);
  shipment.set_carrier_name(std::string(kLaPosteDisplayName));
  shipment.set_tracking_number(std::string(requested_number));
  shipment.set_service_name(ServiceName(shipment_json));
  shipment.mutable_origin()->set_country_code(
      Trimmed(JsonString(shipment_json, {"contextData", "originCountry"})));
  v1::Location* destination = shipment.mutable_destination();
  destination->set_country_code(
      Trimmed(JsonString(shipment_json, {"contextData", "arrivalCountry"})));
  destination->set_facility(
      Trimmed(JsonString(shipment_json, {"contextData", "removalPoint", "name"})));

  // Dates without an offset fall back on the shipment's own dates' offset.
  int fallback_offset = kFranceStandardOffset;
  for (std::string_view key : {"entryDate", "deliveryDate"}) {
    auto when = ParseIsoDateTime(JsonString(shipment_json, {key}));
    if (when.ok() && when->has_offset) {
      fallback_offset = when->offset_seconds;
      break;
    }
  }
  std::vector<Dated> dated;
  if (const json::array* events = JsonArray(shipment_json, {"event"})) {
    for (const json::value& event : *events) {
      auto when = ParseIsoDateTime(JsonString(event, {"date"}));
      if (when.ok()) dated.push_back({&event, *when});  // undated: nothing to place
    }
  }
  std::vector<IsoDateTime> times;
  for (const Dated& entry : dated) times.push_back(entry.when);
  const std::vector<int> offsets = NearestOffsets(times, fallback_offset);

  // The newest event (the first listed among equal times: La Poste lists
  // newest first) gives the shipment's state.
  const v1::TrackingEvent* newest = nullptr;
  for (size_t i = 0; i < dated.size(); ++i) {
    const json::value& json_event = *dated[i].event;
    v1::TrackingEvent& event = *shipment.add_events();
    ToProto(dated[i].when.ToTime(offsets[i]), event.mutable_time());
    event.set_utc_offset_seconds(offsets[i]);
    event.set_offset_known(dated[i].when.has_offset);
    event.set_carrier_code(Trimmed(JsonString(json_event, {"code"})));
    event.set_description(Trimmed(JsonString(json_event, {"label"})));
    const LaPosteStatus mapped = MapLaPosteEvent(event.carrier_code(), event.description());
    event.set_state(mapped.state);
    event.set_reason(mapped.reason);
  }
  for (const v1::TrackingEvent& event : shipment.events()) {
    if (newest == nullptr || event.time().seconds() > newest->time().seconds()) newest = &event;
  }
  if (newest != nullptr) {
    shipment.set_state(newest->state());
    shipment.set_reason(newest->reason());
    shipment.set_carrier_status_code(newest->carrier_code());
    shipment.set_carrier_status_text(newest->description());
  } else {
    const Step step = LastStepReached(shipment_json);
    const v1::ShipmentState state = LaPosteStepState(step.id);
    shipment.set_state(state == v1::SHIPMENT_STATE_UNSPECIFIED ? v1::SHIPMENT_STATE_LABEL_CREATED
                                                               : state);
    shipment.set_carrier_status_text(step.label);
  }

  FinalizeShipment(&shipment);
  if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED) {
    auto delivered = ParseIsoDateTime(JsonString(shipment_json, {"deliveryDate"}));
    if (delivered.ok())
      ToProto(delivered->ToTime(fallback_offset), shipment.mutable_delivered_at());
  } else if (shipment.state() != v1::SHIPMENT_STATE_RETURNED) {
    SetEstimatedDelivery(shipment_json, &shipment);
  }
  return shipment;
}

}  // namespace

absl::StatusOr<v1::Shipment> ParseLaPosteTrackResponse(const http::HttpResponse& response,
                                                       absl::string_view requested_number) {
  const bool answered = response.status == 200 || response.status == 207;
  if (response.status == 429 || response.status >= 500) {
    return UpstreamHttpError(kAdapter, response);
  }
  std::optional<json::value> root = ParseBody(response.body);
  if (!root.has_value()) {
    return answered ? MalformedPayload(kAdapter, "invalid JSON")
                    : UpstreamHttpError(kAdapter, response);
  }
  const json::value* answer = PickAnswer(*root, requested_number);
  if (answer == nullptr) {
    if (!answered) return UpstreamHttpError(kAdapter, response);
    if (root->is_array()) {
      return absl::NotFoundError(
          absl::StrCat("la_poste: no tracking information for ", requested_number));
    }
    return MalformedPayload(kAdapter, "neither an answer object nor an array of answers");
  }
  const std::optional<int> code = ReturnCode(*answer);
  const json::value* shipment = JsonFind(*answer, {"shipment"});
  if (code.value_or(response.status) / 100 == 2 && answered && shipment != nullptr &&
      shipment->is_object()) {
    return ParseShipment(*shipment, requested_number);
  }
  if (!code.has_value()) {
    return answered ? MalformedPayload(kAdapter, "an answer without returnCode or shipment")
                    : UpstreamHttpError(kAdapter, response);
  }
  if (*code == kNotAvailableYet) return NoRecordYet(*answer, requested_number);
  return AnswerError(*code, *answer, response);
}

}  // namespace trackenrich::adapters::la_poste
