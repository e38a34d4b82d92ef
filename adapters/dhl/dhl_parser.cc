#include "adapters/dhl/dhl_parser.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "boost/json.hpp"

#include "adapters/common/json_util.h"
#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/dhl/dhl_status_map.h"

namespace trackenrich::adapters::dhl {
namespace {

namespace json = boost::json;
constexpr absl::string_view kAdapter = "dhl";

std::string Trimmed(const std::string& text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

absl::Status ErrorFromBody(const http::HttpResponse& response) {
  std::string detail;
  if (auto root = ParseJsonObject(kAdapter, response.body); root.ok()) {
    const json::value value(std::move(*root));
    detail = Trimmed(JsonString(value, {"detail"}));
    if (detail.empty()) detail = Trimmed(JsonString(value, {"title"}));
  }
  if (response.status == 404) {
    return absl::NotFoundError(absl::StrCat("dhl: no tracking information (HTTP 404",
                                            detail.empty() ? "" : absl::StrCat(": ", detail), ")"));
  }
  if (response.status == 400) {
    if (absl::StrContains(absl::AsciiStrToLower(detail), "tracking")) {
      return absl::NotFoundError(absl::StrCat("dhl: ", detail, " (HTTP 400)"));
    }
    return absl::InternalError("dhl: upstream rejected the request (HTTP 400)");
  }
  return UpstreamHttpError(kAdapter, response);
}

// "Oderweg 2, AMSTERDAM" → "AMSTERDAM": the town, never a street.
std::string Town(const std::string& locality) {
  const size_t comma = locality.rfind(',');
  return Trimmed(comma == std::string::npos ? locality : locality.substr(comma + 1));
}

v1::Location ToLocation(const json::value* place) {
  v1::Location location;
  if (place == nullptr) return location;
  location.set_city(Town(JsonString(*place, {"address", "addressLocality"})));
  location.set_postal_code(Trimmed(JsonString(*place, {"address", "postalCode"})));
  location.set_country_code(Trimmed(JsonString(*place, {"address", "countryCode"})));
  return location;
}

// status, description and remark: what the refinements read.
std::string StatusText(const json::value& status) {
  std::vector<std::string> parts;
  for (std::string_view key : {"status", "description", "remark"}) {
    std::string part = Trimmed(JsonString(status, {key}));
    if (!part.empty()) parts.push_back(std::move(part));
  }
  return absl::StrJoin(parts, " | ");
}

// The text shown as the raw carrier text: description, else status.
std::string DisplayText(const json::value& status) {
  std::string text = Trimmed(JsonString(status, {"description"}));
  if (text.empty()) text = Trimmed(JsonString(status, {"status"}));
  return text;
}

const json::value* PickShipment(const json::array& shipments, absl::string_view number) {
  for (const json::value& shipment : shipments) {
    std::string id = JsonString(shipment, {"id"});
    absl::AsciiStrToUpper(&id);
    if (id == number) return &shipment;
  }
  return &shipments[0];
}

void ReadProofOfDelivery(const json::value& shipment_json, v1::Shipment* shipment) {
  const json::value* proof_json = JsonFind(shipment_json, {"details", "proofOfDelivery"});
  if (proof_json == nullptr) return;
  v1::ProofOfDelivery* proof = shipment->mutable_proof_of_delivery();
  proof->set_signed_by(Trimmed(JsonString(*proof_json, {"signed", "name"})));
  proof->set_signature_captured(!JsonString(*proof_json, {"signatureUrl"}).empty());
  const std::string document = Trimmed(JsonString(*proof_json, {"documentUrl"}));
  if (!document.empty()) proof->add_document_refs(document);
  if (!shipment->has_delivered_at()) {
    if (auto when = ParseIsoDateTime(JsonString(*proof_json, {"timestamp"})); when.ok()) {
      ToProto(when->ToTime(), shipment->mutable_delivered_at());
    }
  }
}

}  // namespace

absl::StatusOr<v1::Shipment> ParseDhlTrackResponse(const http::HttpResponse& response,
                                                   absl::string_view requested_number) {
  if (response.status != 200) return ErrorFromBody(response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  const json::array* shipments = JsonArray(value, {"shipments"});
  if (shipments == nullptr) return MalformedPayload(kAdapter, "no shipments[]");
  if (shipments->empty()) {
    return absl::NotFoundError(absl::StrCat("dhl: no tracking information for ", requested_number));
  }
  const json::value& found = *PickShipment(*shipments, requested_number);
  const json::value* status = JsonFind(found, {"status"});
  if (status == nullptr || !status->is_object()) {
    return MalformedPayload(kAdapter, "shipment has no status object");
  }

  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_DHL);
  shipment.set_carrier_name("DHL");
  shipment.set_tracking_number(std::string(requested_number));
  shipment.set_service_name(Trimmed(JsonString(found, {"details", "product", "productName"})));
  *shipment.mutable_origin() = ToLocation(JsonFind(found, {"origin"}));
  *shipment.mutable_destination() = ToLocation(JsonFind(found, {"destination"}));

  // The shipment status's own offset is the last resort for bare event times.
  int status_offset = 0;
  if (auto when = ParseIsoDateTime(JsonString(*status, {"timestamp"}));
      when.ok() && when->has_offset) {
    status_offset = when->offset_seconds;
  }
  struct Dated {
    const json::value* event;
    IsoDateTime when;
  };
  std::vector<Dated> dated;
  if (const json::array* events = JsonArray(found, {"events"})) {
    for (const json::value& event : *events) {
      auto when = ParseIsoDateTime(JsonString(event, {"timestamp"}));
      if (when.ok()) dated.push_back({&event, *when});  // undated: nothing to place
    }
  }
  std::vector<IsoDateTime> times;
  for (const Dated& entry : dated) times.push_back(entry.when);
  const std::vector<int> offsets = NearestOffsets(times, status_offset);
  for (size_t i = 0; i < dated.size(); ++i) {
    const json::value& json_event = *dated[i].event;
    v1::TrackingEvent& event = *shipment.add_events();
    ToProto(dated[i].when.ToTime(offsets[i]), event.mutable_time());
    event.set_utc_offset_seconds(offsets[i]);
    event.set_offset_known(dated[i].when.has_offset);
    event.set_carrier_code(JsonString(json_event, {"statusCode"}));
    event.set_description(DisplayText(json_event));
    const DhlStatus mapped = MapDhlStatus(event.carrier_code(), StatusText(json_event));
    event.set_state(mapped.state);
    event.set_reason(mapped.reason);
    *event.mutable_location() = ToLocation(JsonFind(json_event, {"location"}));
  }

  const std::string status_code = JsonString(*status, {"statusCode"});
  DhlStatus current = MapDhlStatus(status_code, StatusText(*status));
  if (current.state == v1::SHIPMENT_STATE_LABEL_CREATED &&
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(status_code)) != "pre-transit") {
    // An unclassified status after scans does not take the package back to
    // a bare label: the newest scan says where it is.
    const v1::TrackingEvent* newest_scan = nullptr;
    for (const v1::TrackingEvent& event : shipment.events()) {
      if (!IsCarrierScan(event.state())) continue;
      if (newest_scan == nullptr || event.time().seconds() >= newest_scan->time().seconds()) {
        newest_scan = &event;
      }
    }
    if (newest_scan != nullptr) current = {newest_scan->state(), newest_scan->reason()};
  }
  shipment.set_state(current.state);
  shipment.set_reason(current.reason);
  shipment.set_carrier_status_code(status_code);
  shipment.set_carrier_status_text(DisplayText(*status));

