// The agent card: one rendering of an enrichment for a help-desk agent,
// shared by every integration: the Help Scout sidebar (the fragment), the
// notes written back to Zendesk and Freshdesk (fragment and plain text) and
// the page GET /card serves for an iframe (the page).
//
//   CardOptions options{.agent_language = "de"};
//   std::string html = RenderCardFragment(enrichment, options);  // <section>...</section>
//   std::string page = RenderCardPage(enrichment, options);      // a whole HTML document
//   std::string text = RenderCardText(enrichment, options);      // for plain-text notes
//
// What it shows, per shipment: the state in words, the carrier, the tracking
// number linked to the carrier's page, the expected (or actual) delivery
// date and the latest carrier event; then the risk flags, the next action and
// the reply draft. Labels are in the agent's language (en, it, de, fr, es;
// English otherwise); the reply draft stays in the buyer's language and is
// marked with its `lang`. Every text is HTML-escaped, only http(s) links are
// kept, and there is no script: the markup is semantic (sections, headings,
// a definition list, lists, a blockquote) and readable at 320 px.
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_CARD_AGENT_CARD_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_CARD_AGENT_CARD_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

#include "trackenrich/v1/enrichment.pb.h"

namespace trackenrich::integrations {

struct CardOptions {
  // BCP 47; its primary language picks the labels.
  std::string agent_language = "en";
  // The heading level of the card's title (2: an h2; sections get one more).
  int heading_level = 2;
};

std::string RenderCardFragment(const v1::Enrichment& enrichment, const CardOptions& options);

// A complete UTF-8 HTML document with its own small stylesheet.
std::string RenderCardPage(const v1::Enrichment& enrichment, const CardOptions& options);

std::string RenderCardText(const v1::Enrichment& enrichment, const CardOptions& options);

// The state in the agent's words ("Zugestellt"); the label language as above.
std::string StateWords(v1::ShipmentState state, absl::string_view agent_language);

// A risk flag's name in the agent's words ("Ohne Unterschrift zugestellt").
std::string FlagWords(v1::RiskFlagKind kind, absl::string_view agent_language);

// The expected delivery window (or delivery day) as the agent reads it; "".
std::string DeliveryDateWords(const v1::Shipment& shipment, absl::string_view agent_language);

// `text` with & < > " ' replaced by character references.
std::string HtmlEscape(absl::string_view text);

// Every shipment of the enrichment: the orders' first, in order, then the
// ones looked up by tracking number.
std::vector<const v1::Shipment*> CardShipments(const v1::Enrichment& enrichment);

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_CARD_AGENT_CARD_H_
