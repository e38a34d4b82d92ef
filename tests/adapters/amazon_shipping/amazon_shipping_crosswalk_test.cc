// Amazon Shipping's crosswalks against Amazon's own lists: the Status,
// EventCode and DetailCodes enums of shippingV2.json
// (amzn/selling-partner-api-models), and PackageReceivedByCarrier from the
// Amazon Shipping changelog (new tracking event, 2025-08-01).
#include <catch2/catch.hpp>

#include "adapters/amazon_shipping/amazon_shipping_status_map.h"
#include "tests/support/crosswalk_expectations.h"

namespace trackenrich::adapters::amazon_shipping {
namespace {

using testing::CheckCrosswalkIs;
using testing::ExpectedCode;

constexpr ExpectedCode kStatus[] = {
    {"PreTransit", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"InTransit", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"Lost", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST},
    {"OutForDelivery", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    // "rejected by the recipient": on its way back, not lost.
    {"Rejected", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    // "undeliverable and is returning to the seller" (DetailCodes).
    {"Undeliverable", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"DeliveryAttempted", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"PickupCancelled", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"AwaitingCustomerPickup", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
};

constexpr ExpectedCode kEventCode[] = {
    {"ReadyForReceive", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PickupDone", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"Departed", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveryAttempted", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"Lost", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST},
    {"OutForDelivery", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"ArrivedAtCarrierFacility", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"Rejected", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"Undeliverable", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"PickupCancelled", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    // "Return label has been generated".
    {"ReturnInitiated", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"AvailableForPickup", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
    // The buyer asked for another date: still moving, not a carrier delay.
    {"RecipientRequestedAlternateDeliveryTiming", v1::SHIPMENT_STATE_IN_TRANSIT,
     v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"PackageReceivedByCarrier", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
};

constexpr ExpectedCode kDetailCodes[] = {
    {"BusinessClosed", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_BUSINESS_CLOSED},
    {"CustomerUnavailable", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    // No cash from the recipient: the recipient was not ready.
    {"PaymentNotReady", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"OtpNotAvailable", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_ID_VERIFICATION_FAILED},
    {"DeliveryAttempted", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"UnableToAccess", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_ACCESS_RESTRICTED},
    {"UnableToContactRecipient", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"DeliveredToBehindWheelieBin", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToPorch", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToGarage", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToGarden", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToGreenhouse", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToMailSlot", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToMailRoom", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToNeighbor", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToRearDoor", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToReceptionist", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredToShed", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"DeliveredWithOTP", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"Signed", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"Damaged", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_DAMAGED},
    {"IncorrectItems", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_SENDER_ISSUE},
    {"NotRequired", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"Rejected", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"RejectedByRecipientWithVerification", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"CancelledByRecipient", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"AddressNotFound", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_ADDRESS_ISSUE},
    {"HazmatShipment", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_PROHIBITED_ITEM},
    {"Undeliverable", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"ArrivedAtLocalFacility", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
};

TEST_CASE("Amazon Shipping crosswalks: every published Status, EventCode and DetailCode",
          "[amazon_shipping][crosswalk]") {
  CheckCrosswalkIs(AmazonShippingStatusCrosswalk(), kStatus, "shippingV2.json");
  CheckCrosswalkIs(AmazonShippingEventCrosswalk(), kEventCode, "shippingV2.json");
  CheckCrosswalkIs(AmazonShippingEventCrosswalk(), kEventCode, "changelog");
  CheckCrosswalkIs(AmazonShippingDetailCrosswalk(), kDetailCodes, "shippingV2.json");
}

TEST_CASE("Amazon Shipping crosswalks: the map functions answer each published code's row",
          "[amazon_shipping][crosswalk]") {
  for (const ExpectedCode& code : kStatus) {
    INFO(code.code);
    CHECK(MapAmazonShippingStatus(code.code).state == code.state);
    CHECK(MapAmazonShippingStatus(code.code).reason == code.reason);
  }
  for (const ExpectedCode& code : kEventCode) {
    INFO(code.code);
    CHECK(MapAmazonShippingEvent(code.code).state == code.state);
    CHECK(MapAmazonShippingEvent(code.code).reason == code.reason);
  }
  for (const ExpectedCode& code : kDetailCodes) {
    INFO(code.code);
    CHECK(AmazonShippingDetailReason(code.code) == code.reason);
  }
  // Names third-party examples use are read as the published code they spell.
  CHECK(MapAmazonShippingEvent("PickedUp").state == v1::SHIPMENT_STATE_PICKED_UP);
  CHECK(MapAmazonShippingEvent("ArrivedAtDeliveryStation").state == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(MapAmazonShippingEvent("SomethingNew").state == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(MapAmazonShippingStatus("SomethingNew").state == v1::SHIPMENT_STATE_UNSPECIFIED);
}

}  // namespace
}  // namespace trackenrich::adapters::amazon_shipping
