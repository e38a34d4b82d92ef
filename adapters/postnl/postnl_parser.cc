#include "adapters/postnl/postnl_parser.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "boost/json.hpp"

#include "adapters/common/json_util.h"
#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"
#include "adapters/common/upstream_status.h"
#include "adapters/postnl/postnl_status_map.h"

namespace trackenrich::adapters::postnl {
namespace {

namespace json = boost::json;
constexpr absl::string_view kAdapter = "postnl";

// PostNL's address types (Shippingstatus AddressType).
constexpr absl::string_view kReceiverAddress = "01";
constexpr absl::string_view kSenderAddress = "02";

// Text with the HTML entities PostNL leaves in descriptions decoded, trimmed.
std::string Text(const json::value& value, std::initializer_list<std::string_view> path) {
  const std::string raw = JsonString(value, path);
  return std::string(absl::StripAsciiWhitespace(absl::StrReplaceAll(raw, {{"&lt;", "<"},
                                                                          {"&gt;", ">"},
                                                                          {"&quot;", "\""},
                                                                          {"&#39;", "'"},
                                                                          {"&apos;", "'"},
                                                                          {"&amp;", "&"}})));
}

// An object or an array of objects at `key`, as a list (PostNL sends one
// element as a bare object).
std::vector<const json::value*> OneOrMany(const json::value& parent, std::string_view key) {
  std::vector<const json::value*> items;
  const json::value* found = JsonFind(parent, {key});
  if (found == nullptr) return items;
  if (found->is_object()) {
    if (!found->as_object().empty()) items.push_back(found);
  } else if (found->is_array()) {
    for (const json::value& item : found->as_array()) {
      if (item.is_object()) items.push_back(&item);
    }
  }
  return items;
}

// "Warnings": [{"Message", "Code"}] or {"Warning": {...}}: the messages.
std::string WarningText(const json::value& root) {
  std::vector<std::string> messages;
  for (const json::value* warning : OneOrMany(root, "Warnings")) {
    const json::value* inner = JsonFind(*warning, {"Warning"});
    std::string message = Text(inner != nullptr ? *inner : *warning, {"Message"});
    if (!message.empty()) messages.push_back(std::move(message));
  }
  return absl::StrJoin(messages, "; ");
}

absl::Status ErrorFromBody(const http::HttpResponse& response) {
  if (response.status == 400) {
    std::string fault;
    if (auto root = ParseJsonObject(kAdapter, response.body); root.ok()) {
      const json::value value(std::move(*root));
      fault = Text(value, {"fault", "faultstring"});
      if (fault.empty()) fault = Text(value, {"message"});
    }
    // A barcode PostNL does not accept is one it has no record of; any
    // other fault ("no barcode supplied in path") is a request we built wrong.
    const std::string lower = absl::AsciiStrToLower(fault);
    if (absl::StrContains(lower, "barcode") &&
        (absl::StrContains(lower, "invalid") || absl::StrContains(lower, "not valid") ||
         absl::StrContains(lower, "unknown") || absl::StrContains(lower, "not found"))) {
      return absl::NotFoundError(absl::StrCat("postnl: ", fault, " (HTTP 400)"));
    }
    return absl::InternalError("postnl: upstream rejected the request (HTTP 400)");
  }
  return UpstreamHttpError(kAdapter, response);
}

const json::value* PickShipment(const std::vector<const json::value*>& shipments,
                                absl::string_view number) {
  for (std::string_view key : {"Barcode", "MainBarcode"}) {
    for (const json::value* shipment : shipments) {
      if (absl::AsciiStrToUpper(Text(*shipment, {key})) == number) return shipment;
    }
  }
  return shipments.front();
}

v1::Location AddressOfType(const json::value& shipment, absl::string_view type) {
  v1::Location location;
  for (const json::value* address : OneOrMany(shipment, "Address")) {
    if (Text(*address, {"AddressType"}) != type) continue;
    location.set_city(Text(*address, {"City"}));
    location.set_postal_code(Text(*address, {"Zipcode"}));
    location.set_country_code(Text(*address, {"CountryCode"}));
    break;
  }
  return location;
}

// "2022-11-08" as the whole Dutch day.
void SetDeliveryDay(absl::string_view date, v1::TimeWindow* window) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(date, &day)) return;
  const absl::CivilSecond start(day);
  const absl::CivilSecond end = absl::CivilSecond(day + 1) - 1;
  ToProto(absl::FromCivil(start, absl::FixedTimeZone(PostnlUtcOffset(start))),
          window->mutable_start());
  ToProto(absl::FromCivil(end, absl::FixedTimeZone(PostnlUtcOffset(end))), window->mutable_end());
}

void ReadExpectedDelivery(const json::value& shipment, v1::Shipment* out) {
  auto from = ParsePostnlTime(Text(shipment, {"Expectation", "ETAFrom"}));
  auto to = ParsePostnlTime(Text(shipment, {"Expectation", "ETATo"}));
  if (from.ok() && to.ok()) {
    ToProto(from->time, out->mutable_estimated_delivery()->mutable_start());
    ToProto(to->time, out->mutable_estimated_delivery()->mutable_end());
    return;
  }
  const std::string date = Text(shipment, {"DeliveryDate"});
  if (!date.empty()) SetDeliveryDay(date, out->mutable_estimated_delivery());
}

struct Dated {
  PostnlTime when;
  v1::TrackingEvent event;
  bool published = false;
};

