#include "services/enrichment/text_extraction.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/types/optional.h"

#include "adapters/carrier.h"
#include "adapters/detection/carrier_detection.h"
#include "services/enrichment/ebay_order_ids.h"
#include "services/enrichment/text_matcher.h"

namespace trackenrich::enrichment {
namespace {

constexpr double kMinConfidence = 0.5;
constexpr size_t kMaxNumberLength = 40;
// A tracking number printed in groups ("1Z 999 AA1 01 2345 6784") spans at
// most this many groups.
constexpr size_t kMaxGroups = 8;

bool IsAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }

void AddUnique(std::vector<std::string>& list, std::string value, size_t max) {
  if (list.size() >= max) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

void AddTrackingNumber(TicketIdentifiers& ids, std::string number, v1::Carrier carrier,
                       size_t max) {
  if (ids.tracking_numbers.size() >= max) return;
  const auto it = std::find(ids.tracking_numbers.begin(), ids.tracking_numbers.end(), number);
  if (it != ids.tracking_numbers.end()) {
    v1::Carrier& known = ids.tracking_carriers[it - ids.tracking_numbers.begin()];
    if (known == v1::CARRIER_UNSPECIFIED) known = carrier;
    return;
  }
  ids.tracking_numbers.push_back(std::move(number));
  ids.tracking_carriers.push_back(carrier);
}

// What a word right before a number says about it.
enum class Cue {
  // Says nothing either way ("is", "my", "number", "nr", another number).
  kNeutral,
  // Names a carrier.
  kCarrier,
  // Says a tracking number follows, in one of the service's languages.
  kTracking,
  // Names something else a number can be: an invoice, order, customer or
  // account reference, a postcode, a phone.
  kOther,
};

struct CueWord {
  // Folded (text_matcher.h); a trailing '*' matches any word it begins.
  const char* word;
  Cue cue;
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
};

constexpr CueWord kCueWords[] = {
    // Carriers whose numbers include short all-digit formats, by the names
    // buyers write.
    {"gls", Cue::kCarrier, v1::CARRIER_GLS},
    {"brt", Cue::kCarrier, v1::CARRIER_BRT},
    {"bartolini", Cue::kCarrier, v1::CARRIER_BRT},
    {"evri", Cue::kCarrier, v1::CARRIER_EVRI},
    {"italiane", Cue::kCarrier, v1::CARRIER_POSTE_ITALIANE},
    {"raccomandata", Cue::kCarrier, v1::CARRIER_POSTE_ITALIANE},
    // Tracking words: en, it, de, fr, es.
    {"track*", Cue::kTracking},
    {"waybill*", Cue::kTracking},
    {"awb", Cue::kTracking},
    {"consignment", Cue::kTracking},
    {"tracciamento", Cue::kTracking},
    {"spedizione", Cue::kTracking},
    {"sendungs*", Cue::kTracking},
    {"paketnummer", Cue::kTracking},
    {"paketschein*", Cue::kTracking},
    {"frachtbrief*", Cue::kTracking},
    {"suivi", Cue::kTracking},
    {"expedition", Cue::kTracking},
    {"seguimiento", Cue::kTracking},
    {"rastreo", Cue::kTracking},
    {"envio", Cue::kTracking},
    {"localizador", Cue::kTracking},
    // Other references.
    {"invoice*", Cue::kOther},
    {"rechnung*", Cue::kOther},
    {"fattura", Cue::kOther},
    {"facture", Cue::kOther},
    {"factura", Cue::kOther},
    {"order*", Cue::kOther},
    {"bestell*", Cue::kOther},
    {"ordine", Cue::kOther},
    {"commande", Cue::kOther},
    {"pedido", Cue::kOther},
    {"customer", Cue::kOther},
    {"kunde*", Cue::kOther},
    {"cliente", Cue::kOther},
    {"client", Cue::kOther},
    {"account", Cue::kOther},
    {"konto", Cue::kOther},
    {"conto", Cue::kOther},
    {"compte", Cue::kOther},
    {"cuenta", Cue::kOther},
    {"iban", Cue::kOther},
    {"ref*", Cue::kOther},
    {"riferimento", Cue::kOther},
    {"vat", Cue::kOther},
    {"ust*", Cue::kOther},
    {"iva", Cue::kOther},
    {"piva", Cue::kOther},
    {"siret", Cue::kOther},
    {"nif", Cue::kOther},
    {"ean", Cue::kOther},
    {"asin", Cue::kOther},
    {"sku", Cue::kOther},
    {"artikel*", Cue::kOther},
    {"article", Cue::kOther},
    {"articolo", Cue::kOther},
    {"articulo", Cue::kOther},
    {"zip", Cue::kOther},
    {"postcode", Cue::kOther},
    {"plz", Cue::kOther},
    {"postleitzahl", Cue::kOther},
    {"cap", Cue::kOther},
    {"postal", Cue::kOther},
    {"tel", Cue::kOther},
    {"phone", Cue::kOther},
    {"telephone", Cue::kOther},
    {"telefon*", Cue::kOther},
    {"telefono", Cue::kOther},
    {"mobil*", Cue::kOther},
    {"movil", Cue::kOther},
    {"cell*", Cue::kOther},
    {"handy*", Cue::kOther},
    {"portable", Cue::kOther},
    {"fax", Cue::kOther},
    {"whatsapp", Cue::kOther},
    {"rufnummer", Cue::kOther},
    {"call", Cue::kOther},
    {"chiamare", Cue::kOther},
    {"anrufen", Cue::kOther},
    {"appeler", Cue::kOther},
    {"llamar", Cue::kOther},
};

bool MatchesCueWord(absl::string_view pattern, absl::string_view word) {
  return pattern.back() == '*' ? absl::StartsWith(word, pattern.substr(0, pattern.size() - 1))
                               : word == pattern;
}

// The words of the carriers whose descriptors (adapters/carrier.h) name them,
// then kCueWords.
const CueWord* FindCueWord(absl::string_view word) {
  static const std::vector<CueWord>* const kCarrierWords = [] {
    auto* words = new std::vector<CueWord>();
    for (const adapters::CarrierDescriptor* carrier : adapters::AllCarriers()) {
      for (absl::string_view ticket_word : carrier->ticket_words) {
        words->push_back({ticket_word.data(), Cue::kCarrier, carrier->carrier});
      }
    }
    return words;
  }();
  for (const CueWord& cue : *kCarrierWords) {
    if (MatchesCueWord(cue.word, word)) return &cue;
  }
  for (const CueWord& cue : kCueWords) {
    if (MatchesCueWord(cue.word, word)) return &cue;
  }
  return nullptr;
}

// What the words right before `begin` say: a carrier's name, a tracking word,
// both, or nothing (also when another reference's word comes first).
struct NumberContext {
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
  bool tracking_word = false;
};

constexpr int kContextWords = 4;

NumberContext ContextBefore(const FoldedText& folded, size_t begin) {
  const auto& words = folded.words();
  const absl::string_view text = folded.original();
  // The first word that does not end before `begin`.
  size_t next =
      std::partition_point(words.begin(), words.end(),
                           [begin](const FoldedText::Word& word) { return word.end <= begin; }) -
      words.begin();
  NumberContext context;
  size_t boundary = begin;
  for (int seen = 0; seen < kContextWords && next > 0; ++seen) {
    const FoldedText::Word& word = words[--next];
    if (text.substr(word.end, boundary - word.end).find('\n') != absl::string_view::npos) break;
    boundary = word.begin;
    const CueWord* cue = FindCueWord(word.text);
    if (cue == nullptr) continue;
    if (cue->cue == Cue::kOther) break;
    if (cue->cue == Cue::kTracking) {
      context.tracking_word = true;
      continue;
    }
    context.carrier = cue->carrier;
    break;
  }
  return context;
}

// The carrier the context vouches for an all-digit `number`, or
// CARRIER_UNSPECIFIED: a named carrier with a matching format whose check
// digit does not fail, else (a tracking word alone) the most confident format
// whose check digit passes.
v1::Carrier CarrierFromContext(const NumberContext& context, const std::string& number) {
  if (context.carrier == v1::CARRIER_UNSPECIFIED && !context.tracking_word) {
    return v1::CARRIER_UNSPECIFIED;
  }
  const auto detected = detection::DetectCarrier(number);
  for (const auto& candidate : detected.candidates()) {
    if (context.carrier != v1::CARRIER_UNSPECIFIED) {
      if (candidate.carrier() == context.carrier &&
          candidate.checksum() != v1::CHECKSUM_RESULT_INVALID) {
        return context.carrier;
      }
    } else if (candidate.checksum() == v1::CHECKSUM_RESULT_VALID) {
      return candidate.carrier();
    }
  }
  return v1::CARRIER_UNSPECIFIED;
}

// 3-7-7 digits, not part of a longer run of digits.
void FindOrderIds(absl::string_view text, std::vector<std::string>& out,
                  std::vector<std::pair<size_t, size_t>>& spans, size_t max) {
  constexpr size_t kLength = 19;
  for (size_t i = 0; i + kLength <= text.size(); ++i) {
    if (i > 0 && (IsDigit(text[i - 1]) || text[i - 1] == '-')) continue;
    const absl::string_view candidate = text.substr(i, kLength);
    bool shaped = candidate[3] == '-' && candidate[11] == '-';
    for (size_t j = 0; shaped && j < kLength; ++j) {
      if (j != 3 && j != 11 && !IsDigit(candidate[j])) shaped = false;
    }
    if (!shaped) continue;
    if (i + kLength < text.size() && (IsDigit(text[i + kLength]) || text[i + kLength] == '-')) {
      continue;
    }
    AddUnique(out, std::string(candidate), max);
    spans.emplace_back(i, i + kLength);
    i += kLength - 1;
  }
}

struct Group {
  size_t begin;
  size_t end;
};

bool Routable(const std::string& number) {
  const auto detected = detection::DetectCarrier(number);
  for (const auto& candidate : detected.candidates()) {
    if (candidate.confidence() >= kMinConfidence &&
        candidate.checksum() != v1::CHECKSUM_RESULT_INVALID) {
      return true;
    }
  }
  return false;
}

bool AllDigits(absl::string_view text, const std::vector<Group>& groups, size_t first,
               size_t last) {
  for (size_t g = first; g <= last; ++g) {
    for (size_t i = groups[g].begin; i < groups[g].end; ++i) {
      if (!IsDigit(text[i])) return false;
    }
  }
  return true;
}

// "+49 30 ...", "(+33) 1 ...".
bool PrecededByPlus(absl::string_view text, size_t begin) {
  size_t i = begin;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '(')) --i;
  return i > 0 && text[i - 1] == '+';
}

