// CompleteEnrichment: flags, next action, a reply in the buyer's language and
// evidence, from what the lookups found.
#include "services/enrichment/ticket_enricher.h"

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "services/enrichment/next_action.h"
#include "tests/services/enrichment/enrichment_test_util.h"

namespace trackenrich::enrichment {
namespace {

using testing::FbaOrder;
using testing::FbmOrder;
using testing::kNow;
using testing::Package;

v1::Enrichment Complete(v1::Enrichment enrichment, TicketContext ticket) {
  CompleteEnrichment(ticket, *TemplateCatalog::Builtin(), EnrichmentSettings(), ReplyPolicy(), kNow,
                     &enrichment);
  return enrichment;
}

TEST_CASE("enrichment: an exception in Italian", "[enrichment]") {
  v1::Enrichment found;
  *found.add_shipments() = Package(v1::SHIPMENT_STATE_EXCEPTION)
                               .Reason(v1::STATE_REASON_ADDRESS_ISSUE)
                               .Trail(absl::Hours(5))
                               .Build();
  const v1::Enrichment enrichment = Complete(found, {.language = "it-IT"});
  REQUIRE(enrichment.flags_size() == 1);
  CHECK(enrichment.flags(0).kind() == v1::RISK_FLAG_KIND_EXCEPTION);
  CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO);
  CHECK(enrichment.reply().template_id() == kExceptionFollowUp);
  CHECK(enrichment.reply().language() == "it");
  CHECK(enrichment.reply().compliant());
  CHECK(absl::StrContains(enrichment.reply().body(), "indirizzo di consegna"));
  CHECK(enrichment.evidence().digest().size() == 64);
  CHECK(enrichment.evidence().events_size() == 3);
  CHECK_FALSE(enrichment.buyer_reports_not_received());
}

TEST_CASE("enrichment: an FBA order gets the redirect in German", "[enrichment]") {
  v1::Enrichment found;
  *found.add_orders() = FbaOrder()
                            .With(Package(v1::SHIPMENT_STATE_IN_TRANSIT, "TBA304125876100",
                                          v1::CARRIER_AMAZON, "Amazon")
                                      .Trail(absl::Hours(4))
                                      .Build())
                            .Build();
  const v1::Enrichment enrichment = Complete(found, {.language = "de-AT"});
  CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_REDIRECT_TO_AMAZON);
  CHECK(enrichment.reply().template_id() == kFbaRedirect);
  CHECK(enrichment.reply().language() == "de");
  CHECK(absl::StrContains(enrichment.reply().body(), "TBA304125876100"));
  CHECK(absl::StrContains(enrichment.reply().body(), "Meine Bestellungen"));
  CHECK(enrichment.reply().compliant());
}

TEST_CASE("enrichment: unshipped past ship-by means ship now, and no reply yet", "[enrichment]") {
  v1::Enrichment found;
  *found.add_orders() = FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(-absl::Hours(3)).Build();
  const v1::Enrichment enrichment = Complete(found, {.language = "en"});
  REQUIRE(enrichment.flags_size() == 1);
  CHECK(enrichment.flags(0).kind() == v1::RISK_FLAG_KIND_SHIP_BY_MISSED);
  CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_SHIP_NOW);
  CHECK_FALSE(enrichment.has_reply());
}

TEST_CASE("enrichment: the buyer's claim turns a delivery into a proof check", "[enrichment]") {
  v1::Enrichment found;
  *found.add_shipments() = Package(v1::SHIPMENT_STATE_DELIVERED).Trail(absl::Hours(20)).Build();
  const v1::Enrichment enrichment =
      Complete(found, {.language = "es", .buyer_reports_not_received = true});
  CHECK(enrichment.buyer_reports_not_received());
  CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_CHECK_DELIVERY_PROOF);
  CHECK(enrichment.reply().template_id() == kDeliveredNotReceived);
  CHECK(absl::StrContains(enrichment.reply().body(), "48 horas"));
  // No signature or photo: a claim risk.
  REQUIRE(enrichment.flags_size() == 1);
  CHECK(enrichment.flags(0).kind() == v1::RISK_FLAG_KIND_DELIVERED_UNSIGNED);
}

TEST_CASE("enrichment: failed lookups of tracking numbers are judged too", "[enrichment]") {
  v1::Enrichment found;
  v1::LookupError* bad_check = found.add_errors();
  bad_check->set_subject(testing::kUpsBadCheckDigit);
  bad_check->set_code(static_cast<int>(absl::StatusCode::kInvalidArgument));
  v1::LookupError* order = found.add_errors();
  order->set_subject(testing::kOrderId);
  order->set_code(static_cast<int>(absl::StatusCode::kFailedPrecondition));
  const v1::Enrichment invalid = Complete(found, {.language = "en"});
  REQUIRE(invalid.flags_size() == 1);
  CHECK(invalid.flags(0).kind() == v1::RISK_FLAG_KIND_INVALID_TRACKING);
  CHECK(invalid.flags(0).tracking_number() == testing::kUpsBadCheckDigit);
  CHECK(invalid.next_action().kind() == v1::NEXT_ACTION_KIND_CONTACT_CARRIER);
  CHECK(invalid.shipments_size() == 0);
  CHECK_FALSE(invalid.has_reply());

  v1::Enrichment unknown;
  v1::LookupError* not_found = unknown.add_errors();
  not_found->set_subject(testing::kUpsNumber);
  not_found->set_code(static_cast<int>(absl::StatusCode::kNotFound));
  const v1::Enrichment pending = Complete(unknown, {.language = "fr"});
  CHECK(pending.flags_size() == 0);
  CHECK(pending.next_action().kind() == v1::NEXT_ACTION_KIND_SHARE_TRACKING);
  CHECK(absl::StrContains(pending.reply().body(), "pas encore enregistré par le transporteur"));
  CHECK(pending.reply().compliant());

  const v1::Enrichment nothing = Complete(v1::Enrichment(), {});
  CHECK(nothing.next_action().kind() == v1::NEXT_ACTION_KIND_INVESTIGATE);
  CHECK_FALSE(nothing.has_reply());
  CHECK(nothing.evidence().digest().size() == 64);
}

}  // namespace
}  // namespace trackenrich::enrichment
