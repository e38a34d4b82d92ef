#include "services/lookup/shipment_lookup.h"

#include <utility>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

#include "adapters/common/time_util.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"

namespace trackenrich::server {
namespace {

// Detection candidates below this are guesses, not routes.
constexpr double kMinRoutingConfidence = 0.5;

absl::string_view OutcomeName(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return "ok";
    case absl::StatusCode::kNotFound:
      return "not_found";
    case absl::StatusCode::kUnavailable:
      return "unavailable";
    case absl::StatusCode::kResourceExhausted:
      return "resource_exhausted";
    case absl::StatusCode::kDeadlineExceeded:
      return "deadline_exceeded";
    case absl::StatusCode::kFailedPrecondition:
      return "failed_precondition";
    default:
      return "error";
  }
}

absl::Duration Jittered(absl::Duration ttl, double fraction) {
  thread_local absl::InsecureBitGen gen;
  return ttl * absl::Uniform(gen, 1.0 - fraction, 1.0 + fraction);
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
  v1::Provenance* provenance = shipment->mutable_provenance();
  provenance->set_cache_layer(layer);
  adapters::ToProto(fetched_at, provenance->mutable_fetched_at());
  const absl::Duration age = std::max(now - fetched_at, absl::ZeroDuration());
  provenance->mutable_age()->set_seconds(absl::ToInt64Seconds(age));
  provenance->mutable_age()->set_nanos(static_cast<int32_t>(
      (age - absl::Seconds(absl::ToInt64Seconds(age))) / absl::Nanoseconds(1)));
  provenance->set_stale(stale);
}

ShipmentLookup::ShipmentLookup(const adapters::AdapterRegistry& registry, cache::MemoryCache& cache,
                               ServiceMetrics& metrics, CachePolicy policy, Clock clock)
    : registry_(registry),
      cache_(cache),
      metrics_(metrics),
      policy_(policy),
      clock_(std::move(clock)) {}

std::string ShipmentLookup::CacheKey(absl::string_view tenant, v1::Carrier carrier,
                                     absl::string_view number) {
  std::string carrier_name(v1::Carrier_Name(carrier));
  absl::AsciiStrToLower(&carrier_name);
  return absl::StrCat("v1:", tenant, ":trk:", carrier_name, ":", number);
}

absl::StatusOr<v1::Carrier> ShipmentLookup::ResolveCarrier(const TrackRequest& request) const {
  if (request.carrier != v1::CARRIER_UNSPECIFIED) return request.carrier;
  const v1::DetectCarrierResponse detected = detection::DetectCarrier(request.tracking_number);
  // Prefer a confident candidate with an adapter; then any confident one (it
  // still gets a tracking link).
  const v1::CarrierCandidate* routable = nullptr;
  for (const auto& candidate : detected.candidates()) {
    if (candidate.confidence() < kMinRoutingConfidence ||
        candidate.checksum() == v1::CHECKSUM_RESULT_INVALID) {
      continue;
    }
    if (registry_.Find(candidate.carrier()) != nullptr) return candidate.carrier();
    if (routable == nullptr) routable = &candidate;
  }
  if (routable != nullptr) return routable->carrier();
  if (detected.invalid_checksum()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "shipment.tracking_number: \"", request.tracking_number,
        "\" fails the check digit of every carrier format it resembles; set shipment.carrier "
        "to look it up anyway"));
  }
  return absl::InvalidArgumentError(absl::StrCat("shipment.carrier: cannot tell the carrier of \"",
                                                 request.tracking_number,
                                                 "\" from the number; set shipment.carrier"));
}

v1::Shipment ShipmentLookup::TemplateShipment(v1::Carrier carrier, absl::string_view number) const {
  v1::Shipment shipment;
  shipment.set_carrier(carrier);
  shipment.set_carrier_name(detection::CarrierDisplayName(carrier));
  shipment.set_tracking_number(std::string(number));
  shipment.set_tracking_url(detection::TrackingUrl(carrier, number));
  shipment.mutable_provenance()->set_source(v1::SOURCE_TEMPLATE);
  MarkServed(v1::CACHE_LAYER_NONE, clock_(), clock_(), false, &shipment);
  return shipment;
}

