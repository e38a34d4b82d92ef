#include "adapters/amazon_shipping/amazon_shipping_parser.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/amazon_shipping/amazon_shipping_status_map.h"
#include "adapters/common/json_util.h"
#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/common/utf8.h"

namespace trackenrich::adapters::amazon_shipping {
namespace {

namespace json = boost::json;
constexpr absl::string_view kAdapter = "amazon_shipping";

std::string Trimmed(const std::string& text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

absl::Status ErrorFromBody(const http::HttpResponse& response) {
  std::string code;
  if (auto root = ParseJsonObject(kAdapter, response.body); root.ok()) {
    const json::value value(std::move(*root));
    if (const json::array* errors = JsonArray(value, {"errors"}); errors && !errors->empty()) {
      code = JsonString((*errors)[0], {"code"});
    }
  }
  // Codes are identifiers; anything longer is cut, on a character boundary.
  TruncateUtf8(&code, 64);
  const std::string detail =
      absl::StrCat("HTTP ", response.status, code.empty() ? "" : absl::StrCat(", ", code));
  if (code == "InvalidTrackingId" || response.status == 404) {
    return absl::NotFoundError(
        absl::StrCat("amazon_shipping: no tracking information (", detail, ")"));
  }
  if (response.status == 400 || response.status == 413 || response.status == 415) {
    return absl::InternalError(
        absl::StrCat("amazon_shipping: upstream rejected the request (", detail, ")"));
  }
  if (response.status == 401 || response.status == 403) {
    return absl::FailedPreconditionError(absl::StrCat(
        "amazon_shipping: upstream rejected the service's credentials (", detail, ")"));
  }
  return UpstreamHttpError(kAdapter, response);
}

// "DeliveredToPorch" → "Porch".
std::string DeliveredPlace(absl::string_view code) {
  constexpr absl::string_view kPrefix = "DeliveredTo";
  if (!absl::StartsWith(code, kPrefix)) return "";
  return std::string(code.substr(kPrefix.size()));
}

}  // namespace

absl::StatusOr<v1::Shipment> ParseAmazonShippingTrackResponse(const http::HttpResponse& response,
                                                              absl::string_view requested_number) {
  if (response.status != 200) return ErrorFromBody(response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  const json::value* result = JsonFind(value, {"payload"});
  if (result == nullptr || !result->is_object()) result = &value;
  const json::array* history = JsonArray(*result, {"eventHistory"});
  const json::value* summary = JsonFind(*result, {"summary"});
  if (history == nullptr && summary == nullptr) {
    if (JsonArray(value, {"errors"}) != nullptr) {
      return absl::InternalError("amazon_shipping: upstream answered 200 with an error list");
    }
    return MalformedPayload(kAdapter, "no eventHistory[] and no summary");
  }

  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_AMAZON);
  shipment.set_carrier_name("Amazon Shipping");
  shipment.set_tracking_number(std::string(requested_number));

  absl::Time newest_time = absl::InfinitePast();
  bool newest_is_return = false;
  std::string newest_code;
  AmazonShippingStatus newest_mapped;
  if (history != nullptr) {
    for (const json::value& entry : *history) {
      int offset = 0;
      auto when = ParseRfc3339(JsonString(entry, {"eventTime"}), &offset);
      if (!when.ok()) continue;  // undated: nothing to place
      const bool is_return = JsonString(entry, {"shipmentType"}) == "RETURNS";
      v1::TrackingEvent& event = *shipment.add_events();
      ToProto(*when, event.mutable_time());
      event.set_utc_offset_seconds(offset);
      event.set_offset_known(true);
      event.set_carrier_code(JsonString(entry, {"eventCode"}));
      event.set_description(is_return ? absl::StrCat(event.carrier_code(), " (return)")
                                      : event.carrier_code());
      const AmazonShippingStatus mapped = is_return
                                              ? MapAmazonShippingReturnEvent(event.carrier_code())
                                              : MapAmazonShippingEvent(event.carrier_code());
      event.set_state(mapped.state);
      event.set_reason(mapped.reason);
      v1::Location* location = event.mutable_location();
      location->set_city(Trimmed(JsonString(entry, {"location", "city"})));
      location->set_region(Trimmed(JsonString(entry, {"location", "stateOrRegion"})));
      location->set_postal_code(Trimmed(JsonString(entry, {"location", "postalCode"})));
      location->set_country_code(Trimmed(JsonString(entry, {"location", "countryCode"})));
      if (*when >= newest_time) {
        newest_time = *when;
        newest_is_return = is_return;
        newest_code = event.carrier_code();
        newest_mapped = mapped;
      }
    }
  }

  const std::string status = summary == nullptr ? "" : JsonString(*summary, {"status"});
  AmazonShippingStatus current = MapAmazonShippingStatus(status);
  if (newest_is_return) {
    // The package is on its way back, or back: never "delivered" to the buyer.
    const bool back = current.state == v1::SHIPMENT_STATE_DELIVERED || newest_code == "Delivered";
    current = {back ? v1::SHIPMENT_STATE_RETURNED : v1::SHIPMENT_STATE_RETURNING,
               v1::STATE_REASON_RETURN_TO_SENDER};
  }
  if (!newest_is_return && current.reason == v1::STATE_REASON_UNSPECIFIED &&
      current.state == newest_mapped.state) {
    // "InTransit" while the newest event says why (the buyer moved the date).
    current.reason = newest_mapped.reason;
  }
  shipment.set_carrier_status_code(status);

  // What went wrong on the forward leg names the reason of a failed delivery.
  v1::StateReason detail_reason = v1::STATE_REASON_UNSPECIFIED;
  v1::ProofOfDelivery proof;
  if (const json::array* forward =
          summary == nullptr ? nullptr : JsonArray(*summary, {"trackingDetailCodes", "forward"})) {
    for (const json::value& code_value : *forward) {
      const std::string code = JsonString(code_value, {});
      if (detail_reason == v1::STATE_REASON_UNSPECIFIED) {
        detail_reason = AmazonShippingDetailReason(code);
      }
      if (code == "Signed") proof.set_signature_captured(true);
      if (std::string place = DeliveredPlace(code); !place.empty()) {
        proof.set_delivery_location(place);
      }
    }
  }
  if (current.state != v1::SHIPMENT_STATE_DELIVERED &&
      detail_reason != v1::STATE_REASON_UNSPECIFIED) {
    current.reason = detail_reason;
  }
  shipment.set_state(current.state);
  shipment.set_reason(current.reason);

  if (auto promised = ParseRfc3339(JsonString(*result, {"promisedDeliveryDate"})); promised.ok()) {
    ToProto(*promised, shipment.mutable_estimated_delivery()->mutable_start());
    ToProto(*promised, shipment.mutable_estimated_delivery()->mutable_end());
  }

  FinalizeShipment(&shipment);
  if (shipment.state() == v1::SHIPMENT_STATE_UNSPECIFIED) {
    if (shipment.events_size() == 0) {
      return MalformedPayload(kAdapter, "no recognizable summary.status and no events");
    }
    const v1::TrackingEvent& newest = *shipment.events().rbegin();
    shipment.set_state(newest.state());
    shipment.set_reason(newest.reason());
  }
  if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED) {
    if (summary != nullptr) {
      proof.set_signed_by(Trimmed(JsonString(*summary, {"proofOfDelivery", "receivedBy"})));
      const std::string image =
          Trimmed(JsonString(*summary, {"proofOfDelivery", "deliveryImageURL"}));
      if (!image.empty()) {
        proof.set_photo_captured(true);
        proof.add_document_refs(image);
      }
    }
    *shipment.mutable_proof_of_delivery() = std::move(proof);
  }
  return shipment;
}

}  // namespace trackenrich::adapters::amazon_shipping