// The word right before the digits names a phone or fax number, in one of
// the service's languages: "Tel. 030 1234567", "Handy: 0171 ...", "móvil 654 ...".
bool PrecededByPhoneWord(absl::string_view text, size_t begin) {
  static constexpr absl::string_view kPhoneWords[] = {
      "tel",     "tél",       "phone",         "telephone",   "téléphone",   "mobile",
      "mobil",   "cell",      "cellulare",     "cellphone",   "telefono",    "teléfono",
      "telefon", "handy",     "fax",           "whatsapp",    "portable",    "móvil",
      "movil",   "rufnummer", "telefonnummer", "mobilnummer", "handynummer", "cel"};
  size_t end = begin;
  // Skip the separator: "Tel.: ", "phone - ", "Handy:".
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ':' || text[end - 1] == '.' ||
                     text[end - 1] == '-' || text[end - 1] == '(' || text[end - 1] == '/')) {
    --end;
  }
  size_t word_begin = end;
  // Letters, including the bytes of UTF-8 accented ones.
  while (word_begin > 0 && (absl::ascii_isalpha(static_cast<unsigned char>(text[word_begin - 1])) ||
                            static_cast<unsigned char>(text[word_begin - 1]) >= 0x80)) {
    --word_begin;
  }
  const std::string word = absl::AsciiStrToLower(text.substr(word_begin, end - word_begin));
  for (absl::string_view phone_word : kPhoneWords) {
    if (word == phone_word) return true;
  }
  return false;
}

}  // namespace