  auto from = ParseIsoDateTime(JsonString(found, {"estimatedDeliveryTimeFrame", "estimatedFrom"}));
  auto through =
      ParseIsoDateTime(JsonString(found, {"estimatedDeliveryTimeFrame", "estimatedThrough"}));
  auto eta = ParseIsoDateTime(JsonString(found, {"estimatedTimeOfDelivery"}));
  if (from.ok() && through.ok()) {
    ToProto(from->ToTime(), shipment.mutable_estimated_delivery()->mutable_start());
    ToProto(through->ToTime(), shipment.mutable_estimated_delivery()->mutable_end());
  } else if (eta.ok()) {
    ToProto(eta->ToTime(), shipment.mutable_estimated_delivery()->mutable_start());
    ToProto(eta->ToTime(), shipment.mutable_estimated_delivery()->mutable_end());
  }

  FinalizeShipment(&shipment);
  if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED) {
    ReadProofOfDelivery(found, &shipment);
    if (!shipment.has_delivered_at()) {
      if (auto when = ParseIsoDateTime(JsonString(*status, {"timestamp"})); when.ok()) {
        ToProto(when->ToTime(), shipment.mutable_delivered_at());
      }
    }
  }
  return shipment;
}

}  // namespace trackenrich::adapters::dhl
