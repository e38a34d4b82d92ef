#include "adapters/amazon_shipping/amazon_shipping_parser.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/amazon_shipping/amazon_shipping_request.h"
#include "adapters/amazon_shipping/amazon_shipping_status_map.h"
#include "tests/support/shipment_expectations.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::amazon_shipping {
namespace {

using testing::CheckShipment;
using testing::Response;
using Expectation = testing::ShipmentExpectation;

absl::StatusOr<v1::Shipment> Parse(const std::string& file, int status = 200) {
  return ParseAmazonShippingTrackResponse(
      Response(status, testing::ReadFile(testing::TestData(file))), "TBA000000000100");
}

TEST_CASE("Amazon Shipping parser: the project's own payloads", "[amazon_shipping]") {
  const std::vector<Expectation> table = {
      {"amazon_shipping/in-transit-wrapped.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED, "", 3},
      // Refused at the door: on its way back to the seller, not lost.
      {"amazon_shipping/rejected.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNING,
       v1::STATE_REASON_REFUSED, "", 2},
      // Undeliverable ("returning to the seller"), the detail code says why.
      {"amazon_shipping/undeliverable.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_ADDRESS_ISSUE, "", 3},
      // The buyer moved the date: still in transit, rescheduled by the buyer.
      {"amazon_shipping/alternate-delivery-timing.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT, "", 3},
      // Back on the RETURNS leg, not yet at the seller; the forward leg's
      // detail code says why.
      {"amazon_shipping/returning.json", 200, absl::StatusCode::kOk, v1::SHIPMENT_STATE_RETURNING,
       v1::STATE_REASON_ADDRESS_ISSUE, "", 2},
      {"amazon_shipping/delivered-photo.json", 200, absl::StatusCode::kOk,
       v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED, "2026-02-09T18:22:00Z", 2},
      {"amazon_shipping/error-invalid-tracking-id.json",
       400,
       absl::StatusCode::kNotFound,
       {},
       {},
       "",
       0},
      {"amazon_shipping/error-unauthorized.json",
       403,
       absl::StatusCode::kFailedPrecondition,
       {},
       {},
       "",
       0},
      {"amazon_shipping/error-quota.json",
       429,
       absl::StatusCode::kResourceExhausted,
       {},
       {},
       "",
       0},
      {"amazon_shipping/error-quota.json", 200, absl::StatusCode::kInternal, {}, {}, "", 0},
      {"amazon_shipping/no-events-no-summary.json",
       200,
       absl::StatusCode::kUnavailable,
       {},
       {},
       "",
       0},
      {"amazon_shipping/truncated.json", 200, absl::StatusCode::kUnavailable, {}, {}, "", 0},
      {"amazon_shipping/truncated.json", 502, absl::StatusCode::kUnavailable, {}, {}, "", 0},
  };
  for (const Expectation& expected : table) {
    auto shipment = Parse(expected.file, expected.http_status);
    CheckShipment(expected, shipment);
    if (!shipment.ok()) continue;
    CHECK(shipment->carrier() == v1::CARRIER_AMAZON);
    CHECK(shipment->tracking_number() == "TBA000000000100");
  }
}

TEST_CASE("Amazon Shipping parser: UTC times, promise and proof of delivery", "[amazon_shipping]") {
  auto moving = Parse("amazon_shipping/in-transit-wrapped.json");
  REQUIRE(moving.ok());
  CHECK(moving->events(2).time().nanos() == 250'000'000);
  CHECK(moving->events(2).offset_known());
  CHECK(moving->events(2).utc_offset_seconds() == 0);
  CHECK(moving->events(0).state() == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(moving->events(1).location().city() == "Sparks");
  // The first carrier scan is the pickup, not the label.
  CHECK(moving->first_scan_at().seconds() == moving->events(1).time().seconds());
  CHECK(testing::UtcString(moving->estimated_delivery().end()) == "2026-02-04T03:00:00Z");
  CHECK(moving->carrier_status_code() == "InTransit");

  auto delivered = Parse("amazon_shipping/delivered-photo.json");
  REQUIRE(delivered.ok());
  CHECK(delivered->proof_of_delivery().delivery_location() == "MailRoom");
  CHECK(delivered->proof_of_delivery().photo_captured());
  CHECK(delivered->proof_of_delivery().document_refs(0) == "https://example.invalid/pod/104.jpg");
  CHECK_FALSE(delivered->proof_of_delivery().signature_captured());
}

TEST_CASE("Amazon Shipping request: access token in its header, never in the URL",
          "[amazon_shipping]") {
  const http::HttpRequest track = BuildAmazonShippingTrackRequest("TBA990000000001", "AMZN_US",
                                                                  "Atza|t0k", "AmazonShipping_US");
  CHECK(track.method == "GET");
  CHECK(track.target == "/shipping/v2/tracking?trackingId=TBA990000000001&carrierId=AMZN_US");
  CHECK(track.Header("x-amz-access-token") == "Atza|t0k");
  CHECK(track.Header("x-amzn-shipping-business-id") == "AmazonShipping_US");
  CHECK(track.target.find("t0k") == std::string::npos);
  CHECK(BuildAmazonShippingTrackRequest("TBA1", "AMZN_UK", "t", "")
            .Header("x-amzn-shipping-business-id")
            .empty());
}

TEST_CASE("Amazon Shipping status crosswalk", "[amazon_shipping]") {
  CHECK(MapAmazonShippingStatus("PreTransit").state == v1::SHIPMENT_STATE_LABEL_CREATED);
  CHECK(MapAmazonShippingStatus("AwaitingCustomerPickup").state ==
        v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP);
  CHECK(MapAmazonShippingStatus("Undeliverable").state == v1::SHIPMENT_STATE_RETURNING);
  CHECK(MapAmazonShippingStatus("PickupCancelled").state == v1::SHIPMENT_STATE_CANCELLED);
  CHECK(MapAmazonShippingStatus("Teleported").state == v1::SHIPMENT_STATE_UNSPECIFIED);
  CHECK(MapAmazonShippingEvent("PackageReceivedByCarrier").state == v1::SHIPMENT_STATE_PICKED_UP);
  CHECK(MapAmazonShippingEvent("ArrivedAtDeliveryStation").state == v1::SHIPMENT_STATE_IN_TRANSIT);
  CHECK(MapAmazonShippingEvent("RecipientRequestedAlternateDeliveryTiming").reason ==
        v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT);
  CHECK(MapAmazonShippingReturnEvent("Delivered").state == v1::SHIPMENT_STATE_RETURNED);
  CHECK(MapAmazonShippingReturnEvent("Departed").state == v1::SHIPMENT_STATE_RETURNING);
  CHECK(AmazonShippingDetailReason("CustomerUnavailable") ==
        v1::STATE_REASON_RECIPIENT_UNAVAILABLE);
  CHECK(AmazonShippingDetailReason("Signed") == v1::STATE_REASON_UNSPECIFIED);
}

}  // namespace
}  // namespace trackenrich::adapters::amazon_shipping
