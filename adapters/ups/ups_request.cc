#include "adapters/ups/ups_request.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace trackenrich::adapters::ups {

http::HttpRequest BuildUpsTokenRequest(absl::string_view client_id,
                                       absl::string_view client_secret) {
  http::HttpRequest request;
  request.method = "POST";
  request.target = std::string(kUpsTokenPath);
  request.headers.emplace_back(
      "Authorization",
      absl::StrCat("Basic ", absl::Base64Escape(absl::StrCat(client_id, ":", client_secret))));
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  request.headers.emplace_back("Accept", "application/json");
  request.body = "grant_type=client_credentials";
  // Asking for a token twice is harmless.
  request.idempotent = true;
  return request;
}

http::HttpRequest BuildUpsTrackRequest(absl::string_view tracking_number,
                                       absl::string_view access_token,
                                       absl::string_view transaction_id, absl::string_view locale) {
  http::HttpRequest request;
  request.method = "GET";
  request.target = absl::StrCat(kUpsTrackPath, tracking_number, "?locale=", locale,
                                "&returnSignature=false&returnMilestones=false&returnPOD=false");
  request.headers.emplace_back("Authorization", absl::StrCat("Bearer ", access_token));
  request.headers.emplace_back("transId", transaction_id);
  request.headers.emplace_back("transactionSrc", "trackenrich");
  request.headers.emplace_back("Accept", "application/json");
  return request;
}

}  // namespace trackenrich::adapters::ups
