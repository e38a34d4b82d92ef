#include "adapters/royal_mail/royal_mail_parser.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/json_util.h"
#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/royal_mail/royal_mail_status_map.h"

namespace trackenrich::adapters::royal_mail {
namespace {

namespace json = boost::json;
constexpr absl::string_view kAdapter = "royal_mail";

std::string Trimmed(const std::string& text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

// The status of a Royal Mail error answer: by its first error code where
// Royal Mail documents one, else by the HTTP status.
absl::Status ErrorFromBody(const http::HttpResponse& response) {
  std::string code;
  std::string description;
  if (auto root = ParseJsonObject(kAdapter, response.body); root.ok()) {
    const json::value value(std::move(*root));
    if (const json::array* errors = JsonArray(value, {"errors"});
        errors != nullptr && !errors->empty()) {
      code = Trimmed(JsonString((*errors)[0], {"errorCode"}));
      description = Trimmed(JsonString((*errors)[0], {"errorDescription"}));
    }
    if (description.empty()) description = Trimmed(JsonString(value, {"moreInformation"}));
  }
  const std::string detail = absl::StrCat(code.empty() ? "" : absl::StrCat(code, " "), description,
                                          " (HTTP ", response.status, ")");
  if (code == "E1142" || code == "E1283" || code == "E1284" || code == "E1308") {
    return absl::NotFoundError(absl::StrCat("royal_mail: ", detail));
  }
  if (code == "E0010" || response.status == 429) {
    return absl::ResourceExhaustedError(absl::StrCat("royal_mail: rate limit: ", detail));
  }
  if (code == "E1307" || code == "E0009" || code == "E0001") {
    return absl::UnavailableError(absl::StrCat("royal_mail: ", detail));
  }
  if (code == "E0004" || code == "E0013") {
    return absl::InternalError(absl::StrCat("royal_mail: upstream rejected the request: ", detail));
  }
  if (response.status == 200) return MalformedPayload(kAdapter, "an error answer with HTTP 200");
  return UpstreamHttpError(kAdapter, response);
}

void SetTime(const IsoDateTime& when, google::protobuf::Timestamp* out) {
  ToProto(when.ToTime(), out);
}

void ReadEstimatedDelivery(const json::value& piece, v1::Shipment* shipment) {
  const json::value* estimate = JsonFind(piece, {"estimatedDelivery"});
  if (estimate == nullptr) return;
  auto start = ParseIsoDateTime(JsonString(*estimate, {"startOfEstimatedWindow"}));
  auto end = ParseIsoDateTime(JsonString(*estimate, {"endOfEstimatedWindow"}));
  if (start.ok() && end.ok()) {
    SetTime(*start, shipment->mutable_estimated_delivery()->mutable_start());
    SetTime(*end, shipment->mutable_estimated_delivery()->mutable_end());
    return;
  }
  // A day without a window: the whole (UK) day.
  auto date = ParseIsoDateTime(JsonString(*estimate, {"date"}));
  if (date.ok()) {
    SetTime(*date, shipment->mutable_estimated_delivery()->mutable_start());
    ToProto(date->ToTime() + absl::Hours(24) - absl::Seconds(1),
            shipment->mutable_estimated_delivery()->mutable_end());
  }
}

void ReadProofOfDelivery(const json::value& piece, v1::Shipment* shipment) {
  const json::value* signature = JsonFind(piece, {"signature"});
  if (signature == nullptr || !signature->is_object()) return;
  v1::ProofOfDelivery* proof = shipment->mutable_proof_of_delivery();
  proof->set_signed_by(Trimmed(JsonString(*signature, {"recipientName"})));
  const std::string image = Trimmed(JsonString(*signature, {"imageId"}));
  proof->set_signature_captured(!image.empty() || !proof->signed_by().empty());
  if (!image.empty()) proof->add_document_refs(absl::StrCat("royal_mail:signature:", image));
  if (!shipment->has_delivered_at()) {
    if (auto when = ParseIsoDateTime(JsonString(*signature, {"signatureDateTime"})); when.ok()) {
      SetTime(*when, shipment->mutable_delivered_at());
    }
  }
}

}  // namespace

absl::StatusOr<v1::Shipment> ParseRoyalMailEventsResponse(const http::HttpResponse& response,
                                                          absl::string_view requested_number) {
  if (response.status != 200) return ErrorFromBody(response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  const json::value* piece = JsonFind(value, {"mailPieces"});
  if (piece == nullptr || !piece->is_object()) {
    if (const json::array* errors = JsonArray(value, {"errors"});
        errors != nullptr && !errors->empty()) {
      return ErrorFromBody(response);
    }
    return MalformedPayload(kAdapter, "no mailPieces object");
  }

  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_ROYAL_MAIL);
  shipment.set_carrier_name("Royal Mail");
  shipment.set_tracking_number(std::string(requested_number));
  shipment.set_service_name(Trimmed(JsonString(*piece, {"summary", "productName"})));

  int newest = -1;  // index: adding events moves them
  if (const json::array* events = JsonArray(*piece, {"events"})) {
    for (const json::value& json_event : *events) {
      auto when = ParseIsoDateTime(JsonString(json_event, {"eventDateTime"}));
      if (!when.ok()) continue;  // nothing to place it by
      v1::TrackingEvent& event = *shipment.add_events();
      ToProto(when->ToTime(), event.mutable_time());
      event.set_utc_offset_seconds(when->has_offset ? when->offset_seconds : 0);
      event.set_offset_known(when->has_offset);
      event.set_carrier_code(Trimmed(JsonString(json_event, {"eventCode"})));
      event.set_description(Trimmed(JsonString(json_event, {"eventName"})));
      const RoyalMailStatus mapped = MapRoyalMailEvent(event.carrier_code());
      event.set_state(mapped.state);
      event.set_reason(mapped.reason);
      event.mutable_location()->set_facility(Trimmed(JsonString(json_event, {"locationName"})));
      if (newest < 0 || event.time().seconds() > shipment.events(newest).time().seconds()) {
        newest = shipment.events_size() - 1;
      }
    }
  }

  std::string status_code = Trimmed(JsonString(*piece, {"summary", "lastEventCode"}));
  std::string status_text = Trimmed(JsonString(*piece, {"summary", "lastEventName"}));
  if (status_code.empty() && newest >= 0) {
    status_code = shipment.events(newest).carrier_code();
    status_text = shipment.events(newest).description();
  }
  const RoyalMailStatus current = MapRoyalMailEvent(status_code);
  if (current.state == v1::SHIPMENT_STATE_UNSPECIFIED) {
    return MalformedPayload(kAdapter, "no event code in the summary or the events");
  }
  shipment.set_state(current.state);
  shipment.set_reason(current.reason);
  shipment.set_carrier_status_code(status_code);
  shipment.set_carrier_status_text(status_text);
  ReadEstimatedDelivery(*piece, &shipment);

  FinalizeShipment(&shipment);
  if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED) ReadProofOfDelivery(*piece, &shipment);
  return shipment;
}

}  // namespace trackenrich::adapters::royal_mail
