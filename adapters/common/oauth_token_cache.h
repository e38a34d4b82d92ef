// OAuthTokenCache: one cached bearer token per credential, refreshed before it
// expires, with at most one refresh in flight however many callers wait.
//
//   OAuthTokenCache tokens([&](absl::Time deadline, TokenFetchCallback done) {
//     client.Send(endpoint, BuildTokenRequest(creds), deadline, [done = std::move(done)](auto r) {
//       done(r.ok() ? ParseTokenResponse(*r) : r.status());
//     });
//   });
//   tokens.Get(deadline, [](absl::StatusOr<std::string> token) { ... });
//
// After an upstream answers 401 for a token, call Invalidate(token) and Get()
// again: the next Get() fetches a fresh one (once, however many callers saw
// the 401).
#ifndef TRACKENRICH_ADAPTERS_COMMON_OAUTH_TOKEN_CACHE_H_
#define TRACKENRICH_ADAPTERS_COMMON_OAUTH_TOKEN_CACHE_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#include "adapters/http/trace_context.h"

namespace trackenrich::adapters {

struct OAuthToken {
  std::string access_token;
  absl::Time expires_at = absl::InfinitePast();
};

using TokenFetchCallback = absl::AnyInvocable<void(absl::StatusOr<OAuthToken>)>;
using TokenFetcher = std::function<void(absl::Time deadline, TokenFetchCallback done)>;
using TokenCallback = absl::AnyInvocable<void(absl::StatusOr<std::string>)>;

class OAuthTokenCache {
 public:
  // `refresh_margin`: a token this close to expiry is treated as expired.
  explicit OAuthTokenCache(TokenFetcher fetcher, absl::Duration refresh_margin = absl::Seconds(60),
                           std::function<absl::Time()> clock = absl::Now);

  // Calls `done` with a valid access token, fetching one if needed. `done`
  // may run inline (cache hit) or on the fetcher's completion thread, then
  // under the trace that was current when Get was called.
  void Get(absl::Time deadline, TokenCallback done);

  // Drops `token` if it is the cached one.
  void Invalidate(absl::string_view token);

  // Number of fetches started (for metrics and tests).
  int fetch_count() const;

 private:
  void OnFetched(absl::StatusOr<OAuthToken> token);

  TokenFetcher fetcher_;
  absl::Duration refresh_margin_;
  std::function<absl::Time()> clock_;
  mutable absl::Mutex mu_;
  OAuthToken token_ ABSL_GUARDED_BY(mu_);
  bool fetching_ ABSL_GUARDED_BY(mu_) = false;
  // Each waiter with the trace it was waiting for (see http/trace_context.h).
  std::vector<std::pair<TokenCallback, http::TraceContext>> waiters_ ABSL_GUARDED_BY(mu_);
  int fetch_count_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_OAUTH_TOKEN_CACHE_H_
