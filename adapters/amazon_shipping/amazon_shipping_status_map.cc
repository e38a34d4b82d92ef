#include "adapters/amazon_shipping/amazon_shipping_status_map.h"

namespace trackenrich::adapters::amazon_shipping {
namespace {

struct Entry {
  absl::string_view code;
  v1::ShipmentState state;
  v1::StateReason reason;
};

constexpr Entry kStatuses[] = {
    {"PreTransit", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"InTransit", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"Lost", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST},
    {"OutForDelivery", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"Rejected", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_REFUSED},
    {"Undeliverable", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_OTHER},
    {"DeliveryAttempted", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"PickupCancelled", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"AwaitingCustomerPickup", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
};

constexpr Entry kEvents[] = {
    {"ReadyForReceive", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PickupDone", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"PackageReceivedByCarrier", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"PickedUp", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"Departed", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"ArrivedAtCarrierFacility", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"InTransit", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveryAttempted", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"Lost", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST},
    {"OutForDelivery", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"Rejected", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_REFUSED},
    {"Undeliverable", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_OTHER},
    {"PickupCancelled", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"ReturnInitiated", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"AvailableForPickup", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
    {"RecipientRequestedAlternateDeliveryTiming", v1::SHIPMENT_STATE_DELAYED,
     v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
};

struct DetailEntry {
  absl::string_view code;
  v1::StateReason reason;
};

constexpr DetailEntry kDetails[] = {
    {"BusinessClosed", v1::STATE_REASON_BUSINESS_CLOSED},
    {"CustomerUnavailable", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"UnableToContactRecipient", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"PaymentNotReady", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"OtpNotAvailable", v1::STATE_REASON_ID_VERIFICATION_FAILED},
    {"UnableToAccess", v1::STATE_REASON_ACCESS_RESTRICTED},
    {"Damaged", v1::STATE_REASON_DAMAGED},
    {"IncorrectItems", v1::STATE_REASON_SENDER_ISSUE},
    {"Rejected", v1::STATE_REASON_REFUSED},
    {"RejectedByRecipientWithVerification", v1::STATE_REASON_REFUSED},
    {"CancelledByRecipient", v1::STATE_REASON_REFUSED},
    {"AddressNotFound", v1::STATE_REASON_ADDRESS_ISSUE},
    {"HazmatShipment", v1::STATE_REASON_PROHIBITED_ITEM},
    {"Undeliverable", v1::STATE_REASON_OTHER},
};

template <size_t N>
AmazonShippingStatus Find(const Entry (&table)[N], absl::string_view code) {
  for (const Entry& entry : table) {
    if (entry.code == code) return {entry.state, entry.reason};
  }
  return {};
}

}  // namespace

AmazonShippingStatus MapAmazonShippingStatus(absl::string_view status) {
  return Find(kStatuses, status);
}

AmazonShippingStatus MapAmazonShippingEvent(absl::string_view event_code) {
  AmazonShippingStatus status = Find(kEvents, event_code);
  if (status.state == v1::SHIPMENT_STATE_UNSPECIFIED) status.state = v1::SHIPMENT_STATE_IN_TRANSIT;
  return status;
}

AmazonShippingStatus MapAmazonShippingReturnEvent(absl::string_view event_code) {
  if (event_code == "Delivered") {
    return {v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER};
  }
  return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER};
}

v1::StateReason AmazonShippingDetailReason(absl::string_view detail_code) {
  for (const DetailEntry& entry : kDetails) {
    if (entry.code == detail_code) return entry.reason;
  }
  return v1::STATE_REASON_UNSPECIFIED;
}

}  // namespace trackenrich::adapters::amazon_shipping
