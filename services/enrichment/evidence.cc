#include "services/enrichment/evidence.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

#include "adapters/common/digest.h"
#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"

namespace trackenrich::enrichment {
namespace {

using adapters::FromProto;

std::string Time(const google::protobuf::Timestamp& timestamp) {
  if (timestamp.seconds() == 0 && timestamp.nanos() == 0) return "";
  return absl::FormatTime("%Y-%m-%d%ET%H:%M:%E*SZ", FromProto(timestamp), absl::UTCTimeZone());
}

std::string Window(const v1::TimeWindow& window) {
  return absl::StrCat(Time(window.start()), "/", Time(window.end()));
}

std::string Escape(absl::string_view value) {
  return absl::StrReplaceAll(value, {{"\\", "\\\\"}, {"\n", "\\n"}, {"\r", "\\r"}});
}

class Lines {
 public:
  void Add(absl::string_view key, absl::string_view value) {
    absl::StrAppend(&text_, key, "=", Escape(value), "\n");
  }
  void AddInt(absl::string_view key, int64_t value) {
    absl::StrAppend(&text_, key, "=", value, "\n");
  }
  void AddBool(absl::string_view key, bool value) {
    absl::StrAppend(&text_, key, "=", value ? "true" : "false", "\n");
  }
  std::string Take() { return std::move(text_); }

 private:
  std::string text_;
};

void AddShipment(const v1::Shipment& shipment, Lines& lines) {
  lines.Add("shipment", shipment.tracking_number());
  lines.Add("carrier", v1::Carrier_Name(shipment.carrier()));
  lines.Add("carrier_name", shipment.carrier_name());
  lines.Add("state", v1::ShipmentState_Name(shipment.state()));
  lines.Add("reason", v1::StateReason_Name(shipment.reason()));
  lines.Add("carrier_status_code", shipment.carrier_status_code());
  lines.Add("carrier_status_text", shipment.carrier_status_text());
  lines.Add("estimated_delivery", Window(shipment.estimated_delivery()));
  lines.Add("delivered_at", Time(shipment.delivered_at()));
  const v1::ProofOfDelivery& proof = shipment.proof_of_delivery();
  lines.Add("signed_by", proof.signed_by());
  lines.Add("delivery_location", proof.delivery_location());
  lines.AddBool("signature_captured", proof.signature_captured());
  lines.AddBool("photo_captured", proof.photo_captured());
  for (const auto& reference : proof.document_refs()) lines.Add("document_ref", reference);
  for (const auto& event : shipment.events()) {
    lines.Add("event", Time(event.time()));
    lines.AddInt("event.utc_offset_seconds", event.utc_offset_seconds());
    lines.Add("event.carrier_code", event.carrier_code());
    lines.Add("event.state", v1::ShipmentState_Name(event.state()));
    lines.Add("event.reason", v1::StateReason_Name(event.reason()));
    lines.Add("event.description", event.description());
    lines.Add("event.city", event.location().city());
    lines.Add("event.region", event.location().region());
    lines.Add("event.country_code", event.location().country_code());
  }
  const v1::Provenance& provenance = shipment.provenance();
  lines.Add("source", v1::Source_Name(provenance.source()));
  lines.Add("adapter", provenance.adapter());
  lines.Add("fetched_at", Time(provenance.fetched_at()));
  lines.Add("payload_sha256", provenance.payload_sha256());
  lines.AddBool("sandbox", provenance.sandbox());
}

void AddSupportingEvents(const v1::Shipment& shipment, v1::Evidence* evidence) {
  auto add = [&](v1::EvidenceRole role, const v1::TrackingEvent& event) {
    v1::SupportingEvent* supporting = evidence->add_events();
    supporting->set_tracking_number(shipment.tracking_number());
    supporting->set_role(role);
    *supporting->mutable_event() = event;
  };
  const auto& events = shipment.events();
  for (const auto& event : events) {
    if (adapters::IsCarrierScan(event.state())) {
      add(v1::EVIDENCE_ROLE_FIRST_SCAN, event);
      break;
    }
  }
  for (const auto& event : events) {
    if (adapters::IsExceptionState(event.state())) add(v1::EVIDENCE_ROLE_EXCEPTION, event);
  }
  for (const auto& event : events) {
    if (event.state() == v1::SHIPMENT_STATE_DELIVERED) {
      add(v1::EVIDENCE_ROLE_DELIVERY, event);
      break;
    }
  }
  if (!events.empty()) add(v1::EVIDENCE_ROLE_LATEST, events[events.size() - 1]);
}

void AddPayloadDigest(const v1::Provenance& provenance, v1::Evidence* evidence) {
  if (provenance.payload_sha256().empty()) return;
  for (const auto& known : evidence->payload_sha256()) {
    if (known == provenance.payload_sha256()) return;
  }
  evidence->add_payload_sha256(provenance.payload_sha256());
}

}  // namespace

std::string CanonicalSnapshot(const v1::Enrichment& enrichment) {
  Lines lines;
  lines.Add("format", kEvidenceFormat);
  for (const v1::Order& order : enrichment.orders()) {
    lines.Add("order", order.order_id());
    lines.Add("channel", v1::SalesChannel_Name(order.channel()));
    lines.Add("marketplace_id", order.marketplace_id());
    lines.Add("fulfillment", v1::Fulfillment_Name(order.fulfillment()));
    lines.Add("status", v1::OrderStatus_Name(order.status()));
    lines.Add("channel_status", order.channel_status());
    lines.Add("purchased_at", Time(order.purchased_at()));
    lines.Add("ship_by", Window(order.ship_by()));
    lines.Add("deliver_by", Window(order.deliver_by()));
    lines.Add("source", v1::Source_Name(order.provenance().source()));
    lines.Add("fetched_at", Time(order.provenance().fetched_at()));
    lines.Add("payload_sha256", order.provenance().payload_sha256());
    for (const v1::Shipment& shipment : order.shipments()) AddShipment(shipment, lines);
    lines.Add("end_order", order.order_id());
  }
  for (const v1::Shipment& shipment : enrichment.shipments()) AddShipment(shipment, lines);
  return lines.Take();
}

v1::Evidence BuildEvidence(const v1::Enrichment& enrichment, absl::Time assembled_at) {
  v1::Evidence evidence;
  adapters::ToProto(assembled_at, evidence.mutable_assembled_at());
  evidence.set_digest_format(kEvidenceFormat);
  evidence.set_digest(adapters::Sha256Hex(CanonicalSnapshot(enrichment)));
  for (const v1::Order& order : enrichment.orders()) {
    AddPayloadDigest(order.provenance(), &evidence);
    for (const v1::Shipment& shipment : order.shipments()) {
      AddPayloadDigest(shipment.provenance(), &evidence);
      AddSupportingEvents(shipment, &evidence);
    }
  }
  for (const v1::Shipment& shipment : enrichment.shipments()) {
    AddPayloadDigest(shipment.provenance(), &evidence);
    AddSupportingEvents(shipment, &evidence);
  }
  return evidence;
}

}  // namespace trackenrich::enrichment
