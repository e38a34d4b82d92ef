// The DPD crosswalk: parcel life-cycle status names → canonical state and
// reason, and the local-time rule DPD's timestamps need.
//
//   DpdStatus s = MapDpdStatus("ParcelShop", "Delivered by driver to Pickup parcelshop");
//   // AVAILABLE_FOR_PICKUP, HELD_FOR_PICKUP: at the shop, not with the buyer
//   const CrosswalkRow* row = DpdStatusCrosswalk().Find("Courier");  // OUT_FOR_DELIVERY
//
// Sources: ParcelLifeCycleService 2.0 statusInfo.status values as DPD's
// published getTrackingData response carries them (../shared/fixtures/other/dpd:
// BetweenDepots, Depot, Courier, DeliveryFailure, ParcelShop, PickedUp,
// ReturningFromDelivery) plus Accepted and Delivered (karrio's dpd units,
// reference §1.1), with DPD's English descriptions for the reasons.
// Corrections to karrio: ReturningFromDelivery ("After an unsuccessful
// delivery attempt the parcel is back at the recipient depot") is a failed
// attempt, not "out for delivery"; ParcelShop is a pickup point, never
// DELIVERED, even though its text starts "Delivered by driver".
#ifndef TRACKENRICH_ADAPTERS_DPD_DPD_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_DPD_DPD_STATUS_MAP_H_

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::dpd {

struct DpdStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// statusInfo.status, as DPD spells it (read without regard to case).
const Crosswalk& DpdStatusCrosswalk();

// Unknown names are IN_TRANSIT, or RETURNING or DELAYED when the text says so.
DpdStatus MapDpdStatus(absl::string_view status, absl::string_view description);

// DPD sends local wall times without an offset. Its events name the country
// of the depot ("Mechelen (BE)"); every country of the DPD network this
// service reaches keeps EU summer time (last Sunday of March to last Sunday
// of October, 01:00 UTC), on WET (GB, IE, PT), CET (most) or EET (BG, CY,
// EE, FI, GR, LT, LV, RO). Unknown or missing countries are read as CET (the
// Benelux/German web service's home). Returns the offset in seconds for that
// wall time, computed by rule (no tz database: parsers stay pure).
int DpdUtcOffset(absl::string_view country_code, absl::CivilSecond wall);

}  // namespace trackenrich::adapters::dpd

#endif  // TRACKENRICH_ADAPTERS_DPD_DPD_STATUS_MAP_H_
