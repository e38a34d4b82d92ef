// Risk flags: what an agent must act on before the buyer escalates, each
// with a reason in words. Pure functions of the order, its shipments, the
// settings and the current time (the caller's clock), so tests pin the time.
//
//   std::vector<v1::RiskFlag> flags = OrderRiskFlags(order, settings, now);
//   // {RISK_FLAG_KIND_LATE, "Not delivered 2 days after the deliver-by promise ..."}
//   auto more = ShipmentRiskFlags(shipment, /*order=*/nullptr, settings, now);
//
// When each flag is raised (DESIGN.md §3, upstream-apis.md §3.8 and §5):
//   LATE               not delivered (nor cancelled) after deliver-by + late_grace;
//                      needs the order's promise.
//   SHIP_BY_MISSED     seller-fulfilled order (not FBA/MCF) whose package had no
//                      carrier scan by ship-by + ship_by_grace (a label is not a
//                      scan), or that is still unshipped then: Late Shipment
//                      Rate and claims-protection risk.
//   STALLED            a package on its way (label created through returning,
//                      except waiting at a pickup point) with no new event for
//                      the carrier's stalled_after.
//   EXCEPTION          carrier states DELAYED, EXCEPTION, DELIVERY_ATTEMPTED,
//                      RETURNING, RETURNED and LOST.
//   INVALID_TRACKING   the number fails its carrier's check digit, or the
//                      carrier has no record (NOT_FOUND) no_record_after past
//                      the label's first event or, without one, past the end
//                      of ship-by (when the package should have been with the
//                      carrier): Valid Tracking Rate risk.
//   DELIVERED_UNSIGNED delivered with neither signature nor photo on record:
//                      a not-received claim would be hard to contest.
// A cancelled order gets no flags.
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_RISK_FLAGS_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_RISK_FLAGS_H_

#include <string>
#include <vector>

#include "absl/time/time.h"

#include "services/enrichment/enrichment_settings.h"
#include "trackenrich/v1/enrichment.pb.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::enrichment {

// Flags for the order itself (unshipped past ship-by, late with no package)
// followed by the flags of each of its shipments, in order.
std::vector<v1::RiskFlag> OrderRiskFlags(const v1::Order& order, const EnrichmentSettings& settings,
                                         absl::Time now);

// Flags for one shipment. `order` (may be null) supplies the promise windows
// and the fulfillment; without it LATE and SHIP_BY_MISSED cannot be judged and
// INVALID_TRACKING relies on the check digit and the label's events alone.
std::vector<v1::RiskFlag> ShipmentRiskFlags(const v1::Shipment& shipment, const v1::Order* order,
                                            const EnrichmentSettings& settings, absl::Time now);

// "2 days 5 hours", "3 hours", "40 minutes": durations in flag reasons.
std::string DescribeDuration(absl::Duration duration);

// The state in plain English for agent-facing text, e.g. "out for delivery".
std::string StateInWords(v1::ShipmentState state);
// The reason likewise, e.g. "address issue"; "" when unspecified.
std::string ReasonInWords(v1::StateReason reason);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_RISK_FLAGS_H_