void ShipmentLookup::Track(const TrackRequest& request, adapters::ShipmentCallback done) {
  auto carrier = ResolveCarrier(request);
  if (!carrier.ok()) {
    done(carrier.status());
    return;
  }
  adapters::TrackingSource* source = registry_.Find(*carrier);
  if (source == nullptr) {
    // No API for this carrier: the agent still gets a working link.
    done(TemplateShipment(*carrier, request.tracking_number));
    return;
  }

  const std::string key = CacheKey(request.tenant, *carrier, request.tracking_number);
  const absl::Time now = clock_();
  // Read even on a forced refresh: the entry is the stale fallback if the upstream fails.
  std::shared_ptr<const cache::CacheEntry> entry = cache_.Get(key, now);
  if (!request.cache.force_refresh()) {
    if (entry != nullptr) {
      bool usable = now < entry->fresh_until;
      if (usable && request.cache.has_max_age()) {
        const absl::Duration max_age = absl::Seconds(request.cache.max_age().seconds()) +
                                       absl::Nanoseconds(request.cache.max_age().nanos());
        usable = now - entry->stored_at <= max_age;
      }
      if (usable) {
        metrics_.RecordCache("memory", "hit");
        if (entry->code != absl::StatusCode::kOk) {
          done(absl::Status(entry->code, entry->message));
          return;
        }
        v1::Shipment shipment;
        if (shipment.ParseFromString(entry->payload)) {
          MarkServed(v1::CACHE_LAYER_MEMORY, entry->stored_at, now, false, &shipment);
          done(std::move(shipment));
          return;
        }
        spdlog::warn("cache entry for {} does not parse; refetching", key);
      }
    }
    metrics_.RecordCache("memory", "miss");
  }

  {
    absl::MutexLock lock(&mu_);
    auto [it, first] = flights_.try_emplace(key);
    it->second.waiters.push_back(std::move(done));
    if (!first) {
      metrics_.RecordCoalesced();
      return;
    }
    it->second.stale = entry;
  }
  adapters::TrackQuery query{.tracking_number = request.tracking_number,
                             .deadline = request.deadline};
  const absl::Time started = clock_();
  source->Track(query, [this, key, carrier = *carrier, adapter = std::string(source->name()),
                        started](absl::StatusOr<v1::Shipment> result) {
    OnUpstream(key, carrier, adapter, started, std::move(result));
  });
}

std::shared_ptr<const cache::CacheEntry> ShipmentLookup::Store(
    const std::string& key, const absl::StatusOr<v1::Shipment>& result, absl::Time now) {
  auto entry = std::make_shared<cache::CacheEntry>();
  entry->stored_at = now;
  v1::ShipmentState state = v1::SHIPMENT_STATE_NOT_FOUND;
  if (result.ok()) {
    entry->payload = result->SerializeAsString();
    state = result->state();
  } else {
    entry->code = result.status().code();
    entry->message = std::string(result.status().message());
  }
  entry->fresh_until = now + Jittered(policy_.FreshFor(state), policy_.jitter_fraction);
  entry->keep_until =
      entry->fresh_until + (result.ok() ? policy_.stale_horizon : absl::ZeroDuration());
  cache_.Put(key, entry);
  return entry;
}

void ShipmentLookup::OnUpstream(const std::string& key, v1::Carrier carrier,
                                absl::string_view adapter, absl::Time started,
                                absl::StatusOr<v1::Shipment> result) {
  const absl::Time now = clock_();
  metrics_.RecordUpstream(adapter, OutcomeName(result.status()), now - started);

  Flight flight;
  {
    absl::MutexLock lock(&mu_);
    auto it = flights_.find(key);
    if (it != flights_.end()) {
      flight = std::move(it->second);
      flights_.erase(it);
    }
  }

  if (result.ok()) {
    if (result->tracking_url().empty()) {
      result->set_tracking_url(detection::TrackingUrl(carrier, result->tracking_number()));
    }
    if (result->carrier_name().empty()) {
      result->set_carrier_name(detection::CarrierDisplayName(carrier));
    }
    Store(key, result, now);
    MarkServed(v1::CACHE_LAYER_NONE, now, now, false, &*result);
  } else if (result.status().code() == absl::StatusCode::kNotFound) {
    Store(key, result, now);  // negative caching
  } else if (flight.stale != nullptr && flight.stale->code == absl::StatusCode::kOk) {
    v1::Shipment stale;
    if (stale.ParseFromString(flight.stale->payload)) {
      spdlog::warn("{}: upstream failed ({}); serving the cached answer marked stale",
                   std::string(adapter), result.status().ToString());
      metrics_.RecordCache("memory", "stale");
      MarkServed(v1::CACHE_LAYER_MEMORY, flight.stale->stored_at, now, true, &stale);
      result = std::move(stale);
    }
  }

  for (size_t i = 0; i < flight.waiters.size(); ++i) {
    v1::Shipment copy;
    if (result.ok()) {
      copy = *result;
      if (i > 0) copy.mutable_provenance()->set_cache_layer(v1::CACHE_LAYER_COALESCED);
      flight.waiters[i](std::move(copy));
    } else {
      flight.waiters[i](result.status());
    }
  }
}

}  // namespace trackenrich::server
