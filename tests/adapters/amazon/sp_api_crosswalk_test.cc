// The SP-API crosswalks against Amazon's own enums (amzn/selling-partner-api-
// models): orders_2026-01-01.json (fulfillmentStatus, PackageStatus.status,
// detailedStatus), ordersV0.json (OrderStatus, EasyShipShipmentStatus) and
// fulfillmentOutbound_2020-07-01.json (FulfillmentOrderStatus,
// FulfillmentShipmentStatus, CurrentStatus, EventCode).
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "adapters/amazon/sp_api_status_map.h"
#include "tests/support/crosswalk_expectations.h"

namespace trackenrich::adapters::amazon {
namespace {

using testing::CheckCrosswalkIs;
using testing::ExpectedCode;

constexpr ExpectedCode kDetailedStatus[] = {
    {"PENDING_SCHEDULE", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PENDING_PICK_UP", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PENDING_DROP_OFF", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"LABEL_CANCELLED", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"PICKED_UP", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"DROPPED_OFF", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"AT_ORIGIN_FC", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"AT_DESTINATION_FC", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"REJECTED_BY_BUYER", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    // "cannot be delivered due to address or access issues": not lost.
    {"UNDELIVERABLE", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE},
    {"RETURNING_TO_SELLER", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"RETURNED_TO_SELLER", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER},
    {"LOST", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST},
    {"OUT_FOR_DELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"DAMAGED", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_DAMAGED},
};

constexpr ExpectedCode kPackageStatus[] = {
    {"PENDING", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"IN_TRANSIT", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"SHIPPED", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"CANCELLED", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"UNDELIVERABLE", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},
};

constexpr ExpectedCode kEasyShipStatus[] = {
    {"PendingSchedule", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PendingPickUp", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"PendingDropOff", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"LabelCanceled", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"PickedUp", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"DroppedOff", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"AtOriginFC", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"AtDestinationFC", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"RejectedByBuyer", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"Undeliverable", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},
    {"ReturningToSeller", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"ReturnedToSeller", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER},
    {"Lost", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST},
    {"OutForDelivery", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"Damaged", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_DAMAGED},
};

constexpr ExpectedCode kFulfillmentShipmentStatus[] = {
    {"PENDING", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"SHIPPED", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"CANCELLED_BY_FULFILLER", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
    {"CANCELLED_BY_SELLER", v1::SHIPMENT_STATE_CANCELLED, v1::STATE_REASON_UNSPECIFIED},
};

constexpr ExpectedCode kCurrentStatus[] = {
    {"IN_TRANSIT", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"DELIVERED", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"RETURNING", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"RETURNED", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER},
    // "Undeliverable because package was lost or destroyed."
    {"UNDELIVERABLE", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_OTHER},
    {"DELAYED", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"AVAILABLE_FOR_PICKUP", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
    {"CUSTOMER_ACTION", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},
    // The newest event decides; with none, a label.
    {"UNKNOWN", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"OUT_FOR_DELIVERY", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"DELIVERY_ATTEMPTED", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    // The buyer's return after delivery.
    {"PICKUP_SUCCESSFUL", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_UNSPECIFIED},
    {"PICKUP_CANCELLED", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_UNSPECIFIED},
    {"PICKUP_ATTEMPTED", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"PICKUP_SCHEDULED", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_UNSPECIFIED},
    {"RETURN_REQUEST_ACCEPTED", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_UNSPECIFIED},
    {"REFUND_ISSUED", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_UNSPECIFIED},
    {"RETURN_RECEIVED_IN_FC", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_UNSPECIFIED},
};

constexpr ExpectedCode kEventCode[] = {
    {"EVENT_101", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_102", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_201", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_202", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_203", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_204", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_205", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_206", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_301", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_302", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_304", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"EVENT_306", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"EVENT_307", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"EVENT_308", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"EVENT_309", v1::SHIPMENT_STATE_RETURNED, v1::STATE_REASON_RETURN_TO_SENDER},
    {"EVENT_401", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE},
    {"EVENT_402", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CUSTOMS},
    {"EVENT_403", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_ADDRESS_ISSUE},
    {"EVENT_404", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_FORCE_MAJEURE},
    {"EVENT_405", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_DAMAGED},
    {"EVENT_406", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},
    {"EVENT_407", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"EVENT_408", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER},
    {"EVENT_409", v1::SHIPMENT_STATE_LOST, v1::STATE_REASON_LOST},
    {"EVENT_411", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_SENDER_ISSUE},
    {"EVENT_412", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_SENDER_ISSUE},
    {"EVENT_413", v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_CUSTOMS_DUTIES_UNPAID},
    {"EVENT_414", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_MISSORTED},
    {"EVENT_415", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    // One scan saying undeliverable is not a lost package.
    {"EVENT_416", v1::SHIPMENT_STATE_EXCEPTION, v1::STATE_REASON_OTHER},
    {"EVENT_417", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_MISSORTED},
    {"EVENT_418", v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_CARRIER_DELAY},
    {"EVENT_419", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_ADDRESS_ISSUE},
    {"EVENT_801", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"EVENT_804", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
};

struct ExpectedOrderStatus {
  const char* code;
  v1::OrderStatus status;
};

constexpr ExpectedOrderStatus kFulfillmentStatus2026[] = {
    {"PENDING_AVAILABILITY", v1::ORDER_STATUS_PENDING},
    {"PENDING", v1::ORDER_STATUS_PENDING},
    {"UNSHIPPED", v1::ORDER_STATUS_UNSHIPPED},
    {"PARTIALLY_SHIPPED", v1::ORDER_STATUS_PARTIALLY_SHIPPED},
    {"SHIPPED", v1::ORDER_STATUS_SHIPPED},
    {"CANCELLED", v1::ORDER_STATUS_CANCELLED},
    {"UNFULFILLABLE", v1::ORDER_STATUS_UNFULFILLABLE},
};

constexpr ExpectedOrderStatus kOrderStatusV0[] = {
    {"Pending", v1::ORDER_STATUS_PENDING},
    {"Unshipped", v1::ORDER_STATUS_UNSHIPPED},
    {"PartiallyShipped", v1::ORDER_STATUS_PARTIALLY_SHIPPED},
    {"Shipped", v1::ORDER_STATUS_SHIPPED},
    {"Canceled", v1::ORDER_STATUS_CANCELLED},
    {"Unfulfillable", v1::ORDER_STATUS_UNFULFILLABLE},
    // "All items in the order have been shipped"; the invoice is unconfirmed.
    {"InvoiceUnconfirmed", v1::ORDER_STATUS_SHIPPED},
    {"PendingAvailability", v1::ORDER_STATUS_PENDING},
};

constexpr ExpectedOrderStatus kFulfillmentOrderStatus[] = {
    {"New", v1::ORDER_STATUS_UNSHIPPED},
    {"Received", v1::ORDER_STATUS_UNSHIPPED},
    {"Planning", v1::ORDER_STATUS_UNSHIPPED},
    {"Processing", v1::ORDER_STATUS_UNSHIPPED},
    {"Cancelled", v1::ORDER_STATUS_CANCELLED},
    {"Complete", v1::ORDER_STATUS_SHIPPED},
    {"CompletePartialled", v1::ORDER_STATUS_PARTIALLY_SHIPPED},
    {"Unfulfillable", v1::ORDER_STATUS_UNFULFILLABLE},
    {"Invalid", v1::ORDER_STATUS_UNFULFILLABLE},
};

// The same both-ways comparison for an order-status table.
void CheckOrderStatusTableIs(const OrderStatusCrosswalk& table,
                             absl::Span<const ExpectedOrderStatus> published,
                             absl::string_view model) {
  INFO(table.field);
  CHECK_THAT(std::string(table.source), Catch::Contains(std::string(model)));
  std::set<std::string> listed;
  for (const ExpectedOrderStatus& expected : published) {
    INFO(expected.code);
    listed.insert(expected.code);
    const OrderStatusRow* found = nullptr;
    for (const OrderStatusRow& row : table.rows) {
      if (row.code == expected.code) found = &row;
    }
    REQUIRE(found != nullptr);
    CHECK(v1::OrderStatus_Name(found->status) == v1::OrderStatus_Name(expected.status));
    CHECK_FALSE(found->meaning.empty());
  }
  for (const OrderStatusRow& row : table.rows) {
    INFO("not a published code: " << row.code);
    CHECK(listed.count(std::string(row.code)) == 1);
  }
}

TEST_CASE("SP-API crosswalks: every published package and MCF code, and only those",
          "[sp_api][crosswalk]") {
  CheckCrosswalkIs(PackageDetailedStatusCrosswalk(), kDetailedStatus, "orders_2026-01-01.json");
  CheckCrosswalkIs(PackageStatusCrosswalk(), kPackageStatus, "orders_2026-01-01.json");
  CheckCrosswalkIs(EasyShipStatusCrosswalk(), kEasyShipStatus, "ordersV0.json");
  CheckCrosswalkIs(FulfillmentShipmentStatusCrosswalk(), kFulfillmentShipmentStatus,
                   "fulfillmentOutbound_2020-07-01.json");
  CheckCrosswalkIs(McfCurrentStatusCrosswalk(), kCurrentStatus,
                   "fulfillmentOutbound_2020-07-01.json");
  CheckCrosswalkIs(McfEventCrosswalk(), kEventCode, "fulfillmentOutbound_2020-07-01.json");
}

TEST_CASE("SP-API crosswalks: every published order status, and only those",
          "[sp_api][crosswalk]") {
  CheckOrderStatusTableIs(OrderStatus2026Table(), kFulfillmentStatus2026, "orders_2026-01-01.json");
  CheckOrderStatusTableIs(OrderStatusV0Table(), kOrderStatusV0, "ordersV0.json");
  CheckOrderStatusTableIs(FulfillmentOrderStatusTable(), kFulfillmentOrderStatus,
                          "fulfillmentOutbound_2020-07-01.json");
  for (const ExpectedOrderStatus& code : kFulfillmentStatus2026) {
    CHECK(MapOrderStatus(code.code) == code.status);
  }
  for (const ExpectedOrderStatus& code : kOrderStatusV0) {
    CHECK(MapOrderStatus(code.code) == code.status);
  }
  for (const ExpectedOrderStatus& code : kFulfillmentOrderStatus) {
    CHECK(MapFulfillmentOrderStatus(code.code) == code.status);
  }
}

TEST_CASE("SP-API crosswalks: the map functions answer each published code's row",
          "[sp_api][crosswalk]") {
  for (const ExpectedCode& code : kDetailedStatus) {
    INFO(code.code);
    CHECK(MapPackageStatus("", code.code).state == code.state);
    CHECK(MapPackageStatus("", code.code).reason == code.reason);
  }
  for (const ExpectedCode& code : kEasyShipStatus) {
    INFO(code.code);
    CHECK(MapPackageStatus("", code.code).state == code.state);
  }
  for (const ExpectedCode& code : kPackageStatus) {
    INFO(code.code);
    CHECK(MapPackageStatus(code.code, "").state == code.state);
    CHECK(MapPackageStatus(code.code, "").reason == code.reason);
  }
  for (const ExpectedCode& code : kFulfillmentShipmentStatus) {
    CHECK(MapFulfillmentShipmentStatus(code.code).state == code.state);
  }
  for (const ExpectedCode& code : kCurrentStatus) {
    INFO(code.code);
    const v1::ShipmentState expected = absl::string_view(code.code) == "UNKNOWN"
                                           ? v1::SHIPMENT_STATE_UNSPECIFIED  // events decide
                                           : code.state;
    CHECK(MapMcfCurrentStatus(code.code).state == expected);
  }
  for (const ExpectedCode& code : kEventCode) {
    INFO(code.code);
    CHECK(MapMcfEvent(code.code).state == code.state);
    CHECK(MapMcfEvent(code.code).reason == code.reason);
  }
}

}  // namespace
}  // namespace trackenrich::adapters::amazon
