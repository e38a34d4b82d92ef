// The compliance check: crafted violations in five languages, each caught
// with the right finding, and ordinary service replies that must pass.
#include "services/enrichment/compliance.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

namespace trackenrich::enrichment {
namespace {

struct Violation {
  const char* text;
  v1::ComplianceRule rule;
  // Part of the finding's excerpt.
  const char* excerpt;
  // Whether this rule's finding is the only finding.
  bool only;
};

constexpr auto kPromotion = v1::COMPLIANCE_RULE_PROMOTION;
constexpr auto kReview = v1::COMPLIANCE_RULE_REVIEW_REQUEST;
constexpr auto kLink = v1::COMPLIANCE_RULE_EXTERNAL_LINK;
constexpr auto kEmail = v1::COMPLIANCE_RULE_EMAIL_ADDRESS;
constexpr auto kPhone = v1::COMPLIANCE_RULE_PHONE_NUMBER;
constexpr auto kAttachment = v1::COMPLIANCE_RULE_ATTACHMENT;
constexpr auto kPlaceholder = v1::COMPLIANCE_RULE_UNFILLED_PLACEHOLDER;

constexpr Violation kViolations[] = {
    // Promotion and coupons.
    {"Use coupon code SAVE10 on your next purchase.", kPromotion, "coupon", false},
    {"As a thank-you, get 15% off anything in the shop.", kPromotion, "15% off", true},
    {"Le offriamo un codice sconto del 10% per il prossimo acquisto.", kPromotion, "codice sconto",
     false},
    {"Als Entschuldigung erhalten Sie einen Gutschein über 5 €.", kPromotion, "Gutschein", true},
    {"Profitez de notre code promo BIENVENUE sur tout le site.", kPromotion, "code promo", true},
    {"Aproveche nuestras rebajas de enero.", kPromotion, "rebajas", true},
    {"Entdecken Sie unsere Sonderangebote der Woche.", kPromotion, "Sonderangebote", true},
    {"Follow us on Instagram for the latest news.", kPromotion, "Follow us", true},
    {"Ne manquez pas nos soldes d'hiver.", kPromotion, "soldes", true},
    // Review and feedback requests.
    {"If you are happy, please leave us a positive review.", kReview, "leave us a positive review",
     true},
    {"We would love your feedback once the parcel arrives.", kReview, "feedback", true},
    {"Se è soddisfatto, ci lasci una recensione.", kReview, "recensione", true},
    {"Wir würden uns über eine positive Bewertung sehr freuen.", kReview, "Bewertung", true},
    {"N'hésitez pas à laisser un avis sur le produit.", kReview, "laisser un avis", true},
    {"¿Podría dejarnos una reseña?", kReview, "reseña", true},
    {"Nos ayudaría mucho conocer su opinión sobre el producto.", kReview, "su opinión", true},
    {"Teilen Sie uns gern Ihre Meinung mit.", kReview, "Ihre Meinung", true},
    {"Rate us 5 stars!", kReview, "Rate us", true},
    // Links.
    {"Details: https://www.myshop.example/deals", kLink, "https://www.myshop.example/deals", true},
    {"Besuchen Sie www.myshop.de für mehr.", kLink, "www.myshop.de", true},
    {"Trova le istruzioni su myshop.it/resi", kLink, "myshop.it/resi", true},
    {"See https://www.ups.com/us/en/shipping/offers.page", kLink, "https://www.ups.com/us", true},
    {"Tracking: https://www.ups.com/track?tracknum=1Z4F8W170342185630", kLink,
     "https://www.ups.com/track?tracknum=1Z4F8W170342185630", true},
    {"Short link: https://bit.ly/3xYzAb", kLink, "https://bit.ly/3xYzAb", true},
    // Email addresses.
    {"Write to support@myshop.example for help.", kEmail, "support@myshop.example", true},
    {"Scrivete a ordini (at) negozio (dot) it", kEmail, "ordini (at) negozio (dot) it", true},
    {"Kontakt: kundenservice@shop-beispiel.de.", kEmail, "kundenservice@shop-beispiel.de", true},
    // Phone numbers.
    {"Call us on +44 20 7946 0958 any time.", kPhone, "+44 20 7946 0958", true},
    {"Chiamaci al 02 1234 5678.", kPhone, "02 1234 5678", true},
    {"Rufen Sie uns an: 030/12345678", kPhone, "030/12345678", true},
    {"Appelez le 01 42 68 53 00 du lundi au vendredi.", kPhone, "01 42 68 53 00", true},
    {"Llámenos al (555) 123-4567.", kPhone, "(555) 123-4567", true},
    // Attachments and images.
    {"Please see the attached invoice.", kAttachment, "attached", true},
    {"In allegato trova la fattura.", kAttachment, "allegato", true},
    {"Im Anhang finden Sie die Rechnung.", kAttachment, "Anhang", true},
    {"Veuillez trouver ci-joint la facture.", kAttachment, "ci-joint", true},
    {"Le adjuntamos la factura.", kAttachment, "adjuntamos", true},
    {"Here is the label: ![label](https://cdn.example.com/label.png)", kAttachment, "![label]",
     false},
    {"<img src=\"cid:label01\">", kAttachment, "<img", false},
    {"Open return-label.PDF and print it.", kAttachment, "return-label.PDF", true},
    // Unfilled placeholders.
    {"Dear {buyer_name}, your parcel is on its way.", kPlaceholder, "{buyer_name}", true},
    {"Hello [BUYER NAME], thank you.", kPlaceholder, "[BUYER NAME]", true},
    {"Your order {{order_id}} has shipped.", kPlaceholder, "{{order_id}", true},
    {"Tracking number: %s", kPlaceholder, "%s", true},
    {"Hallo ${vorname},", kPlaceholder, "${vorname}", true},
};

TEST_CASE("compliance: every crafted violation is caught with the right finding", "[enrichment]") {
  const ComplianceContext context;
  int caught = 0;
  for (const Violation& violation : kViolations) {
    INFO(violation.text);
    const auto findings = CheckCompliance(violation.text, context);
    bool found = false;
    for (const auto& finding : findings) {
      INFO(v1::ComplianceRule_Name(finding.rule()) << ": " << finding.excerpt());
      if (finding.rule() == violation.rule &&
          absl::StrContains(finding.excerpt(), violation.excerpt)) {
        found = true;
        CHECK_FALSE(finding.message().empty());
      }
      if (violation.only) CHECK(finding.rule() == violation.rule);
    }
    CHECK(found);
    caught += found ? 1 : 0;
  }
  CHECK(caught == static_cast<int>(std::size(kViolations)));
  CHECK(caught >= 25);
}

TEST_CASE("compliance: ordinary service replies pass in every language", "[enrichment]") {
  ComplianceContext context;
  context.identifiers = {"1Z4F8W170342185630", "9400111899223851234563", "114-3941689-8772232"};
  const char* clean[] = {
      "We will review the tracking with UPS and write again within 48 hours. Your order "
      "114-3941689-8772232 (tracking number 1Z4F8W170342185630) should arrive on Friday, 30 "
      "January 2026.",
      "We can send you a free replacement or give you a full refund, whichever you prefer.",
      "Il corriere ha segnalato un ritardo. Il pacco 9400111899223851234563 arriverà il "
      "30/01/2026 tra le 9:00 e le 18:00.",
      "Der Zusteller hat eine Benachrichtigungskarte hinterlassen. Die Sendung liegt ab "
      "29.01.2026 in der Filiale bereit, geöffnet von 9:00 bis 18:00 Uhr. Betrag: 1.299,00 €.",
      "Le transporteur a laissé un avis de passage : vous pouvez retirer le colis au bureau de "
      "poste sous 15 jours.",
      "Hemos revisado el envío: el transportista confirma la entrega el 29.01.2026 a las 14:05. "
      "Si no lo encuentra, espere 48 horas.",
      "Amazon customer service can help you through Your Orders in your Amazon account.",
      "Thank you for your patience. We apologise for the delay, approx. 2-3 days.",
  };
  for (const char* text : clean) {
    INFO(text);
    for (const auto& finding : CheckCompliance(text, context)) {
      FAIL_CHECK(v1::ComplianceRule_Name(finding.rule()) << ": " << finding.excerpt());
    }
  }
}

TEST_CASE("compliance: carrier tracking links pass only where the channel allows them",
          "[enrichment]") {
  const std::string text = "Follow it here: https://www.ups.com/track?tracknum=1Z4F8W170342185630.";
  ComplianceContext allowed;
  allowed.tracking_links_allowed = true;
  CHECK(CheckCompliance(text, allowed).empty());
  const auto refused = CheckCompliance(text, ComplianceContext());
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].rule() == kLink);
  CHECK(absl::StrContains(refused[0].message(), "templates.tracking_links"));
  // Allowed links still may not carry anything else.
  CHECK_FALSE(
      CheckCompliance("https://www.ups.com/track?tracknum=1Z4F8W170342185630&ref=promo", allowed)
          .empty());

