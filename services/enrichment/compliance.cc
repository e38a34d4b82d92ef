#include "services/enrichment/compliance.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#include "adapters/common/utf8.h"
#include "adapters/detection/tracking_urls.h"
#include "services/enrichment/ebay_messaging.h"
#include "services/enrichment/text_matcher.h"

namespace trackenrich::enrichment {
namespace {

constexpr size_t kMaxExcerpt = 120;

constexpr char kPlaceholderMessage[] =
    "A placeholder is left unfilled: the data for it is missing or the template names "
    "something the service does not fill.";

// Where a channel allows links but this reply policy does not
// (templates.tracking_links).
constexpr char kNoLinksMessage[] =
    "This channel's reply policy allows no links in replies, not even carrier tracking links "
    "(templates.tracking_links).";

// One channel's rules: the message each finding carries, citing that
// channel's own policy; a rule without a message does not apply there.
struct ChannelRules {
  absl::string_view policy;
  absl::flat_hash_map<v1::ComplianceRule, std::string> messages;
};

// Amazon: Communication Guidelines (Seller Central help G1701; summarized in
// ../shared/reference/upstream-apis.md §3.9). Also what applies when the
// channel is not known or has no rules of its own here: the strictest set.
const ChannelRules& AmazonRules() {
  static const auto* const rules = new ChannelRules{
      .policy = "Amazon Communication Guidelines (Seller Central G1701)",
      .messages = {
          {v1::COMPLIANCE_RULE_PROMOTION,
           "Promotions, discounts, coupons and marketing are not allowed in buyer messages "
           "(Amazon Communication Guidelines, G1701)."},
          {v1::COMPLIANCE_RULE_REVIEW_REQUEST,
           "Asking for a review, rating or feedback is not allowed in a service reply (Amazon "
           "Communication Guidelines, G1701)."},
          {v1::COMPLIANCE_RULE_EXTERNAL_LINK,
           "Only links to a carrier's tracking page are allowed in buyer messages, and only "
           "where the reply policy allows them (Amazon Communication Guidelines, G1701)."},
          {v1::COMPLIANCE_RULE_EMAIL_ADDRESS,
           "Email addresses are not allowed: Amazon buyers are contacted through Buyer-Seller "
           "Messaging only (Amazon Communication Guidelines, G1701)."},
          {v1::COMPLIANCE_RULE_PHONE_NUMBER,
           "Phone numbers are not allowed: Amazon buyers are contacted through Buyer-Seller "
           "Messaging only (Amazon Communication Guidelines, G1701)."},
          {v1::COMPLIANCE_RULE_ATTACHMENT,
           "Attachments and images are not allowed in this reply (Amazon Communication "
           "Guidelines, G1701)."},
          {v1::COMPLIANCE_RULE_UNFILLED_PLACEHOLDER, kPlaceholderMessage},
      }};
  return *rules;
}

// eBay: the Member-to-member contact policy (eBay Help id=4262: no offers to
// buy or sell outside eBay, no spam, no email addresses, phone numbers,
// social media or other contact information, no links that do not help
// complete the eBay transaction) and the Spam policy (eBay Help id=5033:
// marketing to other members only through the eBay Shop newsletter).
// Asking for Feedback and sending pictures are not among their
// prohibitions, so neither is a finding here.
const ChannelRules& EbayRules() {
  static const auto* const rules = new ChannelRules{
      .policy = "eBay Member-to-member contact policy (Help id=4262) and Spam policy (id=5033)",
      .messages = {
          {v1::COMPLIANCE_RULE_PROMOTION,
           "Marketing and promotions in messages to eBay members are spam; sellers market only "
           "through their eBay Shop newsletter (eBay Spam policy, Help id=5033)."},
          {v1::COMPLIANCE_RULE_EXTERNAL_LINK,
           "Only links that help the buyer complete the eBay transaction, such as the carrier's "
           "tracking page, are allowed (eBay Member-to-member contact policy, Help id=4262)."},
          {v1::COMPLIANCE_RULE_EMAIL_ADDRESS,
           "Email addresses are not allowed in eBay messages (eBay Member-to-member contact "
           "policy, Help id=4262)."},
          {v1::COMPLIANCE_RULE_PHONE_NUMBER,
           "Phone numbers are not allowed in eBay messages (eBay Member-to-member contact "
           "policy, Help id=4262)."},
          {v1::COMPLIANCE_RULE_OFF_CHANNEL_CONTACT, kOffEbayContactMessage},
          {v1::COMPLIANCE_RULE_UNFILLED_PLACEHOLDER, kPlaceholderMessage},
      }};
  return *rules;
}

// Shopify: the store writes to its own customers and Shopify sets no
// messaging rules for that; the seller's own rules apply. The service keeps
// only what makes a reply unusable (an unfilled placeholder) and, where the
// seller's reply policy refuses links (templates.tracking_links.shopify),
// links.
const ChannelRules& ShopifyRules() {
  static const auto* const rules = new ChannelRules{
      .policy =
          "the seller's own rules (Shopify sets none for a store's messages to its "
          "customers)",
      .messages = {
          {v1::COMPLIANCE_RULE_EXTERNAL_LINK,
           "The seller's reply policy allows no links in replies to this store's customers "
           "(templates.tracking_links.shopify)."},
          {v1::COMPLIANCE_RULE_UNFILLED_PLACEHOLDER, kPlaceholderMessage},
      }};
  return *rules;
}

const ChannelRules& RulesFor(v1::SalesChannel channel) {
  switch (channel) {
    case v1::SALES_CHANNEL_EBAY:
      return EbayRules();
    case v1::SALES_CHANNEL_SHOPIFY:
      return ShopifyRules();
    default:
      return AmazonRules();
  }
}

// Phrases in folded form (see text_matcher.h), by language: en, it, de, fr, es.
const std::vector<std::string>& PromotionPhrases() {
  static const auto* const phrases = new std::vector<std::string>{
      // en
      "coupon*", "discount*", "promo", "promos", "promotion*", "voucher*", "special offer*",
      "exclusive offer*", "limited time offer*", "sale", "on sale", "great deal*", "best deal*",
      "hot deal*", "deals", "next purchase*", "next order*", "free gift*", "free shipping",
      "gift card*", "newsletter*", "subscribe", "follow us", "our website", "our online shop",
      "our store", "our shop", "visit our", "check out our", "new arrivals", "new collection",
      "cashback", "# off", "percent off", "buy one get one",
      // it
      "codice sconto", "codici sconto", "sconto", "sconti", "scontato", "scontata", "scontati",
      "buono sconto", "buoni sconto", "buono regalo", "buono acquisto", "promozion*",
      "offerta speciale", "offerte speciali", "offerta esclusiva", "offerte", "in offerta", "saldi",
      "prossimo acquisto", "prossimo ordine", "omaggio", "regalo", "spedizione gratuita",
      "iscriviti", "seguici", "nostro sito", "nostro negozio", "visita il nostro", "nuovi arrivi",
      "nuova collezione",
      // de
      "rabatt*", "gutschein*", "aktionscode*", "sonderangebot*", "exklusives angebot", "angebote",
      "im angebot", "schlussverkauf", "schnappchen", "nachsten einkauf", "nachste bestellung",
      "nachsten bestellung", "geschenk*", "gratis", "versandkostenfrei", "kostenloser versand",
      "abonnieren", "folgen sie uns", "unsere website", "unserer website", "unsere webseite",
      "unseren shop", "unserem shop", "unser shop", "besuchen sie uns*", "neuheiten",
      "neue kollektion", "# prozent",
      // fr
      "code promo", "codes promo", "reduction*", "une remise", "remise exceptionnelle",
      "remise immediate", "bon de reduction", "bon d achat", "bons d achat", "offre speciale",
      "offres speciales", "offre exclusive", "offres", "soldes", "prochain achat",
      "prochaine commande", "cadeau*", "livraison gratuite", "livraison offerte", "abonnez vous",
      "suivez nous", "notre site", "notre boutique", "nouveautes", "nouvelle collection",
      // es
      "cupon*", "descuento*", "codigo promocional", "oferta especial", "ofertas especiales",
      "oferta exclusiva", "ofertas", "en oferta", "rebajas", "proxima compra", "proximo pedido",
      "envio gratis", "envio gratuito", "suscribase", "suscribete", "siguenos", "nuestra tienda",
      "nuestra web", "nuestro sitio", "nueva coleccion"};
  return *phrases;
}

const std::vector<std::string>& ReviewPhrases() {
  static const auto* const phrases = new std::vector<std::string>{
      // en
      "a review", "your review", "leave +3 review*", "write +3 review*", "post +3 review*",
      "product review*", "customer review*", "positive review*", "good review*", "honest review*",
      "reviews", "feedback", "rate us", "rate your", "rate the", "rate +2 experience", "rating*",
      "# star*", "five star*", "share your experience", "how did we do",
      // it
      "recension*", "valutarci", "valutazion* positiv*", "lasci* +3 valutazion*",
      "dare +3 valutazion*", "dia +3 valutazion*", "una valutazione", "la sua valutazione",
      "la tua valutazione", "# stell*", "cinque stell*", "la sua opinione", "la tua opinione",
      "il suo parere", "il tuo parere", "condivid* +3 esperienza", "raccont* +3 esperienza",
      // de
      "bewertung*", "bewerten", "bewerte", "rezension*", "kundenrezension*", "produktbewertung*",
      "kundenbewertung*", "# stern*", "funf stern*", "ihre meinung", "deine meinung",
      "erfahrungsbericht*", "teilen sie +3 erfahrung*",
      // fr
      "avis client*", "laisser +3 avis", "laissez +3 avis", "donner +3 avis", "donnez +3 avis",
      "avis positif*", "bon avis", "votre avis compte", "votre avis nous", "votre avis sur",
      "evaluation*", "evaluer", "evaluez", "notez nous", "noter +3 achat", "noter +3 commande",
      "commentaire positif", "laisser +3 commentaire*", "laissez +3 commentaire*", "# etoile*",
      "cinq etoile*", "partagez +3 experience", "partager +3 experience",
      // es
      "resena*", "su opinion", "tu opinion", "deje +3 opinion", "dejar +3 opinion",
      "dejenos +3 opinion", "valoracion*", "valorar", "valorenos", "calificacion*", "calificar",
      "califique*", "comentario positivo", "deje +3 comentario*", "dejar +3 comentario*",
      "# estrella*", "cinco estrella*", "comparta +3 experiencia", "compartir +3 experiencia"};
  return *phrases;
}

const std::vector<std::string>& AttachmentPhrases() {
  static const auto* const phrases =
      new std::vector<std::string>{// en
                                   "attach*", "enclosed", "enclosure*",
                                   // it
                                   "allega*", "allegh*",
                                   // de
                                   "anhang", "im anhang", "dateianhang", "angehangt", "beigefugt*",
                                   "beiliegend*", "in der anlage", "als anlage",
                                   // fr
                                   "piece* jointe*", "ci joint*", "en annexe", "ci annexe*",
                                   // es
                                   "adjunt*", "en el anexo"};
  return *phrases;
}

// Tags and schemes that embed images or files.
constexpr absl::string_view kEmbedMarkers[] = {"![",       "<img",   "<iframe",    "<embed",
                                               "<object",  "<video", "<audio",     "data:image",
                                               "<picture", "cid:",   "<attachment"};

constexpr absl::string_view kFileExtensions[] = {"pdf",  "jpg",  "jpeg", "png",  "gif", "webp",
                                                 "heic", "bmp",  "tif",  "tiff", "doc", "docx",
                                                 "xls",  "xlsx", "zip",  "rar",  "mp4", "mov"};

// Top-level domains a bare domain ("myshop.de") is recognized by.
constexpr absl::string_view kTopLevelDomains[] = {
    "com",  "net", "org", "info", "biz", "io",   "co",    "uk",  "de",   "it",    "fr",
    "es",   "eu",  "nl",  "be",   "at",  "ch",   "us",    "ca",  "shop", "store", "online",
    "site", "app", "me",  "ly",   "gl",  "link", "click", "top", "xyz",  "tv",    "pl",
    "se",   "dk",  "pt",  "ie",   "au",  "jp",   "mx",    "br",  "cat",  "page",  "ai"};

bool IsAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }

std::string Excerpt(absl::string_view text) {
  std::string excerpt(absl::StripAsciiWhitespace(text));
  if (excerpt.size() > kMaxExcerpt) {
    adapters::TruncateUtf8(&excerpt, kMaxExcerpt);
    excerpt.append("…");
  }
  return excerpt;
}

class Findings {
 public:
  explicit Findings(const ChannelRules& rules) : rules_(rules) {}

