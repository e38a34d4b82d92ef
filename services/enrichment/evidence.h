// Evidence for a ticket: what was seen, when and from where, in a form the
// help desk can log and later show to defend a claim.
//
//   v1::Evidence evidence = BuildEvidence(enrichment, now);
//   evidence.digest();          // SHA-256 hex of CanonicalSnapshot(enrichment)
//   evidence.events(0).role();  // EVIDENCE_ROLE_FIRST_SCAN, ...
//
// The digest covers a deterministic text serialization of the normalized
// snapshot, one "key=value" line per field, in this order (format
// "trackenrich-evidence-v1", the first line):
//   order=<id> channel marketplace fulfillment status purchased_at ship_by
//   deliver_by, then the order's shipments; then the shipments looked up by
//   number. Per shipment: shipment=<number> carrier state reason
//   carrier_status_code carrier_status_text estimated_delivery delivered_at
//   signed_by delivery_location signature_captured photo_captured, each event
//   (time, offset, code, state, reason, description, city, region, country),
//   and its provenance: source, adapter, fetched_at, payload_sha256.
// Times are RFC 3339 UTC; "\\" and line breaks in values are escaped. What
// varies between identical answers (cache layer, age, staleness) is left out,
// so the same upstream data fetched at the same time gives the same digest.
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_EVIDENCE_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_EVIDENCE_H_

#include <string>

#include "absl/time/time.h"

#include "trackenrich/v1/enrichment.pb.h"

namespace trackenrich::enrichment {

inline constexpr char kEvidenceFormat[] = "trackenrich-evidence-v1";

// The serialization the digest is taken over (see above).
std::string CanonicalSnapshot(const v1::Enrichment& enrichment);

// Digest, payload digests and supporting events for the orders and shipments
// in `enrichment`. Supporting events, per package: the first carrier scan
// (ship-on-time proof), every exception-type event, the delivery scan and the
// latest event (the current status).
v1::Evidence BuildEvidence(const v1::Enrichment& enrichment, absl::Time assembled_at);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_EVIDENCE_H_
