// eBay's member-to-member contact rules as phrases, for the compliance check
// of replies to eBay orders (compliance.h). eBay does not allow members to
// "make offers to buy and sell outside of eBay" or to "exchange any personal
// information (except names), including email addresses, phone numbers,
// payment information, social media links or accounts, or other contact
// information", nor "links that do not directly help buyers and sellers
// complete a transaction on eBay" (eBay Help, Member-to-member contact
// policy: www.ebay.com/help/policies/member-behaviour-policies/
// membertomember-contact-policy?id=4262; pages.ebay.com/help/policies/
// rfe-spam-ov.html). Email addresses, phone numbers and links are checked by
// the shared detectors with eBay's messages (compliance.cc; a carrier
// tracking link helps complete the transaction, so it stays allowed where
// the channel's reply policy allows links); these
// phrases catch the rest in en, it, de, fr and es: buying or paying outside
// eBay, and pointers to other contact channels (social media, messengers,
// "call us", "write to us at").
//
//   PhraseMatcher matcher(OffEbayContactPhrases());
//   matcher.Find(FoldedText("Buy directly from our website and save"));  // "buy directly"
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_EBAY_MESSAGING_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_EBAY_MESSAGING_H_

#include <string>
#include <vector>

namespace trackenrich::enrichment {

// Folded phrases (text_matcher.h syntax).
const std::vector<std::string>& OffEbayContactPhrases();

// The finding's message.
inline constexpr char kOffEbayContactMessage[] =
    "eBay does not allow offers to buy or pay outside eBay, nor pointing the buyer to other "
    "ways of contact (social media, messengers, phone, email); keep the conversation in eBay "
    "messages (eBay member-to-member contact policy).";

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_EBAY_MESSAGING_H_
