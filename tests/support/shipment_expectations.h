// Table-driven checks of a parser's result against what a payload should give.
//   const ShipmentExpectation row{"ups/x.json", 200, absl::StatusCode::kOk,
//                                 v1::SHIPMENT_STATE_DELIVERED, {}, "2022-01-26T16:30:00Z", 2};
//   CheckShipment(row, ParseUpsTrackResponse(Response(row.http_status, body), "1Z..."));
#ifndef TRACKENRICH_TESTS_SUPPORT_SHIPMENT_EXPECTATIONS_H_
#define TRACKENRICH_TESTS_SUPPORT_SHIPMENT_EXPECTATIONS_H_

#include <string>

#include <catch2/catch.hpp>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

#include "adapters/common/time_util.h"
#include "adapters/http/http_message.h"
#include "tests/support/status_matchers.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::testing {

struct ShipmentExpectation {
  std::string file;
  int http_status;
  absl::StatusCode code;
  v1::ShipmentState state;
  v1::StateReason reason;
  // "YYYY-MM-DDTHH:MM:SSZ", or "" when the shipment has no delivered time.
  std::string delivered_at;
  int events;
};

inline std::string UtcString(const google::protobuf::Timestamp& timestamp) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", adapters::FromProto(timestamp),
                          absl::UTCTimeZone());
}

inline http::HttpResponse Response(int status, std::string body) {
  http::HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

inline void CheckShipment(const ShipmentExpectation& expected,
                          const absl::StatusOr<v1::Shipment>& shipment) {
  INFO("payload " << expected.file);
  REQUIRE_THAT(shipment.status(), StatusIs(expected.code));
  if (!shipment.ok()) return;
  CHECK(v1::ShipmentState_Name(shipment->state()) == v1::ShipmentState_Name(expected.state));
  CHECK(v1::StateReason_Name(shipment->reason()) == v1::StateReason_Name(expected.reason));
  CHECK(shipment->events_size() == expected.events);
  if (expected.delivered_at.empty()) {
    CHECK_FALSE(shipment->has_delivered_at());
  } else {
    REQUIRE(shipment->has_delivered_at());
    CHECK(UtcString(shipment->delivered_at()) == expected.delivered_at);
  }
  for (int i = 1; i < shipment->events_size(); ++i) {  // oldest first
    CHECK(shipment->events(i - 1).time().seconds() <= shipment->events(i).time().seconds());
  }
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_SHIPMENT_EXPECTATIONS_H_
