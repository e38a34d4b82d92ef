#include "adapters/common/token_exchange.h"

#include <memory>
#include <string>
#include <utility>

#include "adapters/common/oauth_token_response.h"
#include "adapters/common/upstream_status.h"

namespace trackenrich::adapters {
namespace {

// Shared by the first attempt and the retry.
struct Exchange {
  http::HttpClient& client;
  const http::Endpoint& endpoint;
  OAuthTokenCache& tokens;
  absl::Time deadline;
  TokenRequestBuilder build;
  TokenRejected rejected;
  http::ResponseCallback done;
};

void Attempt(std::shared_ptr<Exchange> exchange, bool retry_on_rejection) {
  Exchange& x = *exchange;
  x.tokens.Get(x.deadline, [exchange, retry_on_rejection](absl::StatusOr<std::string> token) {
    Exchange& x = *exchange;
    if (!token.ok()) {
      x.done(token.status());
      return;
    }
    x.client.Send(x.endpoint, x.build(*token), x.deadline,
                  [exchange, retry_on_rejection,
                   token = *token](absl::StatusOr<http::HttpResponse> response) {
                    Exchange& x = *exchange;
                    if (response.ok() && retry_on_rejection && x.rejected(*response)) {
                      x.tokens.Invalidate(token);
                      Attempt(exchange, /*retry_on_rejection=*/false);
                      return;
                    }
                    x.done(std::move(response));
                  });
  });
}

}  // namespace

bool IsHttpUnauthorized(const http::HttpResponse& response) { return response.status == 401; }

void FetchOAuthToken(http::HttpClient& client, const http::Endpoint& endpoint,
                     http::HttpRequest request, absl::Time deadline, std::string adapter,
                     TokenResponseParser parse, TokenFetchCallback done) {
  client.RecordTokenRefresh(endpoint);
  client.Send(endpoint, std::move(request), deadline,
              [adapter = std::move(adapter), parse,
               done = std::move(done)](absl::StatusOr<http::HttpResponse> response) mutable {
                if (!response.ok()) {
                  done(WithAdapter(adapter, response.status()));
                  return;
                }
                done(parse != nullptr ? parse(*response, absl::Now())
                                      : ParseOAuthTokenResponse(adapter, *response, absl::Now()));
              });
}

void FetchOAuthToken(http::HttpClient& client, const http::Endpoint& endpoint,
                     http::HttpRequest request, absl::Time deadline, std::string adapter,
                     TokenFetchCallback done) {
  FetchOAuthToken(client, endpoint, std::move(request), deadline, std::move(adapter),
                  /*parse=*/nullptr, std::move(done));
}

void SendWithToken(http::HttpClient& client, const http::Endpoint& endpoint,
                   OAuthTokenCache& tokens, absl::Time deadline, TokenRequestBuilder build,
                   http::ResponseCallback done, TokenRejected rejected) {
  auto exchange = std::make_shared<Exchange>(Exchange{
      client, endpoint, tokens, deadline, std::move(build), std::move(rejected), std::move(done)});
  Attempt(std::move(exchange), /*retry_on_rejection=*/true);
}

}  // namespace trackenrich::adapters
