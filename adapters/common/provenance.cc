#include "adapters/common/provenance.h"

#include <string>

#include "adapters/common/digest.h"

namespace trackenrich::adapters {

void StampCarrierProvenance(absl::string_view adapter, absl::string_view payload,
                            v1::Shipment& shipment, v1::Source source) {
  StampCarrierProvenanceDigest(adapter, Sha256Hex(payload), shipment, source);
}

void StampCarrierProvenanceDigest(absl::string_view adapter, absl::string_view payload_sha256,
                                  v1::Shipment& shipment, v1::Source source) {
  v1::Provenance* provenance = shipment.mutable_provenance();
  provenance->set_source(source);
  provenance->set_adapter(std::string(adapter));
  provenance->set_payload_sha256(std::string(payload_sha256));
}

}  // namespace trackenrich::adapters
