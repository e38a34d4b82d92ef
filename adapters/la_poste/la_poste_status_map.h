// The La Poste crosswalk: Suivi v2 event codes (shipment.event[].code) →
// canonical state and reason, for La Poste letters, Colissimo parcels and
// the Chronopost items the same API follows.
//
//   LaPosteStatus s = MapLaPosteEvent("AG1", "Your parcel is awaiting collection");
//   // AVAILABLE_FOR_PICKUP, HELD_FOR_PICKUP
//   const CrosswalkRow* row = LaPosteEventCrosswalk().Find("DI2");  // RETURNED
//
// Source: La Poste's developer portal, API "Suivi" v2
// (developer.laposte.fr/catalog-apis/suivi@2, the list of event codes with
// their label and the timeline step, 1 to 5, each belongs to). The portal's
// table is reproduced with its French labels and steps in public clients of
// the API: rigwild/suivi-poste index.ts `events` (19 codes), and the 23-code
// list with DR2, DI0, DI3 and ID0 that later clients copy from the same
// catalog entry (the README of the PHP "Suivi états de livraison" script, a
// PHP OkapiStatus enum). The meanings below are La Poste's labels.
//
// Choices, each against a costly mistake:
// - only DI0 and DI1 deliver. DI2 ("distribué à l'expéditeur") is the item
//   back with its sender: RETURNED, never DELIVERED (DELIVERED is sticky and
//   would tell a buyer the parcel arrived). DI3 ("retardé") sits in the DI
//   family but says delayed;
// - DR1 and DR2 are before La Poste has the item (the sender's data, or the
//   sender's problem preparing it): LABEL_CREATED, so neither is taken for the
//   first carrier scan and a missed ship-by date stays visible;
// - ND1 ("non distribuable") is a delivery that failed, the reason from the
//   label (address, absence, refusal); the item then waits at a counter (AG1)
//   or goes back (RE1), so it is not LOST;
// - an unpublished code is IN_TRANSIT, never DELIVERED.
#ifndef TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_STATUS_MAP_H_

#include "absl/strings/string_view.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::la_poste {

struct LaPosteStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// event[].code, as La Poste spells it (upper case).
const Crosswalk& LaPosteEventCrosswalk();

// The event's state: its code's row, with the reason of a failed delivery
// (ND1) or a problem (PB1) read from `label` (English, or French keywords).
// The code is read without regard to case or surrounding blanks.
LaPosteStatus MapLaPosteEvent(absl::string_view code, absl::string_view label);

// The state a timeline step (1 to 5) stands for, used only when a shipment
// has no event: 1 label created, 2 picked up, 3 in transit, 4 and 5 out for
// delivery (step 5 is "delivered" on the timeline, but also "returned to the
// sender": only an event code delivers). UNSPECIFIED for another id.
v1::ShipmentState LaPosteStepState(int step);

}  // namespace trackenrich::adapters::la_poste

#endif  // TRACKENRICH_ADAPTERS_LA_POSTE_LA_POSTE_STATUS_MAP_H_
