#include "adapters/common/normalize.h"

#include <algorithm>

#include "adapters/common/utf8.h"

namespace trackenrich::adapters {
namespace {

bool EarlierThan(const v1::TrackingEvent& a, const v1::TrackingEvent& b) {
  if (a.time().seconds() != b.time().seconds()) return a.time().seconds() < b.time().seconds();
  return a.time().nanos() < b.time().nanos();
}

}  // namespace

bool IsCarrierScan(v1::ShipmentState state) {
  switch (state) {
    case v1::SHIPMENT_STATE_UNSPECIFIED:
    case v1::SHIPMENT_STATE_NOT_FOUND:
    case v1::SHIPMENT_STATE_PENDING:
    case v1::SHIPMENT_STATE_LABEL_CREATED:
    case v1::SHIPMENT_STATE_CANCELLED:
      return false;
    default:
      return true;
  }
}

bool IsExceptionState(v1::ShipmentState state) {
  switch (state) {
    case v1::SHIPMENT_STATE_DELAYED:
    case v1::SHIPMENT_STATE_EXCEPTION:
    case v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED:
    case v1::SHIPMENT_STATE_RETURNING:
    case v1::SHIPMENT_STATE_RETURNED:
    case v1::SHIPMENT_STATE_LOST:
      return true;
    default:
      return false;
  }
}

void FinalizeShipment(v1::Shipment* shipment) {
  auto* events = shipment->mutable_events();
  std::stable_sort(events->begin(), events->end(), EarlierThan);

  shipment->clear_first_scan_at();
  shipment->clear_last_event_at();
  const v1::TrackingEvent* delivered = nullptr;
  for (const auto& event : *events) {
    if (!shipment->has_first_scan_at() && IsCarrierScan(event.state())) {
      *shipment->mutable_first_scan_at() = event.time();
    }
    if (event.state() == v1::SHIPMENT_STATE_DELIVERED && delivered == nullptr) delivered = &event;
  }
  if (!events->empty()) *shipment->mutable_last_event_at() = events->rbegin()->time();

  if (delivered != nullptr) {
    if (shipment->state() != v1::SHIPMENT_STATE_DELIVERED) {
      shipment->set_state(v1::SHIPMENT_STATE_DELIVERED);
      shipment->set_reason(v1::STATE_REASON_UNSPECIFIED);
      shipment->set_carrier_status_code(delivered->carrier_code());
      shipment->set_carrier_status_text(delivered->description());
    }
    if (!shipment->has_delivered_at()) *shipment->mutable_delivered_at() = delivered->time();
  }
  // Carrier text is not always UTF-8 (an XML reader passes Latin-1 bytes
  // through), and a proto3 string that is not fails the client's parse.
  RepairUtf8Strings(shipment);
}

}  // namespace trackenrich::adapters
