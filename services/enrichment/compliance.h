// The compliance check every rendered reply goes through, built-in and
// seller templates alike, with the rules of the order's sales channel; each
// finding's message cites that channel's own policy (CompliancePolicy):
//   Amazon (Communication Guidelines G1701, summarized in
//     ../shared/reference/upstream-apis.md §3.9): no promotion or coupons, no
//     review or feedback requests, no links but allowed carrier tracking
//     links, no email addresses or phone numbers, no attachments or images.
//     Also what applies when the channel is unknown or OTHER.
//   eBay (Member-to-member contact policy, Help id=4262, and Spam policy,
//     id=5033): no marketing, no offers to buy or pay outside eBay or
//     pointers to other ways of contact (ebay_messaging.h), no email
//     addresses or phone numbers, no links but carrier tracking links.
//   Shopify (the seller's own rules: Shopify sets none for a store's
//     messages to its customers): links of any kind where the reply policy
//     allows links, none where it does not.
// Everywhere: no placeholder left unfilled. Phrases are recognized in en,
// it, de, fr and es.
//
//   ComplianceContext context{.tracking_links_allowed = false,
//                             .channel = v1::SALES_CHANNEL_AMAZON,
//                             .identifiers = {"1Z999AA10123456784"}};
//   auto findings = CheckCompliance("Use code SAVE10 for 10% off!", context);
//   // {COMPLIANCE_RULE_PROMOTION, "code SAVE10", "Promotions, ... (Amazon ...)"}
//
// A finding's excerpt is the offending text as written; each (rule, excerpt)
// is reported once, in order of appearance within each rule.
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_COMPLIANCE_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_COMPLIANCE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

#include "trackenrich/v1/enrichment.pb.h"

namespace trackenrich::enrichment {

struct ComplianceContext {
  // Whether the channel allows links to carrier tracking pages (ReplyPolicy).
  bool tracking_links_allowed = false;
  // The sales channel whose rules apply (see above).
  v1::SalesChannel channel = v1::SALES_CHANNEL_UNSPECIFIED;
  // Text the reply is meant to contain that could look like a phone number:
  // the tracking number and the order ID.
  std::vector<std::string> identifiers;
};

std::vector<v1::ComplianceFinding> CheckCompliance(absl::string_view text,
                                                   const ComplianceContext& context);

// The policy a channel's findings cite, e.g. "eBay Member-to-member contact
// policy (Help id=4262) and Spam policy (id=5033)".
absl::string_view CompliancePolicy(v1::SalesChannel channel);

// True when `url` is exactly a carrier's public tracking page for one number
// as TrackingUrl (adapters/detection/tracking_urls.h) builds it; anything
// else on a carrier's site (offers, apps, account pages) is not.
bool IsCarrierTrackingLink(absl::string_view url);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_COMPLIANCE_H_
