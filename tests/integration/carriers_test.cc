// Every carrier end to end (UPS, FedEx, USPS, DHL, DPD, Amazon Shipping): a
// real gRPC client, the service in sandbox mode, and the sandbox upstream over
// real HTTP speaking each carrier's wire format (token endpoints included).
#include <algorithm>
#include <chrono>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/detection/check_digits.h"
#include "adapters/fedex/fedex_adapter.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/carrier_settings.h"
#include "tests/support/http_get.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

std::string Number(absl::string_view carrier, absl::string_view scenario) {
  const std::string number = sandbox::SandboxUpstream::ScenarioNumber(carrier, scenario);
  REQUIRE_FALSE(number.empty());
  return number;
}

// Requests the sandbox has received on `route`, read over its control endpoint.
int64_t UpstreamCount(testing::TestServer& server, const std::string& route) {
  const std::string url = server.server().sandbox_url();
  uint32_t port = 0;
  REQUIRE(absl::SimpleAtoi(url.substr(url.rfind(':') + 1), &port));
  const auto stats = testing::HttpGet(static_cast<uint16_t>(port), "/__sandbox/stats");
  REQUIRE(stats.status == 200);
  const auto json = boost::json::parse(stats.body);
  const auto* count = json.at("requests").as_object().if_contains(route);
  return count == nullptr ? 0 : count->as_int64();
}

grpc::Status Track(v1::TrackingService::Stub& stub, const std::string& number,
                   v1::TrackShipmentResponse* response,
                   v1::Carrier carrier = v1::CARRIER_UNSPECIFIED) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::TrackShipmentRequest request;
  request.mutable_shipment()->set_tracking_number(number);
  request.mutable_shipment()->set_carrier(carrier);
  return stub.TrackShipment(&context, request, response);
}

// The seven scenarios issue #3 asks of the sandbox for every carrier.
constexpr const char* kRequiredScenarios[] = {
    "delivered", "in_transit", "out_for_delivery", "exception", "delayed", "returned", "not_found"};

struct Row {
  const char* carrier;  // the sandbox's and the adapter's name
  const char* scenario;
  v1::Carrier carrier_enum;
  grpc::StatusCode code;
  v1::ShipmentState state;  // when code is OK
  v1::StateReason reason;
};

