// Where a carrier adapter's answer came from, stamped the same way by every
// carrier: source CARRIER_API, the adapter's name and the SHA-256 of the raw
// payload it was parsed from (evidence: the answer can be matched with the
// bytes the carrier sent). The lookup adds the cache layer and times
// (services/lookup).
//
//   auto shipment = ParseUpsTrackResponse(*response, number);
//   if (shipment.ok()) StampCarrierProvenance("ups", response->body, *shipment);
//
// No errors: it only writes fields.
#ifndef TRACKENRICH_ADAPTERS_COMMON_PROVENANCE_H_
#define TRACKENRICH_ADAPTERS_COMMON_PROVENANCE_H_

#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters {

// `payload` is the response body the shipment was parsed from; `source` is
// CARRIER_API but for carriers the API names apart (AMAZON_SHIPPING).
void StampCarrierProvenance(absl::string_view adapter, absl::string_view payload,
                            v1::Shipment& shipment, v1::Source source = v1::SOURCE_CARRIER_API);

// The same with the payload's digest already computed (Sha256Hex), for a
// response that answers several shipments.
void StampCarrierProvenanceDigest(absl::string_view adapter, absl::string_view payload_sha256,
                                  v1::Shipment& shipment,
                                  v1::Source source = v1::SOURCE_CARRIER_API);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_PROVENANCE_H_
