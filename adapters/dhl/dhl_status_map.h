// The DHL crosswalk: Shipment Tracking – Unified statusCode, refined by its
// free text → canonical state and reason.
//
//   DhlStatus s = MapDhlStatus("transit", "The shipment has been loaded onto the delivery
//   vehicle");
//   // OUT_FOR_DELIVERY
//   const CrosswalkRow* row = DhlStatusCodeCrosswalk().Find("unknown");  // LABEL_CREATED
//
// Source: the statusCode enumeration pre-transit, transit, delivered,
// failure, unknown of the Unified API (developer.dhl.com shipment-tracking
// reference, the same five in shipment.status and events[]; reference/
// upstream-apis.md §4.4), and DHL's English descriptions for the refinements.
//
// statusCode versus status: DHL sends both an enumerated statusCode and a
// free-text status/description, and they can disagree (DHL's own docs sample
// says statusCode "pre-transit" with status "DELIVERED", description
// "JESSICA"). The statusCode wins: it is the documented, enumerated field,
// while the text is localized prose that DHL's divisions fill differently.
// The text only refines within the code's class (transit or unknown → out
// for delivery, held for pickup, delayed, returning; failure → attempt,
// returning, lost, damaged, address...). Above all the text never makes a
// shipment DELIVERED: a wrong "delivered" is the costliest mistake (it is
// sticky, cached for a day and would have an agent tell a buyer the parcel
// arrived), so only statusCode "delivered" does that.
//
// "unknown" is an event DHL has not classified, typically the electronic
// announcement of a label ("The instruction data for this shipment have been
// provided by the sender"): it is LABEL_CREATED, so it is never taken for
// the first carrier scan (first_scan_at) and cannot hide a missed ship-by
// date. Its text can still say the package moves (out for delivery, being
// returned, delayed).
#ifndef TRACKENRICH_ADAPTERS_DHL_DHL_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_DHL_DHL_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::dhl {

struct DhlStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// statusCode (shipment.status and events[]): each code's state before the
// text refines it.
const Crosswalk& DhlStatusCodeCrosswalk();

// `text`: status, description and remark joined. The statusCode is read
// without regard to case or surrounding blanks; an empty or unpublished one
// is read like "unknown".
DhlStatus MapDhlStatus(absl::string_view status_code, absl::string_view text);

}  // namespace trackenrich::adapters::dhl

#endif  // TRACKENRICH_ADAPTERS_DHL_DHL_STATUS_MAP_H_
