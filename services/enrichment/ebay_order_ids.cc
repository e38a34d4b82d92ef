#include "services/enrichment/ebay_order_ids.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"

#include "adapters/ebay/ebay_order_id.h"
#include "services/enrichment/text_matcher.h"

namespace trackenrich::enrichment {
namespace {

constexpr size_t kIdLength = 14;  // NN-NNNNN-NNNNN
// How far back on the line the words before an ID are read.
constexpr size_t kContextBytes = 64;
constexpr int kContextWords = 4;

bool IsDigit(char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }
bool IsAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

// Folded words (text_matcher.h) that say the number is an order's.
bool IsOrderWord(absl::string_view word) {
  for (absl::string_view cue : {"ebay", "order", "orders", "ordine", "ordinazione", "bestellung",
                                "bestellnummer", "auftrag", "auftragsnummer", "commande", "pedido",
                                "orden", "compra", "acquisto", "achat", "kauf"}) {
    if (word == cue) return true;
  }
  return false;
}

// Folded words that say the number is something else's.
bool IsOtherReferenceWord(absl::string_view word) {
  for (absl::string_view cue : {"invoice",      "rechnung",    "rechnungsnummer",
                                "fattura",      "facture",     "factura",
                                "ticket",       "case",        "fall",
                                "caso",         "dossier",     "tel",
                                "tele",         "telefon",     "telefono",
                                "telephone",    "phone",       "handy",
                                "cellulare",    "cell",        "mobile",
                                "movil",        "portable",    "fax",
                                "iban",         "customer",    "kunde",
                                "kundennummer", "cliente",     "client",
                                "item",         "artikel",     "artikelnummer",
                                "articolo",     "article",     "articulo",
                                "tracking",     "sendung",     "sendungsnummer",
                                "spedizione",   "suivi",       "seguimiento",
                                "vat",          "ust",         "iva",
                                "tva",          "siret",       "nif",
                                "cif",          "ref",         "reference",
                                "referenz",     "riferimento", "referencia",
                                "rma",          "return",      "retoure",
                                "reso",         "retour",      "devolucion"}) {
    if (word == cue) return true;
  }
  return false;
}

// Whether the words before `begin` on its line let the ID stand: the nearest
// word that is an order word or another reference's word decides; none: yes.
bool ContextAllows(absl::string_view text, size_t begin) {
  size_t from = begin > kContextBytes ? begin - kContextBytes : 0;
  const size_t newline = text.substr(0, begin).rfind('\n');
  if (newline != absl::string_view::npos && newline + 1 > from) from = newline + 1;
  const std::string folded = FoldForMatching(text.substr(from, begin - from));
  const std::vector<absl::string_view> words = absl::StrSplit(folded, ' ', absl::SkipEmpty());
  int seen = 0;
  for (auto it = words.rbegin(); it != words.rend() && seen < kContextWords; ++it, ++seen) {
    if (IsOrderWord(*it)) return true;
    if (IsOtherReferenceWord(*it)) return false;
  }
  return true;
}

// "+39 06-12345-67890", "(+39) 06-...": the digits follow an international
// dialling code, so they are a phone number.
bool AfterCountryCode(absl::string_view text, size_t begin) {
  size_t j = begin;
  int spaces = 0;
  while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == ')') && spaces < 3) {
    --j;
    ++spaces;
  }
  int digits = 0;
  while (j > 0 && IsDigit(text[j - 1]) && digits < 4) {
    --j;
    ++digits;
  }
  return digits > 0 && j > 0 && text[j - 1] == '+';
}

bool Taken(const std::vector<FoundOrderId>& found, size_t begin, size_t end) {
  for (const FoundOrderId& id : found) {
    if (begin < id.end && id.begin < end) return true;
  }
  return false;
}

}  // namespace

void FindEbayOrderIds(absl::string_view text, std::vector<FoundOrderId>& found) {
  for (size_t i = 0; i + kIdLength <= text.size(); ++i) {
    if (!IsDigit(text[i])) continue;
    if (i > 0) {
      const char before = text[i - 1];
      if (IsAlnum(before) || before == '-' || before == '.' || before == '/' || before == '+') {
        continue;
      }
      if (AfterCountryCode(text, i)) continue;
    }
    const absl::string_view candidate = text.substr(i, kIdLength);
    if (!adapters::ebay::IsEbayOrderId(candidate)) continue;
    const size_t end = i + kIdLength;
    if (end < text.size()) {
      const char after = text[end];
      const bool glued_digit = (after == '-' || after == '.' || after == '/' || after == ',') &&
                               end + 1 < text.size() && IsDigit(text[end + 1]);
      if (IsAlnum(after) || glued_digit) continue;
    }
    if (Taken(found, i, end) || !ContextAllows(text, i)) {
      i = end - 1;
      continue;
    }
    found.push_back(FoundOrderId{.order_id = std::string(candidate),
                                 .channel = v1::SALES_CHANNEL_EBAY,
                                 .begin = i,
                                 .end = end});
    i = end - 1;
  }
}

}  // namespace trackenrich::enrichment
