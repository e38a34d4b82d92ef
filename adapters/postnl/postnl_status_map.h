// The PostNL crosswalks: Shippingstatus StatusCode, PhaseCode and event
// Code → canonical state and reason, and the local-time rule PostNL's
// timestamps need.
//
//   PostnlStatus s = MapPostnlEvent("H01", "Refused at delivery; return shipment to sender");
//   // RETURNING, REFUSED
//   const CrosswalkRow* row = PostnlStatusCrosswalk().Find("7");  // OUT_FOR_DELIVERY
//
// Source: PostNL's "T & T Status Codes" reference page
// (developer.postnl.nl/docs/#/http/reference-data/t-t-status-codes, as
// published in PostNL's developer-portal build, github.com/
// maarten-brijker-postnl/apimatic-testbuild-v1, content/reference data/
// TTStatusCodes.md): 23 status codes in 5 phases (1 Collectie, 2 Sortering,
// 3 Distributie, 4 Afgeleverd, 99 Niet van toepassing), and 287 event codes,
// each with the status it belongs to; that table also names statuses 27,
// 28 and 31, which the status list omits. The event code is PostNL's finest
// word, so the shipment's state comes from its newest event (see
// postnl_parser.h); the status code decides only without a published event.
//
// Readings that differ from PostNL's grouping, on purpose:
// - status 4 (not collected), 13/14 (pre-alerted, not accepted) and 19
//   (rejected) are collections from the sender that did not happen: PostNL
//   never had the parcel, so they stay LABEL_CREATED (never a first carrier
//   scan), with SENDER_ISSUE or ADDRESS_ISSUE where the event says why;
// - status 11 (delivered) also holds events that are no delivery to the
//   buyer: J23 and Y26 (waiting in a parcel locker or PO box →
//   AVAILABLE_FOR_PICKUP), I07, J63 and X24 (a return reaching the sender →
//   RETURNED), K91 (a return in storage → EXCEPTION);
// - statuses 15, 16, 17 ("manco": missing in collection, sorting,
//   distribution) show the recipient "Sorry, delivery time has been
//   updated": DELAYED, UNDER_INVESTIGATION; 18 (definitely missing) is LOST;
// - status 8 (not delivered) splits by event: a refusal or bad address
//   being returned is RETURNING, one still with PostNL is EXCEPTION, "we
//   missed you" is DELIVERY_ATTEMPTED;
// - "Sorry, delivery time has been updated" (J09, K01, V01, ...) is DELAYED,
//   CARRIER_DELAY; pickup-from-sender attempts (Y80, D03) are no delivery
//   attempts.
// Phase 4 (Afgeleverd) alone never makes a package DELIVERED: it also holds
// "at a pick-up location" (12); only a published status or event code does.
#ifndef TRACKENRICH_ADAPTERS_POSTNL_POSTNL_STATUS_MAP_H_
#define TRACKENRICH_ADAPTERS_POSTNL_POSTNL_STATUS_MAP_H_

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::postnl {

struct PostnlStatus {
  v1::ShipmentState state = v1::SHIPMENT_STATE_UNSPECIFIED;
  v1::StateReason reason = v1::STATE_REASON_UNSPECIFIED;
};

// Status.StatusCode ("7"), without leading zeros.
const Crosswalk& PostnlStatusCrosswalk();
// Status.PhaseCode ("3"): the last resort for an unpublished status code.
const Crosswalk& PostnlPhaseCrosswalk();
// Event[].Code ("J05").
const Crosswalk& PostnlEventCrosswalk();

// The published row for an event code (read without regard to case or
// blanks); an unpublished one is read from its (English) description: a
// return, a delay, a failed delivery, else IN_TRANSIT. Never DELIVERED
// without a published code. `published` (optional) says which it was.
PostnlStatus MapPostnlEvent(absl::string_view code, absl::string_view description,
                            bool* published = nullptr);

// The status code's row ("07" reads as "7"), else the phase code's, else
// UNSPECIFIED. Status and phase 99 ("not applicable") give UNSPECIFIED: they
// say nothing of where the parcel is.
PostnlStatus MapPostnlStatus(absl::string_view status_code, absl::string_view phase_code);

// Where a delivered event says the parcel was left ("neighbour",
// "letterbox"), or "" for a plain delivery or another code.
absl::string_view PostnlDeliveryPlace(absl::string_view event_code);

// PostNL sends Dutch wall times without an offset ("08-11-2022 10:13:20",
// Europe/Amsterdam: CET, CEST in EU summer time). The offset in seconds for
// that wall time, by rule (EuropeanUtcOffset).
int PostnlUtcOffset(absl::CivilSecond wall);

}  // namespace trackenrich::adapters::postnl

#endif  // TRACKENRICH_ADAPTERS_POSTNL_POSTNL_STATUS_MAP_H_
