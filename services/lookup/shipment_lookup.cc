#include "services/lookup/shipment_lookup.h"

#include <array>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

#include "adapters/common/utf8.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"
#include "cache/cache_keys.h"

namespace trackenrich::server {
namespace {

// Detection candidates below this are guesses, not routes.
constexpr double kMinRoutingConfidence = 0.5;

// The carrier's name in cache keys ("ups", "amazon_shipping"), looked up in
// a table made once rather than through the enum's descriptor per call.
absl::string_view CarrierKeyName(v1::Carrier carrier) {
  static const auto* const kNames = [] {
    auto* names = new std::array<std::string, 64>();
    const auto* descriptor = v1::Carrier_descriptor();
    for (int i = 0; i < descriptor->value_count(); ++i) {
      const int number = descriptor->value(i)->number();
      if (number >= 0 && number < static_cast<int>(names->size())) {
        (*names)[number] = absl::AsciiStrToLower(descriptor->value(i)->name());
      }
    }
    return names;
  }();
  const int number = static_cast<int>(carrier);
  if (number >= 0 && number < static_cast<int>(kNames->size()) && !(*kNames)[number].empty()) {
    return (*kNames)[number];
  }
  return "carrier_unspecified";
}

}  // namespace

v1::Shipment ServedShipment::ToShipment() const {
  v1::Shipment shipment = answer();
  MarkServed(served.layer, served.fetched_at, now, served.stale, &shipment);
  return shipment;
}

namespace {

// What the agent needs even when the carrier leaves it out, and UTF-8
// checked once here, so every answer served from the caches is UTF-8 (the
// parsers repair what they read; this also covers what they add).
void FinishAnswer(v1::Carrier carrier, v1::Shipment* shipment) {
  if (shipment->tracking_url().empty()) {
    shipment->set_tracking_url(detection::TrackingUrl(carrier, shipment->tracking_number()));
  }
  if (shipment->carrier_name().empty()) {
    shipment->set_carrier_name(detection::CarrierDisplayName(carrier));
  }
  adapters::RepairUtf8Strings(shipment);
}

}  // namespace

absl::Duration CachePolicy::FreshFor(v1::ShipmentState state) const {
  switch (state) {
    case v1::SHIPMENT_STATE_DELIVERED:
    case v1::SHIPMENT_STATE_RETURNED:
    case v1::SHIPMENT_STATE_CANCELLED:
    case v1::SHIPMENT_STATE_LOST:
      return delivered_ttl;
    case v1::SHIPMENT_STATE_OUT_FOR_DELIVERY:
    case v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED:
    case v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP:
      return out_for_delivery_ttl;
    case v1::SHIPMENT_STATE_NOT_FOUND:
      return not_found_ttl;
    default:
      return in_transit_ttl;
  }
}

void MarkServed(v1::CacheLayer layer, absl::Time fetched_at, absl::Time now, bool stale,
                v1::Shipment* shipment) {
  MarkProvenance(layer, fetched_at, now, stale, shipment->mutable_provenance());
}

// Shipments as the cache keeps them, fresh by state (CachePolicy).
class ShipmentLookup::ShipmentAnswers final : public AnswerKind {
 public:
  explicit ShipmentAnswers(CachePolicy policy) : policy_(policy) {}

  AnswerPtr Parse(absl::string_view payload) const override {
    auto shipment = std::make_shared<v1::Shipment>();
    if (!shipment->ParseFromArray(payload.data(), static_cast<int>(payload.size()))) return nullptr;
    return shipment;
  }
  absl::Duration FreshFor(const google::protobuf::Message* answer) const override {
    if (answer == nullptr) return policy_.not_found_ttl;
    return policy_.FreshFor(static_cast<const v1::Shipment&>(*answer).state());
  }
  absl::Duration StaleHorizon() const override { return policy_.stale_horizon; }
  double Jitter() const override { return policy_.jitter_fraction; }

 private:
  const CachePolicy policy_;
};

// Where numbers given without a carrier were routed: detection is a pure
// function of the number (and the fixed registry), so its answer is kept, in
// shards under their own locks, each emptied when it reaches its bound.
class ShipmentLookup::CarrierMemo {
 public:
  std::optional<v1::Carrier> Find(absl::string_view number) {
    Shard& shard = ShardOf(number);
    absl::MutexLock lock(&shard.mu);
    auto it = shard.carriers.find(number);
    if (it == shard.carriers.end()) return std::nullopt;
    return it->second;
  }

