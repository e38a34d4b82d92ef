// Short names for the canonical states and the common reasons, so crosswalk
// tables (adapters/common/crosswalk.h) and the tests that check them read as
// one row per code:
//
//   constexpr CrosswalkRow kRows[] = {
//       {"HL", kForPickup, kHeldForPickup, "Hold at location"},
//       {"IT", kInTransit, kNoReason, "In transit"},
//   };
#ifndef TRACKENRICH_ADAPTERS_COMMON_CROSSWALK_NAMES_H_
#define TRACKENRICH_ADAPTERS_COMMON_CROSSWALK_NAMES_H_

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters {

inline constexpr v1::ShipmentState kNoRecord = v1::SHIPMENT_STATE_NOT_FOUND;
inline constexpr v1::ShipmentState kLabelCreated = v1::SHIPMENT_STATE_LABEL_CREATED;
inline constexpr v1::ShipmentState kPickedUp = v1::SHIPMENT_STATE_PICKED_UP;
inline constexpr v1::ShipmentState kInTransit = v1::SHIPMENT_STATE_IN_TRANSIT;
inline constexpr v1::ShipmentState kOutForDelivery = v1::SHIPMENT_STATE_OUT_FOR_DELIVERY;
inline constexpr v1::ShipmentState kForPickup = v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP;
inline constexpr v1::ShipmentState kAttempted = v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED;
inline constexpr v1::ShipmentState kDelayed = v1::SHIPMENT_STATE_DELAYED;
inline constexpr v1::ShipmentState kException = v1::SHIPMENT_STATE_EXCEPTION;
inline constexpr v1::ShipmentState kReturning = v1::SHIPMENT_STATE_RETURNING;
inline constexpr v1::ShipmentState kReturned = v1::SHIPMENT_STATE_RETURNED;
inline constexpr v1::ShipmentState kLost = v1::SHIPMENT_STATE_LOST;
inline constexpr v1::ShipmentState kDelivered = v1::SHIPMENT_STATE_DELIVERED;
inline constexpr v1::ShipmentState kCancelled = v1::SHIPMENT_STATE_CANCELLED;

inline constexpr v1::StateReason kNoReason = v1::STATE_REASON_UNSPECIFIED;
inline constexpr v1::StateReason kOtherReason = v1::STATE_REASON_OTHER;
inline constexpr v1::StateReason kAddressIssue = v1::STATE_REASON_ADDRESS_ISSUE;
inline constexpr v1::StateReason kRecipientUnavailable = v1::STATE_REASON_RECIPIENT_UNAVAILABLE;
inline constexpr v1::StateReason kAccessRestricted = v1::STATE_REASON_ACCESS_RESTRICTED;
inline constexpr v1::StateReason kCustoms = v1::STATE_REASON_CUSTOMS;
inline constexpr v1::StateReason kCarrierDelay = v1::STATE_REASON_CARRIER_DELAY;
inline constexpr v1::StateReason kMissorted = v1::STATE_REASON_MISSORTED;
inline constexpr v1::StateReason kHeldForPickup = v1::STATE_REASON_HELD_FOR_PICKUP;
inline constexpr v1::StateReason kReturnToSender = v1::STATE_REASON_RETURN_TO_SENDER;

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_CROSSWALK_NAMES_H_
