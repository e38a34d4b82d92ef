// Royal Mail end to end: a real gRPC client, the service in sandbox mode, and
// the sandbox speaking Royal Mail's Tracking API v2 over real HTTP. Every
// scenario with no carrier given (detection routes the GB S10 numbers), the
// proof of delivery, /readyz, and the sandbox's answer to other credentials.
#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#include "adapters/carrier.h"
#include "adapters/royal_mail/royal_mail_parser.h"
#include "adapters/royal_mail/royal_mail_request.h"
#include "adapters/royal_mail/sandbox/royal_mail_scenarios.h"
#include "services/sandbox/sandbox_upstream.h"
#include "tests/support/carrier_calls.h"
#include "tests/support/http_get.h"
#include "tests/support/sandbox_stats.h"
#include "tests/support/status_matchers.h"
#include "tests/support/test_server.h"

namespace trackenrich {
namespace {

using testing::GrpcStatusIs;

grpc::Status Track(testing::TestServer& server, const std::string& number,
                   v1::TrackShipmentResponse* response) {
  return testing::TrackNumber(*server.Stub(), number, response);
}

std::string Number(absl::string_view scenario) {
  return testing::CarrierScenarioNumber("royal_mail", scenario);
}

struct Row {
  const char* scenario;
  grpc::StatusCode code;
  v1::ShipmentState state;
  v1::StateReason reason;
};

constexpr Row kRows[] = {
    {"delivered", grpc::StatusCode::OK, v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"in_transit", grpc::StatusCode::OK, v1::SHIPMENT_STATE_IN_TRANSIT,
     v1::STATE_REASON_UNSPECIFIED},
    {"out_for_delivery", grpc::StatusCode::OK, v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
     v1::STATE_REASON_UNSPECIFIED},
    {"exception", grpc::StatusCode::OK, v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"delayed", grpc::StatusCode::OK, v1::SHIPMENT_STATE_DELAYED,
     v1::STATE_REASON_ACCESS_RESTRICTED},
    {"returned", grpc::StatusCode::OK, v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_REFUSED},
    {"not_found", grpc::StatusCode::NOT_FOUND, v1::SHIPMENT_STATE_UNSPECIFIED,
     v1::STATE_REASON_UNSPECIFIED},
    {"available_for_pickup", grpc::StatusCode::OK, v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP,
     v1::STATE_REASON_HELD_FOR_PICKUP},
};

TEST_CASE("Royal Mail: every sandbox scenario through gRPC, routed by its GB S10 number",
          "[integration][royal_mail]") {
  int listed = 0;
  for (const sandbox::Scenario& scenario : sandbox::SandboxUpstream::Scenarios()) {
    listed += scenario.carrier == "royal_mail";
  }
  CHECK(listed == static_cast<int>(std::size(kRows)));

  testing::TestServer server;
  const uint16_t sandbox_port = testing::PortOfUrl(server.server().sandbox_url());
  for (const Row& row : kRows) {
    const std::string number = Number(row.scenario);
    INFO(row.scenario << " " << number);
    CHECK(absl::EndsWith(number, "GB"));
    v1::TrackShipmentResponse response;
    const grpc::Status status = Track(server, number, &response);
    if (row.code != grpc::StatusCode::OK) {
      CHECK_THAT(status, GrpcStatusIs(row.code, "royal_mail"));
      continue;
    }
    REQUIRE_THAT(status, GrpcStatusIs(grpc::StatusCode::OK));
    const v1::Shipment& shipment = response.shipment();
    CHECK(shipment.carrier() == v1::CARRIER_ROYAL_MAIL);
    CHECK(shipment.carrier_name() == "Royal Mail");
    CHECK(v1::ShipmentState_Name(shipment.state()) == v1::ShipmentState_Name(row.state));
    CHECK(v1::StateReason_Name(shipment.reason()) == v1::StateReason_Name(row.reason));
    CHECK(shipment.provenance().adapter() == "royal_mail");
    CHECK(shipment.provenance().source() == v1::SOURCE_CARRIER_API);
    CHECK(shipment.tracking_url() ==
          absl::StrCat("https://www.royalmail.com/track-your-item#/tracking-results/", number));
    REQUIRE(shipment.events_size() >= 3);
    for (int i = 1; i < shipment.events_size(); ++i) {
      CHECK(shipment.events(i - 1).time().seconds() <= shipment.events(i).time().seconds());
    }
    for (const v1::TrackingEvent& event : shipment.events()) {
      CHECK(event.offset_known());
      CHECK(event.utc_offset_seconds() == 3600);  // the sandbox's UK summer time
      CHECK(absl::StartsWith(event.carrier_code(), "EV"));
      CHECK_FALSE(event.location().facility().empty());
    }
    CHECK(shipment.events(0).carrier_code() == "EVPPA");
    if (row.state == v1::SHIPMENT_STATE_DELIVERED) {
      CHECK(shipment.has_delivered_at());
      CHECK(shipment.proof_of_delivery().signed_by() == "A. SMITH");
      CHECK(shipment.proof_of_delivery().signature_captured());
    } else {
      CHECK_FALSE(shipment.has_delivered_at());
      CHECK(shipment.has_estimated_delivery());
    }
  }
  CHECK(testing::SandboxRequestCount(sandbox_port, "royal_mail.track") ==
        static_cast<int64_t>(std::size(kRows)));

  // The order scenario's Royal Mail package number is unknown to Royal Mail:
  // still routed there, and answered NOT_FOUND.
  v1::TrackShipmentResponse unknown;
  CHECK_THAT(Track(server, "RR123456785GB", &unknown),
             GrpcStatusIs(grpc::StatusCode::NOT_FOUND, "royal_mail"));
  CHECK(testing::SandboxRequestCount(sandbox_port, "royal_mail.track") ==
        static_cast<int64_t>(std::size(kRows)) + 1);
}

TEST_CASE("Royal Mail: without its adapter a GB S10 number gets the tracking link, as before",
          "[integration][royal_mail]") {
  server::ServiceConfig config = testing::SandboxConfig();
  config.sandbox = false;  // no carriers.royal_mail section: no adapter
  testing::TestServer server(config);
  v1::TrackShipmentResponse response;
  REQUIRE_THAT(Track(server, "RR123456785GB", &response), GrpcStatusIs(grpc::StatusCode::OK));
  CHECK(response.shipment().carrier() == v1::CARRIER_ROYAL_MAIL);
  CHECK(response.shipment().provenance().source() == v1::SOURCE_TEMPLATE);
  CHECK(response.shipment().tracking_url() ==
        "https://www.royalmail.com/track-your-item#/tracking-results/RR123456785GB");
  const auto ready = testing::HttpGet(server.server().admin_port(), "/readyz");
  CHECK_FALSE(absl::StrContains(ready.body, "\"royal_mail\""));
}

TEST_CASE("Royal Mail: /readyz lists the adapter", "[integration][royal_mail]") {
  testing::TestServer server;
  const auto ready = testing::HttpGet(server.server().admin_port(), "/readyz");
  CHECK(ready.status == 200);
  CHECK(absl::StrContains(ready.body, "\"royal_mail\""));
}

TEST_CASE("Royal Mail: the sandbox refuses other credentials, and the parser says so",
          "[integration][royal_mail]") {
  int calls = 0;
  const sandbox::RouteCounter count = [&calls](absl::string_view) { ++calls; };
  http::HttpRequest request = adapters::royal_mail::BuildRoyalMailEventsRequest(
      Number("delivered"), "someone-else", "not-the-secret");
  auto reply = sandbox::HandleRoyalMail(request, absl::Now(), count);
  REQUIRE(reply.has_value());
  CHECK(reply->response.status == 401);
  const auto refused =
      adapters::royal_mail::ParseRoyalMailEventsResponse(reply->response, Number("delivered"));
  CHECK(refused.status().code() == absl::StatusCode::kFailedPrecondition);
  CHECK_FALSE(absl::StrContains(refused.status().message(), "not-the-secret"));

  request = adapters::royal_mail::BuildRoyalMailEventsRequest(
      Number("delivered"), adapters::kSandboxClientId, adapters::kSandboxClientSecret);
  reply = sandbox::HandleRoyalMail(request, absl::Now(), count);
  REQUIRE(reply.has_value());
  CHECK(reply->response.status == 200);
  CHECK(calls == 2);
  request.target = "/track/shipments?trackingNumber=TT900000019GB";
  CHECK_FALSE(sandbox::HandleRoyalMail(request, absl::Now(), count).has_value());
}

}  // namespace
}  // namespace trackenrich
