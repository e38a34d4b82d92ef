// Carrier detection from a tracking number alone: which carriers can have
// issued a number, how sure that is, and whether its check digit holds. This
// answers the DetectCarrier RPC, picks the adapter when a caller gives no
// carrier, and decides which numbers in ticket text are tracking numbers.
//
//   v1::DetectCarrierResponse response = DetectCarrier("1z 999 aa1 0123456784");
//   // response.normalized_tracking_number() == "1Z999AA10123456784"
//   // response.candidates(0): CARRIER_UPS, "UPS 1Z", 0.98, CHECKSUM_RESULT_VALID,
//   //   "https://www.ups.com/track?tracknum=1Z999AA10123456784"
//
// Detection is pure and allocation-light (a few microseconds per number): the
// formats are a table in tracking_number_formats.cc, matched by hand.
#ifndef TRACKENRICH_ADAPTERS_DETECTION_CARRIER_DETECTION_H_
#define TRACKENRICH_ADAPTERS_DETECTION_CARRIER_DETECTION_H_

#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"

#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::detection {

// A candidate at or above this confidence makes a number a likely tracking
// number on its own (ticket-text extraction relies on it). Bare digit strings
// of phone-number, date and postcode lengths never reach it.
inline constexpr double kLikelyTrackingNumberConfidence = 0.5;

// A failed check digit multiplies a format's confidence by this, which keeps
// such candidates clearly below every passing one of a comparable format.
inline constexpr double kFailedCheckFactor = 0.2;

// Upper-cases ASCII letters and drops every character that is not an ASCII
// letter or digit: spaces, dashes, dots, slashes, parentheses, plus signs and
// non-ASCII bytes. "+1 (555) 123-4567" becomes "15551234567", "1z-999 aa1"
// becomes "1Z999AA1".
std::string NormalizeTrackingNumber(absl::string_view raw);

// Normalizes `tracking_number` and returns every carrier whose formats it
// matches, one candidate per carrier (its best format), highest confidence
// first. A failed check digit still yields a candidate, at
// kFailedCheckFactor of the format's confidence. `invalid_checksum` is set
// when at least one format with a check digit matches, every such format's
// check fails, and no format without a check digit matches at 0.3 or more.
// A number matching no format, and a placeholder made of one repeated
// character ("000000000000"), get no candidates.
v1::DetectCarrierResponse DetectCarrier(absl::string_view tracking_number);

// One carrier that may have issued a number (the best of its formats).
struct Candidate {
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
  // The format's name ("UPS 1Z").
  absl::string_view format;
  double confidence = 0;
  v1::ChecksumResult checksum = v1::CHECKSUM_RESULT_UNSPECIFIED;
  // The part of the number the carrier's tracking page takes (a view into
  // the number passed in).
  absl::string_view tracking_number;
};

struct Detection {
  // One per carrier, highest confidence first.
  absl::InlinedVector<Candidate, 4> candidates;
  bool invalid_checksum = false;
};

// DetectCarrier's answer for a number that is already normalized
// (NormalizeTrackingNumber), without building a response: what routing a
// lookup to its adapter needs, with no allocation for up to four candidates.
Detection DetectNormalized(absl::string_view number);

}  // namespace trackenrich::detection

#endif  // TRACKENRICH_ADAPTERS_DETECTION_CARRIER_DETECTION_H_
