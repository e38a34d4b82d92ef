// ShipmentLookup with fakes for the upstream, the shared cache layer and the
// cross-replica single-flight: the paths Redis adds, without Redis.
#include "services/lookup/shipment_lookup.h"

#include <optional>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

#include "cache/local_rate_limiter.h"
#include "cache/memory/memory_cache.h"
#include "cache/tiered_cache.h"
#include "tests/cache/fake_shared_store.h"
#include "tests/support/manual_time.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::server {
namespace {

using testing::StatusIs;

constexpr char kNumber[] = "1ZSBX0010300000029";

class FakeSource final : public adapters::TrackingSource {
 public:
  absl::string_view name() const override { return "fake"; }
  v1::Carrier carrier() const override { return v1::CARRIER_UPS; }

  void Track(const adapters::TrackQuery& query, adapters::ShipmentCallback done) override {
    ++calls;
    if (defer) {
      pending.push_back(std::move(done));
      return;
    }
    done(Answer(query.tracking_number));
  }

  absl::StatusOr<v1::Shipment> Answer(const std::string& number) const {
    if (!failure.ok()) return failure;
    v1::Shipment shipment;
    shipment.set_carrier(v1::CARRIER_UPS);
    shipment.set_tracking_number(number);
    shipment.set_state(v1::SHIPMENT_STATE_IN_TRANSIT);
    shipment.set_carrier_status_text(marker);
    return shipment;
  }

  void CompletePending() {
    auto waiting = std::move(pending);
    pending.clear();
    for (auto& done : waiting) done(Answer(kNumber));
  }

  int calls = 0;
  bool defer = false;
  absl::Status failure;
  std::string marker = "fetched";
  std::vector<adapters::ShipmentCallback> pending;
};

class FakeSharedFlight final : public cache::SharedFlight {
 public:
  void Begin(const std::string& key, const cache::Freshness& want, absl::Time deadline,
             Callback done) override {
    ++begins;
    Outcome outcome;
    if (answer != nullptr) {
      outcome.kind = Outcome::Kind::kAnswered;
      outcome.entry = answer;
    } else {
      outcome.kind = Outcome::Kind::kLead;
      outcome.release = [this] {
        ++released;
        puts_when_released = store == nullptr ? -1 : store->puts;
      };
    }
    done(std::move(outcome));
  }

  // Where the leader stores; read when the lock is released.
  const cache::FakeSharedStore* store = nullptr;
  std::shared_ptr<const cache::CacheEntry> answer;
  int begins = 0;
  int released = 0;
  int puts_when_released = -1;
};

TrackRequest Request(std::string tenant = "default", std::string number = kNumber,
                     absl::Time deadline = absl::InfiniteFuture(), bool force_refresh = false) {
  TrackRequest request;
  request.tenant = std::move(tenant);
  request.tracking_number = std::move(number);
  request.carrier = v1::CARRIER_UPS;
  request.deadline = deadline;
  request.cache.set_force_refresh(force_refresh);
  return request;
}

struct Harness {
  explicit Harness(LookupCoordination coordination = {}, bool with_shared = true)
      : memory({}), tiered(memory, with_shared ? &shared : nullptr) {
    auto owned = std::make_unique<FakeSource>();
    source = owned.get();
    registry.Add(std::move(owned));
    lookup = std::make_unique<ShipmentLookup>(registry, tiered, metrics, CachePolicy{},
                                              std::move(coordination), time.clock());
  }

  std::optional<absl::StatusOr<v1::Shipment>> Track(TrackRequest request = Request()) {
    std::optional<absl::StatusOr<v1::Shipment>> result;
    if (request.deadline == absl::InfiniteFuture())
      request.deadline = time.Now() + absl::Seconds(5);
    lookup->Track(request, [&result](absl::StatusOr<v1::Shipment> shipment) {
      result = std::move(shipment);
    });
    return result;
  }

