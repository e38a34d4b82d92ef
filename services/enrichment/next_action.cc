#include "services/enrichment/next_action.h"

#include <initializer_list>
#include <string>

#include "absl/strings/str_cat.h"

#include "adapters/common/time_util.h"
#include "adapters/detection/tracking_urls.h"
#include "services/enrichment/risk_flags.h"

namespace trackenrich::enrichment {
namespace {

SuggestedAction Make(v1::NextActionKind kind, std::string summary,
                     std::initializer_list<const char*> steps, const char* template_id,
                     int shipment_index) {
  SuggestedAction suggested;
  suggested.action.set_kind(kind);
  suggested.action.set_summary(std::move(summary));
  for (const char* step : steps) suggested.action.add_steps(step);
  suggested.action.set_template_id(template_id);
  suggested.shipment_index = shipment_index;
  return suggested;
}

std::string CarrierOf(const v1::Shipment& shipment) {
  if (!shipment.carrier_name().empty()) return shipment.carrier_name();
  std::string name = detection::CarrierDisplayName(shipment.carrier());
  return name.empty() ? "the carrier" : name;
}

bool HasFlag(absl::Span<const v1::RiskFlag> flags, v1::RiskFlagKind kind,
             const std::string& tracking_number) {
  for (const auto& flag : flags) {
    if (flag.kind() == kind && flag.tracking_number() == tracking_number) return true;
  }
  return false;
}

// Reasons the buyer can do something about: give an address, be home, open
// a gate, collect the package, pay duties, show ID.
bool BuyerCanResolve(v1::StateReason reason) {
  switch (reason) {
    case v1::STATE_REASON_ADDRESS_ISSUE:
    case v1::STATE_REASON_RECIPIENT_UNAVAILABLE:
    case v1::STATE_REASON_ACCESS_RESTRICTED:
    case v1::STATE_REASON_BUSINESS_CLOSED:
    case v1::STATE_REASON_HELD_FOR_PICKUP:
    case v1::STATE_REASON_CUSTOMS_DUTIES_UNPAID:
    case v1::STATE_REASON_ID_VERIFICATION_FAILED:
    case v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT:
      return true;
    default:
      return false;
  }
}

bool WithLabel(v1::ShipmentState state) {
  return state != v1::SHIPMENT_STATE_UNSPECIFIED && state != v1::SHIPMENT_STATE_PENDING &&
         state != v1::SHIPMENT_STATE_CANCELLED;
}

}  // namespace

SuggestedAction SuggestNextAction(const v1::Order* order, absl::Span<const v1::Shipment> shipments,
                                  absl::Span<const v1::RiskFlag> flags,
                                  bool buyer_reports_not_received, const MissingLookups& missing) {
  const int count = static_cast<int>(shipments.size());
  if (order == nullptr && count == 0) {
    if (!missing.orders_not_found.empty()) {
      return Make(v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO,
                  absl::StrCat("Order ", missing.orders_not_found.front(),
                               " was not found: ask the buyer to confirm the order number."),
                  {"Ask the buyer to confirm the order number (order_not_found).",
                   "Check the channel's seller portal for a typo or another marketplace."},
                  kOrderNotFound, -1);
    }
    return Make(v1::NEXT_ACTION_KIND_INVESTIGATE, "No order or shipment was found for this ticket.",
                {"Ask the buyer for the order ID if the ticket does not name one.",
                 "Look the order up in the channel's seller portal."},
                missing.other_failures ? "" : kOrderNotFound, -1);
  }

  if (order != nullptr && order->fulfillment() == v1::FULFILLMENT_FBA) {
    return Make(v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON,
                "Fulfilled by Amazon: Amazon owns the delivery. Reply within 24 hours with the "
                "tracking details and point the buyer to Amazon customer service.",
                {"Send the fba_redirect reply.",
                 "Do not promise a refund or replacement yourself: Amazon handles FBA delivery "
                 "problems."},
                kFbaRedirect, count > 0 ? 0 : -1);
  }

  if (order != nullptr && order->status() == v1::ORDER_STATUS_CANCELLED) {
    return Make(v1::NEXT_ACTION_KIND_INVESTIGATE, "The order is cancelled.",
                {"Check in the seller portal whether the buyer or the seller cancelled it and "
                 "whether a refund was issued."},
                "", -1);
  }

  bool any_label = false;
  for (const auto& shipment : shipments) any_label |= WithLabel(shipment.state());
  if (order != nullptr && !any_label) {
    const bool unshipped = order->status() != v1::ORDER_STATUS_SHIPPED &&
                           order->status() != v1::ORDER_STATUS_DELIVERED;
    if (!unshipped) {
      return Make(v1::NEXT_ACTION_KIND_INVESTIGATE,
                  "The order is marked shipped but has no tracking number.",
                  {"Find the tracking number and add it to the order in the seller portal.",
                   "Then share it with the buyer (fbm_status_update)."},
                  "", -1);
    }
    if (HasFlag(flags, v1::RISK_FLAG_KIND_SHIP_BY_MISSED, "")) {
      return Make(v1::NEXT_ACTION_KIND_SHIP_NOW,
                  "Not shipped and past the ship-by date: ship today.",
                  {"Ship the order today and confirm the shipment with its tracking number.",
                   "Tell the buyer about the delay and when it ships (not_yet_shipped).",
                   "Share the tracking number once it ships (fbm_status_update)."},
                  kNotYetShipped, -1);
    }
    std::string summary = "Not shipped yet";
    if (order->ship_by().has_end()) {
      absl::StrAppend(
          &summary, "; ship by ",
          absl::FormatTime("%Y-%m-%d %H:%M UTC", adapters::FromProto(order->ship_by().end()),
                           absl::UTCTimeZone()));
    }
    absl::StrAppend(&summary, ".");
    return Make(v1::NEXT_ACTION_KIND_SHIP_NOW, std::move(summary),
                {"Ship the order before the ship-by date and confirm the shipment with its "
                 "tracking number.",
                 "Tell the buyer when it ships (not_yet_shipped).",
                 "Then share the tracking number with the buyer (fbm_status_update)."},
                kNotYetShipped, -1);
  }

  for (int i = 0; i < count; ++i) {
    const v1::ShipmentState state = shipments[i].state();
    if (state == v1::SHIPMENT_STATE_LOST || state == v1::SHIPMENT_STATE_RETURNING ||
        state == v1::SHIPMENT_STATE_RETURNED) {
      return Make(v1::NEXT_ACTION_KIND_OFFER_REPLACEMENT_OR_REFUND,
                  absl::StrCat(CarrierOf(shipments[i]), " reports ", shipments[i].tracking_number(),
                               " ", StateInWords(state), ": offer a replacement or a refund."),
                  {"Offer the buyer a replacement or a full refund (lost_replacement).",
                   "Open a claim with the carrier for the lost or returned package."},
                  kLostReplacement, i);
    }
  }

  if (buyer_reports_not_received) {
    for (int i = 0; i < count; ++i) {
      if (shipments[i].state() != v1::SHIPMENT_STATE_DELIVERED) continue;
      return Make(v1::NEXT_ACTION_KIND_CHECK_DELIVERY_PROOF,
                  "Shows delivered but the buyer says it did not arrive: check the proof of "
                  "delivery and ask the buyer to wait 48 hours.",
                  {"Check the carrier's proof of delivery (signature, photo, GPS location).",
                   "Ask the buyer to check with neighbours and around the address and to wait "
                   "48 hours (delivered_not_received).",
                   "If it has not turned up after 48 hours, open a claim with the carrier and "
                   "offer a replacement or refund."},
                  kDeliveredNotReceived, i);
    }
  }

  for (int i = 0; i < count; ++i) {
    if (!HasFlag(flags, v1::RISK_FLAG_KIND_INVALID_TRACKING, shipments[i].tracking_number())) {
      continue;
    }
    return Make(v1::NEXT_ACTION_KIND_CONTACT_CARRIER,
                absl::StrCat("Tracking number ", shipments[i].tracking_number(),
                             " looks invalid: verify it before sharing it."),
                {"Compare the number with the shipping label.",
                 "Ask the carrier whether it has the package; correct the number in the seller "
                 "portal.",
                 "Then share the corrected tracking number with the buyer (fbm_status_update)."},
                "", i);
  }

  for (int i = 0; i < count; ++i) {
    const v1::Shipment& shipment = shipments[i];
    if (shipment.state() != v1::SHIPMENT_STATE_EXCEPTION &&
        shipment.state() != v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED) {
      continue;
    }
    if (shipment.state() == v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED ||
        BuyerCanResolve(shipment.reason())) {
      const std::string why = shipment.reason() != v1::STATE_REASON_UNSPECIFIED
                                  ? ReasonInWords(shipment.reason())
                                  : StateInWords(shipment.state());
      return Make(v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO,
                  absl::StrCat(CarrierOf(shipment), " needs something from the buyer for ",
                               shipment.tracking_number(), ": ", why, "."),
                  {"Ask the buyer for what the carrier needs: a corrected address, a time for "
                   "redelivery, or to collect the package (exception_follow_up).",
                   "Pass the buyer's answer on to the carrier."},
                  kExceptionFollowUp, i);
    }
    return Make(v1::NEXT_ACTION_KIND_CONTACT_CARRIER,
                absl::StrCat(CarrierOf(shipment), " reports an exception for ",
                             shipment.tracking_number(), ": contact the carrier."),
                {"Contact the carrier about the exception and ask when the package will move "
                 "again.",
                 "Tell the buyer you are on it (exception_follow_up)."},
                kExceptionFollowUp, i);
  }

  for (int i = 0; i < count; ++i) {
    const v1::Shipment& shipment = shipments[i];
    if (shipment.state() != v1::SHIPMENT_STATE_LABEL_CREATED ||
        (!HasFlag(flags, v1::RISK_FLAG_KIND_STALLED, shipment.tracking_number()) &&
         !HasFlag(flags, v1::RISK_FLAG_KIND_SHIP_BY_MISSED, shipment.tracking_number()))) {
      continue;
    }
    return Make(
        v1::NEXT_ACTION_KIND_SHIP_NOW,
        absl::StrCat("Only a label exists for ", shipment.tracking_number(), ": ",
                     CarrierOf(shipment), " has not received the package. Hand it over today."),
        {"Hand the package to the carrier today (drop-off or pickup).",
         "Then tell the buyer about the delay and share the tracking number "
         "(fbm_status_update)."},
        "", i);
  }

  const bool order_late = HasFlag(flags, v1::RISK_FLAG_KIND_LATE, "");
  for (int i = 0; i < count; ++i) {
    const v1::Shipment& shipment = shipments[i];
    if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED) continue;
    if (shipment.state() == v1::SHIPMENT_STATE_DELAYED || order_late ||
        HasFlag(flags, v1::RISK_FLAG_KIND_LATE, shipment.tracking_number()) ||
        HasFlag(flags, v1::RISK_FLAG_KIND_STALLED, shipment.tracking_number())) {
      return Make(v1::NEXT_ACTION_KIND_APOLOGIZE_AND_CONTACT_CARRIER,
                  absl::StrCat(shipment.tracking_number(),
                               " is late or not moving: apologize with the new delivery "
                               "estimate and contact ",
                               CarrierOf(shipment), "."),
                  {"Send the delay apology with the carrier's new estimate (delay_apology).",
                   "Contact the carrier and ask them to locate and move the package."},
                  kDelayApology, i);
    }
  }

  int focus = 0;
  for (int i = 0; i < count; ++i) {
    if (shipments[i].state() != v1::SHIPMENT_STATE_DELIVERED) {
      focus = i;
      break;
    }
  }
  return Make(v1::NEXT_ACTION_KIND_SHARE_TRACKING,
              "On time: share the carrier, tracking number, status and delivery estimate.",
              {"Send the status update (fbm_status_update)."}, kFbmStatusUpdate,
              count > 0 ? focus : -1);
}

}  // namespace trackenrich::enrichment
