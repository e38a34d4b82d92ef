#include "adapters/common/oauth_token_response.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/json_util.h"
#include "adapters/common/upstream_status.h"

namespace trackenrich::adapters {
namespace {

namespace json = boost::json;

// The error code an OAuth error body names: RFC 6749's "error", or the first
// code of a FedEx-style "errors" list. "" when the body is neither.
std::string OAuthErrorCode(absl::string_view body) {
  auto root = ParseJsonObject("oauth", body);
  if (!root.ok()) return "";
  const json::value value(std::move(*root));
  std::string code = JsonString(value, {"error"});
  if (code.empty()) {
    if (const json::array* errors = JsonArray(value, {"errors"}); errors && !errors->empty()) {
      code = JsonString((*errors)[0], {"code"});
    }
  }
  // Codes are short identifiers; anything else is not echoed.
  if (code.size() > 64) code.clear();
  for (char c : code) {
    if (!(absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-')) {
      return "";
    }
  }
  return code;
}

}  // namespace

absl::StatusOr<OAuthToken> ParseOAuthTokenResponse(absl::string_view adapter,
                                                   const http::HttpResponse& response,
                                                   absl::Time now) {
  if (response.status != 200) {
    if (response.status == 400 || response.status == 401 || response.status == 403) {
      const std::string code = OAuthErrorCode(response.body);
      return absl::FailedPreconditionError(
          absl::StrCat(adapter, ": upstream rejected the service's credentials (HTTP ",
                       response.status, code.empty() ? "" : absl::StrCat(", ", code), ")"));
    }
    return UpstreamHttpError(adapter, response);
  }
  auto root = ParseJsonObject(adapter, response.body);
  if (!root.ok()) return root.status();
  const json::value value(std::move(*root));
  OAuthToken token;
  token.access_token = JsonString(value, {"access_token"});
  if (token.access_token.empty()) {
    return MalformedPayload(adapter, "token response has no access_token");
  }
  int64_t expires_in = 0;
  if (!absl::SimpleAtoi(JsonString(value, {"expires_in"}), &expires_in) || expires_in <= 0) {
    return MalformedPayload(adapter, "token response has no positive expires_in");
  }
  token.expires_at = now + absl::Seconds(expires_in);
  return token;
}

}  // namespace trackenrich::adapters