std::vector<Dated> ReadEvents(const json::value& shipment) {
  std::vector<Dated> dated;
  for (const json::value* json_event : OneOrMany(shipment, "Event")) {
    auto when = ParsePostnlTime(Text(*json_event, {"TimeStamp"}));
    if (!when.ok()) continue;  // undated: nothing to place
    Dated entry{*when, {}, false};
    v1::TrackingEvent& event = entry.event;
    ToProto(when->time, event.mutable_time());
    event.set_utc_offset_seconds(when->utc_offset_seconds);
    event.set_offset_known(when->offset_given);
    event.set_carrier_code(absl::AsciiStrToUpper(Text(*json_event, {"Code"})));
    event.set_description(Text(*json_event, {"Description"}));
    const PostnlStatus mapped =
        MapPostnlEvent(event.carrier_code(), event.description(), &entry.published);
    event.set_state(mapped.state);
    event.set_reason(mapped.reason);
    event.mutable_location()->set_facility(Text(*json_event, {"LocationCode"}));
    dated.push_back(std::move(entry));
  }
  // PostNL lists the newest first: oldest first, same-instant events in
  // the order they happened.
  std::reverse(dated.begin(), dated.end());
  std::stable_sort(dated.begin(), dated.end(),
                   [](const Dated& a, const Dated& b) { return a.when.time < b.when.time; });
  return dated;
}

void ReadProofOfDelivery(v1::Shipment* shipment) {
  for (const v1::TrackingEvent& event : shipment->events()) {
    if (event.state() != v1::SHIPMENT_STATE_DELIVERED) continue;
    const absl::string_view place = PostnlDeliveryPlace(event.carrier_code());
    if (!place.empty()) {
      shipment->mutable_proof_of_delivery()->set_delivery_location(std::string(place));
    }
    return;
  }
}

}  // namespace

absl::StatusOr<PostnlTime> ParsePostnlTime(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  std::string iso(text);
  // "08-11-2022 10:13:20" → "2022-11-08T10:13:20".
  if (text.size() >= 16 && text[2] == '-' && text[5] == '-' && text[10] == ' ') {
    iso = absl::StrCat(text.substr(6, 4), "-", text.substr(3, 2), "-", text.substr(0, 2), "T",
                       text.substr(11));
  }
  auto parsed = ParseIsoDateTime(iso);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("not a PostNL time: \"", text, "\""));
  }
  PostnlTime out;
  out.offset_given = parsed->has_offset;
  out.utc_offset_seconds =
      parsed->has_offset ? parsed->offset_seconds : PostnlUtcOffset(parsed->wall);
  out.time = parsed->ToTime(out.utc_offset_seconds);
  return out;
}

absl::StatusOr<v1::Shipment> ParsePostnlTrackResponse(const http::HttpResponse& response,
                                                      absl::string_view requested_number) {
  if (response.status != 200) return ErrorFromBody(response);
  auto root = ParseJsonObject(kAdapter, response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  const json::value* status_root = JsonFind(value, {"CompleteStatus"});
  if (status_root == nullptr) status_root = JsonFind(value, {"CurrentStatus"});
  const std::string warnings = WarningText(value);
  if (status_root == nullptr && warnings.empty()) {
    return MalformedPayload(kAdapter, "neither CompleteStatus nor CurrentStatus");
  }
  std::vector<const json::value*> shipments;
  if (status_root != nullptr) shipments = OneOrMany(*status_root, "Shipment");
  if (shipments.empty()) {
    return absl::NotFoundError(
        absl::StrCat("postnl: no tracking information for ", requested_number,
                     warnings.empty() ? "" : absl::StrCat(" (", warnings, ")")));
  }
  const json::value& found = *PickShipment(shipments, requested_number);

  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_POSTNL);
  shipment.set_carrier_name("PostNL");
  shipment.set_tracking_number(std::string(requested_number));
  shipment.set_service_name(Text(found, {"ProductDescription"}));
  *shipment.mutable_origin() = AddressOfType(found, kSenderAddress);
  *shipment.mutable_destination() = AddressOfType(found, kReceiverAddress);

  const PostnlStatus current_status =
      MapPostnlStatus(Text(found, {"Status", "StatusCode"}), Text(found, {"Status", "PhaseCode"}));
  std::vector<Dated> dated = ReadEvents(found);
  PostnlStatus current;
  for (auto it = dated.rbegin(); it != dated.rend(); ++it) {
    if (it->published) {
      current = {it->event.state(), it->event.reason()};
      break;
    }
  }
  if (current.state == v1::SHIPMENT_STATE_UNSPECIFIED) current = current_status;
  if (current.state == v1::SHIPMENT_STATE_UNSPECIFIED && !dated.empty()) {
    current = {dated.back().event.state(), dated.back().event.reason()};
  }
  if (current.state == v1::SHIPMENT_STATE_UNSPECIFIED)
    current = {v1::SHIPMENT_STATE_LABEL_CREATED, {}};
  for (Dated& entry : dated) *shipment.add_events() = std::move(entry.event);

  shipment.set_state(current.state);
  shipment.set_reason(current.reason);
  shipment.set_carrier_status_code(Text(found, {"Status", "StatusCode"}));
  shipment.set_carrier_status_text(Text(found, {"Status", "StatusDescription"}));
  if (shipment.carrier_status_code().empty() && shipment.events_size() > 0) {
    const v1::TrackingEvent& newest = shipment.events(shipment.events_size() - 1);
    shipment.set_carrier_status_code(newest.carrier_code());
    shipment.set_carrier_status_text(newest.description());
  }
  ReadExpectedDelivery(found, &shipment);

  FinalizeShipment(&shipment);
  if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED) {
    ReadProofOfDelivery(&shipment);
    if (!shipment.has_delivered_at()) {
      if (auto when = ParsePostnlTime(Text(found, {"Status", "TimeStamp"})); when.ok()) {
        ToProto(when->time, shipment.mutable_delivered_at());
      }
    }
  }
  return shipment;
}

}  // namespace trackenrich::adapters::postnl
