#include "adapters/detection/tracking_number_formats.h"

#include <array>
#include <cstddef>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/carrier.h"
#include "adapters/detection/check_digits.h"

namespace trackenrich::detection {
namespace {

// Whether `checked` ends with the digit `expected` (-1 never matches).
bool EndsWithDigit(absl::string_view checked, int expected) {
  return expected >= 0 && !checked.empty() && checked.back() == '0' + expected;
}

absl::string_view WithoutLast(absl::string_view checked) {
  return checked.substr(0, checked.empty() ? 0 : checked.size() - 1);
}

bool HasMod10CheckDigit(absl::string_view checked, Mod10Weights weights) {
  return EndsWithDigit(checked, Mod10CheckDigit(WithoutLast(checked), weights));
}

bool HasGs1CheckDigit(absl::string_view checked) {
  return HasMod10CheckDigit(checked, kGs1Weights);
}

// GS1 check over `implied` + `checked`: some numbers drop an application
// identifier from print that their check digit still covers.
bool HasGs1CheckDigitWithImpliedPrefix(absl::string_view implied, absl::string_view checked) {
  std::array<char, 48> buffer;
  if (implied.size() + checked.size() > buffer.size()) return false;
  implied.copy(buffer.data(), implied.size());
  checked.copy(buffer.data() + implied.size(), checked.size());
  return HasGs1CheckDigit(absl::string_view(buffer.data(), implied.size() + checked.size()));
}

bool HasUpsCheckDigit(absl::string_view checked) {
  return HasMod10CheckDigit(checked, kUpsWeights);
}

bool HasOnTracCheckDigit(absl::string_view checked) {
  return HasMod10CheckDigit(checked, kOnTracWeights);
}

bool HasMod7CheckDigit(absl::string_view checked) {
  return EndsWithDigit(checked, Mod7CheckDigit(WithoutLast(checked)));
}

bool HasFedExMod11CheckDigit(absl::string_view checked) {
  return EndsWithDigit(checked, FedExMod11CheckDigit(WithoutLast(checked)));
}

// `checked` is the eight serial digits and the check digit.
bool HasS10CheckDigit(absl::string_view checked) {
  return EndsWithDigit(checked, S10CheckDigit(WithoutLast(checked)));
}

// USPS prints 20-digit numbers both with the check digit over the 19 digits
// shown and with it over the "91" application identifier left off in print
// (tracking_number_data: usps_20 and usps_legacy).
bool HasUsps20CheckDigit(absl::string_view checked) {
  return HasGs1CheckDigit(checked) || HasGs1CheckDigitWithImpliedPrefix("91", checked);
}

// FedEx SmartPost 20-digit numbers are IMpb numbers printed without their "92".
bool HasSmartPost20CheckDigit(absl::string_view checked) {
  return HasGs1CheckDigitWithImpliedPrefix("92", checked);
}

// DHL eCommerce (tracking_number_data: dhl_ecommerce): a two-letter prefix,
// then 10 to 39 letters and digits, at least one of them a digit.
bool IsDhlEcommerceBody(absl::string_view body, bool digits_only) {
  if (body.size() < 10 || body.size() > 39) return false;
  bool has_digit = false;
  for (char c : body) {
    if (absl::ascii_isdigit(c)) {
      has_digit = true;
    } else if (digits_only || !absl::ascii_isupper(c)) {
      return false;
    }
  }
  return has_digit;
}

// GM (DHL Global Mail) followed by digits only: the classic, most common form.
bool IsDhlEcommerceGmNumeric(absl::string_view number) {
  return absl::StartsWith(number, "GM") && IsDhlEcommerceBody(number.substr(2), true);
}

bool IsDhlEcommerceGm(absl::string_view number) {
  return absl::StartsWith(number, "GM") && IsDhlEcommerceBody(number.substr(2), false);
}

// The other prefixes are shared with S10 service indicators and ordinary
// words (IN, TH), so they say little on their own.
bool IsDhlEcommerceOtherPrefix(absl::string_view number) {
  static constexpr std::array<absl::string_view, 9> kPrefixes = {"LX", "RX", "UV", "CN", "SG",
                                                                 "TH", "IN", "HK", "MY"};
  for (absl::string_view prefix : kPrefixes) {
    if (absl::StartsWith(number, prefix)) return IsDhlEcommerceBody(number.substr(2), false);
  }
  return false;
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

// The postal operators of the countries the service has carriers for
// (tracking_number_data couriers/s10.json names each operator).
constexpr std::array<S10Operator, 9> kS10Operators = {{
    {"US", v1::CARRIER_USPS},
    {"GB", v1::CARRIER_ROYAL_MAIL},
    {"DE", v1::CARRIER_DEUTSCHE_POST},
    {"IT", v1::CARRIER_POSTE_ITALIANE},
    {"FR", v1::CARRIER_LA_POSTE},
    {"CA", v1::CARRIER_CANADA_POST},
    {"AU", v1::CARRIER_AUSTRALIA_POST},
    {"ES", v1::CARRIER_CORREOS},
    {"NL", v1::CARRIER_POSTNL},
}};

v1::Carrier S10CarrierForNumber(absl::string_view number) {
  return number.size() < 2 ? v1::CARRIER_UNSPECIFIED : S10Carrier(number.substr(number.size() - 2));
}

// Confidence scale (for a match whose check digit passes or that has none):
//   0.85-0.98  a prefix or structure no other format shares (1Z, TBA, 96 + 20
//              digits, S10 with a known country suffix);
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
// This table holds the carriers whose descriptors (adapters/carrier.h) do
// not list formats of their own; TrackingNumberFormats() appends those of the
// descriptors, in adapters/carriers.txt's order, and drops this table's
// entries for a carrier whose descriptor has formats.
//
// Unless another source is named, formats, check-digit parameters and test
// numbers come from the MIT-licensed jkeen/tracking_number_data dataset
// (couriers/<file>.json, format id in brackets).
constexpr TrackingNumberFormat kFormats[] = {
    // ups.json [ups]: 1Z, 6-character shipper, 2-character service, 7-character
    // package, mod 10 over the 15 characters after 1Z.
    {.carrier = v1::CARRIER_UPS,
     .name = "UPS 1Z",
     .shape = "1Z*{15}#",
     .check = HasUpsCheckDigit,
     .check_offset = 2,
     .check_length = 16,
     .confidence = 0.98},
    // amazon.json [amazon_logistics].
    {.carrier = v1::CARRIER_AMAZON,
     .name = "Amazon Logistics TBA",
     .shape = "TB[ACM]#{12}",
     .confidence = 0.95},
    // ups.json [UPS Waybill]: a service letter, 9 digits and a mod 10 check
    // digit over the 9 digits.
    {.carrier = v1::CARRIER_UPS,
     .name = "UPS Waybill",
     .shape = "[AHJKTV]#{10}",
     .check = HasUpsCheckDigit,
     .check_offset = 1,
     .check_length = 10,
     .confidence = 0.5},
    // amazon.json [amazon_international]: no check digit, and a letter plus
    // ten digits is common in order and invoice references.
    {.carrier = v1::CARRIER_AMAZON,
     .name = "Amazon International",
     .shape = "[ACF]#{10}",
     .confidence = 0.3},

    // fedex.json [fedex_ground_96]: 96, carrier code, service, shipper and
    // package; the check digit covers the last 15 digits (the Ground number).
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Ground 96 (22)",
     .shape = "96#{20}",
     .check = HasGs1CheckDigit,
     .check_offset = 7,
     .check_length = 15,
     .confidence = 0.9},
    // fedex.json [fedex_ground_gsn]: the 34-digit Ground barcode; the tracking
    // number is the last 12 digits, the check over the last 14.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Ground GSN (34)",
     .shape = "96#{32}",
     .check = HasFedExMod11CheckDigit,
     .check_offset = 20,
     .check_length = 14,
     .tracking_offset = 22,
     .tracking_length = 12,
     .confidence = 0.9},
    // fedex.json [fedex_34]: the 34-digit Express barcode ending in the
    // 12-digit tracking number.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Express (34)",
     .shape = "[0-8]#{33}",
     .check = HasFedExMod11CheckDigit,
     .check_offset = 20,
     .check_length = 14,
     .tracking_offset = 22,
     .tracking_length = 12,
     .confidence = 0.75},
    // fedex.json [fedex_astra_32]: positions 17 to 28 hold an Express number.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx ASTRA (32)",
     .shape = "3#{31}",
     .check = HasFedExMod11CheckDigit,
     .check_offset = 16,
     .check_length = 12,
     .tracking_offset = 16,
     .tracking_length = 12,
     .confidence = 0.7},
    // FedEx SmartPost / Ground Economy: FedEx hands these parcels to USPS for
    // the last mile, under IMpb numbers with application identifier 92
    // (commercial mailer, nine-digit mailer ID), service type 612 (Parcel
    // Select) and a mailer ID starting 9. usps.json [usps_impb_c] lists such
    // numbers (92 612 9...) as USPS numbers and says of identifier 92 that
    // another company may have carried the parcel before USPS, so USPS IMpb
    // ranks first and FedEx stays a candidate below it.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx SmartPost (22)",
     .shape = "926129#{16}",
     .check = HasGs1CheckDigit,
     .confidence = 0.7,
     .allows_usps_routing_prefix = true},
    // The same numbers printed without the 92 (usps.json lists
    // 61299998820821171811 as an invalid USPS number: its check digit only
    // holds with the 92 in front).
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx SmartPost (20)",
     .shape = "6129#{16}",
     .check = HasSmartPost20CheckDigit,
     .confidence = 0.6},
    // fedex.json [fedex_12]: the Express number, the most common FedEx form.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Express (12)",
     .shape = "#{12}",
     .check = HasFedExMod11CheckDigit,
     .confidence = 0.6},
    // fedex.json [fedex_ground].
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Ground (15)",
     .shape = "#{15}",
     .check = HasGs1CheckDigit,
     .confidence = 0.55},
    // fedex.json [fedex_ground_sscc_18]: a GS1 SSCC, which any shipper's
    // carrier may print, so FedEx is only a guess. The check covers all 17
    // digits as GS1 defines it.
    {.carrier = v1::CARRIER_FEDEX,
     .name = "FedEx Ground SSCC (18)",
     .shape = "#{18}",
     .check = HasGs1CheckDigit,
     .confidence = 0.45},

    // usps.json [usps_impb_n, usps_impb_c]: application identifier, 3-digit
    // service type, mailer ID (nine digits when it starts with 9, six
    // otherwise), package ID and check digit, 22, 26 or (94 only, nine-digit
    // mailer ID) 30 digits, optionally behind a 420 + ZIP routing prefix. The
    // identifier fixes the mailer ID's length: 92 nine digits (so it starts
    // with 9), 93 six (so it does not); 94 and 95 take either.
    {.carrier = v1::CARRIER_USPS,
     .name = "USPS IMpb",
     .shape = "92#{3}9#{16}|92#{3}9#{20}|93#{3}[0-8]#{16}|93#{3}[0-8]#{20}|9[45]#{20}|9[45]#{24}|"
              "94#{3}9#{24}",
     .check = HasGs1CheckDigit,
     .confidence = 0.85,
     .allows_usps_routing_prefix = true},
    // usps.json [usps_legacy]: Delivery and Signature Confirmation with the 91
    // application identifier.
    {.carrier = v1::CARRIER_USPS,
     .name = "USPS 91 (22)",
     .shape = "91#{20}",
     .check = HasGs1CheckDigit,
     .confidence = 0.8,
     .allows_usps_routing_prefix = true},
    // usps.json [usps_20, usps_legacy]: 20 digits without the identifier.
    {.carrier = v1::CARRIER_USPS,
     .name = "USPS (20)",
     .shape = "#{20}",
     .check = HasUsps20CheckDigit,
     .confidence = 0.55},

    // dhl.json [dhl_express]: 10 or 11 digits, mod 7. One random number in
    // seven passes, and US phone numbers have these lengths.
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL Express",
     .shape = "#{10}|#{11}",
     .check = HasMod7CheckDigit,
     .confidence = 0.45},
    // dhl.json [dhl_express_piece_id].
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL Express Piece ID",
     .shape = "J@{2}#{9}|J@{2}#{10}|J@{3}#{9}|J@{3}#{10}",
     .confidence = 0.55},
    // DHL Paket: application identifier 00 and a GS1 SSCC under the company
    // prefix DHL Paket labels carry (3 40434...); GS1 check over the SSCC
    // (GS1 General Specifications, SSCC).
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL Paket SSCC (20)",
     .shape = "00340434#{12}",
     .check = HasGs1CheckDigit,
     .check_offset = 2,
     .check_length = 18,
     .confidence = 0.85},
    // dhl.json [dhl_ecommerce].
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL eCommerce",
     .matches = IsDhlEcommerceGmNumeric,
     .confidence = 0.75},
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL eCommerce",
     .matches = IsDhlEcommerceGm,
     .confidence = 0.5},
    {.carrier = v1::CARRIER_DHL,
     .name = "DHL eCommerce",
     .matches = IsDhlEcommerceOtherPrefix,
     .confidence = 0.3},
    // dhl.json [dhl_ecommerce_14]: 14 bare digits, no check digit. The only
    // 14-digit format of the dataset: DPD's 14-digit parcel number always
    // comes with its check character there (adapters/dpd/dpd_carrier.cc).
    {.carrier = v1::CARRIER_DHL, .name = "DHL eCommerce (14)", .shape = "#{14}", .confidence = 0.2},

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

    // PostNL barcode API (developer.postnl.nl, "Specifications barcodes"): a
    // type 3S barcode is 3S, a 4-letter customer code and a serial, 13 or 15
    // characters in all.
    {.carrier = v1::CARRIER_POSTNL,
     .name = "PostNL 3S",
     .shape = "3S@{4}#{7}|3S@{4}#{9}",
     .confidence = 0.8},
    // Colissimo FAQ (colissimo.fr, "What is the track & trace number?"): 13
    // characters, a product code of a digit and a letter (6A, 8R, ...) and 11
    // digits, e.g. 8D00432154798. Covers Colissimo and Lettre suivie.
    {.carrier = v1::CARRIER_LA_POSTE,
     .name = "La Poste / Colissimo",
     .shape = "#@#{11}",
     .confidence = 0.6},
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
