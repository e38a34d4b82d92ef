#include "services/validation/request_validation.h"

#include <string>

#include <catch2/catch.hpp>

#include "tests/support/status_matchers.h"

namespace trackenrich::server {
namespace {

using testing::IsOk;
using testing::StatusIs;
constexpr auto kInvalid = absl::StatusCode::kInvalidArgument;

v1::TrackShipmentRequest Track(std::string number, int carrier = v1::CARRIER_UNSPECIFIED) {
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(std::move(number));
  request.mutable_shipment()->set_carrier(static_cast<v1::Carrier>(carrier));
  return request;
}

TEST_CASE("tracking numbers: normalized, bounded, and limited to letters, digits, spaces, dashes",
          "[validation]") {
  CHECK(*ValidateTrackingNumber("f", "1z 999-aa1") == "1Z999AA1");
  CHECK_THAT(ValidateTrackingNumber("shipment.tracking_number", "").status(),
             StatusIs(kInvalid, "shipment.tracking_number: required"));
  CHECK_THAT(ValidateTrackingNumber("shipment.tracking_number", " - ").status(),
             StatusIs(kInvalid, "shipment.tracking_number: required"));
  CHECK_THAT(ValidateTrackingNumber("shipment.tracking_number", std::string(41, '1')).status(),
             StatusIs(kInvalid, "shipment.tracking_number: at most 40 characters (got 41)"));
  CHECK(ValidateTrackingNumber("f", std::string(40, '1')).ok());
  for (const std::string bad :
       {"1Z/../etc", "1Z\r\nX-Injected: 1", "1Z%00", "1Z?x=1", "1Z_1", "1Z\xc3\xa9", "1Z\t1"}) {
    INFO(bad);
    CHECK_THAT(ValidateTrackingNumber("shipment.tracking_number", bad).status(),
               StatusIs(kInvalid,
                        "shipment.tracking_number: only letters, digits, spaces and "
                        "dashes are allowed"));
  }
  // Control bytes are named by value, never echoed.
  const auto status = ValidateTrackingNumber("f", std::string("1Z\x01", 3)).status();
  CHECK_THAT(status, StatusIs(kInvalid, "byte 0x01"));
}

TEST_CASE("order IDs: Amazon's are 3-7-7 digits", "[validation]") {
  CHECK_THAT(ValidateOrderId("order.order_id", "114-3941689-8772232", v1::SALES_CHANNEL_AMAZON),
             IsOk());
  CHECK_THAT(
      ValidateOrderId("order.order_id", "114-3941689-8772232", v1::SALES_CHANNEL_UNSPECIFIED),
      IsOk());
  for (const std::string bad :
       {"", "114-3941689-877223", "1143941689-8772232", "114-394168A-8772232",
        "114-3941689-8772232-1", " 114-3941689-8772232", "114_3941689_8772232"}) {
    INFO(bad);
    CHECK_THAT(ValidateOrderId("order.order_id", bad, v1::SALES_CHANNEL_AMAZON),
               StatusIs(kInvalid, "order.order_id:"));
  }
  CHECK_THAT(ValidateOrderId("order.order_id", "#1001", v1::SALES_CHANNEL_SHOPIFY), IsOk());
  CHECK_THAT(ValidateOrderId("order.order_id", "12<script>", v1::SALES_CHANNEL_SHOPIFY),
             StatusIs(kInvalid, "order.order_id: only letters"));
  CHECK_THAT(ValidateOrderId("order.order_id", std::string(65, 'a'), v1::SALES_CHANNEL_EBAY),
             StatusIs(kInvalid, "order.order_id: at most 64"));
}

TEST_CASE("TrackShipment validation names the field", "[validation]") {
  CHECK_THAT(ValidateTrackShipment("", Track("1Z999AA10123456784", v1::CARRIER_UPS)), IsOk());
  CHECK_THAT(ValidateTrackShipment("", v1::TrackShipmentRequest()),
             StatusIs(kInvalid, "shipment: required"));
  CHECK_THAT(ValidateTrackShipment("", Track("1Z999AA10123456784", 57)),
             StatusIs(kInvalid, "shipment.carrier: unknown carrier value 57"));
  auto negative = Track("1Z999AA10123456784");
  negative.mutable_cache()->mutable_max_age()->set_seconds(-1);
  CHECK_THAT(ValidateTrackShipment("", negative), StatusIs(kInvalid, "cache.max_age"));
}

TEST_CASE("batch validation: size bounds and the failing item's index", "[validation]") {
  v1::BatchTrackShipmentsRequest batch;
  CHECK_THAT(ValidateBatchTrackShipments(batch),
             StatusIs(kInvalid, "requests: at least one request is required"));
  for (int i = 0; i < kMaxBatchTrackShipments; ++i)
    *batch.add_requests() = Track("1Z999AA10123456784");
  CHECK_THAT(ValidateBatchTrackShipments(batch), IsOk());
  *batch.add_requests() = Track("1Z999AA10123456784");
  CHECK_THAT(ValidateBatchTrackShipments(batch),
             StatusIs(kInvalid, "requests: at most 100 requests per batch (got 101)"));

  // A bad item leaves the batch valid: it is judged on its own.
  v1::BatchTrackShipmentsRequest one_bad;
  *one_bad.add_requests() = Track("1Z999AA10123456784");
  *one_bad.add_requests() = Track("bad/number");
  CHECK_THAT(ValidateBatchTrackShipments(one_bad), IsOk());
  auto good_item = ValidateBatchTrackItem(0, Track("1z 999aa1-0123456784"));
  REQUIRE_THAT(good_item.status(), IsOk());
  CHECK(*good_item == "1Z999AA10123456784");
  CHECK_THAT(ValidateBatchTrackItem(1, one_bad.requests(1)).status(),
             StatusIs(kInvalid, "requests[1].shipment.tracking_number: only letters"));
  CHECK_THAT(ValidateBatchTrackItem(42, v1::TrackShipmentRequest()).status(),
             StatusIs(kInvalid, "requests[42].shipment: required"));
  CHECK_THAT(ValidateBatchTrackItem(3, Track("1Z999AA10123456784", 4242)).status(),
             StatusIs(kInvalid, "requests[3].shipment.carrier: unknown carrier value 4242"));
  CHECK(EchoableSubject("1Z999AA1/0123456784") == "1Z999AA1/0123456784");
  CHECK(EchoableSubject("1Z\r\nHost: x").empty());
  CHECK(EchoableSubject(std::string(65, '9')).empty());

  v1::BatchGetOrderTrackingRequest orders;
  CHECK_THAT(ValidateBatchGetOrderTracking(orders), StatusIs(kInvalid, "requests:"));
  for (int i = 0; i <= kMaxBatchOrders; ++i) {
    orders.add_requests()->mutable_order()->set_order_id("114-3941689-8772232");
  }
  CHECK_THAT(ValidateBatchGetOrderTracking(orders), StatusIs(kInvalid, "at most 50"));
  orders.mutable_requests()->RemoveLast();
  CHECK_THAT(ValidateBatchGetOrderTracking(orders), IsOk());
  orders.mutable_requests(7)->mutable_order()->set_order_id("nope");
  CHECK_THAT(ValidateBatchGetOrderTracking(orders), IsOk());
  CHECK_THAT(ValidateBatchOrderItem(7, orders.requests(7)),
             StatusIs(kInvalid, "requests[7].order.order_id"));
  CHECK_THAT(ValidateBatchOrderItem(6, orders.requests(6)), IsOk());
}

TEST_CASE("GetOrderTracking validation", "[validation]") {
  v1::GetOrderTrackingRequest request;
  CHECK_THAT(ValidateGetOrderTracking("", request), StatusIs(kInvalid, "order: required"));
  request.mutable_order()->set_order_id("114-3941689-8772232");
  CHECK_THAT(ValidateGetOrderTracking("", request), IsOk());
  request.mutable_order()->set_marketplace_id("atvpdkikx0der");
  CHECK_THAT(ValidateGetOrderTracking("", request), StatusIs(kInvalid, "order.marketplace_id"));
  request.mutable_order()->set_marketplace_id("ATVPDKIKX0DER");
  request.mutable_order()->set_channel(static_cast<v1::SalesChannel>(42));
  CHECK_THAT(ValidateGetOrderTracking("", request),
             StatusIs(kInvalid, "order.channel: unknown sales channel value 42"));
}

TEST_CASE("EnrichTicket validation", "[validation]") {
  v1::EnrichTicketRequest request;
  CHECK_THAT(ValidateEnrichTicket(request),
             StatusIs(kInvalid, "subject: one of order, shipment or text is required"));
  request.mutable_text();
  CHECK_THAT(ValidateEnrichTicket(request),
             StatusIs(kInvalid, "text: subject or body is required"));
  request.mutable_text()->set_body("where is my parcel?");
  CHECK_THAT(ValidateEnrichTicket(request), IsOk());
  request.mutable_text()->set_body(std::string(kMaxTicketBodyBytes + 1, 'x'));
  CHECK_THAT(ValidateEnrichTicket(request), StatusIs(kInvalid, "text.body: at most"));
  request.mutable_text()->set_body("ok");
  request.mutable_text()->set_subject(std::string(kMaxTicketSubjectBytes + 1, 'x'));
  CHECK_THAT(ValidateEnrichTicket(request), StatusIs(kInvalid, "text.subject: at most"));
  request.mutable_text()->set_subject("hi");

  for (const std::string bad : {"e", "english", "en--US", "-en", "12", "en_US_"}) {
    INFO(bad);
    request.set_language(bad);
    CHECK_THAT(ValidateEnrichTicket(request), StatusIs(kInvalid, "language:"));
  }
  for (const std::string good : {"en", "de-DE", "it_IT", "zh-Hant-TW", ""}) {
    INFO(good);
    request.set_language(good);
    CHECK_THAT(ValidateEnrichTicket(request), IsOk());
  }
  request.set_ticket_id("T-1\n2");
  CHECK_THAT(ValidateEnrichTicket(request), StatusIs(kInvalid, "ticket_id: control characters"));
  request.set_ticket_id("T-12");

  request.mutable_order()->set_order_id("1");
  CHECK_THAT(ValidateEnrichTicket(request), StatusIs(kInvalid, "order.order_id"));
  request.mutable_shipment()->set_tracking_number("1Z<1>");
  CHECK_THAT(ValidateEnrichTicket(request), StatusIs(kInvalid, "shipment.tracking_number"));
}

TEST_CASE("DetectCarrier and RenderReply validation", "[validation]") {
  v1::DetectCarrierRequest detect;
  CHECK_THAT(ValidateDetectCarrier(detect), StatusIs(kInvalid, "tracking_number: required"));
  detect.set_tracking_number("1Z999AA10123456784");
  CHECK_THAT(ValidateDetectCarrier(detect), IsOk());

  v1::RenderReplyRequest render;
  CHECK_THAT(ValidateRenderReply(render), StatusIs(kInvalid, "template_id: required"));
  render.set_template_id("FBM Status");
  CHECK_THAT(ValidateRenderReply(render), StatusIs(kInvalid, "template_id: only lower-case"));
  render.set_template_id("fbm_status_update");
  CHECK_THAT(ValidateRenderReply(render), StatusIs(kInvalid, "shipment: required"));
  render.mutable_shipment()->set_tracking_number("1Z999AA10123456784");
  CHECK_THAT(ValidateRenderReply(render), IsOk());
  render.mutable_shipment()->set_state(static_cast<v1::ShipmentState>(99));
  CHECK_THAT(ValidateRenderReply(render), StatusIs(kInvalid, "shipment.state: unknown"));
  render.mutable_shipment()->set_state(v1::SHIPMENT_STATE_DELIVERED);
  render.mutable_order()->set_fulfillment(static_cast<v1::Fulfillment>(9));
  CHECK_THAT(ValidateRenderReply(render), StatusIs(kInvalid, "order.fulfillment: unknown"));
  render.mutable_order()->set_fulfillment(v1::FULFILLMENT_FBM);
  render.set_channel(static_cast<v1::SalesChannel>(-3));
  CHECK_THAT(ValidateRenderReply(render), StatusIs(kInvalid, "channel: unknown"));
}

}  // namespace
}  // namespace trackenrich::server
