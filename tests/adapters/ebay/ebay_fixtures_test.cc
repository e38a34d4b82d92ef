// Fixture conformance: the eBay Sell Fulfillment API payloads in
// tests/data/ebay (provenance in its SOURCES.md), getOrder and
// getShippingFulfillments, with the canonical values each must give; the
// buyer's name, address, phone and email that getOrder carries must not reach
// the parsed Order.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/time/time.h"

#include "adapters/common/time_util.h"
#include "adapters/ebay/ebay_parser.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_data.h"

namespace trackenrich::adapters::ebay {
namespace {

using testing::IsOk;
using testing::StatusIs;

http::HttpResponse Fixture(const std::string& name, int status = 200) {
  http::HttpResponse response;
  response.status = status;
  response.body = testing::ReadFile(testing::TestData("ebay/" + name));
  return response;
}

std::string Utc(const google::protobuf::Timestamp& timestamp) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", FromProto(timestamp), absl::UTCTimeZone());
}

struct PackageExpectation {
  std::string tracking_number;
  v1::Carrier carrier;
  std::string carrier_name;
  v1::ShipmentState state;
  bool has_tracking_url;
};

struct OrderExpectation {
  std::string order_file;
  std::string fulfillments_file;  // "" when getShippingFulfillments is not called
  std::string order_id;
  v1::OrderStatus status;
  std::string channel_status;
  std::string marketplace_id;
  std::string country;
  std::string purchased_at;
  std::string ship_by_end;
  std::string deliver_by_end;
  std::string service_level;
  bool has_fulfillments;
  std::vector<PackageExpectation> packages;
  // Personal data in the payload that must not reach the Order.
  std::vector<std::string> personal;
};

TEST_CASE("eBay parsers: every getOrder and getShippingFulfillments payload", "[ebay][fixtures]") {
  const std::vector<OrderExpectation> table = {
      {"getorder.fulfilled.json",
       "fulfillments.one-usps.json",
       "12-34567-89012",
       v1::ORDER_STATUS_SHIPPED,
       "FULFILLED",
       "EBAY_US",
       "US",
       "2015-08-04T19:09:02Z",
       "2015-08-06T06:59:59Z",
       "2015-08-11T07:00:00Z",
       "USPSPriority",
       true,
       {{"9405509699937003457459", v1::CARRIER_USPS, "USPS", v1::SHIPMENT_STATE_IN_TRANSIT, true}},
       {"Jane Doe", "Hamilton", "95125", "4085551432", "jane.doe@example.com", "example_buyer_jane",
        "24.99", "Example item"}},
      {"getorder.capture-19-11396-02421.json",
       "fulfillments.two-carriers.json",
       "19-11396-02421",
       v1::ORDER_STATUS_SHIPPED,
       "FULFILLED",
       "",
       "",
       "",
       "2024-04-12T14:59:59Z",
       "2024-04-16T07:00:00Z",
       "ExpeditedShippingFromOutsideUS",
       true,
       {{"1Z5099265693612345", v1::CARRIER_UPS, "UPS", v1::SHIPMENT_STATE_IN_TRANSIT, true},
        {"RR123456785GB", v1::CARRIER_ROYAL_MAIL, "Royal Mail", v1::SHIPMENT_STATE_IN_TRANSIT,
         true},
        // "Hermes" is ambiguous (Evri in the UK, Hermes Germany) and the
        // number's format names no carrier: a carrier we do not support,
        // eBay's name stays, no link, not shipped yet.
        {"H1000470012345678", v1::CARRIER_OTHER, "Hermes", v1::SHIPMENT_STATE_LABEL_CREATED, false},
        // eBay's "Other" on a number whose format names UPS: left to the
        // lookup's detection, which routes it to UPS.
        {"1Z999AA10123456784", v1::CARRIER_UNSPECIFIED, "Other", v1::SHIPMENT_STATE_IN_TRANSIT,
         false}},
       {}},
      {"getorder.not-started.json",
       "",
       "21-55501-00002",
       v1::ORDER_STATUS_UNSHIPPED,
       "NOT_STARTED",
       "EBAY_DE",
       "DE",
       "2024-05-02T10:15:00Z",
       "2024-05-03T21:59:59Z",
       "2024-05-09T07:00:00Z",
       "DE_DHLPaket",
       false,
       {},
       {"Max Mustermann", "Musterstrasse", "10115", "1234567", "max.mustermann@example.de",
        "example_buyer_max"}},
      {"getorder.cancelled.json",
       "",
       "21-55501-00009",
       v1::ORDER_STATUS_CANCELLED,
       "CANCELED",
       "EBAY_GB",
       "GB",
       "2024-06-01T08:00:00Z",
       "",
       "",
       "",
       false,
       {},
       {"BUYER_ASKED_CANCEL"}},
  };
  for (const OrderExpectation& row : table) {
    CAPTURE(row.order_file, row.fulfillments_file);
    auto parsed = ParseEbayOrderResponse(Fixture(row.order_file), "acme");
    REQUIRE_THAT(parsed.status(), IsOk());
    CHECK(parsed->has_fulfillments == row.has_fulfillments);
    v1::Order order = parsed->order;
    if (!row.fulfillments_file.empty()) {
      REQUIRE_THAT(ParseEbayFulfillmentsResponse(Fixture(row.fulfillments_file), "acme", &order),
                   IsOk());
    }
    CHECK(order.channel() == v1::SALES_CHANNEL_EBAY);
    CHECK(order.fulfillment() == v1::FULFILLMENT_FBM);
    CHECK(order.order_id() == row.order_id);
    CHECK(order.status() == row.status);
    CHECK(order.channel_status() == row.channel_status);
    CHECK(order.marketplace_id() == row.marketplace_id);
    CHECK(order.marketplace_country() == row.country);
    CHECK((order.has_purchased_at() ? Utc(order.purchased_at()) : "") == row.purchased_at);
    CHECK((order.ship_by().has_end() ? Utc(order.ship_by().end()) : "") == row.ship_by_end);
    CHECK((order.deliver_by().has_end() ? Utc(order.deliver_by().end()) : "") ==
          row.deliver_by_end);
    CHECK(order.shipping_service_level() == row.service_level);
    CHECK(order.provenance().source() == v1::SOURCE_EBAY);
    CHECK(order.provenance().payload_sha256().size() == 64);
    REQUIRE(order.shipments_size() == static_cast<int>(row.packages.size()));
    for (int i = 0; i < order.shipments_size(); ++i) {
      const v1::Shipment& shipment = order.shipments(i);
      const PackageExpectation& want = row.packages[i];
      CAPTURE(i);
      CHECK(shipment.tracking_number() == want.tracking_number);
      CHECK(shipment.carrier() == want.carrier);
      CHECK(shipment.carrier_name() == want.carrier_name);
      CHECK(shipment.state() == want.state);
      CHECK(!shipment.tracking_url().empty() == want.has_tracking_url);
      CHECK(!shipment.package_id().empty());
      CHECK(shipment.provenance().source() == v1::SOURCE_EBAY);
      // Shipped is not delivered: only a carrier scan can say that.
      CHECK(shipment.state() != v1::SHIPMENT_STATE_DELIVERED);
      CHECK(!shipment.has_delivered_at());
    }
    const std::string serialized = order.DebugString();
    for (const std::string& personal : row.personal) {
      CAPTURE(personal);
      CHECK_FALSE(absl::StrContains(serialized, personal));
    }
  }
}

TEST_CASE("eBay parsers: no fulfillments, and getShippingFulfillments' 404", "[ebay][fixtures]") {
  v1::Order order;
  REQUIRE_THAT(ParseEbayFulfillmentsResponse(Fixture("fulfillments.none.json"), "acme", &order),
               IsOk());
  CHECK(order.shipments_size() == 0);
  http::HttpResponse not_found{.status = 404, .body = "{}"};
  REQUIRE_THAT(ParseEbayFulfillmentsResponse(not_found, "acme", &order), IsOk());
  CHECK(order.shipments_size() == 0);
  http::HttpResponse total_only{.status = 200, .body = R"({"total": 0})"};
  REQUIRE_THAT(ParseEbayFulfillmentsResponse(total_only, "acme", &order), IsOk());
  http::HttpResponse neither{.status = 200, .body = R"({"orders": []})"};
  CHECK_THAT(ParseEbayFulfillmentsResponse(neither, "acme", &order),
             StatusIs(absl::StatusCode::kUnavailable, "malformed"));
}

TEST_CASE("eBay parsers: the documented error bodies map to the documented codes",
          "[ebay][fixtures]") {
  auto invalid = ParseEbayOrderResponse(Fixture("error.400.invalid-order-id.json", 400), "acme");
  CHECK_THAT(invalid.status(), StatusIs(absl::StatusCode::kInvalidArgument, "order_id"));
  CHECK_THAT(invalid.status(), StatusIs(absl::StatusCode::kInvalidArgument, "32100"));
  // eBay's message echoes the ID; it is not repeated.
  CHECK_FALSE(absl::StrContains(invalid.status().message(), "12-3456"));
  auto system = ParseEbayOrderResponse(Fixture("error.500.system-error.json", 500), "acme");
  CHECK_THAT(system.status(), StatusIs(absl::StatusCode::kUnavailable, "30500"));
  v1::Order order;
  CHECK_THAT(
      ParseEbayFulfillmentsResponse(Fixture("error.500.system-error.json", 500), "acme", &order),
      StatusIs(absl::StatusCode::kUnavailable, "getShippingFulfillments"));
}

}  // namespace
}  // namespace trackenrich::adapters::ebay
