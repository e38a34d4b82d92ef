#include "services/enrichment/channel_order_ids.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"

#include "adapters/shopify/shopify_order_ref.h"
#include "services/enrichment/text_matcher.h"

namespace trackenrich::enrichment {
namespace {

// Shopify numbers start at #1001 unless the merchant changes it; a shorter
// "#12" is more often an item count or a ticket line.
constexpr size_t kMinNameDigits = 4;
// Longer runs of digits are not order numbers or IDs; a bare number this
// long is the numeric order ID, not the order number (as the source reads it).
using adapters::shopify::kIdDigits;
constexpr size_t kMaxDigits = adapters::shopify::kMaxOrderDigits;

bool IsDigit(char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }
bool IsAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

// Folded words that name an order, in en, it, de, fr, es ('*': prefix).
constexpr absl::string_view kOrderWords[] = {"order",    "orders",   "ordine", "ordini",
                                             "bestell*", "commande", "pedido", "pedidos"};
// Words that may stand between the order word and its number.
constexpr absl::string_view kNumberWords[] = {"number", "no", "nr",  "n", "num", "numero", "nummer",
                                              "id",     "is", "ist", "e", "est", "es"};
// Words that say the number after them is something else.
constexpr absl::string_view kOtherWords[] = {
    "invoice*", "rechnung*", "fattura", "facture", "factura",  "ticket*",     "case",     "ref*",
    "customer", "kunde*",    "cliente", "client",  "item*",    "article",     "artikel*", "sku",
    "asin",     "tel",       "phone",   "fax",     "iban",     "vat",         "ust*",     "iva",
    "piva",     "zip",       "plz",     "cap",     "postcode", "ticketnummer"};
// Currencies written after an amount.
constexpr absl::string_view kCurrencyWords[] = {"eur", "euro",    "euros", "usd", "gbp",
                                                "chf", "dollar*", "cad",   "aud"};

bool InList(absl::string_view word, absl::Span<const absl::string_view> list) {
  for (absl::string_view entry : list) {
    if (entry.back() == '*' ? absl::StartsWith(word, entry.substr(0, entry.size() - 1))
                            : word == entry) {
      return true;
    }
  }
  return false;
}

bool Taken(const std::vector<FoundOrderId>& found, size_t begin, size_t end) {
  return std::any_of(found.begin(), found.end(),
                     [&](const FoundOrderId& id) { return begin < id.end && id.begin < end; });
}

// A currency sign right before (spaces allowed) or a currency sign or word
// right after: part of a price.
bool NextToCurrency(absl::string_view text, size_t begin, size_t end) {
  size_t before = begin;
  while (before > 0 && text[before - 1] == ' ') --before;
  if (before > 0) {
    const char c = text[before - 1];
    if (c == '$') return true;
    // "€" is E2 82 AC, "£" is C2 A3 in UTF-8.
    if (before >= 3 && text.substr(before - 3, 3) == "\xE2\x82\xAC") return true;
    if (before >= 2 && text.substr(before - 2, 2) == "\xC2\xA3") return true;
  }
  size_t after = end;
  while (after < text.size() && text[after] == ' ') ++after;
  const absl::string_view rest = text.substr(after);
  if (absl::StartsWith(rest, "$") || absl::StartsWith(rest, "\xE2\x82\xAC") ||
      absl::StartsWith(rest, "\xC2\xA3")) {
    return true;
  }
  size_t word_end = 0;
  while (word_end < rest.size() && absl::ascii_isalpha(static_cast<unsigned char>(rest[word_end])))
    ++word_end;
  return word_end > 0 && InList(absl::AsciiStrToLower(rest.substr(0, word_end)), kCurrencyWords);
}

// The digits are a whole token: no letter, digit or joining mark around them
// ("1299.00", "12/05/2024", "10:30", "+49", "A1234", "1234-5678").
bool AloneBefore(absl::string_view text, size_t begin) {
  if (begin == 0) return true;
  const char c = text[begin - 1];
  if (IsAlnum(c) || c == '+' || c == '/' || c == '_' || c == '@' || c == '#') return false;
  return !((c == '.' || c == ',' || c == '-' || c == ':') && begin > 1 && IsDigit(text[begin - 2]));
}

bool AloneAfter(absl::string_view text, size_t end) {
  if (end >= text.size()) return true;
  const char c = text[end];
  if (IsAlnum(c) || c == '/' || c == '_' || c == '@' || c == '%') return false;
  return !((c == '.' || c == ',' || c == '-' || c == ':') && end + 1 < text.size() &&
           IsDigit(text[end + 1]));
}

bool StandsAlone(absl::string_view text, size_t begin, size_t end) {
  return AloneBefore(text, begin) && AloneAfter(text, end);
}

// What the words before `begin` (on the same line) say about the number.
enum class Context { kNone, kOrder, kOther };

Context ContextBefore(const FoldedText& folded, size_t begin) {
  const auto& words = folded.words();
  const absl::string_view text = folded.original();
  size_t next =
      std::partition_point(words.begin(), words.end(),
                           [begin](const FoldedText::Word& word) { return word.end <= begin; }) -
      words.begin();
  size_t boundary = begin;
  // The order word, then at most two number words: "Bestellung Nr. 1234",
  // "order number is 1234", "commande n° 1234".
  for (int seen = 0; seen < 3 && next > 0; ++seen) {
    const FoldedText::Word& word = words[--next];
    if (text.substr(word.end, boundary - word.end).find('\n') != absl::string_view::npos) break;
    boundary = word.begin;
    if (InList(word.text, kOrderWords)) return Context::kOrder;
    if (InList(word.text, kOtherWords)) return Context::kOther;
    if (!InList(word.text, kNumberWords)) return Context::kNone;
  }
  return Context::kNone;
}

void Add(std::vector<FoundOrderId>& found, std::string id, size_t begin, size_t end,
         v1::SalesChannel channel = v1::SALES_CHANNEL_SHOPIFY) {
  for (const FoundOrderId& known : found) {
    if (known.order_id == id) return;
  }
  found.push_back({.order_id = std::move(id), .channel = channel, .begin = begin, .end = end});
}

// The tenant's own formats: prefix, digits, suffix, as a whole token.
void FindFormatted(absl::string_view text, const OrderNameFormat& format,
                   std::vector<FoundOrderId>& found) {
  if (format.channel != v1::SALES_CHANNEL_SHOPIFY) return;
  if (format.prefix.empty() && format.suffix.empty()) return;
  // The default "#" alone is handled with the context rules.
  if (format.prefix == "#" && format.suffix.empty()) return;
  const std::string lower = absl::AsciiStrToLower(text);
  const std::string prefix = absl::AsciiStrToLower(format.prefix);
  const std::string suffix = absl::AsciiStrToLower(format.suffix);
  for (size_t i = 0; i < lower.size();) {
    const size_t at = prefix.empty() ? i : lower.find(prefix, i);
    if (at == std::string::npos) break;
    size_t digits = at + prefix.size();
    size_t end = digits;
    while (end < lower.size() && IsDigit(lower[end]) && end - digits <= kMaxDigits) ++end;
    const bool numbered = end > digits && end - digits <= kMaxDigits;
    const bool suffixed = numbered && lower.compare(end, suffix.size(), suffix) == 0;
    const size_t stop = end + (suffixed ? suffix.size() : 0);
    const bool bounded =
        (at == 0 || !IsAlnum(text[at - 1]) || prefix.empty() || !IsAlnum(prefix.front())) &&
        (stop >= text.size() || !IsAlnum(text[stop]) || suffix.empty() || !IsAlnum(suffix.back()));
    if (suffixed && bounded && (!prefix.empty() || StandsAlone(text, digits, end)) &&
        !Taken(found, at, stop)) {
      Add(found, std::string(text.substr(at, stop - at)), at, stop);
      i = stop;
      continue;
    }
    i = (prefix.empty() ? end : at) + 1;
  }
}

}  // namespace

void FindShopifyOrderNames(absl::string_view text, const std::vector<OrderNameFormat>& formats,
                           std::vector<FoundOrderId>& found) {
  for (const OrderNameFormat& format : formats) FindFormatted(text, format, found);
  const FoldedText folded(text);
  for (size_t i = 0; i < text.size();) {
    if (!IsDigit(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsDigit(text[end])) ++end;
    const size_t begin = i;
    i = end;
    const size_t length = end - begin;
    if (length < kMinNameDigits || length > kMaxDigits) continue;
    const bool hashed = begin > 0 && text[begin - 1] == '#';
    const size_t start = hashed ? begin - 1 : begin;
    if (Taken(found, start, end)) continue;
    if (!AloneBefore(text, start) || !AloneAfter(text, end)) continue;
    if (NextToCurrency(text, start, end)) continue;
    const Context context = ContextBefore(folded, start);
    if (context == Context::kOther) continue;
    if (!hashed && context != Context::kOrder) continue;
    const absl::string_view digits = text.substr(begin, length);
    // "#1234" is Shopify's form; a bare number after an order word could be
    // any channel's: the tenant's channels are asked in turn.
    Add(found, length >= kIdDigits && !hashed ? std::string(digits) : absl::StrCat("#", digits),
        start, end, hashed ? v1::SALES_CHANNEL_SHOPIFY : v1::SALES_CHANNEL_UNSPECIFIED);
  }
}

}  // namespace trackenrich::enrichment
