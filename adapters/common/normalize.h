// The last step of every carrier parser: puts a Shipment into canonical form.
//
//   v1::Shipment shipment = ...;   // events and state filled from the payload
//   FinalizeShipment(&shipment);
//
// It sorts events oldest first (stable, so same-instant scans keep the
// carrier's order), fills first_scan_at and last_event_at, and makes DELIVERED
// sticky: if any event says delivered, the shipment is delivered, whatever
// later out-of-order scans say, and delivered_at is that event's time unless
// the carrier gave one. Bytes of its strings that are not well-formed UTF-8
// become U+FFFD, so the shipment can always be sent to a client.
#ifndef TRACKENRICH_ADAPTERS_COMMON_NORMALIZE_H_
#define TRACKENRICH_ADAPTERS_COMMON_NORMALIZE_H_

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters {

void FinalizeShipment(v1::Shipment* shipment);

// True for states that mean the carrier physically has (or had) the package.
bool IsCarrierScan(v1::ShipmentState state);

// True for states an agent must look at: delayed, exception, attempted
// delivery, returning or returned, lost.
bool IsExceptionState(v1::ShipmentState state);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_NORMALIZE_H_
