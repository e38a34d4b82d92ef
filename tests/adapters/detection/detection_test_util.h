// Small helpers shared by the carrier-detection tests.
//
//   const v1::DetectCarrierResponse detected = DetectCarrier(number);
//   const v1::CarrierCandidate* ups = FindCandidate(detected, v1::CARRIER_UPS);
#ifndef TRACKENRICH_TESTS_ADAPTERS_DETECTION_DETECTION_TEST_UTIL_H_
#define TRACKENRICH_TESTS_ADAPTERS_DETECTION_DETECTION_TEST_UTIL_H_

#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::detection {

// The response's candidate for `carrier`, or nullptr.
inline const v1::CarrierCandidate* FindCandidate(const v1::DetectCarrierResponse& response,
                                                 v1::Carrier carrier) {
  for (const v1::CarrierCandidate& candidate : response.candidates()) {
    if (candidate.carrier() == carrier) return &candidate;
  }
  return nullptr;
}
// The candidate would point into a response destroyed at the end of the
// statement: keep the response in a variable.
const v1::CarrierCandidate* FindCandidate(v1::DetectCarrierResponse&& response,
                                          v1::Carrier carrier) = delete;

}  // namespace trackenrich::detection

#endif  // TRACKENRICH_TESTS_ADAPTERS_DETECTION_DETECTION_TEST_UTIL_H_
