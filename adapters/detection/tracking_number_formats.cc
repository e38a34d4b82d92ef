#include "adapters/detection/tracking_number_formats.h"

#include <array>
#include <cstddef>
#include <vector>

#include "absl/strings/ascii.h"

#include "adapters/carrier.h"
#include "adapters/detection/check_digits.h"

namespace trackenrich::detection {
namespace {

bool HasOnTracCheckDigit(absl::string_view checked) {
  return HasMod10CheckDigit(checked, kOnTracWeights);
}

// Country codes whose postal operators issue S10 numbers: the UPU members of
// tracking_number_data couriers/s10.json ("Courier" lookup), plus territories
// with their own postal operator that print their own code (Taiwan, Macao,
// Jersey, Guernsey, Isle of Man, Gibraltar, Faroe Islands, Greenland, Aruba,
// Curacao, New Caledonia, French Polynesia).
constexpr absl::string_view kS10CountryCodes =
    "AEAFAGALAMAOARATAUAZBABBBDBEBFBGBHBIBJBNBOBRBSBTBWBYBZCACDCFCGCHCICLCMCNCOCRCUCVCYCZ"
    "DEDJDKDMDODZECEEEGERESETFIFJFRGAGBGDGEGHGMGNGQGRGTGWGYHKHNHRHTHUIDIEILINIQIRISITJMJO"
    "JPKEKGKHKIKMKNKPKRKWKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMGMKMLMMMNMRMTMUMVMWMXMYMZNANENG"
    "NINLNONPNRNZOMPAPEPGPHPKPLPTPYQARORSRURWSASBSCSDSESGSISKSLSMSNSOSRSSSTSVSYSZTDTGTHTJ"
    "TLTMTNTOTRTTTVTZUAUGUSUYUZVAVCVEVNVUWSYEZAZMZW"
    "TWMOJEGGIMGIFOGLAWCWNCPF";

constexpr int kLetterPairs = 26 * 26;

constexpr int LetterPairIndex(char first, char second) {
  return (first - 'A') * 26 + (second - 'A');
}

constexpr std::array<bool, kLetterPairs> BuildS10CountrySet() {
  std::array<bool, kLetterPairs> set{};
  for (size_t i = 0; i + 1 < kS10CountryCodes.size(); i += 2) {
    set[LetterPairIndex(kS10CountryCodes[i], kS10CountryCodes[i + 1])] = true;
  }
  return set;
}

constexpr std::array<bool, kLetterPairs> kS10Countries = BuildS10CountrySet();

struct S10Operator {
  absl::string_view country_code;
  v1::Carrier carrier;
};

// The postal operators of countries whose carriers have no descriptor
// (tracking_number_data couriers/s10.json names each operator); carriers with
// one claim their suffixes there (s10_countries).
constexpr std::array<S10Operator, 5> kS10Operators = {{
    {"DE", v1::CARRIER_DEUTSCHE_POST},
    {"IT", v1::CARRIER_POSTE_ITALIANE},
    {"CA", v1::CARRIER_CANADA_POST},
    {"AU", v1::CARRIER_AUSTRALIA_POST},
    {"ES", v1::CARRIER_CORREOS},
}};

v1::Carrier S10CarrierForNumber(absl::string_view number) {
  return number.size() < 2 ? v1::CARRIER_UNSPECIFIED : S10Carrier(number.substr(number.size() - 2));
}

// Confidence scale (for a match whose check digit passes or that has none):
//   0.85-0.98  a prefix or structure no other format shares (1LS, S10 with a
//              known country suffix, a carrier's own prefix);
//   0.5-0.8    a distinctive shape, or a bare digit string of a length few
//              other numbers have, protected by a check digit;
//   below 0.5  bare digit strings of common lengths, where a phone number,
//              order reference or invoice number is as likely. Ticket-text
//              extraction takes a number as a tracking number on its own only
//              from 0.5 up (kLikelyTrackingNumberConfidence), so 10- and
//              11-digit formats (US phone numbers) stay below it even with a
//              valid check digit; below it, only when the words right before
//              the number name the carrier or tracking
//              (services/enrichment/text_extraction.h).
// A failed check digit multiplies the confidence by kFailedCheckFactor
// (carrier_detection.cc).
//
// The carriers' descriptors (adapters/<name>/<name>_carrier.cc) list their
// formats on this scale. This table holds the carriers without a descriptor
// (link-only carriers and S10); TrackingNumberFormats() appends those of the
// descriptors, in adapters/carriers.txt's order, and drops this table's
// entries for a carrier whose descriptor has formats.
//
// Unless another source is named, formats, check-digit parameters and test
// numbers come from the MIT-licensed jkeen/tracking_number_data dataset
// (couriers/<file>.json, format id in brackets).
constexpr TrackingNumberFormat kFormats[] = {
    // ontrac.json [ontrac_c, ontrac_d]: mod 10 over the prefix letter and 13
    // digits.
    {.carrier = v1::CARRIER_ONTRAC,
     .name = "OnTrac",
     .shape = "[CD]#{14}",
     .check = HasOnTracCheckDigit,
     .confidence = 0.85},

    // lasership.json [lasership_1ls7, LaserShip 1LS7 (18), lasership_1lscx,
    // lasership_lx]. The 18-character form ends in "-1", which normalization
    // turns into a trailing 1.
    {.carrier = v1::CARRIER_LASERSHIP,
     .name = "LaserShip 1LS",
     .shape = "1LS7[12]#{10}|1LS7[12]#{2}01[1-4]#{6}1|1LSCX*{10}",
     .confidence = 0.9},
    {.carrier = v1::CARRIER_LASERSHIP,
     .name = "LaserShip L",
     .shape = "L[AEHINX][1-3]#{7}",
     .confidence = 0.6},

    // s10.json [s10]: service indicator, 8 serial digits, check digit and the
    // country of the issuing postal operator, which decides the carrier.
    {.name = "S10",
     .shape = "@{2}#{9}@{2}",
     .check = HasS10CheckDigit,
     .check_offset = 2,
     .check_length = 9,
     .confidence = 0.9,
     .carrier_for = S10CarrierForNumber},

    // canadapost.json [canada_post].
    {.carrier = v1::CARRIER_CANADA_POST,
     .name = "Canada Post (16)",
     .shape = "#{16}",
     .check = HasGs1CheckDigit,
     .confidence = 0.5},

    // Correos preregister API, Annex XI "Shipment code structures": 23
    // characters: a 2-character product, 4-character client code, 2-digit
    // channel, 7-digit sequence, 2-character package, 5-character postcode and
    // a control letter. Only products starting with P (the parcel products,
    // e.g. PQ) are matched, and the control letter is not checked: its formula
    // (Annex IV) was not available.
    {.carrier = v1::CARRIER_CORREOS,
     .name = "Correos (23)",
     .shape = "P@*{4}#{9}*{7}@",
     .confidence = 0.6},

    // Formats without a check digit or any distinctive character: listed so a
    // help desk sees the possibility, never confident enough to act on alone.
    // GLS parcel numbers: 11 or 12 digits as GLS labels print them; no public
    // specification of a check digit was found, so none is verified.
    {.carrier = v1::CARRIER_GLS, .name = "GLS (11-12)", .shape = "#{11}|#{12}", .confidence = 0.25},
    // BRT shipment number: 3-digit departure depot, 2-digit series and 7-digit
    // number, zero-padded to 12 (BRT's tracking help, as quoted at
    // mlist.it/archives/il-corriere-che-non-correva.html).
    {.carrier = v1::CARRIER_BRT, .name = "BRT (12)", .shape = "#{12}", .confidence = 0.2},
    // Evri: "your 16-digit tracking number, which is the barcode number"
    // (evri.com FAQ "How do I track my parcel").
    {.carrier = v1::CARRIER_EVRI, .name = "Evri (16)", .shape = "#{16}", .confidence = 0.2},
    // Poste Italiane raccomandata: a 12-digit code on the receipt
    // (supereva.it, "Come rintracciare una raccomandata tramite il suo codice").
    {.carrier = v1::CARRIER_POSTE_ITALIANE,
     .name = "Poste Italiane raccomandata (12)",
     .shape = "#{12}",
     .confidence = 0.15},
};

// Whether `c` is one of the characters a [...] set lists (ranges like 1-3 allowed).
bool InSet(absl::string_view set, char c) {
  for (size_t s = 0; s < set.size(); ++s) {
    if (s + 2 < set.size() && set[s + 1] == '-') {
      if (c >= set[s] && c <= set[s + 2]) return true;
      s += 2;
    } else if (c == set[s]) {
      return true;
    }
  }
  return false;
}

// Whether `c` matches one element: a class character (# @ *) or a literal.
bool MatchesElement(char element, char c) {
  switch (element) {
    case '#':
      return absl::ascii_isdigit(c);
    case '@':
      return absl::ascii_isupper(c);
    case '*':
      return absl::ascii_isdigit(c) || absl::ascii_isupper(c);
    default:
      return c == element;
  }
}

// Matches one alternative of a MatchesShape pattern against the whole number.
bool MatchesAlternative(absl::string_view shape, absl::string_view number) {
  size_t position = 0;  // in number
  size_t p = 0;         // in shape
  while (p < shape.size()) {
    const char element = shape[p];
    absl::string_view set;
    if (element == '[') {
      const size_t close = shape.find(']', p);
      if (close == absl::string_view::npos) return false;
      set = shape.substr(p + 1, close - p - 1);
      p = close + 1;
    } else {
      ++p;
    }
    int count = 1;
    if (p < shape.size() && shape[p] == '{') {
      count = 0;
      for (++p; p < shape.size() && absl::ascii_isdigit(shape[p]); ++p)
        count = count * 10 + (shape[p] - '0');
      ++p;  // the closing brace
    }
    if (number.size() - position < static_cast<size_t>(count)) return false;
    for (int i = 0; i < count; ++i, ++position) {
      const char c = number[position];
      if (element == '[' ? !InSet(set, c) : !MatchesElement(element, c)) return false;
    }
  }
  return position == number.size();
}

}  // namespace

absl::string_view SpanOf(absl::string_view number, int offset, int length) {
  if (offset < 0 || static_cast<size_t>(offset) >= number.size()) return {};
  return length <= 0 ? number.substr(offset) : number.substr(offset, length);
}

absl::Span<const TrackingNumberFormat> TrackingNumberFormats() {
  static const std::vector<TrackingNumberFormat>* const kAll = [] {
    auto* all = new std::vector<TrackingNumberFormat>();
    for (const TrackingNumberFormat& format : kFormats) {
      const adapters::CarrierDescriptor* owner = adapters::DescriptorOf(format.carrier);
      if (owner == nullptr || owner->formats.empty()) all->push_back(format);
    }
    for (const adapters::CarrierDescriptor* carrier : adapters::AllCarriers()) {
      all->insert(all->end(), carrier->formats.begin(), carrier->formats.end());
    }
    return all;
  }();
  return *kAll;
}

bool MatchesShape(absl::string_view shape, absl::string_view number) {
  while (true) {
    const size_t bar = shape.find('|');
    if (MatchesAlternative(shape.substr(0, bar), number)) return true;
    if (bar == absl::string_view::npos) return false;
    shape.remove_prefix(bar + 1);
  }
}

bool MatchesFormat(const TrackingNumberFormat& format, absl::string_view number) {
  return format.matches != nullptr ? format.matches(number) : MatchesShape(format.shape, number);
}

v1::Carrier S10Carrier(absl::string_view country_code) {
  if (country_code.size() != 2 || !absl::ascii_isupper(country_code[0]) ||
      !absl::ascii_isupper(country_code[1]) ||
      !kS10Countries[LetterPairIndex(country_code[0], country_code[1])]) {
    return v1::CARRIER_UNSPECIFIED;
  }
  // A carrier with an adapter that claims the suffix, then the table.
  for (const adapters::CarrierDescriptor* carrier : adapters::AllCarriers()) {
    for (absl::string_view claimed : carrier->s10_countries) {
      if (claimed == country_code) return carrier->carrier;
    }
  }
  for (const S10Operator& known : kS10Operators) {
    if (known.country_code == country_code) return known.carrier;
  }
  return v1::CARRIER_OTHER;
}

}  // namespace trackenrich::detection
