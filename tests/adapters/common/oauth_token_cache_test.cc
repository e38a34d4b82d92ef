#include "adapters/common/oauth_token_cache.h"

#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/status_matchers.h"

namespace trackenrich::adapters {
namespace {

// A fetcher whose completions the test releases by hand.
struct ManualFetcher {
  std::vector<TokenFetchCallback> pending;
  TokenFetcher AsFetcher() {
    return [this](absl::Time, TokenFetchCallback done) { pending.push_back(std::move(done)); };
  }
};

TEST_CASE("one token fetch however many callers wait", "[oauth]") {
  ManualFetcher fetcher;
  absl::Time now = absl::FromUnixSeconds(1000);
  OAuthTokenCache cache(fetcher.AsFetcher(), absl::Seconds(60), [&] { return now; });
  std::vector<std::string> tokens;
  for (int i = 0; i < 50; ++i) {
    cache.Get(absl::InfiniteFuture(), [&](absl::StatusOr<std::string> token) {
      REQUIRE(token.ok());
      tokens.push_back(*token);
    });
  }
  REQUIRE(fetcher.pending.size() == 1);
  CHECK(tokens.empty());
  std::move(fetcher.pending[0])(OAuthToken{"t1", now + absl::Seconds(3600)});
  CHECK(tokens.size() == 50);
  CHECK(tokens.back() == "t1");
  CHECK(cache.fetch_count() == 1);

  // Cached: answered inline, no fetch.
  cache.Get(absl::InfiniteFuture(),
            [&](absl::StatusOr<std::string> token) { tokens.push_back(*token); });
  CHECK(tokens.size() == 51);
  CHECK(cache.fetch_count() == 1);

  // Inside the refresh margin: refreshed before it expires.
  now += absl::Seconds(3600 - 30);
  cache.Get(absl::InfiniteFuture(),
            [&](absl::StatusOr<std::string> token) { tokens.push_back(*token); });
  CHECK(cache.fetch_count() == 2);
  REQUIRE(fetcher.pending.size() == 2);
  std::move(fetcher.pending[1])(OAuthToken{"t2", now + absl::Seconds(3600)});
  CHECK(tokens.back() == "t2");
}

TEST_CASE("a failed fetch reaches every waiter and the next Get retries", "[oauth]") {
  ManualFetcher fetcher;
  OAuthTokenCache cache(fetcher.AsFetcher());
  int failures = 0;
  for (int i = 0; i < 3; ++i) {
    cache.Get(absl::InfiniteFuture(), [&](absl::StatusOr<std::string> token) {
      CHECK_THAT(token.status(), testing::StatusIs(absl::StatusCode::kFailedPrecondition));
      ++failures;
    });
  }
  std::move(fetcher.pending[0])(absl::FailedPreconditionError("ups token: rejected"));
  CHECK(failures == 3);
  cache.Get(absl::InfiniteFuture(), [](absl::StatusOr<std::string>) {});
  CHECK(cache.fetch_count() == 2);
}

TEST_CASE("Invalidate drops only the token it names", "[oauth]") {
  ManualFetcher fetcher;
  OAuthTokenCache cache(fetcher.AsFetcher());
  cache.Get(absl::InfiniteFuture(), [](absl::StatusOr<std::string>) {});
  std::move(fetcher.pending[0])(OAuthToken{"t1", absl::Now() + absl::Hours(1)});
  cache.Invalidate("someone-else");
  cache.Get(absl::InfiniteFuture(), [](absl::StatusOr<std::string>) {});
  CHECK(cache.fetch_count() == 1);
  cache.Invalidate("t1");
  cache.Get(absl::InfiniteFuture(), [](absl::StatusOr<std::string>) {});
  CHECK(cache.fetch_count() == 2);
}

}  // namespace
}  // namespace trackenrich::adapters
