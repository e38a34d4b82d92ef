// The next action for the agent, from the order's fulfillment, the state of
// its packages, the risk flags and what the buyer says, with the reply
// template that fits it.
//
//   SuggestedAction suggested = SuggestNextAction(&order, shipments, flags,
//                                                 /*buyer_reports_not_received=*/false);
//   suggested.action.kind();         // NEXT_ACTION_KIND_SHARE_TRACKING
//   suggested.action.template_id();  // "fbm_status_update"
//   suggested.shipment_index;        // the package the reply is about, or -1
//
// The first rule that applies wins (issue 7, item 3; issue 16):
//   1. nothing found: an order ID the channel       → ASK_BUYER_FOR_INFO (order_not_found:
//      does not know                                  please confirm the order number)
//      the ticket named nothing                     → INVESTIGATE (order_not_found)
//      a lookup failed otherwise (a fault)          → INVESTIGATE (no reply: retry first)
//   2. FBA order                                    → REDIRECT_TO_AMAZON (fba_redirect)
//   3. cancelled order                              → INVESTIGATE
//   4. not shipped yet (no package with a label)    → SHIP_NOW (not_yet_shipped: when it
//                                                     will ship, from ship-by)
//   5. a package lost, returning or returned        → OFFER_REPLACEMENT_OR_REFUND
//                                                     (lost_replacement)
//   6. delivered, buyer says not received           → CHECK_DELIVERY_PROOF
//                                                     (delivered_not_received)
//   7. tracking number flagged invalid              → CONTACT_CARRIER (no reply: the
//                                                     number would not track)
//   8. exception or failed delivery attempt         → ASK_BUYER_FOR_INFO when the buyer can
//                                                     fix it (address, access, pickup,
//                                                     duties, ID), else CONTACT_CARRIER
//                                                     (exception_follow_up)
//   9. only a label, stalled or past ship-by        → SHIP_NOW (hand it to the carrier;
//                                                     no reply until it moves)
//  10. delayed, or flagged LATE or STALLED          → APOLOGIZE_AND_CONTACT_CARRIER
//                                                     (delay_apology)
//  11. otherwise (on time)                          → SHARE_TRACKING (fbm_status_update)
// MCF orders are sold on the seller's own channel, so the seller answers the
// buyer: they follow the FBM rules, not the redirect.
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_NEXT_ACTION_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_NEXT_ACTION_H_

#include <string>
#include <vector>

#include "absl/types/span.h"

#include "trackenrich/v1/enrichment.pb.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::enrichment {

inline constexpr char kFbmStatusUpdate[] = "fbm_status_update";
inline constexpr char kFbaRedirect[] = "fba_redirect";
inline constexpr char kDelayApology[] = "delay_apology";
inline constexpr char kExceptionFollowUp[] = "exception_follow_up";
inline constexpr char kDeliveredNotReceived[] = "delivered_not_received";
inline constexpr char kLostReplacement[] = "lost_replacement";
inline constexpr char kNotYetShipped[] = "not_yet_shipped";
inline constexpr char kOrderNotFound[] = "order_not_found";

// The lookups that found nothing, for rule 1.
struct MissingLookups {
  // Order IDs the channel answered NOT_FOUND for, in the ticket's order.
  std::vector<std::string> orders_not_found;
  // Any other lookup failed (an upstream fault, a number no carrier takes):
  // finding nothing may then be a fault rather than a wrong number.
  bool other_failures = false;
};

struct SuggestedAction {
  v1::NextAction action;
  // Index into `shipments` of the package the action and reply are about;
  // -1 when there is none.
  int shipment_index = -1;
};

// `order` may be null (a ticket with tracking numbers only: treated as
// seller-fulfilled). `shipments` are the packages in view (the order's and
// any looked up by number); `flags` the risk flags computed for them.
SuggestedAction SuggestNextAction(const v1::Order* order, absl::Span<const v1::Shipment> shipments,
                                  absl::Span<const v1::RiskFlag> flags,
                                  bool buyer_reports_not_received,
                                  const MissingLookups& missing = {});

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_NEXT_ACTION_H_
