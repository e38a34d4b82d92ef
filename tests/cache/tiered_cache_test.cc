#include "cache/tiered_cache.h"

#include <optional>

#include <catch2/catch.hpp>

#include "tests/cache/fake_shared_store.h"

namespace trackenrich::cache {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1'760'000'000);

std::shared_ptr<const CacheEntry> Entry(absl::Time stored_at, absl::Duration fresh_for,
                                        std::string payload) {
  auto entry = std::make_shared<CacheEntry>();
  entry->stored_at = stored_at;
  entry->fresh_until = stored_at + fresh_for;
  entry->keep_until = entry->fresh_until + absl::Hours(72);
  entry->payload = std::move(payload);
  return entry;
}

std::optional<CacheLookup> GetNow(Cache& cache, const std::string& key, Freshness want) {
  std::optional<CacheLookup> result;
  cache.Get(key, want, [&result](CacheLookup found) { result = std::move(found); });
  return result;
}

TEST_CASE("TieredCache: a fresh L1 entry answers without asking the shared store", "[cache]") {
  MemoryCache memory({});
  FakeSharedStore shared;
  TieredCache cache(memory, &shared);
  cache.Put("k", Entry(kNow, absl::Minutes(5), "one"), kNow);
  CHECK(shared.puts == 1);
  auto found = GetNow(cache, "k", {.now = kNow + absl::Minutes(1)});
  REQUIRE(found.has_value());
  CHECK(found->fresh);
  CHECK(found->layer == Layer::kMemory);
  CHECK(found->entry->payload == "one");
  CHECK_FALSE(found->shared_consulted);
  CHECK(shared.gets == 0);
}

TEST_CASE("TieredCache: an L1 miss is answered by the shared store and copied into L1", "[cache]") {
  MemoryCache memory({});
  FakeSharedStore shared;
  TieredCache cache(memory, &shared);
  shared.entries["k"] = Entry(kNow, absl::Minutes(5), "from-redis");
  auto found = GetNow(cache, "k", {.now = kNow});
  REQUIRE(found.has_value());
  CHECK(found->fresh);
  CHECK(found->layer == Layer::kShared);
  CHECK(found->shared_consulted);
  CHECK_FALSE(found->shared_failed);
  REQUIRE(cache.Peek("k", {.now = kNow}) != nullptr);
  CHECK(cache.Peek("k", {.now = kNow})->payload == "from-redis");
  // The copy keeps the entry's own expiry: gone from L1's fresh view when it ends.
  CHECK(cache.Peek("k", {.now = kNow + absl::Minutes(6)}) == nullptr);
}

TEST_CASE("TieredCache: with L1 off every read goes to the shared store", "[cache]") {
  MemoryCache memory({.max_entries = 0});
  FakeSharedStore shared;
  TieredCache cache(memory, &shared);
  cache.Put("k", Entry(kNow, absl::Minutes(5), "one"), kNow);
  CHECK(shared.puts == 1);
  for (int i = 1; i <= 3; ++i) {
    auto found = GetNow(cache, "k", {.now = kNow});
    REQUIRE(found.has_value());
    CHECK(found->fresh);
    CHECK(found->layer == Layer::kShared);
    CHECK(found->entry->payload == "one");
    CHECK(shared.gets == i);
  }
  CHECK(cache.Peek("k", {.now = kNow}) == nullptr);
}

TEST_CASE("TieredCache: with nothing fresh, the newer stale entry is returned", "[cache]") {
  MemoryCache memory({});
  FakeSharedStore shared;
  TieredCache cache(memory, &shared);
  cache.Fill("k", Entry(kNow - absl::Hours(2), absl::Minutes(5), "old-l1"));
  shared.entries["k"] = Entry(kNow - absl::Hours(1), absl::Minutes(5), "newer-redis");
  auto found = GetNow(cache, "k", {.now = kNow});
  REQUIRE(found.has_value());
  CHECK_FALSE(found->fresh);
  CHECK(found->layer == Layer::kShared);
  CHECK(found->entry->payload == "newer-redis");

  shared.entries["k"] = Entry(kNow - absl::Hours(3), absl::Minutes(5), "older-redis");
  found = GetNow(cache, "k", {.now = kNow});
  REQUIRE(found.has_value());
  CHECK(found->layer == Layer::kMemory);
  CHECK(found->entry->payload == "old-l1");
}

TEST_CASE("TieredCache: max age (stored_after) rejects older entries in both layers", "[cache]") {
  MemoryCache memory({});
  FakeSharedStore shared;
  TieredCache cache(memory, &shared);
  cache.Put("k", Entry(kNow - absl::Minutes(2), absl::Minutes(20), "two-minutes-old"), kNow);
  auto found = GetNow(cache, "k", {.now = kNow, .stored_after = kNow - absl::Minutes(1)});
  REQUIRE(found.has_value());
  CHECK_FALSE(found->fresh);
  CHECK(found->shared_consulted);
  CHECK(found->entry != nullptr);  // still there for stale-on-error
  found = GetNow(cache, "k", {.now = kNow, .stored_after = kNow - absl::Minutes(3)});
  REQUIRE(found.has_value());
  CHECK(found->fresh);
}

TEST_CASE("TieredCache: a shared store that is down or failing is a miss", "[cache]") {
  MemoryCache memory({});
  FakeSharedStore shared;
  TieredCache cache(memory, &shared);
  CHECK(cache.SharedState() == "ok");
  shared.up = false;
  CHECK(cache.SharedState() == "degraded");
  auto found = GetNow(cache, "k", {.now = kNow});
  REQUIRE(found.has_value());
  CHECK_FALSE(found->fresh);
  CHECK(found->shared_failed);
  CHECK(shared.gets == 0);  // not even asked while known to be down

  shared.up = true;
  shared.fail_gets = true;
  found = GetNow(cache, "k", {.now = kNow});
  REQUIRE(found.has_value());
  CHECK(found->shared_failed);
  CHECK(shared.gets == 1);

  TieredCache memory_only(memory, nullptr);
  CHECK(memory_only.SharedState() == "off");
  found = GetNow(memory_only, "k", {.now = kNow});
  REQUIRE(found.has_value());
  CHECK_FALSE(found->shared_consulted);
}

TEST_CASE("TieredCache: Fill stores in L1 only", "[cache]") {
  MemoryCache memory({});
  FakeSharedStore shared;
  TieredCache cache(memory, &shared);
  cache.Fill("k", Entry(kNow, absl::Minutes(5), "x"));
  CHECK(shared.puts == 0);
  CHECK(shared.entries.empty());
  CHECK(cache.Peek("k", {.now = kNow}) != nullptr);
}

}  // namespace
}  // namespace trackenrich::cache