TicketIdentifiers ExtractIdentifiers(absl::string_view text, size_t max_each) {
  return ExtractIdentifiers(text, ExtractionOptions{}, max_each);
}

TicketIdentifiers ExtractIdentifiers(absl::string_view text, const ExtractionOptions& options,
                                     size_t max_each) {
  TicketIdentifiers ids;
  std::vector<std::pair<size_t, size_t>> order_spans;
  FindOrderIds(text, ids.order_ids, order_spans, max_each);
  ids.order_channels.assign(ids.order_ids.size(), v1::SALES_CHANNEL_AMAZON);
  // Each other channel's finder, in turn; none reads digits another took.
  std::vector<FoundOrderId> found;
  for (const auto& [begin, end] : order_spans) {
    found.push_back({.channel = v1::SALES_CHANNEL_AMAZON, .begin = begin, .end = end});
  }
  const size_t amazon_spans = found.size();
  auto wanted = [&](v1::SalesChannel channel) {
    return std::find(options.channels.begin(), options.channels.end(), channel) !=
           options.channels.end();
  };
  if (wanted(v1::SALES_CHANNEL_SHOPIFY)) {
    FindShopifyOrderNames(text, options.order_name_formats, found);
  }
  if (wanted(v1::SALES_CHANNEL_EBAY)) FindEbayOrderIds(text, found);
  std::sort(found.begin() + amazon_spans, found.end(),
            [](const FoundOrderId& a, const FoundOrderId& b) { return a.begin < b.begin; });
  for (size_t i = amazon_spans; i < found.size(); ++i) {
    order_spans.emplace_back(found[i].begin, found[i].end);
    if (ids.order_ids.size() >= max_each) continue;
    if (std::find(ids.order_ids.begin(), ids.order_ids.end(), found[i].order_id) !=
        ids.order_ids.end()) {
      continue;
    }
    ids.order_ids.push_back(found[i].order_id);
    ids.order_channels.push_back(found[i].channel);
  }
  auto in_order_id = [&](size_t position) {
    for (const auto& [begin, end] : order_spans) {
      if (position >= begin && position < end) return true;
    }
    return false;
  };

  // Alphanumeric groups; a single space or dash joins groups that may be one
  // number printed in parts.
  std::vector<Group> groups;
  for (size_t i = 0; i < text.size();) {
    if (!IsAlnum(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsAlnum(text[j])) ++j;
    if (!in_order_id(i)) groups.push_back({i, j});
    i = j;
  }
  auto joined_to_next = [&](size_t g) {
    return g + 1 < groups.size() && groups[g + 1].begin == groups[g].end + 1 &&
           (text[groups[g].end] == ' ' || text[groups[g].end] == '-');
  };

  const FoldedText folded(text);
  for (size_t start = 0; start < groups.size();) {
    // Longest run of joined groups first, so "1Z 999 AA1 ..." wins over "999".
    size_t last = start;
    while (last - start + 1 < kMaxGroups && joined_to_next(last)) ++last;
    // "+39 06 6982 1234", "Tel. 0612 345678": digits printed as a phone
    // number are one, whatever check digit they happen to pass.
    if (AllDigits(text, groups, start, start) && (PrecededByPlus(text, groups[start].begin) ||
                                                  PrecededByPhoneWord(text, groups[start].begin))) {
      size_t phone_last = start;
      while (phone_last < last && AllDigits(text, groups, phone_last + 1, phone_last + 1)) {
        ++phone_last;
      }
      start = phone_last + 1;
      continue;
    }
    bool found = false;
    absl::optional<NumberContext> context;
    for (size_t end = last + 1; end > start && !found; --end) {
      std::string number;
      for (size_t g = start; g < end; ++g) {
        number.append(text.data() + groups[g].begin, groups[g].end - groups[g].begin);
      }
      if (number.size() > kMaxNumberLength || number.size() < 8) continue;
      absl::AsciiStrToUpper(&number);
      v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
      if (AllDigits(text, groups, start, end - 1)) {
        if (!context.has_value()) context = ContextBefore(folded, groups[start].begin);
        carrier = CarrierFromContext(*context, number);
      }
      if (carrier != v1::CARRIER_UNSPECIFIED || Routable(number)) {
        AddTrackingNumber(ids, number, carrier, max_each);
        start = end;
        found = true;
      }
    }
    if (!found) ++start;
  }
  return ids;
}

}  // namespace trackenrich::enrichment