// Every sandbox scenario that answers with a shipment or "not found", for
// every carrier: the seven of kRequiredScenarios, then any extra ones.
constexpr grpc::StatusCode kOk = grpc::StatusCode::OK;
constexpr grpc::StatusCode kNotFound = grpc::StatusCode::NOT_FOUND;
constexpr v1::ShipmentState kNoState = v1::SHIPMENT_STATE_UNSPECIFIED;
constexpr v1::StateReason kNoReason = v1::STATE_REASON_UNSPECIFIED;
constexpr Row kRows[] = {
    {"ups", "delivered", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_DELIVERED, kNoReason},
    {"ups", "in_transit", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_IN_TRANSIT, kNoReason},
    {"ups", "out_for_delivery", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
     kNoReason},
    {"ups", "exception", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_EXCEPTION,
     v1::STATE_REASON_ADDRESS_ISSUE},
    {"ups", "delayed", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_WEATHER},
    {"ups", "returned", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_RETURNING,
     v1::STATE_REASON_RETURN_TO_SENDER},
    {"ups", "not_found", v1::CARRIER_UPS, kNotFound, kNoState, kNoReason},
    {"ups", "label_created", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_LABEL_CREATED, kNoReason},
    // Type X, code RP: the exception table's "government release pending".
    {"ups", "customs_hold", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_EXCEPTION,
     v1::STATE_REASON_CUSTOMS},
    // Status code 161, though its text starts "Delivered".
    {"ups", "access_point", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
    // "Pickup Attempted" (065) is no delivery attempt.
    {"ups", "pickup_attempted", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_LABEL_CREATED, kNoReason},
    {"ups", "gmt_colon_times", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_IN_TRANSIT, kNoReason},
    // Code OR carries status 013 here (005 in another UPS system): the status
    // code decides.
    {"ups", "status_code_decides", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_EXCEPTION,
     v1::STATE_REASON_ADDRESS_ISSUE},
    // Status 000 (not available) after real scans is no "no record".
    {"ups", "not_available_after_scans", v1::CARRIER_UPS, kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
     kNoReason},

    {"fedex", "delivered", v1::CARRIER_FEDEX, kOk, v1::SHIPMENT_STATE_DELIVERED, kNoReason},
    {"fedex", "in_transit", v1::CARRIER_FEDEX, kOk, v1::SHIPMENT_STATE_IN_TRANSIT, kNoReason},
    {"fedex", "out_for_delivery", v1::CARRIER_FEDEX, kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
     kNoReason},
    {"fedex", "exception", v1::CARRIER_FEDEX, kOk, v1::SHIPMENT_STATE_EXCEPTION,
     v1::STATE_REASON_ADDRESS_ISSUE},
    {"fedex", "delayed", v1::CARRIER_FEDEX, kOk, v1::SHIPMENT_STATE_DELAYED,
     v1::STATE_REASON_WEATHER},
    {"fedex", "returned", v1::CARRIER_FEDEX, kOk, v1::SHIPMENT_STATE_RETURNING,
     v1::STATE_REASON_REFUSED},
    // FedEx's per-number error inside a 200.
    {"fedex", "not_found", v1::CARRIER_FEDEX, kNotFound, kNoState, kNoReason},
    // Delivery exceptions decided by their exception code: 060G returns to
    // the shipper though the derived code says DL.
    {"fedex", "exception_returning", v1::CARRIER_FEDEX, kOk, v1::SHIPMENT_STATE_RETURNING,
     v1::STATE_REASON_RETURN_TO_SENDER},
    {"fedex", "exception_attempted", v1::CARRIER_FEDEX, kOk, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"fedex", "exception_redirected", v1::CARRIER_FEDEX, kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
     kNoReason},

    {"usps", "delivered", v1::CARRIER_USPS, kOk, v1::SHIPMENT_STATE_DELIVERED, kNoReason},
    {"usps", "in_transit", v1::CARRIER_USPS, kOk, v1::SHIPMENT_STATE_IN_TRANSIT, kNoReason},
    {"usps", "out_for_delivery", v1::CARRIER_USPS, kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
     kNoReason},
    {"usps", "exception", v1::CARRIER_USPS, kOk, v1::SHIPMENT_STATE_EXCEPTION,
     v1::STATE_REASON_ADDRESS_ISSUE},
    {"usps", "delayed", v1::CARRIER_USPS, kOk, v1::SHIPMENT_STATE_DELAYED,
     v1::STATE_REASON_CARRIER_DELAY},
    {"usps", "returned", v1::CARRIER_USPS, kOk, v1::SHIPMENT_STATE_RETURNING,
     v1::STATE_REASON_RETURN_TO_SENDER},
    {"usps", "not_found", v1::CARRIER_USPS, kNotFound, kNoState, kNoReason},
    // 400 "12: A status update is not yet available": no carrier record yet,
    // a shipment (not an error).
    {"usps", "no_status_yet", v1::CARRIER_USPS, kOk, v1::SHIPMENT_STATE_NOT_FOUND, kNoReason},

    {"dhl", "delivered", v1::CARRIER_DHL, kOk, v1::SHIPMENT_STATE_DELIVERED, kNoReason},
    {"dhl", "in_transit", v1::CARRIER_DHL, kOk, v1::SHIPMENT_STATE_IN_TRANSIT, kNoReason},
    {"dhl", "out_for_delivery", v1::CARRIER_DHL, kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
     kNoReason},
    {"dhl", "exception", v1::CARRIER_DHL, kOk, v1::SHIPMENT_STATE_EXCEPTION,
     v1::STATE_REASON_ADDRESS_ISSUE},
    {"dhl", "delayed", v1::CARRIER_DHL, kOk, v1::SHIPMENT_STATE_DELAYED, v1::STATE_REASON_WEATHER},
    {"dhl", "returned", v1::CARRIER_DHL, kOk, v1::SHIPMENT_STATE_RETURNING,
     v1::STATE_REASON_REFUSED},
    {"dhl", "not_found", v1::CARRIER_DHL, kNotFound, kNoState, kNoReason},
    // status "DELIVERED" under statusCode "transit": the code wins.
    {"dhl", "status_disagreement", v1::CARRIER_DHL, kOk, v1::SHIPMENT_STATE_IN_TRANSIT, kNoReason},
    // statusCode "unknown" on a label's announcement: no scan yet.
    {"dhl", "label_created", v1::CARRIER_DHL, kOk, v1::SHIPMENT_STATE_LABEL_CREATED, kNoReason},

    {"dpd", "delivered", v1::CARRIER_DPD, kOk, v1::SHIPMENT_STATE_DELIVERED, kNoReason},
    {"dpd", "in_transit", v1::CARRIER_DPD, kOk, v1::SHIPMENT_STATE_IN_TRANSIT, kNoReason},
    {"dpd", "out_for_delivery", v1::CARRIER_DPD, kOk, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
     kNoReason},
    {"dpd", "exception", v1::CARRIER_DPD, kOk, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"dpd", "delayed", v1::CARRIER_DPD, kOk, v1::SHIPMENT_STATE_DELAYED,
     v1::STATE_REASON_CARRIER_DELAY},
    {"dpd", "returned", v1::CARRIER_DPD, kOk, v1::SHIPMENT_STATE_RETURNING,
     v1::STATE_REASON_RETURN_TO_SENDER},
    // An empty trackingresult.
    {"dpd", "not_found", v1::CARRIER_DPD, kNotFound, kNoState, kNoReason},
    {"dpd", "available_for_pickup", v1::CARRIER_DPD, kOk, v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},

    {"amazon_shipping", "delivered", v1::CARRIER_AMAZON, kOk, v1::SHIPMENT_STATE_DELIVERED,
     kNoReason},
    {"amazon_shipping", "in_transit", v1::CARRIER_AMAZON, kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
     kNoReason},
    {"amazon_shipping", "out_for_delivery", v1::CARRIER_AMAZON, kOk,
     v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, kNoReason},
    {"amazon_shipping", "exception", v1::CARRIER_AMAZON, kOk, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_BUSINESS_CLOSED},
    // RecipientRequestedAlternateDeliveryTiming: the buyer moved the date, the
    // package is still on its way (Amazon publishes no delayed status).
    {"amazon_shipping", "delayed", v1::CARRIER_AMAZON, kOk, v1::SHIPMENT_STATE_IN_TRANSIT,
     v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    // Delivered back to the seller on the RETURNS leg.
    {"amazon_shipping", "returned", v1::CARRIER_AMAZON, kOk, v1::SHIPMENT_STATE_RETURNED,
     v1::STATE_REASON_REFUSED},
    {"amazon_shipping", "not_found", v1::CARRIER_AMAZON, kNotFound, kNoState, kNoReason},
    // Refused or undeliverable: going back to the seller, never LOST.
    {"amazon_shipping", "rejected", v1::CARRIER_AMAZON, kOk, v1::SHIPMENT_STATE_RETURNING,
     v1::STATE_REASON_REFUSED},
    {"amazon_shipping", "undeliverable", v1::CARRIER_AMAZON, kOk, v1::SHIPMENT_STATE_RETURNING,
     v1::STATE_REASON_ADDRESS_ISSUE},
};

TEST_CASE("the table covers the seven required scenarios of every carrier", "[integration]") {
  for (const char* carrier : {"ups", "fedex", "usps", "dhl", "dpd", "amazon_shipping"}) {
    for (const char* scenario : kRequiredScenarios) {
      INFO(carrier << " " << scenario);
      CHECK_FALSE(sandbox::SandboxUpstream::ScenarioNumber(carrier, scenario).empty());
      CHECK(std::count_if(std::begin(kRows), std::end(kRows), [&](const Row& row) {
              return absl::string_view(row.carrier) == carrier &&
                     absl::string_view(row.scenario) == scenario;
            }) == 1);
    }
  }
}

TEST_CASE("TrackShipment: every carrier's sandbox scenarios, detected and mapped end to end",
          "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  for (const Row& row : kRows) {
    const std::string number = Number(row.carrier, row.scenario);
    INFO(row.carrier << " " << row.scenario << " " << number);
    // No carrier in the request: detection routes the number.
    v1::TrackShipmentResponse response;
    const grpc::Status status = Track(*stub, number, &response);
    if (row.code != kOk) {
      CHECK_THAT(status, GrpcStatusIs(row.code, row.carrier));
      continue;
    }
    REQUIRE_THAT(status, GrpcStatusIs(grpc::StatusCode::OK));
    const v1::Shipment& shipment = response.shipment();
    CHECK(v1::Carrier_Name(shipment.carrier()) == v1::Carrier_Name(row.carrier_enum));
    CHECK(shipment.tracking_number() == number);
    CHECK(v1::ShipmentState_Name(shipment.state()) == v1::ShipmentState_Name(row.state));
    CHECK(v1::StateReason_Name(shipment.reason()) == v1::StateReason_Name(row.reason));
    // Every scenario but a bare label has its scans before the latest one; a
    // number the carrier has no record of yet has none.
    const int least_events = row.state == v1::SHIPMENT_STATE_NOT_FOUND       ? 0
                             : row.state == v1::SHIPMENT_STATE_LABEL_CREATED ? 1
                                                                             : 2;
    CHECK(shipment.events_size() >= least_events);
    CHECK(absl::StrContains(shipment.tracking_url(), absl::string_view(number).substr(0, 14)));
    CHECK(shipment.provenance().adapter() == row.carrier);
    CHECK(shipment.provenance().payload_sha256().size() == 64);
    CHECK(shipment.provenance().cache_layer() == v1::CACHE_LAYER_NONE);
    for (int i = 1; i < shipment.events_size(); ++i) {
      CHECK(shipment.events(i - 1).time().seconds() <= shipment.events(i).time().seconds());
    }
    if (row.state == v1::SHIPMENT_STATE_DELIVERED) {
      CHECK(shipment.has_delivered_at());
    } else {
      CHECK_FALSE(shipment.has_delivered_at());
    }
  }
  // One token per upstream that has one, however many lookups; one tracking
  // call per DHL row (no cache hits: every number is asked once).
  for (const char* route :
       {"ups.token", "fedex.token", "usps.token", "dpd.login", "amazon_shipping.token"}) {
    INFO(route);
    CHECK(UpstreamCount(server, route) == 1);
  }
  const auto dhl_rows = std::count_if(std::begin(kRows), std::end(kRows), [](const Row& row) {
    return absl::string_view(row.carrier) == "dhl";
  });
  CHECK(UpstreamCount(server, "dhl.track") == dhl_rows);
}

// Issue 16: a DHL label DHL reports as statusCode "unknown" was IN_TRANSIT,
// so its time became first_scan_at and a missed ship-by went unseen.
TEST_CASE("TrackShipment: a DHL label announced as unknown has no first carrier scan",
          "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  v1::TrackShipmentResponse response;
  REQUIRE_THAT(Track(*stub, Number("dhl", "label_created"), &response),
               GrpcStatusIs(grpc::StatusCode::OK));
  const v1::Shipment& shipment = response.shipment();
  CHECK(v1::ShipmentState_Name(shipment.state()) == "SHIPMENT_STATE_LABEL_CREATED");
  REQUIRE(shipment.events_size() == 1);
  CHECK(shipment.events(0).carrier_code() == "unknown");
  CHECK(v1::ShipmentState_Name(shipment.events(0).state()) == "SHIPMENT_STATE_LABEL_CREATED");
  CHECK_FALSE(shipment.has_first_scan_at());
  // A scanned package still has its first scan.
  v1::TrackShipmentResponse moving;
  REQUIRE_THAT(Track(*stub, Number("dhl", "in_transit"), &moving),
               GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(moving.shipment().has_first_scan_at());
}

TEST_CASE(
    "TrackShipment: UPS times written HH:MM:SS keep their UTC offset; a USPS label "
    "with no status yet names USPS's words",
    "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  v1::TrackShipmentResponse ups;
  REQUIRE_THAT(Track(*stub, Number("ups", "gmt_colon_times"), &ups),
               GrpcStatusIs(grpc::StatusCode::OK));
  REQUIRE(ups.shipment().events_size() >= 2);
  for (const v1::TrackingEvent& event : ups.shipment().events()) {
    INFO(event.description());
    CHECK(event.offset_known());
    CHECK(event.utc_offset_seconds() == -5 * 3600);
  }

  v1::TrackShipmentResponse usps;
  REQUIRE_THAT(Track(*stub, Number("usps", "no_status_yet"), &usps),
               GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(usps.shipment().carrier_status_code() == "12");
  CHECK_THAT(usps.shipment().carrier_status_text(),
             Catch::StartsWith("A status update is not yet available on your package"));
  CHECK_FALSE(usps.shipment().has_first_scan_at());
}

TEST_CASE("TrackShipment: a not-found answer is cached", "[integration]") {
  testing::TestServer server;
  auto stub = server.Stub();
  for (int i = 0; i < 2; ++i) {
    v1::TrackShipmentResponse response;
    CHECK_THAT(Track(*stub, Number("dhl", "not_found"), &response),
               GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "dhl"));
  }
  // Negative caching: the second ask costs no upstream call.
  CHECK(UpstreamCount(server, "dhl.track") == 1);
}

// Valid 12-digit FedEx numbers the sandbox answers as in transit.
std::string BulkFedexNumber(int i) {
  const std::string payload = absl::StrCat("7799", 1000000 + i);
  return absl::StrCat(payload, detection::FedExMod11CheckDigit(payload));
}

TEST_CASE("BatchTrackShipments: 60 FedEx numbers cost exactly 2 upstream calls", "[integration]") {
  server::ServiceConfig config = testing::SandboxConfig();
  // The count comes from flushing at 30 numbers; the window only bounds the
  // wait. A loaded machine can take longer than the default 2 ms to hand 60
  // lookups over, so this test gives the batch more room.
  testing::SetCarrierSettings<adapters::fedex::FedexSettings>(
      config.sandbox_carriers, "fedex",
      [](adapters::fedex::FedexSettings& fedex) { fedex.batch_window = absl::Milliseconds(50); });
  testing::TestServer server(config);
  auto stub = server.Stub();

  std::vector<std::string> numbers = {Number("fedex", "delivered"), Number("fedex", "not_found")};
  for (int i = 0; numbers.size() < 60; ++i) numbers.push_back(BulkFedexNumber(i));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::BatchTrackShipmentsRequest batch;
  for (const std::string& number : numbers) {
    batch.add_requests()->mutable_shipment()->set_tracking_number(number);
  }
  v1::BatchTrackShipmentsResponse response;
  REQUIRE(stub->BatchTrackShipments(&context, batch, &response).ok());
  REQUIRE(response.results_size() == 60);
  CHECK(response.results(0).shipment().state() == v1::SHIPMENT_STATE_DELIVERED);
  // FedEx's per-number error inside the 200: NOT_FOUND for that number only.
  CHECK(response.results(1).error().code() == static_cast<int>(grpc::StatusCode::NOT_FOUND));
  CHECK(response.results(1).error().subject() == numbers[1]);
  for (int i = 2; i < 60; ++i) {
    INFO(numbers[i]);
    CHECK(response.results(i).shipment().carrier() == v1::CARRIER_FEDEX);
    CHECK(response.results(i).shipment().state() == v1::SHIPMENT_STATE_IN_TRANSIT);
    CHECK(response.results(i).shipment().tracking_number() == numbers[i]);
  }
  CHECK(UpstreamCount(server, "fedex.track") == 2);
  CHECK(UpstreamCount(server, "fedex.token") == 1);
}

TEST_CASE("a carrier configured without credentials answers FAILED_PRECONDITION naming it",
          "[integration]") {
  server::ServiceConfig config = testing::SandboxConfig();
  // Sections with every default: real base URLs, no credentials.
  for (const char* carrier : {"fedex", "usps", "dhl", "dpd", "amazon_shipping"}) {
    config.carriers[carrier] = adapters::FindCarrier(carrier)->NewSection();
  }
  testing::TestServer server(config);
  auto stub = server.Stub();
  const std::pair<const char*, const char*> cases[] = {{"fedex", "FedEx"},
                                                       {"usps", "USPS"},
                                                       {"dhl", "DHL"},
                                                       {"dpd", "DPD"},
                                                       {"amazon_shipping", "Amazon Shipping"}};
  for (const auto& [carrier, name] : cases) {
    INFO(carrier);
    v1::TrackShipmentResponse response;
    CHECK_THAT(Track(*stub, Number(carrier, "delivered"), &response),
               GrpcStatusIs(grpc::StatusCode::FAILED_PRECONDITION, name));
  }
  // The sandbox still serves the carrier left unconfigured (UPS here).
  v1::TrackShipmentResponse ups;
  CHECK(Track(*stub, sandbox::SandboxUpstream::ScenarioNumber("ups", "delivered"), &ups).ok());
  CHECK(UpstreamCount(server, "fedex.token") == 0);
}

TEST_CASE("outside sandbox mode, a carrier with no section gets its tracking link only",
          "[integration]") {
  server::ServiceConfig config = testing::SandboxConfig();
  config.sandbox = false;
  testing::TestServer server(config);
  auto stub = server.Stub();
  v1::TrackShipmentResponse response;
  REQUIRE(Track(*stub, Number("fedex", "delivered"), &response).ok());
  CHECK(response.shipment().carrier() == v1::CARRIER_FEDEX);
  CHECK(response.shipment().provenance().source() == v1::SOURCE_TEMPLATE);
  CHECK(absl::StrContains(response.shipment().tracking_url(), "fedex.com"));
}

}  // namespace
}  // namespace trackenrich
