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

TEST_CASE("enrichment: unshipped past ship-by means ship now, and a reply saying when",
          "[enrichment]") {
  v1::Enrichment found;
  *found.add_orders() = FbmOrder(v1::ORDER_STATUS_UNSHIPPED)
                            .ShipBy(-absl::Hours(3))
                            .DeliverBy(absl::Hours(72))
                            .Build();
  const v1::Enrichment enrichment = Complete(found, {.language = "en"});
  REQUIRE(enrichment.flags_size() == 1);
  CHECK(enrichment.flags(0).kind() == v1::RISK_FLAG_KIND_SHIP_BY_MISSED);
  CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_SHIP_NOW);
  const v1::RenderedReply& reply = enrichment.reply();
  INFO(reply.subject() << "\n" << reply.body());
  CHECK(reply.template_id() == kNotYetShipped);
  CHECK(reply.compliant());
  CHECK(absl::StrContains(reply.subject(), testing::kOrderId));
  // Ship-by ended 3 h before Friday noon: the next day is promised.
  CHECK(absl::StrContains(reply.body(), "It will be shipped by Saturday, 31 January 2026."));
  CHECK(absl::StrContains(reply.body(), "Expected delivery: 31 January 2026 – 2 February 2026."));

  // Ship-by still ahead: its own day, in each language.
  v1::Enrichment ahead;
  *ahead.add_orders() = FbmOrder(v1::ORDER_STATUS_UNSHIPPED).ShipBy(absl::Hours(80)).Build();
  const struct {
    const char* language;
    const char* says;
  } rows[] = {{"en", "shipped by Monday, 2 February 2026"},
              {"it", "spedito entro lunedì 2 febbraio 2026"},
              {"de", "bis Montag, 2. Februar 2026 verschickt"},
              {"fr", "d'ici le lundi 2 février 2026"},
              {"es", "a más tardar el lunes 2 de febrero de 2026"}};
  for (const auto& row : rows) {
    INFO(row.language);
    const v1::Enrichment on_time = Complete(ahead, {.language = row.language});
    CHECK(on_time.flags_size() == 0);
    CHECK(on_time.reply().template_id() == kNotYetShipped);
    CHECK(on_time.reply().language() == row.language);
    CHECK(on_time.reply().compliant());
    INFO(on_time.reply().body());
    CHECK(absl::StrContains(on_time.reply().body(), row.says));
  }
}

TEST_CASE("enrichment: an order the channel does not know gets \"please confirm the number\"",
          "[enrichment]") {
  v1::Enrichment found;
  v1::LookupError* missing = found.add_errors();
  missing->set_subject(testing::kOrderId);
  missing->set_code(static_cast<int>(absl::StatusCode::kNotFound));
  const struct {
    const char* language;
    const char* asks;
  } rows[] = {{"en", "Could you please confirm the order number?"},
              {"it", "Può confermarci il numero d'ordine?"},
              {"de", "Könnten Sie uns bitte die Bestellnummer bestätigen?"},
              {"fr", "Pourriez-vous nous confirmer le numéro de commande ?"},
              {"es", "¿Podría confirmarnos el número de pedido?"}};
  for (const auto& row : rows) {
    INFO(row.language);
    const v1::Enrichment enrichment =
        Complete(found, {.language = row.language, .order_ids = {testing::kOrderId}});
    CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_ASK_BUYER_FOR_INFO);
    const v1::RenderedReply& reply = enrichment.reply();
    INFO(reply.subject() << "\n" << reply.body());
    CHECK(reply.template_id() == kOrderNotFound);
    CHECK(reply.language() == row.language);
    CHECK(reply.compliant());
    CHECK(absl::StrContains(reply.body(), testing::kOrderId));
    CHECK(absl::StrContains(reply.body(), row.asks));
    // Not mistaken for a tracking number the carrier does not know.
    CHECK(enrichment.flags_size() == 0);
  }

  // A shop's own order number (not 3-7-7) is an order too when the ticket asked for it.
  v1::Enrichment shop;
  v1::LookupError* shop_missing = shop.add_errors();
  shop_missing->set_subject("SHOP-1001");
  shop_missing->set_code(static_cast<int>(absl::StatusCode::kNotFound));
  const v1::Enrichment shop_reply = Complete(shop, {.language = "en", .order_ids = {"SHOP-1001"}});
  CHECK(shop_reply.reply().template_id() == kOrderNotFound);
  CHECK(absl::StrContains(shop_reply.reply().body(), "SHOP-1001"));
}

TEST_CASE("enrichment: an order in two packages gets a reply naming both", "[enrichment]") {
  v1::Enrichment found;
  *found.add_orders() =
      FbmOrder()
          .Channel(v1::SALES_CHANNEL_SHOPIFY)
          .With(Package(v1::SHIPMENT_STATE_DELIVERED).Trail(absl::Hours(20)).Signature().Build())
          .With(Package(v1::SHIPMENT_STATE_IN_TRANSIT, "777100000025", v1::CARRIER_FEDEX, "FedEx")
                    .Trail(absl::Hours(5))
                    .Eta(absl::Hours(30))
                    .Build())
          .Build();
  const v1::Enrichment enrichment = Complete(found, {.language = "it"});
  CHECK(enrichment.next_action().kind() == v1::NEXT_ACTION_KIND_SHARE_TRACKING);
  const v1::RenderedReply& reply = enrichment.reply();
  INFO(reply.body());
  CHECK(reply.compliant());
  CHECK(absl::StrContains(reply.body(), "è stato spedito in 2 pacchi:"));
  CHECK(absl::StrContains(reply.body(),
                          "- UPS, numero di tracciamento 1Z4F8W170342185630: consegnato il"));
  CHECK(absl::StrContains(reply.body(),
                          "- FedEx, numero di tracciamento 777100000025: in transito, consegna "
                          "prevista sabato 31 gennaio 2026."));
  CHECK(absl::StrContains(reply.body(), "https://www.ups.com/track?tracknum=1Z4F8W170342185630"));
  CHECK(absl::StrContains(reply.body(), "Consegnati: UPS 1Z4F8W170342185630."));
  CHECK(absl::StrContains(reply.body(), "Non ancora consegnati: FedEx 777100000025."));

  // The same order looked up twice (the order and its number in the text) is one package.
  *found.add_shipments() = found.orders(0).shipments(1);
  const v1::Enrichment twice = Complete(found, {.language = "en"});
  CHECK(absl::StrContains(twice.reply().body(), "was shipped in 2 packages:"));
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

  // The order lookup failed (FAILED_PRECONDITION) and nothing else is known:
  // a fault, so no reply doubting the buyer's order number.
  v1::Enrichment fault;
  *fault.add_errors() = *order;
  const v1::Enrichment failed = Complete(fault, {.language = "en"});
  CHECK(failed.next_action().kind() == v1::NEXT_ACTION_KIND_INVESTIGATE);
  CHECK_FALSE(failed.has_reply());

  // Nothing named at all: ask which order it is.
  const v1::Enrichment nothing = Complete(v1::Enrichment(), {});
  CHECK(nothing.next_action().kind() == v1::NEXT_ACTION_KIND_INVESTIGATE);
  CHECK(nothing.reply().template_id() == kOrderNotFound);
  CHECK(absl::StrContains(nothing.reply().body(), "which order it is about"));
  CHECK(nothing.reply().compliant());
  CHECK(nothing.evidence().digest().size() == 64);
}

}  // namespace
}  // namespace trackenrich::enrichment