  // With the channel's message; nothing where the rule does not apply there.
  void Add(v1::ComplianceRule rule, absl::string_view excerpt) {
    const auto it = rules_.messages.find(rule);
    if (it == rules_.messages.end()) return;
    Add(rule, excerpt, it->second);
  }
  void Add(v1::ComplianceRule rule, absl::string_view excerpt, absl::string_view message) {
    std::string text = Excerpt(excerpt);
    if (!seen_.insert(absl::StrCat(static_cast<int>(rule), ":", text)).second) return;
    v1::ComplianceFinding finding;
    finding.set_rule(rule);
    finding.set_excerpt(std::move(text));
    finding.set_message(std::string(message));
    findings_.push_back(std::move(finding));
  }
  std::vector<v1::ComplianceFinding> Take() { return std::move(findings_); }

 private:
  const ChannelRules& rules_;
  absl::flat_hash_set<std::string> seen_;
  std::vector<v1::ComplianceFinding> findings_;
};

// Blanks [begin, end) of `masked` so later checks do not see it again.
void Blank(std::string& masked, size_t begin, size_t end) {
  for (size_t i = begin; i < end && i < masked.size(); ++i) masked[i] = ' ';
}

// {name}, {{name}}, ${name}, [[name]], <<name>>, [NAME], %s, %1$s.
void CheckPlaceholders(const std::string& text, Findings& findings) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    size_t end = std::string::npos;
    if (c == '{') {
      end = text.find('}', i + 1);
    } else if (c == '[' && i + 1 < text.size() && text[i + 1] == '[') {
      end = text.find("]]", i + 2);
      if (end != std::string::npos) ++end;
    } else if (c == '<' && i + 1 < text.size() && text[i + 1] == '<') {
      end = text.find(">>", i + 2);
      if (end != std::string::npos) ++end;
    } else if (c == '[') {
      // An upper-case label in brackets: "[BUYER NAME]", "[ORDER_ID]".
      size_t j = i + 1;
      int letters = 0;
      while (j < text.size() && (absl::ascii_isupper(static_cast<unsigned char>(text[j])) ||
                                 text[j] == '_' || text[j] == ' ')) {
        letters += absl::ascii_isupper(static_cast<unsigned char>(text[j])) ? 1 : 0;
        ++j;
      }
      if (j < text.size() && text[j] == ']' && letters >= 2) end = j;
    } else if (c == '%' && i + 1 < text.size()) {
      size_t j = i + 1;
      while (j < text.size() && (IsDigit(text[j]) || text[j] == '$')) ++j;
      if (j < text.size() && (text[j] == 's' || text[j] == 'd') &&
          (j + 1 == text.size() || !IsAlnum(text[j + 1]))) {
        end = j;
      }
    }
    if (end == std::string::npos || end - i > 60) continue;
    const absl::string_view candidate = absl::string_view(text).substr(i, end - i + 1);
    if (candidate.find('\n') != absl::string_view::npos) continue;
    bool has_letter = false;
    for (char ch : candidate) has_letter |= absl::ascii_isalpha(static_cast<unsigned char>(ch));
    if (!has_letter) continue;
    const size_t begin = (i > 0 && text[i - 1] == '$') ? i - 1 : i;
    findings.Add(v1::COMPLIANCE_RULE_UNFILLED_PLACEHOLDER,
                 absl::string_view(text).substr(begin, end - begin + 1));
    i = end;
  }
}

