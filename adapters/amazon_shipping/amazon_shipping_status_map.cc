#include "adapters/amazon_shipping/amazon_shipping_status_map.h"

namespace trackenrich::adapters::amazon_shipping {
namespace {

constexpr absl::string_view kModel =
    "shippingV2.json (amzn/selling-partner-api-models, models/shipping-api-model)";

// Status: what the summary says the package is now.
constexpr CrosswalkRow kStatuses[] = {
    {"PreTransit",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Package has been created but has not been picked up"},
    {"InTransit",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Package has been picked up and is in transit"},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, {}, "Package has been delivered successfully"},
    {"Lost", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST, "Package is lost"},
    {"OutForDelivery", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}, "Package is out for delivery"},
    // Refused at the door: the package goes back to the seller, it is not lost.
    {"Rejected", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Package has been rejected by the recipient"},
    // Amazon's detail code Undeliverable: "undeliverable and is returning to the seller".
    {"Undeliverable", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
     "Package was undeliverable (returning to the seller; the detail codes say why)"},
    {"DeliveryAttempted",
     v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     {},
     "Delivery was attempted to the recipient location, but was not delivered"},
    {"PickupCancelled", v1::SHIPMENT_STATE_CANCELLED, {}, "Pickup was cancelled for the package"},
    {"AwaitingCustomerPickup", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP, "Package held at facility for the customer pickup"},
};

// EventCode of an eventHistory entry on the FORWARD leg.
constexpr CrosswalkRow kEvents[] = {
    {"ReadyForReceive",
     v1::SHIPMENT_STATE_LABEL_CREATED,
     {},
     "Package has been created and is ready for pickup at the shipper's location"},
    {"PickupDone",
     v1::SHIPMENT_STATE_PICKED_UP,
     {},
     "Package has been picked up by the service provider"},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, {}, "Package has been delivered"},
    {"Departed",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Package has departed from a particular location in carrier network"},
    {"DeliveryAttempted",
     v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     {},
     "Delivery was attempted, but was unsuccessful"},
    {"Lost", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST, "Package is lost"},
    {"OutForDelivery", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}, "Package is out for delivery"},
    {"ArrivedAtCarrierFacility",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Package is in transit and has been received at a carrier location"},
    {"Rejected", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Package was rejected by the recipient"},
    {"Undeliverable", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
     "Package is undeliverable (returning to the seller)"},
    {"PickupCancelled",
     v1::SHIPMENT_STATE_CANCELLED,
     {},
     "Pickup scheduled for the package was cancelled"},
    {"ReturnInitiated", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
     "Return label has been generated"},
    {"AvailableForPickup", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP, "Package held for recipient pickup"},
    // The buyer moved the date: still on its way, nothing for the seller to chase.
    {"RecipientRequestedAlternateDeliveryTiming", v1::SHIPMENT_STATE_IN_TRANSIT,
     v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT,
     "Recipient has requested an update to their delivery date"},
    {"PackageReceivedByCarrier",
     v1::SHIPMENT_STATE_PICKED_UP,
     {},
     "Package received by the carrier (added 2025-08-01, Amazon Shipping changelog)"},
};

// DetailCodes in summary.trackingDetailCodes: the reason they give, and the
// state they go with (the summary status decides the state).
constexpr CrosswalkRow kDetails[] = {
    {"BusinessClosed", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_BUSINESS_CLOSED,
     "Attempted delivery but the business was closed"},
    {"CustomerUnavailable", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE,
     "Attempted delivery but the recipient was unavailable"},
    {"PaymentNotReady", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE,
     "Attempted delivery but cash was not available from recipient"},
    {"OtpNotAvailable", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_ID_VERIFICATION_FAILED,
     "Attempted delivery but the recipient did not have the PIN available"},
    {"DeliveryAttempted", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, {}, "Delivery was attempted"},
    {"UnableToAccess", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_ACCESS_RESTRICTED,
     "Attempted delivery but could not access the recipient location"},
    {"UnableToContactRecipient", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE,
     "Attempted delivery but unable to contact the recipient to coordinate delivery"},
    {"DeliveredToBehindWheelieBin",
     v1::SHIPMENT_STATE_DELIVERED,
     {},
     "Shipment delivered behind wheelie bin"},
    {"DeliveredToPorch",
     v1::SHIPMENT_STATE_DELIVERED,
     {},
     "Shipment delivered to front porch or front door"},
    {"DeliveredToGarage", v1::SHIPMENT_STATE_DELIVERED, {}, "Shipment delivered to garage"},
    {"DeliveredToGarden", v1::SHIPMENT_STATE_DELIVERED, {}, "Shipment delivered to garden"},
    {"DeliveredToGreenhouse", v1::SHIPMENT_STATE_DELIVERED, {}, "Shipment delivered to greenhouse"},
    {"DeliveredToMailSlot",
     v1::SHIPMENT_STATE_DELIVERED,
     {},
     "Shipment delivered to letterbox/mail slot"},
    {"DeliveredToMailRoom", v1::SHIPMENT_STATE_DELIVERED, {}, "Shipment delivered to mailroom"},
    {"DeliveredToNeighbor",
     v1::SHIPMENT_STATE_DELIVERED,
     {},
     "Shipment delivered and signed for by neighbor"},
    {"DeliveredToRearDoor",
     v1::SHIPMENT_STATE_DELIVERED,
     {},
     "Shipment delivered to rear porch or rear door"},
    {"DeliveredToReceptionist",
     v1::SHIPMENT_STATE_DELIVERED,
     {},
     "Shipment delivered to reception"},
    {"DeliveredToShed", v1::SHIPMENT_STATE_DELIVERED, {}, "Shipment delivered to shed"},
    {"DeliveredWithOTP",
     v1::SHIPMENT_STATE_DELIVERED,
     {},
     "Shipment delivered with onetime passcode"},
    {"Signed", v1::SHIPMENT_STATE_DELIVERED, {}, "Shipment delivered and signature received"},
    {"Damaged", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_DAMAGED,
     "Shipment was damaged (with Rejected: refused because damaged; with Undeliverable: may be "
     "returned to the seller)"},
    {"IncorrectItems", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_SENDER_ISSUE,
     "Recipient refused to accept the shipment because it contains incorrect items"},
    {"NotRequired", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Recipient refused to accept the shipment because they did not want it"},
    {"Rejected", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Recipient refused to accept the shipment"},
    {"RejectedByRecipientWithVerification", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Recipient refused to accept the shipment and provided verification"},
    {"CancelledByRecipient", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED,
     "Shipment was cancelled by the recipient (paired with the Rejected status)"},
    {"AddressNotFound", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_ADDRESS_ISSUE,
     "Undeliverable and returning to seller because the address was missing or incorrect"},
    {"HazmatShipment", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_PROHIBITED_ITEM,
     "Shipment is non-compliant Hazmat"},
    {"Undeliverable", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER,
     "Shipment is undeliverable and is returning to the seller"},
    {"ArrivedAtLocalFacility",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "Package arrived at the local facility"},
};

// Event names seen in third-party examples (karrio's hand-written test
// payloads), not in Amazon's model: read as the published code they spell.
struct Alias {
  absl::string_view name;
  absl::string_view published;
};
constexpr Alias kEventAliases[] = {
    {"PickedUp", "PickupDone"},
    {"InTransit", "Departed"},
    {"ArrivedAtDeliveryStation", "ArrivedAtCarrierFacility"},
};

AmazonShippingStatus FromRow(const CrosswalkRow* row) {
  if (row == nullptr) return {};
  return {row->state, row->reason};
}

}  // namespace

const Crosswalk& AmazonShippingStatusCrosswalk() {
  static const Crosswalk kTable{"Amazon Shipping", "getTracking summary.status (Status)", kModel,
                                kStatuses};
  return kTable;
}

const Crosswalk& AmazonShippingEventCrosswalk() {
  static const Crosswalk kTable{
      "Amazon Shipping", "getTracking eventHistory[].eventCode (EventCode, FORWARD leg)",
      "shippingV2.json (amzn/selling-partner-api-models, models/shipping-api-model); "
      "PackageReceivedByCarrier: Amazon Shipping changelog, new tracking event from 2025-08-01 "
      "(https://developer-docs.amazon.com/amazon-shipping/changelog/"
      "pre-launch-announcement-introducing-new-event-in-tracking-api-and-push-notifications)",
      kEvents};
  return kTable;
}

const Crosswalk& AmazonShippingDetailCrosswalk() {
  static const Crosswalk kTable{
      "Amazon Shipping", "getTracking summary.trackingDetailCodes (DetailCodes)", kModel, kDetails};
  return kTable;
}

AmazonShippingStatus MapAmazonShippingStatus(absl::string_view status) {
  return FromRow(AmazonShippingStatusCrosswalk().Find(status));
}

AmazonShippingStatus MapAmazonShippingEvent(absl::string_view event_code) {
  const CrosswalkRow* row = AmazonShippingEventCrosswalk().Find(event_code);
  for (const Alias& alias : kEventAliases) {
    if (row == nullptr && alias.name == event_code) {
      row = AmazonShippingEventCrosswalk().Find(alias.published);
    }
  }
  AmazonShippingStatus status = FromRow(row);
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
  const CrosswalkRow* row = AmazonShippingDetailCrosswalk().Find(detail_code);
  return row == nullptr ? v1::STATE_REASON_UNSPECIFIED : row->reason;
}

}  // namespace trackenrich::adapters::amazon_shipping