  testing::ManualTime time;
  ServiceMetrics metrics;
  adapters::AdapterRegistry registry;
  FakeSource* source = nullptr;
  cache::MemoryCache memory;
  cache::FakeSharedStore shared;
  cache::TieredCache tiered;
  std::unique_ptr<ShipmentLookup> lookup;
};

TEST_CASE("lookup: a shared-layer hit is served as REDIS, without an upstream call", "[lookup]") {
  Harness h;
  REQUIRE(h.Track()->ok());
  CHECK(h.source->calls == 1);
  CHECK(h.shared.puts == 1);

  // Another replica: its own L1, the same shared store.
  Harness other;
  other.shared.entries = h.shared.entries;
  auto answer = other.Track();
  REQUIRE(answer.has_value());
  REQUIRE_THAT(answer->status(), testing::IsOk());
  CHECK((*answer)->provenance().cache_layer() == v1::CACHE_LAYER_REDIS);
  CHECK(other.source->calls == 0);
  CHECK(absl::StrContains(other.metrics.Serialize(),
                          "trackenrich_cache_lookups_total{layer=\"redis\",result=\"hit\"} 1"));
}

TEST_CASE("lookup: tenants never read each other's entries", "[lookup]") {
  Harness h;
  h.source->marker = "for tenant a";
  REQUIRE(h.Track(Request("a"))->ok());
  h.source->marker = "for tenant b";
  auto b = h.Track(Request("b"));
  REQUIRE(b->ok());
  CHECK((*b)->carrier_status_text() == "for tenant b");
  CHECK(h.source->calls == 2);
  CHECK(h.shared.entries.size() == 2);
  auto a_again = h.Track(Request("a"));
  REQUIRE(a_again->ok());
  CHECK((*a_again)->carrier_status_text() == "for tenant a");
  CHECK(h.source->calls == 2);
}

TEST_CASE("lookup: a request that misses a flight that just landed is answered from L1",
          "[lookup]") {
  Harness h;
  h.shared.defer_gets = true;
  h.source->defer = true;
  std::vector<absl::StatusOr<v1::Shipment>> answers;
  for (int i = 0; i < 2; ++i) {
    TrackRequest request = Request("default", kNumber, h.time.Now() + absl::Seconds(5));
    h.lookup->Track(request, [&answers](absl::StatusOr<v1::Shipment> shipment) {
      answers.push_back(std::move(shipment));
    });
  }
  // Both missed L1 and wait on the shared store. The first miss starts the
  // flight; the upstream answers before the second miss comes back.
  REQUIRE(h.shared.deferred.size() == 2);
  auto second = std::move(h.shared.deferred[1]);
  h.shared.deferred.pop_back();
  h.shared.ReleaseGets();
  REQUIRE(h.source->calls == 1);
  h.source->CompletePending();
  REQUIRE(answers.size() == 1);
  second.second(std::shared_ptr<const cache::CacheEntry>());  // the shared store said "miss"
  REQUIRE(answers.size() == 2);
  CHECK(h.source->calls == 1);
  REQUIRE(answers[1].ok());
  CHECK(answers[1]->provenance().cache_layer() == v1::CACHE_LAYER_MEMORY);
}

TEST_CASE("lookup: another replica's answer ends the flight without an upstream call", "[lookup]") {
  FakeSharedFlight flight;
  auto entry = std::make_shared<cache::CacheEntry>();
  v1::Shipment shipment;
  shipment.set_tracking_number(kNumber);
  shipment.set_state(v1::SHIPMENT_STATE_DELIVERED);
  entry->payload = shipment.SerializeAsString();
  Harness h({.shared_flight = &flight});
  entry->stored_at = h.time.Now();
  entry->fresh_until = h.time.Now() + absl::Hours(1);
  entry->keep_until = entry->fresh_until;
  flight.answer = entry;
  auto answer = h.Track();
  REQUIRE(answer->ok());
  CHECK((*answer)->state() == v1::SHIPMENT_STATE_DELIVERED);
  CHECK((*answer)->provenance().cache_layer() == v1::CACHE_LAYER_REDIS);
  CHECK(h.source->calls == 0);
  // Now in L1 too.
  auto again = h.Track();
  REQUIRE(again->ok());
  CHECK((*again)->provenance().cache_layer() == v1::CACHE_LAYER_MEMORY);
  CHECK(flight.begins == 1);
}

TEST_CASE("lookup: the leader stores its answer before releasing the lock", "[lookup]") {
  FakeSharedFlight led_flight;
  Harness leader({.shared_flight = &led_flight});
  led_flight.store = &leader.shared;
  REQUIRE(leader.Track()->ok());
  CHECK(led_flight.begins == 1);
  CHECK(led_flight.released == 1);
  CHECK(led_flight.puts_when_released == 1);

  // An upstream failure releases the lock too, with nothing stored; the
  // forced refresh falls back to the earlier answer, marked stale.
  leader.source->failure = absl::UnavailableError("fake: down");
  auto fallback =
      leader.Track(Request("default", kNumber, absl::InfiniteFuture(), /*force_refresh=*/true));
  REQUIRE(fallback->ok());
  CHECK((*fallback)->provenance().stale());
  CHECK(led_flight.released == 2);
  CHECK(led_flight.puts_when_released == 1);
}

TEST_CASE("lookup: the rate limit refuses at once when no slot comes before the deadline",
          "[lookup][rate_limit]") {
  Harness h;
  cache::LocalRateLimiter limiter(h.time.scheduler(), h.time.clock());
  LookupCoordination coordination;
  coordination.rate_limiter = &limiter;
  coordination.rate_limits["fake"] = {.per_second = 1, .burst = 1};
  h.lookup = std::make_unique<ShipmentLookup>(h.registry, h.tiered, h.metrics, CachePolicy{},
                                              std::move(coordination), h.time.clock());

  REQUIRE(h.Track(Request("default", "1ZSBX0010300000010"))->ok());
  auto refused =
      h.Track(Request("default", "1ZSBX0010300000038", h.time.Now() + absl::Milliseconds(200)));
  REQUIRE(refused.has_value());
  CHECK_THAT(refused->status(),
             StatusIs(absl::StatusCode::kResourceExhausted, "fake: rate limit of 1 per second"));
  CHECK(h.source->calls == 1);

  // One willing to wait gets the next slot a second later.
  std::optional<absl::StatusOr<v1::Shipment>> waited;
  h.lookup->Track(Request("default", "1ZSBX0010300000047", h.time.Now() + absl::Seconds(2)),
                  [&waited](absl::StatusOr<v1::Shipment> shipment) { waited = shipment; });
  CHECK_FALSE(waited.has_value());
  h.time.Advance(absl::Seconds(1));
  REQUIRE(waited.has_value());
  CHECK(waited->ok());
  CHECK(h.source->calls == 2);
  const std::string metrics = h.metrics.Serialize();
  CHECK(absl::StrContains(
      metrics, "trackenrich_rate_limit_decisions_total{adapter=\"fake\",result=\"rejected\"} 1"));
  CHECK(absl::StrContains(
      metrics, "trackenrich_rate_limit_decisions_total{adapter=\"fake\",result=\"granted\"} 2"));
}

TEST_CASE("lookup: a rate-limited refresh serves the stale answer", "[lookup][rate_limit]") {
  Harness h;
  cache::LocalRateLimiter limiter(h.time.scheduler(), h.time.clock());
  LookupCoordination coordination;
  coordination.rate_limiter = &limiter;
  coordination.rate_limits["fake"] = {.per_second = 0.0001, .burst = 1};
  h.lookup = std::make_unique<ShipmentLookup>(h.registry, h.tiered, h.metrics, CachePolicy{},
                                              std::move(coordination), h.time.clock());
  REQUIRE(h.Track()->ok());
  h.time.Advance(absl::Hours(1));  // past the in-transit freshness, within the stale horizon
  auto stale = h.Track();
  REQUIRE(stale.has_value());
  REQUIRE_THAT(stale->status(), testing::IsOk());
  CHECK((*stale)->provenance().stale());
  CHECK(h.source->calls == 1);
}

TEST_CASE("lookup: with the shared layer down, lookups go on through the upstream", "[lookup]") {
  Harness h;
  h.shared.up = false;
  REQUIRE(h.Track()->ok());
  REQUIRE(h.Track()->ok());
  CHECK(h.source->calls == 1);  // the second from L1
  CHECK(absl::StrContains(h.metrics.Serialize(),
                          "trackenrich_cache_lookups_total{layer=\"redis\",result=\"error\"} 1"));
}

}  // namespace
}  // namespace trackenrich::server
