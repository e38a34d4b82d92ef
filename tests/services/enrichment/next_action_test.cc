// The next action (and its reply template) for each situation of issue 7,
// item 3, with flags computed by the real flag rules at a fixed clock.
#include "services/enrichment/next_action.h"

#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "services/enrichment/risk_flags.h"
#include "tests/services/enrichment/enrichment_test_util.h"

namespace trackenrich::enrichment {
namespace {

using testing::FbaOrder;
using testing::FbmOrder;
using testing::kNow;
using testing::Package;

constexpr auto H = [](int hours) { return absl::Hours(hours); };

struct ActionRow {
  const char* situation;
  std::optional<v1::Order> order;
  // Looked up by tracking number, outside the order.
  std::vector<v1::Shipment> loose;
  bool buyer_reports_not_received;
  v1::NextActionKind kind;
  const char* template_id;
  int shipment_index;
};

SuggestedAction Suggest(const ActionRow& row) {
  const EnrichmentSettings settings;
  std::vector<v1::RiskFlag> flags;
  std::vector<v1::Shipment> shipments;
  const v1::Order* order = row.order.has_value() ? &*row.order : nullptr;
  if (order != nullptr) {
    flags = OrderRiskFlags(*order, settings, kNow);
    shipments.assign(order->shipments().begin(), order->shipments().end());
  }
  for (const auto& shipment : row.loose) {
    for (auto& flag : ShipmentRiskFlags(shipment, nullptr, settings, kNow)) flags.push_back(flag);
    shipments.push_back(shipment);
  }
  return SuggestNextAction(order, shipments, flags, row.buyer_reports_not_received);
}

std::vector<ActionRow> Rows() {
  const auto in_transit = Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(6)).Eta(H(30)).Build();
  const auto delivered = Package(v1::SHIPMENT_STATE_DELIVERED).Trail(H(5)).Signature().Build();
  const auto second_in_transit =
      Package(v1::SHIPMENT_STATE_IN_TRANSIT, testing::kUspsNumber, v1::CARRIER_USPS, "USPS")
          .Trail(H(6))
          .Build();
  const auto address =
      Package(v1::SHIPMENT_STATE_EXCEPTION, testing::kUspsNumber, v1::CARRIER_USPS, "USPS")
          .Reason(v1::STATE_REASON_ADDRESS_ISSUE)
          .Trail(H(5))
          .Build();
  return {
      {"nothing named: ask for the order number",
       {},
       {},
       false,
       v1::NEXT_ACTION_KIND_INVESTIGATE,
       kOrderNotFound,
       -1},
      {"FBA order in transit",
       FbaOrder().ShipBy(-H(8)).DeliverBy(H(30)).With(in_transit).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON,
       kFbaRedirect,
       0},
      {"FBA order lost: still Amazon's",
       FbaOrder().With(Package(v1::SHIPMENT_STATE_LOST).Trail(H(6)).Build()).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON,
       kFbaRedirect,
       0},
      {"FBA order not shipped yet",
       FbaOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(H(5)).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON,
       kFbaRedirect,
       -1},
      {"cancelled order",
       FbmOrder(v1::ORDER_STATUS_CANCELLED).With(in_transit).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_INVESTIGATE,
       "",
       -1},
      {"FBM not shipped, past ship-by",
       FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(-H(3)).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_SHIP_NOW,
       kNotYetShipped,
       -1},
      {"FBM not shipped, ship-by in 5 h",
       FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(H(5)).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_SHIP_NOW,
       kNotYetShipped,
       -1},
      {"FBM marked shipped without a tracking number",
       FbmOrder().ShipBy(-H(3)).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_INVESTIGATE,
       "",
       -1},
      {"FBM lost",
       FbmOrder().With(Package(v1::SHIPMENT_STATE_LOST).Trail(H(6)).Build()).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_OFFER_REPLACEMENT_OR_REFUND,
       kLostReplacement,
       0},
      {"FBM returning to sender",
       FbmOrder().With(Package(v1::SHIPMENT_STATE_RETURNING).Trail(H(6)).Build()).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_OFFER_REPLACEMENT_OR_REFUND,
       kLostReplacement,
       0},
      {"FBM returned",
       FbmOrder().With(Package(v1::SHIPMENT_STATE_RETURNED).Trail(H(6)).Build()).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_OFFER_REPLACEMENT_OR_REFUND,
       kLostReplacement,
       0},
      {"delivered, buyer says not received",
       FbmOrder().With(delivered).Build(),
       {},
       true,
       v1::NEXT_ACTION_KIND_CHECK_DELIVERY_PROOF,
       kDeliveredNotReceived,
       0},
      {"delivered, no complaint",
       FbmOrder().With(delivered).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       kFbmStatusUpdate,
       0},
      {"buyer says not received, still in transit",
       {},
       {in_transit},
       true,
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       kFbmStatusUpdate,
       0},
      {"tracking number fails its check digit",
       {},
       {Package(v1::SHIPMENT_STATE_NOT_FOUND, testing::kUpsBadCheckDigit).Build()},
       false,
       v1::NEXT_ACTION_KIND_CONTACT_CARRIER,
       "",
       0},
      {"exception: the address needs correcting",
       {},
       {address},
       false,
       v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO,
       kExceptionFollowUp,
       0},
      {"exception the carrier must solve",
       {},
       {Package(v1::SHIPMENT_STATE_EXCEPTION)
            .Reason(v1::STATE_REASON_UNDER_INVESTIGATION)
            .Trail(H(5))
            .Build()},
       false,
       v1::NEXT_ACTION_KIND_CONTACT_CARRIER,
       kExceptionFollowUp,
       0},
      {"delivery attempted",
       {},
       {Package(v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED).Trail(H(3)).Build()},
       false,
       v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO,
       kExceptionFollowUp,
       0},
      {"delayed by weather",
       {},
       {Package(v1::SHIPMENT_STATE_DELAYED).Reason(v1::STATE_REASON_WEATHER).Trail(H(7)).Build()},
       false,
       v1::NEXT_ACTION_KIND_APOLOGIZE_AND_CONTACT_CARRIER,
       kDelayApology,
       0},
      {"stalled in transit",
       {},
       {Package(v1::SHIPMENT_STATE_IN_TRANSIT).Trail(H(60)).Build()},
       false,
       v1::NEXT_ACTION_KIND_APOLOGIZE_AND_CONTACT_CARRIER,
       kDelayApology,
       0},
      {"only a label for 60 h: hand it over",
       {},
       {Package(v1::SHIPMENT_STATE_LABEL_CREATED).Trail(H(60)).Build()},
       false,
       v1::NEXT_ACTION_KIND_SHIP_NOW,
       "",
       0},
      {"only a label past ship-by",
       FbmOrder()
           .ShipBy(-H(2))
           .With(Package(v1::SHIPMENT_STATE_LABEL_CREATED).Trail(H(10)).Build())
           .Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_SHIP_NOW,
       "",
       0},
      {"a fresh label, on time",
       {},
       {Package(v1::SHIPMENT_STATE_LABEL_CREATED).Trail(H(10)).Build()},
       false,
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       kFbmStatusUpdate,
       0},
      {"late against deliver-by",
       FbmOrder().ShipBy(-H(8)).DeliverBy(-H(2)).With(in_transit).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_APOLOGIZE_AND_CONTACT_CARRIER,
       kDelayApology,
       0},
      {"FBM on time",
       FbmOrder().ShipBy(-H(8)).DeliverBy(H(30)).With(in_transit).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       kFbmStatusUpdate,
       0},
      {"tracking number only, on time",
       {},
       {in_transit},
       false,
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       kFbmStatusUpdate,
       0},
      {"MCF order: the seller answers",
       testing::OrderBuilder(v1::FULFILLMENT_MCF, v1::ORDER_STATUS_SHIPPED)
           .With(in_transit)
           .Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       kFbmStatusUpdate,
       0},
      {"one delivered, one on its way: the reply is about the one on its way",
       FbmOrder().With(delivered).With(second_in_transit).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_SHARE_TRACKING,
       kFbmStatusUpdate,
       1},
      {"one on time, one with an exception: the exception wins",
       FbmOrder().With(in_transit).With(address).Build(),
       {},
       false,
       v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO,
       kExceptionFollowUp,
       1},
  };
}

TEST_CASE("next action: one per situation, with its template", "[enrichment]") {
  for (const ActionRow& row : Rows()) {
    INFO(row.situation);
    const SuggestedAction suggested = Suggest(row);
    CHECK(v1::NextActionKind_Name(suggested.action.kind()) == v1::NextActionKind_Name(row.kind));
    CHECK(suggested.action.template_id() == row.template_id);
    CHECK(suggested.shipment_index == row.shipment_index);
    CHECK_FALSE(suggested.action.summary().empty());
    CHECK_FALSE(suggested.action.steps().empty());
  }
}

TEST_CASE("next action: an order the channel does not know, and a failed lookup", "[enrichment]") {
  MissingLookups not_found;
  not_found.orders_not_found = {testing::kOrderId};
  const SuggestedAction confirm = SuggestNextAction(nullptr, {}, {}, false, not_found);
  CHECK(confirm.action.kind() == v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO);
  CHECK(confirm.action.template_id() == kOrderNotFound);
  CHECK_THAT(confirm.action.summary(), Catch::Contains(testing::kOrderId));
  CHECK(confirm.shipment_index == -1);

  // An upstream fault is no reason to doubt the buyer's order number.
  MissingLookups fault;
  fault.other_failures = true;
  const SuggestedAction investigate = SuggestNextAction(nullptr, {}, {}, false, fault);
  CHECK(investigate.action.kind() == v1::NEXT_ACTION_KIND_INVESTIGATE);
  CHECK(investigate.action.template_id().empty());

  // Once the order is found, the missing one no longer decides.
  const v1::Order order = FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(absl::Hours(5)).Build();
  CHECK(SuggestNextAction(&order, {}, {}, false, not_found).action.template_id() == kNotYetShipped);
}

}  // namespace
}  // namespace trackenrich::enrichment
