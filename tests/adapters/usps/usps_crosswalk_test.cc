// The USPS crosswalk against USPS's published code lists: statusCategory
// values and Publication 199 event codes. Each list is written here from
// USPS's documentation, independently of the tables, so a table that skips or
// invents a code fails.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/usps/usps_status_map.h"
#include "tests/support/crosswalk_check.h"

namespace trackenrich::adapters::usps {
namespace {

using testing::PublishedCode;

constexpr auto kLabel = v1::SHIPMENT_STATE_LABEL_CREATED;
constexpr auto kPickedUp = v1::SHIPMENT_STATE_PICKED_UP;
constexpr auto kTransit = v1::SHIPMENT_STATE_IN_TRANSIT;
constexpr auto kOut = v1::SHIPMENT_STATE_OUT_FOR_DELIVERY;
constexpr auto kPickup = v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP;
constexpr auto kAttempted = v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED;
constexpr auto kDelayed = v1::SHIPMENT_STATE_DELAYED;
constexpr auto kException = v1::SHIPMENT_STATE_EXCEPTION;
constexpr auto kReturning = v1::SHIPMENT_STATE_RETURNING;
constexpr auto kLost = v1::SHIPMENT_STATE_LOST;
constexpr auto kDelivered = v1::SHIPMENT_STATE_DELIVERED;
constexpr auto kNone = v1::STATE_REASON_UNSPECIFIED;
constexpr auto kRts = v1::STATE_REASON_RETURN_TO_SENDER;
constexpr auto kAddress = v1::STATE_REASON_ADDRESS_ISSUE;
constexpr auto kUnavailable = v1::STATE_REASON_RECIPIENT_UNAVAILABLE;
constexpr auto kAccess = v1::STATE_REASON_ACCESS_RESTRICTED;
constexpr auto kHeld = v1::STATE_REASON_HELD_FOR_PICKUP;
constexpr auto kMissorted = v1::STATE_REASON_MISSORTED;

// USPS Tracking 3.x statusCategory.
const std::vector<PublishedCode>& PublishedCategories() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"Pre-Shipment", kLabel, kNone},
      {"Accepted", kPickedUp, kNone},
      {"In Transit", kTransit, kNone},
      {"Moving Through Network", kTransit, kNone},
      {"Out for Delivery", kOut, kNone},
      {"Delivered", kDelivered, kNone},
      {"Available for Pickup", kPickup, kHeld},
      {"Delivery Attempt", kAttempted, kUnavailable},
      {"Alert", kException, v1::STATE_REASON_OTHER},
  };
  return *codes;
}

// USPS Publication 199 event codes.
const std::vector<PublishedCode>& PublishedEventCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"01", kDelivered, kNone},
      {"02", kAttempted, kUnavailable},
      {"03", kPickedUp, kNone},
      {"04", kReturning, v1::STATE_REASON_REFUSED},
      {"05", kException, kAddress},
      {"06", kTransit, kNone},  // forwarded
      {"07", kTransit, kNone},  // arrival at unit
      {"08", kDelayed, kMissorted},
      {"09", kReturning, kRts},
      {"10", kTransit, kNone},
      {"11", kLost, v1::STATE_REASON_OTHER},  // dead letter
      {"14", kPickup, kHeld},
      {"15", kDelayed, kMissorted},
      {"16", kPickup, kHeld},
      {"17", kDelivered, kNone},  // picked up by agent
      {"19", kTransit, kNone},
      {"21", kReturning, kAddress},
      {"22", kReturning, kAddress},
      {"23", kReturning, kAddress},
      {"24", kReturning, kAddress},
      {"25", kReturning, kAddress},
      {"26", kReturning, kAddress},
      {"27", kReturning, kRts},
      {"28", kReturning, kRts},
      {"29", kReturning, kRts},
      {"31", kReturning, kRts},
      {"41", kTransit, kNone},
      {"42", kTransit, kNone},
      {"43", kDelivered, kNone},
      {"44", kReturning, kRts},  // customer recall
      {"51", kAttempted, v1::STATE_REASON_BUSINESS_CLOSED},
      {"52", kAttempted, kUnavailable},
      {"53", kAttempted, kAccess},
      {"54", kAttempted, kAccess},
      {"55", kAttempted, kAccess},
      {"56", kAttempted, kUnavailable},
      {"80", kTransit, kNone},
      {"81", kTransit, kNone},
      {"82", kTransit, kNone},
      {"A1", kTransit, kNone},
      {"DX", kTransit, kNone},
      {"EF", kTransit, kNone},
      {"GX", kLabel, kNone},
      {"MA", kLabel, kNone},
      {"OF", kOut, kNone},
      {"PA", kPickedUp, kNone},
      {"PC", kTransit, kNone},
      {"SF", kTransit, kNone},
      {"T1", kTransit, kNone},
      {"TL", kTransit, kNone},
      {"TM", kPickedUp, kNone},
  };
  return *codes;
}

void CheckMapped(const UspsStatus& got, const PublishedCode& expected) {
  CHECK(v1::ShipmentState_Name(got.state) == v1::ShipmentState_Name(expected.state));
  CHECK(v1::StateReason_Name(got.reason) == v1::StateReason_Name(expected.reason));
}

TEST_CASE("USPS crosswalk tables hold exactly USPS's published codes", "[usps][crosswalk]") {
  testing::CheckCrosswalk(UspsStatusCategoryCrosswalk(), PublishedCategories());
  testing::CheckCrosswalk(UspsEventCrosswalk(), PublishedEventCodes());
}

TEST_CASE("USPS mapping answers each published code as listed", "[usps][crosswalk]") {
  for (const PublishedCode& category : PublishedCategories()) {
    INFO("statusCategory " << category.code);
    CheckMapped(MapUspsStatusCategory(category.code, ""), category);
  }
  for (const PublishedCode& code : PublishedEventCodes()) {
    INFO("eventCode " << code.code);
    CheckMapped(MapUspsEvent(code.code, ""), code);
  }
}

}  // namespace
}  // namespace trackenrich::adapters::usps
