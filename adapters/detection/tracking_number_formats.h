// The tracking-number formats carrier detection knows, as one table of
// descriptors: the shape of the number, where its check digit sits, which
// carrier issues it and how much a match says about the carrier.
// DetectCarrier (carrier_detection.h) walks the table; nothing else should need
// to.
//
//   for (const TrackingNumberFormat& format : TrackingNumberFormats()) {
//     if (!MatchesFormat(format, "1Z999AA10123456784")) continue;
//     // format.name == "UPS 1Z", format.carrier == v1::CARRIER_UPS
//   }
//
// Shapes use a small fixed-length pattern language (see MatchesShape), so
// matching is one pass over the number with no backtracking and no std::regex.
#ifndef TRACKENRICH_ADAPTERS_DETECTION_TRACKING_NUMBER_FORMATS_H_
#define TRACKENRICH_ADAPTERS_DETECTION_TRACKING_NUMBER_FORMATS_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::detection {

// Returns `length` characters of `number` from `offset` (all the rest when
// `length` is 0), clipped to the number.
absl::string_view SpanOf(absl::string_view number, int offset, int length);

struct TrackingNumberFormat {
  // CARRIER_UNSPECIFIED when `carrier_for` decides per number.
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
  // Shown to callers, e.g. "UPS 1Z".
  absl::string_view name;
  // A MatchesShape pattern; nullptr when `matches` decides instead.
  const char* shape = nullptr;
  bool (*matches)(absl::string_view number) = nullptr;
  // Whether the check character ending `SpanOf(number, check_offset,
  // check_length)` is right; nullptr when the format has none.
  bool (*check)(absl::string_view checked) = nullptr;
  int check_offset = 0;
  int check_length = 0;
  // The part of the number the carrier's tracking page takes (SpanOf).
  int tracking_offset = 0;
  int tracking_length = 0;
  // 0..1 for a match whose check digit passes or that has none.
  double confidence = 0;
  // USPS barcodes may carry a "420" + ZIP (+4) routing prefix in front of the
  // number; such formats are also tried on the number without it.
  bool allows_usps_routing_prefix = false;
  // For formats whose carrier depends on the number (S10: the country suffix).
  // Returns CARRIER_UNSPECIFIED to reject the number.
  v1::Carrier (*carrier_for)(absl::string_view number) = nullptr;
};

// Every known format: detection's own table, then each carrier descriptor's
// (adapters/carrier.h). Order breaks ties between equally confident
// candidates.
absl::Span<const TrackingNumberFormat> TrackingNumberFormats();

// Whether `number` has the shape `shape` describes, the whole number matching:
//   #      a digit             @      a letter A-Z
//   *      a digit or a letter [..]   one of the listed characters (ranges
//                                     such as 1-3 allowed)
//   {n}    the element before it, n times in all
//   |      separates alternative shapes
// Any other character stands for itself. "TB[ACM]#{12}" matches TBA + 12 digits.
bool MatchesShape(absl::string_view shape, absl::string_view number);

// Whether `number` (normalized: [A-Z0-9]) has the format's shape.
bool MatchesFormat(const TrackingNumberFormat& format, absl::string_view number);

// The carrier of an S10 number from its country suffix ("GB" is Royal Mail):
// the carrier whose descriptor claims the suffix (s10_countries), else the
// postal operator detection knows; CARRIER_OTHER for other UPU postal operators;
// CARRIER_UNSPECIFIED when the suffix is no country code that issues S10 numbers.
v1::Carrier S10Carrier(absl::string_view country_code);

}  // namespace trackenrich::detection

#endif  // TRACKENRICH_ADAPTERS_DETECTION_TRACKING_NUMBER_FORMATS_H_