  CHECK(IsCarrierTrackingLink("https://www.ups.com/track?tracknum=1Z4F8W170342185630"));
  CHECK(IsCarrierTrackingLink("https://www.evri.com/track/parcel/H01HYA0012345678/details"));
  CHECK_FALSE(IsCarrierTrackingLink("https://www.ups.com/track?tracknum="));
  CHECK_FALSE(IsCarrierTrackingLink("https://www.ups.com/track?tracknum=1z4f8w"));
  CHECK_FALSE(IsCarrierTrackingLink("https://www.ups.com.evil.example/track?tracknum=1Z"));
  CHECK_FALSE(IsCarrierTrackingLink("http://www.ups.com/track?tracknum=1Z4F8W170342185630"));
}

TEST_CASE("compliance: each channel's rules, each finding citing that channel's policy",
          "[enrichment][compliance]") {
  constexpr auto kOffChannel = v1::COMPLIANCE_RULE_OFF_CHANNEL_CONTACT;
  constexpr auto kAmazon = v1::SALES_CHANNEL_AMAZON;
  constexpr auto kEbay = v1::SALES_CHANNEL_EBAY;
  constexpr auto kShopify = v1::SALES_CHANNEL_SHOPIFY;
  struct Row {
    std::string text;
    v1::SalesChannel channel;
    bool links_allowed;
    std::vector<v1::ComplianceRule> rules;  // exactly these rules, in this order
    std::string cites;                      // in every finding's message
  };
  const std::string promo = "Use code SAVE10 for 10% off your next order!";
  const std::string review = "Please leave us a 5 star review.";
  const std::string contact = "Write to help@shop.example or call +1 408 555 1432.";
  const std::string attached = "See the attached photo of the parcel.";
  const std::string link = "Our returns page: https://shop.example/returns";
  const std::string outside = "Next time buy directly from us and save the fees.";
  const std::string placeholder = "Hello [BUYER NAME], your parcel is on its way.";
  const std::vector<Row> table = {
      {promo, kAmazon, false, {kPromotion}, "Amazon Communication Guidelines"},
      {promo, kEbay, true, {kPromotion}, "eBay Spam policy, Help id=5033"},
      {promo, kShopify, true, {}, ""},
      {promo, v1::SALES_CHANNEL_UNSPECIFIED, false, {kPromotion}, "Amazon"},
      {promo, v1::SALES_CHANNEL_OTHER, true, {kPromotion}, "Amazon"},
      {review, kAmazon, false, {kReview}, "Amazon Communication Guidelines"},
      {review, kEbay, true, {}, ""},
      {review, kShopify, true, {}, ""},
      {contact, kAmazon, false, {kEmail, kPhone}, "Amazon Communication Guidelines"},
      {contact, kEbay, true, {kEmail, kPhone}, "eBay Member-to-member contact policy"},
      {contact, kShopify, true, {}, ""},
      {attached, kAmazon, false, {kAttachment}, "Amazon Communication Guidelines"},
      {attached, kEbay, true, {}, ""},
      {attached, kShopify, true, {}, ""},
      {link, kAmazon, true, {kLink}, "Amazon Communication Guidelines"},
      {link, kEbay, true, {kLink}, "eBay Member-to-member contact policy"},
      {link, kShopify, true, {}, ""},
      {link, kShopify, false, {kLink}, "templates.tracking_links.shopify"},
      {outside, kAmazon, false, {}, ""},
      {outside, kEbay, true, {kOffChannel}, "eBay member-to-member contact policy"},
      {outside, kShopify, true, {}, ""},
      {placeholder, kAmazon, false, {kPlaceholder}, "placeholder"},
      {placeholder, kEbay, true, {kPlaceholder}, "placeholder"},
      {placeholder, kShopify, true, {kPlaceholder}, "placeholder"},
  };
  for (const Row& row : table) {
    INFO(v1::SalesChannel_Name(row.channel) << " links " << row.links_allowed << ": " << row.text);
    const auto findings = CheckCompliance(
        row.text,
        ComplianceContext{.tracking_links_allowed = row.links_allowed, .channel = row.channel});
    std::vector<v1::ComplianceRule> rules;
    for (const auto& finding : findings) {
      // A rule may match more than one excerpt: each rule once here.
      if (rules.empty() || rules.back() != finding.rule()) rules.push_back(finding.rule());
      INFO(finding.message());
      CHECK(absl::StrContains(finding.message(), row.cites));
      // No channel's finding cites another channel's policy.
      if (row.channel == kEbay) CHECK_FALSE(absl::StrContains(finding.message(), "Amazon"));
      if (row.channel == kAmazon) CHECK_FALSE(absl::StrContains(finding.message(), "eBay"));
    }
    CHECK(rules == row.rules);
  }
  CHECK(absl::StrContains(CompliancePolicy(kAmazon), "G1701"));
  CHECK(absl::StrContains(CompliancePolicy(kEbay), "id=4262"));
  CHECK(absl::StrContains(CompliancePolicy(kShopify), "seller's own rules"));
}

TEST_CASE("compliance: each offending excerpt is reported once", "[enrichment]") {
  const auto findings = CheckCompliance(
      "Call +44 20 7946 0958. Again: +44 20 7946 0958. Or mail a@b.example.", ComplianceContext());
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule() == kEmail);
  CHECK(findings[1].rule() == kPhone);
}

}  // namespace
}  // namespace trackenrich::enrichment
