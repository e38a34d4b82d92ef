#include "adapters/amazon/lwa_parser.h"

#include "absl/strings/str_cat.h"

#include "adapters/common/oauth_token_response.h"

namespace trackenrich::adapters::amazon {

absl::StatusOr<OAuthToken> ParseLwaTokenResponse(absl::string_view adapter,
                                                 const http::HttpResponse& response,
                                                 absl::Time now) {
  return ParseOAuthTokenResponse(absl::StrCat(adapter, " lwa"), response, now);
}

}  // namespace trackenrich::adapters::amazon
