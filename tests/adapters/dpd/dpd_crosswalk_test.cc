// DPD's statusInfo.status crosswalk against the status names DPD's
// ParcelLifeCycleService 2.0 getTrackingData response carries (DPD's
// published sample response and its labels and descriptions).
#include <catch2/catch.hpp>

#include "absl/strings/ascii.h"

#include "adapters/dpd/dpd_status_map.h"
#include "tests/support/crosswalk_expectations.h"

namespace trackenrich::adapters::dpd {
namespace {

using testing::CheckCrosswalkIs;
using testing::ExpectedCode;

constexpr ExpectedCode kPublished[] = {
    {"SHIPMENT", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"Accepted", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    // "Parcel handed to DPD".
    {"PickedUp", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    // "The parcel is at the parcel dispatch centre."
    {"BetweenDepots", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    // "At parcel delivery centre."
    {"Depot", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    // "... has left the parcel delivery centre and is on its way".
    {"Courier", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    // The reason comes from the description.
    {"DeliveryFailure", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"ReturningFromDelivery", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    // "Delivered by driver to Pickup parcelshop": at the shop, not with the buyer.
    {"ParcelShop", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
};

TEST_CASE("DPD crosswalk: every published status name, and only those", "[dpd][crosswalk]") {
  CheckCrosswalkIs(DpdStatusCrosswalk(), kPublished, "ParcelLifeCycleService 2.0");
}

TEST_CASE("DPD crosswalk: MapDpdStatus answers each row, in any case", "[dpd][crosswalk]") {
  for (const ExpectedCode& code : kPublished) {
    INFO(code.code);
    const DpdStatus mapped = MapDpdStatus(code.code, "");
    CHECK(mapped.state == code.state);
    CHECK(mapped.reason == code.reason);
    CHECK(MapDpdStatus(absl::AsciiStrToUpper(code.code), "").state == code.state);
  }
  CHECK(MapDpdStatus("DeliveryFailure", "Recipient not at home").reason ==
        v1::STATE_REASON_RECIPIENT_UNAVAILABLE);
}

}  // namespace
}  // namespace trackenrich::adapters::dpd
