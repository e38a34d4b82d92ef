// Evidence: a digest over a deterministic snapshot that changes with what was
// seen and not with how it was served, and the supporting events.
#include "services/enrichment/evidence.h"

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "adapters/common/digest.h"
#include "tests/services/enrichment/enrichment_test_util.h"

namespace trackenrich::enrichment {
namespace {

using testing::FbmOrder;
using testing::kNow;
using testing::Package;

v1::Enrichment Snapshot() {
  v1::Enrichment enrichment;
  *enrichment.add_orders() =
      FbmOrder()
          .ShipBy(-absl::Hours(10))
          .With(Package(v1::SHIPMENT_STATE_DELIVERED).Trail(absl::Hours(5)).Signature().Build())
          .Build();
  v1::Shipment loose =
      Package(v1::SHIPMENT_STATE_EXCEPTION, testing::kUspsNumber, v1::CARRIER_USPS, "USPS")
          .Reason(v1::STATE_REASON_ADDRESS_ISSUE)
          .Trail(absl::Hours(3))
          .Build();
  loose.mutable_provenance()->set_payload_sha256(std::string(64, 'b'));
  *enrichment.add_shipments() = loose;
  return enrichment;
}

TEST_CASE("evidence: the digest is the SHA-256 of the canonical snapshot", "[enrichment]") {
  const v1::Enrichment enrichment = Snapshot();
  const v1::Evidence evidence = BuildEvidence(enrichment, kNow);
  const std::string snapshot = CanonicalSnapshot(enrichment);
  CHECK(absl::StartsWith(snapshot, "format=trackenrich-evidence-v1\norder=114-3941689-8772232\n"));
  CHECK(absl::StrContains(snapshot, "shipment=1Z4F8W170342185630\ncarrier=CARRIER_UPS\n"));
  CHECK(absl::StrContains(snapshot, "fetched_at=2026-01-30T11:59:00Z\n"));
  CHECK(absl::StrContains(snapshot, "source=SOURCE_CARRIER_API\n"));
  CHECK(evidence.digest() == adapters::Sha256Hex(snapshot));
  CHECK(evidence.digest().size() == 64);
  CHECK(evidence.digest_format() == "trackenrich-evidence-v1");
  CHECK(evidence.assembled_at().seconds() == absl::ToUnixSeconds(kNow));
  // Two distinct payload digests, each once.
  CHECK(evidence.payload_sha256_size() == 2);
}

TEST_CASE("evidence: what was seen changes the digest, how it was served does not",
          "[enrichment]") {
  const std::string digest = BuildEvidence(Snapshot(), kNow).digest();
  CHECK(BuildEvidence(Snapshot(), kNow + absl::Hours(1)).digest() == digest);

  v1::Enrichment served_from_cache = Snapshot();
  v1::Provenance* provenance = served_from_cache.mutable_shipments(0)->mutable_provenance();
  provenance->set_cache_layer(v1::CACHE_LAYER_MEMORY);
  provenance->mutable_age()->set_seconds(600);
  provenance->set_stale(true);
  CHECK(BuildEvidence(served_from_cache, kNow).digest() == digest);

  v1::Enrichment later_fetch = Snapshot();
  later_fetch.mutable_shipments(0)->mutable_provenance()->mutable_fetched_at()->set_seconds(1);
  CHECK(BuildEvidence(later_fetch, kNow).digest() != digest);

  v1::Enrichment other_event = Snapshot();
  other_event.mutable_orders(0)->mutable_shipments(0)->mutable_events(0)->set_description("x");
  CHECK(BuildEvidence(other_event, kNow).digest() != digest);

  v1::Enrichment other_source = Snapshot();
  other_source.mutable_shipments(0)->mutable_provenance()->set_source(v1::SOURCE_TEMPLATE);
  CHECK(BuildEvidence(other_source, kNow).digest() != digest);

  // A value with a line break cannot forge another line.
  v1::Enrichment injected = Snapshot();
  injected.mutable_shipments(0)->set_carrier_status_text("x\nstate=SHIPMENT_STATE_LOST");
  const std::string snapshot = CanonicalSnapshot(injected);
  CHECK(absl::StrContains(snapshot, "carrier_status_text=x\\nstate=SHIPMENT_STATE_LOST\n"));
  CHECK_FALSE(absl::StrContains(snapshot, "\nstate=SHIPMENT_STATE_LOST\n"));
}

TEST_CASE("evidence: first scan, exceptions, delivery and latest event", "[enrichment]") {
  const v1::Evidence evidence = BuildEvidence(Snapshot(), kNow);
  std::vector<std::pair<std::string, v1::EvidenceRole>> roles;
  for (const auto& event : evidence.events()) {
    roles.emplace_back(event.tracking_number(), event.role());
  }
  const std::vector<std::pair<std::string, v1::EvidenceRole>> expected = {
      {testing::kUpsNumber, v1::EVIDENCE_ROLE_FIRST_SCAN},
      {testing::kUpsNumber, v1::EVIDENCE_ROLE_DELIVERY},
      {testing::kUpsNumber, v1::EVIDENCE_ROLE_LATEST},
      {testing::kUspsNumber, v1::EVIDENCE_ROLE_FIRST_SCAN},
      {testing::kUspsNumber, v1::EVIDENCE_ROLE_EXCEPTION},
      {testing::kUspsNumber, v1::EVIDENCE_ROLE_LATEST},
  };
  CHECK(roles == expected);
  CHECK(evidence.events(0).event().state() == v1::SHIPMENT_STATE_PICKED_UP);
  CHECK(evidence.events(1).event().state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK(evidence.events(4).event().state() == v1::SHIPMENT_STATE_EXCEPTION);
}

}  // namespace
}  // namespace trackenrich::enrichment