  void Remember(absl::string_view number, v1::Carrier carrier) {
    Shard& shard = ShardOf(number);
    absl::MutexLock lock(&shard.mu);
    if (shard.carriers.size() >= kShardEntries) shard.carriers.clear();
    shard.carriers.try_emplace(number, carrier);
  }

 private:
  static constexpr size_t kShards = 16;
  static constexpr size_t kShardEntries = 8192;

  struct Shard {
    absl::Mutex mu;
    absl::flat_hash_map<std::string, v1::Carrier> carriers ABSL_GUARDED_BY(mu);
  };

  Shard& ShardOf(absl::string_view number) { return shards_[absl::HashOf(number) % kShards]; }

  std::array<Shard, kShards> shards_;
};

// One tracking number's upstream call through its carrier's adapter (or an
// order source's package tracker).
class ShipmentLookup::ShipmentFlight final : public Flight {
 public:
  adapters::TrackingSource* source = nullptr;
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
  std::string number;
  std::string marketplace_id;

  void Fetch(absl::Time deadline, FetchCallback done) const override {
    adapters::TrackQuery query{.tracking_number = number,
                               .deadline = deadline,
                               .tenant = tenant,
                               .marketplace_id = marketplace_id};
    source->Track(query, [carrier = carrier,
                          done = std::move(done)](absl::StatusOr<v1::Shipment> result) mutable {
      if (!result.ok()) {
        done(result.status());
        return;
      }
      FinishAnswer(carrier, &*result);
      done(AnswerPtr(std::make_shared<const v1::Shipment>(*std::move(result))));
    });
  }
};

ShipmentLookup::ShipmentLookup(const adapters::AdapterRegistry& registry, cache::Cache& cache,
                               ServiceMetrics& metrics, CachePolicy policy,
                               LookupCoordination coordination, Clock clock)
    : registry_(registry),
      answers_(std::make_unique<ShipmentAnswers>(policy)),
      routed_(std::make_unique<CarrierMemo>()),
      core_(cache, *answers_, metrics, std::move(coordination), std::move(clock)) {}

ShipmentLookup::~ShipmentLookup() = default;

std::string ShipmentLookup::CacheKey(absl::string_view tenant, v1::Carrier carrier,
                                     absl::string_view number) {
  return cache::TrackingKey(tenant, CarrierKeyName(carrier), number);
}

void ShipmentLookup::Store(const std::string& tenant, v1::Shipment shipment) {
  const v1::Carrier carrier = shipment.carrier();
  FinishAnswer(carrier, &shipment);
  std::string key = CacheKey(tenant, carrier, shipment.tracking_number());
  core_.Put(key, std::make_shared<const v1::Shipment>(std::move(shipment)));
}

void ShipmentLookup::Newest(const std::string& tenant, v1::Carrier carrier,
                            const std::string& number,
                            absl::AnyInvocable<void(std::shared_ptr<const v1::Shipment>)> done) {
  core_.Newest(CacheKey(tenant, carrier, number),
               [done = std::move(done)](AnswerPtr answer) mutable {
                 done(std::static_pointer_cast<const v1::Shipment>(std::move(answer)));
               });
}

absl::StatusOr<v1::Carrier> ShipmentLookup::ResolveCarrier(const TrackRequest& request) const {
  if (request.carrier != v1::CARRIER_UNSPECIFIED) return request.carrier;
  if (std::optional<v1::Carrier> known = routed_->Find(request.tracking_number)) return *known;
  absl::StatusOr<v1::Carrier> carrier = DetectCarrier(request.tracking_number);
  // Kept only when routed to an adapter (the registry is complete before
  // lookups start; a link-only answer is detected again).
  if (carrier.ok() && registry_.Find(*carrier) != nullptr) {
    routed_->Remember(request.tracking_number, *carrier);
  }
  return carrier;
}

absl::StatusOr<v1::Carrier> ShipmentLookup::DetectCarrier(const std::string& number) const {
  const detection::Detection detected = detection::DetectNormalized(number);
  // Prefer a confident candidate with an adapter; then any confident one (it
  // still gets a tracking link).
  const detection::Candidate* routable = nullptr;
  for (const auto& candidate : detected.candidates) {
    if (candidate.confidence < kMinRoutingConfidence ||
        candidate.checksum == v1::CHECKSUM_RESULT_INVALID) {
      continue;
    }
    if (registry_.Find(candidate.carrier) != nullptr) return candidate.carrier;
    if (routable == nullptr) routable = &candidate;
  }
  if (routable != nullptr) return routable->carrier;
  if (detected.invalid_checksum) {
    return absl::InvalidArgumentError(absl::StrCat(
        "shipment.tracking_number: \"", number,
        "\" fails the check digit of every carrier format it resembles; set shipment.carrier "
        "to look it up anyway"));
  }
  return absl::InvalidArgumentError(absl::StrCat("shipment.carrier: cannot tell the carrier of \"",
                                                 number,
                                                 "\" from the number; set shipment.carrier"));
}

ServedShipment ShipmentLookup::TemplateShipment(v1::Carrier carrier,
                                                absl::string_view number) const {
  auto shipment = std::make_shared<v1::Shipment>();
  shipment->set_carrier(carrier);
  shipment->set_carrier_name(detection::CarrierDisplayName(carrier));
  shipment->set_tracking_number(std::string(number));
  shipment->set_tracking_url(detection::TrackingUrl(carrier, number));
  shipment->mutable_provenance()->set_source(v1::SOURCE_TEMPLATE);
  const absl::Time now = core_.Now();
  return ServedShipment{
      .served = {.answer = std::move(shipment), .layer = v1::CACHE_LAYER_NONE, .fetched_at = now},
      .now = now};
}

void ShipmentLookup::Track(const TrackRequest& request, adapters::ShipmentCallback done) {
  Serve(request, [done = std::move(done)](absl::StatusOr<ServedShipment> served) mutable {
    if (!served.ok()) {
      done(served.status());
      return;
    }
    done(served->ToShipment());
  });
}

void ShipmentLookup::Serve(const TrackRequest& request, ServedShipmentCallback done) {
  adapters::TrackingSource* source = request.source;
  v1::Carrier carrier = v1::CARRIER_UNSPECIFIED;
  // The key is built where it is needed: in a buffer this thread reuses, so
  // an in-process hit allocates nothing for it.
  thread_local std::string key;
  key.clear();
  if (source != nullptr) {
    // A channel's own package tracker: keyed by its name, not a carrier's.
    carrier = source->carrier();
    cache::AppendTrackingKey(request.tenant,
                             request.marketplace_id.empty()
                                 ? std::string(source->name())
                                 : absl::StrCat(source->name(), ".", request.marketplace_id),
                             request.tracking_number, &key);
  } else {
    auto resolved = ResolveCarrier(request);
    if (!resolved.ok()) {
      done(resolved.status());
      return;
    }
    carrier = *resolved;
    source = registry_.Find(carrier);
    if (source == nullptr) {
      // No API for this carrier: the agent still gets a working link.
      done(TemplateShipment(carrier, request.tracking_number));
      return;
    }
    cache::AppendTrackingKey(request.tenant, CarrierKeyName(carrier), request.tracking_number,
                             &key);
  }
  const absl::Time now = core_.Now();
  const cache::Freshness want = WantedFreshness(request.cache, now);
  absl::StatusOr<Served> hit;
  if (!request.cache.force_refresh() && core_.ServeFromMemory(key, want, &hit)) {
    if (hit.ok()) {
      done(ServedShipment{.served = *std::move(hit), .now = now});
    } else {
      done(hit.status());
    }
    return;
  }

  auto flight = std::make_shared<ShipmentFlight>();
  flight->key = key;
  flight->tenant = request.tenant;
  flight->upstream = std::string(source->name());
  flight->deadline = request.deadline;
  flight->want = want;
  flight->force_refresh = request.cache.force_refresh();
  flight->trace = request.trace;
  flight->source = source;
  flight->carrier = carrier;
  flight->number = request.tracking_number;
  flight->marketplace_id = request.marketplace_id;
  core_.Lookup(std::move(flight),
               [this, done = std::move(done)](absl::StatusOr<Served> served) mutable {
                 if (!served.ok()) {
                   done(served.status());
                   return;
                 }
                 done(ServedShipment{.served = *std::move(served), .now = core_.Now()});
               });
}

}  // namespace trackenrich::server
