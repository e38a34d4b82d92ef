#include "adapters/common/oauth_token_cache.h"

#include <utility>

namespace trackenrich::adapters {

OAuthTokenCache::OAuthTokenCache(TokenFetcher fetcher, absl::Duration refresh_margin,
                                 std::function<absl::Time()> clock)
    : fetcher_(std::move(fetcher)), refresh_margin_(refresh_margin), clock_(std::move(clock)) {}

void OAuthTokenCache::Get(absl::Time deadline, TokenCallback done) {
  std::string cached;
  {
    absl::MutexLock lock(&mu_);
    if (!token_.access_token.empty() && clock_() + refresh_margin_ < token_.expires_at) {
      cached = token_.access_token;
    } else {
      waiters_.emplace_back(std::move(done), http::CurrentTrace());
      if (fetching_) return;
      fetching_ = true;
      ++fetch_count_;
    }
  }
  if (!cached.empty()) {
    done(std::move(cached));
    return;
  }
  fetcher_(deadline, [this](absl::StatusOr<OAuthToken> token) { OnFetched(std::move(token)); });
}

void OAuthTokenCache::OnFetched(absl::StatusOr<OAuthToken> token) {
  std::vector<std::pair<TokenCallback, http::TraceContext>> waiters;
  {
    absl::MutexLock lock(&mu_);
    fetching_ = false;
    if (token.ok()) token_ = *token;
    waiters.swap(waiters_);
  }
  for (auto& [waiter, trace] : waiters) {
    http::ScopedTrace scope(std::move(trace));
    if (token.ok()) {
      waiter(token->access_token);
    } else {
      waiter(token.status());
    }
  }
}

void OAuthTokenCache::Invalidate(absl::string_view token) {
  absl::MutexLock lock(&mu_);
  if (token_.access_token == token) token_ = OAuthToken{};
}

int OAuthTokenCache::fetch_count() const {
  absl::MutexLock lock(&mu_);
  return fetch_count_;
}

}  // namespace trackenrich::adapters
