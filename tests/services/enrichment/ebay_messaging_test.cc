// eBay replies: the member-to-member contact rules on top of the common
// ones, in five languages; the same text on Amazon is not held to them.
#include <string>

#include <catch2/catch.hpp>

#include "services/enrichment/compliance.h"

namespace trackenrich::enrichment {
namespace {

bool Has(const std::vector<v1::ComplianceFinding>& findings, v1::ComplianceRule rule) {
  for (const auto& finding : findings) {
    if (finding.rule() == rule) return true;
  }
  return false;
}

TEST_CASE("eBay replies: offers outside eBay and other contact channels are findings",
          "[ebay][compliance]") {
  const ComplianceContext ebay{.tracking_links_allowed = true,
                               .channel = v1::SALES_CHANNEL_EBAY,
                               .identifiers = {"12-34567-89012"}};
  for (const char* text : {
           "Next time buy directly from us and save the fees.",
           "Message us on WhatsApp for faster help.",
           "We can refund you by bank transfer outside of eBay.",
           "La prossima volta acquista direttamente da noi.",
           "Scrivici su Instagram!",
           "Kaufen Sie beim nächsten Mal direkt bei uns.",
           "Rufen Sie uns an, dann klären wir das.",
           "Achetez directement chez nous la prochaine fois.",
           "Contactez nous sur Facebook.",
           "La próxima vez compre directamente con nosotros.",
           "Escríbenos a nuestro Telegram.",
       }) {
    CAPTURE(text);
    const auto findings = CheckCompliance(text, ebay);
    CHECK(Has(findings, v1::COMPLIANCE_RULE_OFF_CHANNEL_CONTACT));
    // Amazon has its own rules; this one is eBay's.
    CHECK_FALSE(Has(CheckCompliance(text, ComplianceContext{.channel = v1::SALES_CHANNEL_AMAZON}),
                    v1::COMPLIANCE_RULE_OFF_CHANNEL_CONTACT));
  }
}

TEST_CASE("eBay replies: a plain status update with a carrier tracking link passes",
          "[ebay][compliance]") {
  const ComplianceContext ebay{.tracking_links_allowed = true,
                               .channel = v1::SALES_CHANNEL_EBAY,
                               .identifiers = {"12-34567-89012", "9400111899223790000021"}};
  const std::string reply =
      "Hello, your eBay order 12-34567-89012 is on its way with USPS, tracking number "
      "9400111899223790000021: "
      "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223790000021";
  CHECK(CheckCompliance(reply, ebay).empty());
  // Email addresses, phone numbers and other links stay findings on eBay.
  const auto findings = CheckCompliance(
      "Write to shop@example.com or call +1 408 555 1432, or see https://example.com/shop", ebay);
  CHECK(Has(findings, v1::COMPLIANCE_RULE_EMAIL_ADDRESS));
  CHECK(Has(findings, v1::COMPLIANCE_RULE_PHONE_NUMBER));
  CHECK(Has(findings, v1::COMPLIANCE_RULE_EXTERNAL_LINK));
}

}  // namespace
}  // namespace trackenrich::enrichment
