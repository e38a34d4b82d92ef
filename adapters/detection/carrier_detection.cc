#include "adapters/detection/carrier_detection.h"

#include <algorithm>
#include <array>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/types/span.h"

#include "adapters/detection/tracking_number_formats.h"
#include "adapters/detection/tracking_urls.h"

namespace trackenrich::detection {
namespace {

// A format without a check digit matching at this confidence or more makes a
// number plausible even when every check digit fails.
constexpr double kMeaningfulUncheckedConfidence = 0.3;

struct Match {
  const TrackingNumberFormat* format;
  v1::Carrier carrier;
  v1::ChecksumResult checksum;
  double confidence;
  // The part of the number the carrier's tracking page takes.
  absl::string_view tracking_number;
};

bool IsOneRepeatedCharacter(absl::string_view number) {
  return std::all_of(number.begin(), number.end(), [&](char c) { return c == number.front(); });
}

// USPS barcodes may put "420" + a 5- or 9-digit ZIP in front of the tracking
// number (tracking_number_data usps.json: RoutingApplicationId). Returns the
// numbers behind each possible prefix; empty views where there is none.
std::array<absl::string_view, 2> WithoutUspsRoutingPrefix(absl::string_view number) {
  std::array<absl::string_view, 2> rest;
  if (!absl::StartsWith(number, "420")) return rest;
  static constexpr std::array<size_t, 2> kPrefixLengths = {3 + 5, 3 + 9};
  for (size_t i = 0; i < kPrefixLengths.size(); ++i) {
    const size_t prefix = kPrefixLengths[i];
    if (number.size() <= prefix) continue;
    const absl::string_view zip = number.substr(3, prefix - 3);
    if (std::all_of(zip.begin(), zip.end(), absl::ascii_isdigit)) {
      rest[i] = number.substr(prefix);
    }
  }
  return rest;
}

void AddMatch(const TrackingNumberFormat& format, absl::string_view number,
              absl::InlinedVector<Match, 8>& matches) {
  if (!MatchesFormat(format, number)) return;
  const v1::Carrier carrier =
      format.carrier_for != nullptr ? format.carrier_for(number) : format.carrier;
  if (carrier == v1::CARRIER_UNSPECIFIED) return;
  v1::ChecksumResult checksum = v1::CHECKSUM_RESULT_NOT_APPLICABLE;
  double confidence = format.confidence;
  if (format.check != nullptr) {
    if (format.check(SpanOf(number, format.check_offset, format.check_length))) {
      checksum = v1::CHECKSUM_RESULT_VALID;
    } else {
      checksum = v1::CHECKSUM_RESULT_INVALID;
      confidence *= kFailedCheckFactor;
    }
  }
  matches.push_back(
      Match{.format = &format,
            .carrier = carrier,
            .checksum = checksum,
            .confidence = confidence,
            .tracking_number = SpanOf(number, format.tracking_offset, format.tracking_length)});
}

bool HasInvalidChecksum(absl::Span<const Match> matches) {
  bool any_checked = false;
  for (const Match& match : matches) {
    switch (match.checksum) {
      case v1::CHECKSUM_RESULT_VALID:
        return false;
      case v1::CHECKSUM_RESULT_INVALID:
        any_checked = true;
        break;
      default:
        if (match.confidence >= kMeaningfulUncheckedConfidence) return false;
        break;
    }
  }
  return any_checked;
}

}  // namespace

std::string NormalizeTrackingNumber(absl::string_view raw) {
  std::string normalized;
  normalized.reserve(raw.size());
  for (char c : raw) {
    if (absl::ascii_isalnum(c)) normalized.push_back(absl::ascii_toupper(c));
  }
  return normalized;
}

Detection DetectNormalized(absl::string_view number) {
  Detection detection;
  if (number.empty() || IsOneRepeatedCharacter(number)) return detection;
  const std::array<absl::string_view, 2> routed = WithoutUspsRoutingPrefix(number);
  absl::InlinedVector<Match, 8> matches;
  for (const TrackingNumberFormat& format : TrackingNumberFormats()) {
    AddMatch(format, number, matches);
    if (!format.allows_usps_routing_prefix) continue;
    for (absl::string_view rest : routed) {
      if (!rest.empty()) AddMatch(format, rest, matches);
    }
  }
  detection.invalid_checksum = HasInvalidChecksum(matches);
  // Highest confidence first; the table order breaks ties.
  std::stable_sort(matches.begin(), matches.end(),
                   [](const Match& a, const Match& b) { return a.confidence > b.confidence; });
  for (size_t i = 0; i < matches.size(); ++i) {
    const Match& match = matches[i];
    const bool carrier_seen =
        std::any_of(matches.begin(), matches.begin() + i,
                    [&](const Match& m) { return m.carrier == match.carrier; });
    if (carrier_seen) continue;
    detection.candidates.push_back(Candidate{.carrier = match.carrier,
                                             .format = match.format->name,
                                             .confidence = match.confidence,
                                             .checksum = match.checksum,
                                             .tracking_number = match.tracking_number});
  }
  return detection;
}

v1::DetectCarrierResponse DetectCarrier(absl::string_view tracking_number) {
  v1::DetectCarrierResponse response;
  response.set_normalized_tracking_number(NormalizeTrackingNumber(tracking_number));
  const Detection detection = DetectNormalized(response.normalized_tracking_number());
  response.set_invalid_checksum(detection.invalid_checksum);
  for (const Candidate& found : detection.candidates) {
    v1::CarrierCandidate* candidate = response.add_candidates();
    candidate->set_carrier(found.carrier);
    candidate->set_format(std::string(found.format));
    candidate->set_confidence(found.confidence);
    candidate->set_checksum(found.checksum);
    candidate->set_tracking_url(TrackingUrl(found.carrier, found.tracking_number));
  }
  return response;
}

}  // namespace trackenrich::detection
