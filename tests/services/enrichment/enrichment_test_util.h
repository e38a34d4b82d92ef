// Builders for the orders and shipments the enrichment tests judge, all
// relative to one fixed instant (kNow), so every flag and date is exact.
//
//   v1::Shipment shipment = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(absl::Hours(6)).Build();
//   v1::Order order = FbmOrder().ShipBy(-absl::Hours(3)).Build();   // ship-by ended 3 h ago
#ifndef TRACKENRICH_TESTS_SERVICES_ENRICHMENT_ENRICHMENT_TEST_UTIL_H_
#define TRACKENRICH_TESTS_SERVICES_ENRICHMENT_ENRICHMENT_TEST_UTIL_H_

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"
#include "trackenrich/v1/enrichment.pb.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::enrichment::testing {

// Friday 30 January 2026, 12:00 UTC.
inline const absl::Time kNow =
    absl::FromCivil(absl::CivilSecond(2026, 1, 30, 12, 0, 0), absl::UTCTimeZone());

inline constexpr char kUpsNumber[] = "1Z4F8W170342185630";
// The same number with a wrong check digit.
inline constexpr char kUpsBadCheckDigit[] = "1Z4F8W170342185631";
inline constexpr char kUspsNumber[] = "9400111899223851234563";
inline constexpr char kOrderId[] = "114-3941689-8772232";

class PackageBuilder {
 public:
  PackageBuilder(v1::ShipmentState state, std::string number, v1::Carrier carrier,
                 std::string carrier_name) {
    shipment_.set_state(state);
    shipment_.set_tracking_number(std::move(number));
    shipment_.set_carrier(carrier);
    shipment_.set_carrier_name(std::move(carrier_name));
    shipment_.mutable_provenance()->set_source(v1::SOURCE_CARRIER_API);
    shipment_.mutable_provenance()->set_adapter("ups");
    adapters::ToProto(kNow - absl::Minutes(1),
                      shipment_.mutable_provenance()->mutable_fetched_at());
    shipment_.mutable_provenance()->set_payload_sha256(std::string(64, 'a'));
  }

  PackageBuilder& Reason(v1::StateReason reason) {
    shipment_.set_reason(reason);
    return *this;
  }
  // Adds one carrier event `ago` before kNow, in US Eastern time (-05:00).
  PackageBuilder& Event(absl::Duration ago, v1::ShipmentState state,
                        const std::string& description = "scan") {
    v1::TrackingEvent* event = shipment_.add_events();
    adapters::ToProto(kNow - ago, event->mutable_time());
    event->set_utc_offset_seconds(-5 * 3600);
    event->set_offset_known(true);
    event->set_state(state);
    event->set_carrier_code(std::string(v1::ShipmentState_Name(state)).substr(15, 2));
    event->set_description(description);
    event->mutable_location()->set_city("Secaucus");
    event->mutable_location()->set_country_code("US");
    return *this;
  }
  // The usual trail up to the current state `ago` before kNow: a label 6 h
  // and a pickup 3 h before it.
  PackageBuilder& Trail(absl::Duration ago) {
    const v1::ShipmentState state = shipment_.state();
    if (state == v1::SHIPMENT_STATE_LABEL_CREATED) {
      return Event(ago, v1::SHIPMENT_STATE_LABEL_CREATED, "Label created");
    }
    Event(ago + absl::Hours(6), v1::SHIPMENT_STATE_LABEL_CREATED, "Label created");
    if (state == v1::SHIPMENT_STATE_PICKED_UP) {
      return Event(ago, v1::SHIPMENT_STATE_PICKED_UP, "Pickup scan");
    }
    Event(ago + absl::Hours(3), v1::SHIPMENT_STATE_PICKED_UP, "Pickup scan");
    return Event(ago, state, "Current scan");
  }
  PackageBuilder& Eta(absl::Duration from_now) {
    adapters::ToProto(kNow + from_now, shipment_.mutable_estimated_delivery()->mutable_start());
    adapters::ToProto(kNow + from_now, shipment_.mutable_estimated_delivery()->mutable_end());
    return *this;
  }
  PackageBuilder& Signature() {
    shipment_.mutable_proof_of_delivery()->set_signature_captured(true);
    return *this;
  }
  PackageBuilder& Photo() {
    shipment_.mutable_proof_of_delivery()->set_photo_captured(true);
    return *this;
  }
  PackageBuilder& TrackingUrl(std::string url) {
    shipment_.set_tracking_url(std::move(url));
    return *this;
  }

  v1::Shipment Build() const {
    v1::Shipment shipment = shipment_;
    adapters::FinalizeShipment(&shipment);
    return shipment;
  }

 private:
  v1::Shipment shipment_;
};

inline PackageBuilder Package(v1::ShipmentState state, std::string number = kUpsNumber,
                              v1::Carrier carrier = v1::CARRIER_UPS,
                              std::string carrier_name = "UPS") {
  return PackageBuilder(state, std::move(number), carrier, std::move(carrier_name));
}

class OrderBuilder {
 public:
  OrderBuilder(v1::Fulfillment fulfillment, v1::OrderStatus status) {
    order_.set_channel(v1::SALES_CHANNEL_AMAZON);
    order_.set_marketplace_id("APJ6JRA9NG5V4");
    order_.set_marketplace_country("IT");
    order_.set_order_id(kOrderId);
    order_.set_fulfillment(fulfillment);
    order_.set_status(status);
    adapters::ToProto(kNow - absl::Hours(24 * 5), order_.mutable_purchased_at());
  }
  // The ship-by window ends `from_now` after kNow (negative: in the past).
  OrderBuilder& ShipBy(absl::Duration from_now) {
    adapters::ToProto(kNow + from_now - absl::Hours(48), order_.mutable_ship_by()->mutable_start());
    adapters::ToProto(kNow + from_now, order_.mutable_ship_by()->mutable_end());
    return *this;
  }
  OrderBuilder& DeliverBy(absl::Duration from_now) {
    adapters::ToProto(kNow + from_now - absl::Hours(48),
                      order_.mutable_deliver_by()->mutable_start());
    adapters::ToProto(kNow + from_now, order_.mutable_deliver_by()->mutable_end());
    return *this;
  }
  OrderBuilder& Channel(v1::SalesChannel channel) {
    order_.set_channel(channel);
    return *this;
  }
  OrderBuilder& With(v1::Shipment shipment) {
    *order_.add_shipments() = std::move(shipment);
    return *this;
  }
  v1::Order Build() const { return order_; }

 private:
  v1::Order order_;
};

inline OrderBuilder FbmOrder(v1::OrderStatus status = v1::ORDER_STATUS_SHIPPED) {
  return OrderBuilder(v1::FULFILLMENT_FBM, status);
}
inline OrderBuilder FbaOrder(v1::OrderStatus status = v1::ORDER_STATUS_SHIPPED) {
  return OrderBuilder(v1::FULFILLMENT_FBA, status);
}

// Flag kinds as sorted names, for readable comparisons.
inline std::vector<std::string> Kinds(const std::vector<v1::RiskFlag>& flags) {
  std::vector<std::string> kinds;
  for (const auto& flag : flags) kinds.push_back(v1::RiskFlagKind_Name(flag.kind()));
  std::sort(kinds.begin(), kinds.end());
  return kinds;
}

}  // namespace trackenrich::enrichment::testing

#endif  // TRACKENRICH_TESTS_SERVICES_ENRICHMENT_ENRICHMENT_TEST_UTIL_H_
