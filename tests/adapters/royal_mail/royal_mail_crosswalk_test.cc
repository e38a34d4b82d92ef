// Royal Mail's eventCode crosswalk against the published code list: every
// code of elliotjreed/royal-mail-tracking's "Event codes" (Royal Mail's texts
// per code) and jampez77/RoyalMail's "Event Codes", plus EVNMI from the
// examples of Royal Mail's Tracking API V2 technical user guide; one state
// and reason each.
#include <catch2/catch.hpp>

#include "adapters/royal_mail/royal_mail_status_map.h"
#include "tests/support/crosswalk_expectations.h"

namespace trackenrich::adapters::royal_mail {
namespace {

using testing::CheckCrosswalkIs;
using testing::ExpectedCode;
using v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP;
using v1::SHIPMENT_STATE_DELAYED;
using v1::SHIPMENT_STATE_DELIVERED;
using v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED;
using v1::SHIPMENT_STATE_IN_TRANSIT;
using v1::SHIPMENT_STATE_LABEL_CREATED;
using v1::SHIPMENT_STATE_OUT_FOR_DELIVERY;
using v1::SHIPMENT_STATE_PICKED_UP;
using v1::SHIPMENT_STATE_RETURNED;
using v1::SHIPMENT_STATE_RETURNING;
constexpr v1::StateReason kNone = v1::STATE_REASON_UNSPECIFIED;

constexpr ExpectedCode kPublished[] = {
    // elliotjreed/royal-mail-tracking README, "Event codes".
    {"EVAIP", SHIPMENT_STATE_LABEL_CREATED, kNone},  // the sender has advised despatch
    {"EVAIE", SHIPMENT_STATE_LABEL_CREATED, kNone},
    {"ASRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"EVBAH", SHIPMENT_STATE_IN_TRANSIT, kNone},
    {"EVDAC", SHIPMENT_STATE_IN_TRANSIT, kNone},
    {"EVDAV", SHIPMENT_STATE_IN_TRANSIT, kNone},
    {"EVGMI", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_MISSORTED},
    {"EVGPD", SHIPMENT_STATE_OUT_FOR_DELIVERY, kNone},  // due for delivery today
    {"EVIAV", SHIPMENT_STATE_IN_TRANSIT, kNone},
    {"EVIMC", SHIPMENT_STATE_IN_TRANSIT, kNone},
    {"EVIPI", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_MISSORTED},
    {"EVKAA", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_ACCESS_RESTRICTED},
    {"EVKAI", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_ADDRESS_ISSUE},
    {"EVKDN", SHIPMENT_STATE_DELIVERED, kNone},  // to a neighbour
    {"EVKGA", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_ADDRESS_ISSUE},
    {"EVKLC", SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"EVKNA", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"EVKOP", SHIPMENT_STATE_DELIVERED, kNone},
    {"EVKRF", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"EVKSF", SHIPMENT_STATE_DELIVERED, kNone},  // to the Safeplace
    {"EVKSP", SHIPMENT_STATE_DELIVERED, kNone},
    {"EVKSU", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_OTHER},
    {"EVNAA", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_ACCESS_RESTRICTED},
    {"EVNAR", SHIPMENT_STATE_DELAYED, kNone},
    {"EVNDA", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"EVNDN", SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_OTHER},
    {"EVNGA", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_ADDRESS_ISSUE},
    {"EVNKS", SHIPMENT_STATE_DELAYED, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},  // Keepsafe
    {"EVNMI", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_MISSORTED},
    {"EVNOC", SHIPMENT_STATE_DELIVERED, kNone},  // collected from the delivery office
    {"EVNRF", SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"EVNRT", SHIPMENT_STATE_DELAYED, v1::STATE_REASON_ACCESS_RESTRICTED},
    {"EVPLC", SHIPMENT_STATE_DELIVERED, kNone},  // collected from a Post Office
    {"EVRTS", SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER},
    {"RFRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"RNRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"RORXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"RPRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"RSRXS", SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    // jampez77/RoyalMail api.md, "Event Codes", beyond the list above.
    {"EVNSR", SHIPMENT_STATE_IN_TRANSIT, kNone},  // prepared for redelivery
    {"EVODO", SHIPMENT_STATE_IN_TRANSIT, kNone},
    {"EVORI", SHIPMENT_STATE_IN_TRANSIT, kNone},
    {"EVOAC", SHIPMENT_STATE_IN_TRANSIT, kNone},
    {"EVPPA", SHIPMENT_STATE_PICKED_UP, kNone},  // accepted at a Post Office
    {"EVBAV", SHIPMENT_STATE_IN_TRANSIT, kNone},
    {"EVOCO", SHIPMENT_STATE_PICKED_UP, kNone},
    {"EVKNR", SHIPMENT_STATE_DELIVERY_ATTEMPTED, kNone},
    {"EVKLS", SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"EVPLA", SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
};

TEST_CASE("Royal Mail crosswalk: every published event code, and only those",
          "[royal_mail][crosswalk]") {
  CheckCrosswalkIs(RoyalMailEventCrosswalk(), kPublished, "elliotjreed/royal-mail-tracking");
}

TEST_CASE("Royal Mail crosswalk: MapRoyalMailEvent answers each code's row", "[royal_mail]") {
  for (const ExpectedCode& code : kPublished) {
    INFO(code.code);
    const RoyalMailStatus mapped = MapRoyalMailEvent(code.code);
    CHECK(mapped.state == code.state);
    CHECK(mapped.reason == code.reason);
  }
  CHECK(MapRoyalMailEvent(" evksp ").state == SHIPMENT_STATE_DELIVERED);
  // A code Royal Mail adds later is a scan in its network, never a delivery.
  CHECK(MapRoyalMailEvent("EVZZZ").state == SHIPMENT_STATE_IN_TRANSIT);
  CHECK(MapRoyalMailEvent("EVZZZ").reason == kNone);
  CHECK(MapRoyalMailEvent("").state == v1::SHIPMENT_STATE_UNSPECIFIED);
}

}  // namespace
}  // namespace trackenrich::adapters::royal_mail