void CheckEmbeds(const std::string& lower, const std::string& text, Findings& findings) {
  for (absl::string_view marker : kEmbedMarkers) {
    for (size_t at = absl::string_view(lower).find(marker); at != absl::string_view::npos;
         at = absl::string_view(lower).find(marker, at + marker.size())) {
      size_t end = at + marker.size();
      while (end < text.size() && end - at < 60 && !absl::ascii_isspace(text[end]) &&
             text[end] != '>') {
        ++end;
      }
      findings.Add(v1::COMPLIANCE_RULE_ATTACHMENT, absl::string_view(text).substr(at, end - at));
    }
  }
  // File names: "invoice.pdf", "photo_1.JPG".
  for (size_t dot = lower.find('.'); dot != std::string::npos; dot = lower.find('.', dot + 1)) {
    if (dot == 0 || !IsAlnum(lower[dot - 1])) continue;
    size_t end = dot + 1;
    while (end < lower.size() && IsAlnum(lower[end])) ++end;
    const absl::string_view extension = absl::string_view(lower).substr(dot + 1, end - dot - 1);
    if (end < lower.size() && (lower[end] == '/' || lower[end] == '?' || lower[end] == '=')) {
      continue;  // part of a URL path or host, judged as a link
    }
    if (std::find(std::begin(kFileExtensions), std::end(kFileExtensions), extension) ==
        std::end(kFileExtensions)) {
      continue;
    }
    size_t begin = dot;
    while (begin > 0 &&
           (IsAlnum(lower[begin - 1]) || lower[begin - 1] == '_' || lower[begin - 1] == '-')) {
      --begin;
    }
    findings.Add(v1::COMPLIANCE_RULE_ATTACHMENT,
                 absl::string_view(text).substr(begin, end - begin));
  }
}

bool EmailLocalChar(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool DomainChar(char c) { return IsAlnum(c) || c == '.' || c == '-'; }

void CheckEmails(const std::string& lower, std::string& masked, Findings& findings) {
  const std::string& text = masked;
  for (size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    size_t begin = at;
    while (begin > 0 && EmailLocalChar(text[begin - 1])) --begin;
    size_t end = at + 1;
    while (end < text.size() && DomainChar(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    const absl::string_view domain = absl::string_view(text).substr(at + 1, end - at - 1);
    const size_t last_dot = domain.rfind('.');
    if (begin == at || last_dot == absl::string_view::npos || domain.size() - last_dot < 3) {
      continue;
    }
    bool alpha_tld = true;
    for (char c : domain.substr(last_dot + 1)) {
      alpha_tld &= absl::ascii_isalpha(static_cast<unsigned char>(c));
    }
    if (!alpha_tld) continue;
    findings.Add(v1::COMPLIANCE_RULE_EMAIL_ADDRESS,
                 absl::string_view(text).substr(begin, end - begin));
    Blank(masked, begin, end);
  }
  // Spelled-out addresses: "orders (at) myshop (dot) com", "orders[at]myshop.de".
  const auto consume_domain = [&](size_t at) {
    while (at < text.size() && DomainChar(text[at])) ++at;
    return at;
  };
  for (absl::string_view marker : {"(at)", "[at]", "{at}", "(@)", "[@]"}) {
    for (size_t at = absl::string_view(lower).find(marker); at != absl::string_view::npos;
         at = absl::string_view(lower).find(marker, at + marker.size())) {
      size_t begin = at;
      if (begin > 0 && text[begin - 1] == ' ') --begin;
      if (begin == 0 || !IsAlnum(text[begin - 1])) continue;
      while (begin > 0 && EmailLocalChar(text[begin - 1])) --begin;
      size_t end = at + marker.size();
      if (end < text.size() && text[end] == ' ') ++end;
      if (end >= text.size() || !IsAlnum(text[end])) continue;
      end = consume_domain(end);
      for (bool more = true; more;) {
        more = false;
        for (absl::string_view dot : {" (dot) ", "(dot)", " [dot] ", "[dot]", " dot "}) {
          if (absl::StartsWith(absl::string_view(lower).substr(end), dot)) {
            end = consume_domain(end + dot.size());
            more = true;
            break;
          }
        }
      }
      findings.Add(v1::COMPLIANCE_RULE_EMAIL_ADDRESS,
                   absl::string_view(text).substr(begin, end - begin));
      Blank(masked, begin, end);
    }
  }
}

bool UrlChar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte > 0x20 && byte < 0x7F && c != '"' && c != '\'' && c != '<' && c != '>' && c != '(' &&
         c != ')' && c != '[' && c != ']' && c != '{' && c != '}' && c != '|';
}

void AddLink(absl::string_view url, bool links_allowed, bool any_links, Findings& findings) {
  // The channel leaves links to the seller's own rules.
  if (any_links) return;
  if (IsCarrierTrackingLink(url)) {
    if (!links_allowed) {
      findings.Add(v1::COMPLIANCE_RULE_EXTERNAL_LINK, url, kNoLinksMessage);
    }
    return;
  }
  findings.Add(v1::COMPLIANCE_RULE_EXTERNAL_LINK, url);
}

void CheckLinks(const std::string& lower, std::string& masked, bool links_allowed, bool any_links,
                Findings& findings) {
  // Explicit URLs and www. hosts.
  for (size_t i = 0; i < lower.size(); ++i) {
    const absl::string_view rest = absl::string_view(lower).substr(i);
    const bool starts = (absl::StartsWith(rest, "http://") || absl::StartsWith(rest, "https://") ||
                         absl::StartsWith(rest, "www.") || absl::StartsWith(rest, "ftp://")) &&
                        (i == 0 || !IsAlnum(lower[i - 1]));
    if (!starts || masked[i] == ' ') continue;
    size_t end = i;
    while (end < masked.size() && UrlChar(masked[end])) ++end;
    while (end > i &&
           (masked[end - 1] == '.' || masked[end - 1] == ',' || masked[end - 1] == ';' ||
            masked[end - 1] == ':' || masked[end - 1] == '!' || masked[end - 1] == '?')) {
      --end;
    }
    AddLink(absl::string_view(masked).substr(i, end - i), links_allowed, any_links, findings);
    Blank(masked, i, end);
    i = end;
  }
  // Bare domains: "myshop.de", "deals.example.com/summer".
  for (size_t i = 0; i < masked.size(); ++i) {
    if (!IsAlnum(masked[i]) ||
        (i > 0 && (IsAlnum(masked[i - 1]) || masked[i - 1] == '.' || masked[i - 1] == '-' ||
                   masked[i - 1] == '@' || masked[i - 1] == '/'))) {
      continue;
    }
    size_t end = i;
    int dots = 0;
    while (end < masked.size() &&
           (IsAlnum(masked[end]) || masked[end] == '-' ||
            (masked[end] == '.' && end + 1 < masked.size() && IsAlnum(masked[end + 1])))) {
      dots += masked[end] == '.' ? 1 : 0;
      ++end;
    }
    if (dots == 0) {
      i = end;
      continue;
    }
    const absl::string_view host = absl::string_view(lower).substr(i, end - i);
    const absl::string_view tld = host.substr(host.rfind('.') + 1);
    const bool known_tld = std::find(std::begin(kTopLevelDomains), std::end(kTopLevelDomains),
                                     tld) != std::end(kTopLevelDomains);
    if (!known_tld || IsDigit(host[0]) || (end < masked.size() && masked[end] == '@')) {
      i = end;
      continue;
    }
    size_t url_end = end;
    if (url_end < masked.size() && masked[url_end] == '/') {
      while (url_end < masked.size() && UrlChar(masked[url_end])) ++url_end;
    }
    AddLink(absl::string_view(masked).substr(i, url_end - i), false, any_links, findings);
    Blank(masked, i, url_end);
    i = url_end;
  }
}

bool LooksLikeDate(absl::string_view run) {
  // d.m.yyyy, dd/mm/yy, yyyy-mm-dd and the like.
  int groups = 0;
  int lengths[4] = {0, 0, 0, 0};
  char separator = 0;
  for (char c : run) {
    if (IsDigit(c)) {
      if (groups == 0) groups = 1;
      if (groups > 3) return false;
      ++lengths[groups - 1];
    } else if (c == '.' || c == '/' || c == '-') {
      if (separator != 0 && c != separator) return false;
      separator = c;
      ++groups;
    } else {
      return false;
    }
  }
  if (groups != 3) return false;
  const bool day_first = lengths[0] <= 2 && lengths[1] <= 2 && (lengths[2] == 2 || lengths[2] == 4);
  const bool year_first = lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2;
  return day_first || year_first;
}

void CheckPhones(std::string masked, const ComplianceContext& context, Findings& findings) {
  for (const std::string& identifier : context.identifiers) {
    if (identifier.size() < 4) continue;
    for (size_t at = masked.find(identifier); at != std::string::npos;
         at = masked.find(identifier, at + identifier.size())) {
      for (size_t i = at; i < at + identifier.size(); ++i) masked[i] = 'X';
    }
  }
  const auto separator = [](char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
  };
  for (size_t i = 0; i < masked.size(); ++i) {
    const char c = masked[i];
    if (!(IsDigit(c) || c == '+' || c == '(') || (i > 0 && IsAlnum(masked[i - 1]))) continue;
    size_t end = i + 1;
    int digits = IsDigit(c) ? 1 : 0;
    while (end < masked.size()) {
      const char next = masked[end];
      if (IsDigit(next)) {
        ++digits;
      } else if (!separator(next) || (next == ' ' && end + 1 < masked.size() &&
                                      !IsDigit(masked[end + 1]) && masked[end + 1] != '(')) {
        break;
      }
      ++end;
    }
    while (end > i && !IsDigit(masked[end - 1])) --end;
    const absl::string_view run = absl::string_view(masked).substr(i, end - i);
    const bool glued = end < masked.size() && IsAlnum(masked[end]);
    if (digits >= 7 && digits <= 15 && !glued && !LooksLikeDate(run)) {
      findings.Add(v1::COMPLIANCE_RULE_PHONE_NUMBER, run);
    }
    i = std::max(i, end);
  }
}

void CheckPhrases(const std::string& masked, Findings& findings) {
  static const auto* const promotion = new PhraseMatcher(PromotionPhrases());
  static const auto* const review = new PhraseMatcher(ReviewPhrases());
  static const auto* const attachment = new PhraseMatcher(AttachmentPhrases());
  static const auto* const off_ebay = new PhraseMatcher(OffEbayContactPhrases());
  const FoldedText folded(masked);
  // Each runs everywhere; Findings keeps what the channel's rules hold.
  const std::pair<const PhraseMatcher*, v1::ComplianceRule> checks[] = {
      {promotion, v1::COMPLIANCE_RULE_PROMOTION},
      {review, v1::COMPLIANCE_RULE_REVIEW_REQUEST},
      {attachment, v1::COMPLIANCE_RULE_ATTACHMENT},
      {off_ebay, v1::COMPLIANCE_RULE_OFF_CHANNEL_CONTACT},
  };
  for (const auto& [matcher, rule] : checks) {
    for (const PhraseMatch& match : matcher->FindAll(folded)) {
      findings.Add(rule, folded.Span(match.first_word, match.last_word));
    }
  }
}

struct LinkPattern {
  std::string prefix;
  std::string suffix;
};

const std::vector<LinkPattern>& TrackingLinkPatterns() {
  static const auto* const patterns = [] {
    auto* list = new std::vector<LinkPattern>;
    constexpr absl::string_view kSentinel = "Q7Q7Q7";
    const auto* descriptor = v1::Carrier_descriptor();
    for (int i = 0; i < descriptor->value_count(); ++i) {
      const auto carrier = static_cast<v1::Carrier>(descriptor->value(i)->number());
      const std::string url = detection::TrackingUrl(carrier, kSentinel);
      const size_t at = absl::string_view(url).find(kSentinel);
      if (at == absl::string_view::npos) continue;
      list->push_back({url.substr(0, at), url.substr(at + kSentinel.size())});
    }
    return list;
  }();
  return *patterns;
}

}  // namespace

absl::string_view CompliancePolicy(v1::SalesChannel channel) { return RulesFor(channel).policy; }

bool IsCarrierTrackingLink(absl::string_view url) {
  for (const LinkPattern& pattern : TrackingLinkPatterns()) {
    if (!absl::StartsWith(url, pattern.prefix) || !absl::EndsWith(url, pattern.suffix) ||
        url.size() <= pattern.prefix.size() + pattern.suffix.size()) {
      continue;
    }
    const absl::string_view number = url.substr(
        pattern.prefix.size(), url.size() - pattern.prefix.size() - pattern.suffix.size());
    bool normalized = true;
    for (char c : number) {
      normalized &= IsDigit(c) || absl::ascii_isupper(static_cast<unsigned char>(c));
    }
    if (normalized) return true;
  }
  return false;
}

std::vector<v1::ComplianceFinding> CheckCompliance(absl::string_view text,
                                                   const ComplianceContext& context) {
  Findings findings(RulesFor(context.channel));
  const std::string original(text);
  const std::string lower = absl::AsciiStrToLower(original);
  std::string masked = original;
  CheckPlaceholders(original, findings);
  CheckEmbeds(lower, original, findings);
  CheckEmails(lower, masked, findings);
  CheckLinks(absl::AsciiStrToLower(masked), masked, context.tracking_links_allowed,
             context.tracking_links_allowed && context.channel == v1::SALES_CHANNEL_SHOPIFY,
             findings);
  CheckPhones(masked, context, findings);
  CheckPhrases(masked, findings);
  return findings.Take();
}

}  // namespace trackenrich::enrichment
